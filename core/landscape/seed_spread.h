// How much a measure of a surface depends on the random directions it was drawn with: its
// spread over several seeds, and whether two networks differ by more than that spread
// (issue 20: "plain vs skip: non-convex share 38.9 +- 3.1 % vs 22.7 +- 2.4 %, separated by 4.2
// pooled standard deviations").
#pragma once

#include <vector>

namespace basin {

struct SeedSpread {
  int count = 0;            // finite values used (NaN, "not measurable", skipped)
  double mean = 0, sd = 0;  // sd: the sample standard deviation (n - 1); 0 for one value
  double min = 0, max = 0;
};

// The spread of `values` (one per seed); non-finite ones (NaN: a measure that could not be
// taken) are left out. count 0 when none is left.
SeedSpread seedSpread(const std::vector<double>& values);

// |mean a - mean b| in pooled standard deviations (sqrt of the count-weighted mean of both
// variances); +inf when both spreads are 0 and the means differ, 0 when they are equal, -1 when
// a side has fewer than two values (no spread to compare with).
double separation(const SeedSpread& a, const SeedSpread& b);

}  // namespace basin
