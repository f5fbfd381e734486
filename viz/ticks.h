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

// `v` through printf's `format` ("%g" unless told).
std::string formatNumber(double v, const char* format = "%g");

// Ticks of an axis from `low` to `high` and their labels.
struct Ticks {
  std::vector<double> at;  // in the axis' units (heights on a log scale)
  std::vector<std::string> labels;
};

// About `target` round values and labels that tell them apart.
Ticks linearTicks(double low, double high, int target);

// A value axis' or colorbar's ticks between heights `low` and `high`: the levels when they are
// few, else about `target` round values; on the log scale the 1-2-5 losses (at most
// 2 * target - 1, thinned to 1-5 or decades), labelled in loss units.
Ticks valueTicks(double low, double high, const std::vector<double>& levels, bool log,
                 int target = 5);

}  // namespace basin::viz
