// Where axes and colorbars put their ticks, and how they write them: round values (steps of 1,
// 2, 2.5 or 5 times a power of ten) on linear scales, the 1-2-5 loss values on the reference's
// log(loss + 0.1) scale, so that a log figure is labelled in loss units.
#pragma once

#include <string>
#include <vector>

#include "viz/surface_data.h"

namespace basin::viz {

// About `target` round values inside [low, high] (both ends included within rounding).
std::vector<double> niceTicks(double low, double high, int target = 5);

// The loss values 0, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, ... whose height lies in
// [lowHeight, highHeight] on the log(loss + 0.1) scale; thinned to every other decade's 1 and 5
// (then to the powers of ten) when more than `most` would fit.
std::vector<double> logLossTicks(double lowHeight, double highHeight, int most = 9);

// The loss a height shows: exp(h) - 0.1 on the log scale, h itself otherwise.
double lossOfHeight(double height, const HeightOptions& options);

// `value` written with the decimals that tell ticks `step` apart ("-1.0", "0.0", "0.5" for a
// step of 0.5; "2.5e+09" for huge values), never "-0".
std::string tickLabel(double value, double step);

}  // namespace basin::viz
