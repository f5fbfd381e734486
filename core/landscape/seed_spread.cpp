#include "core/landscape/seed_spread.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace basin {

SeedSpread seedSpread(const std::vector<double>& values) {
  SeedSpread s;
  double sum = 0;
  for (double v : values) {
    if (!std::isfinite(v)) continue;
    s.min = s.count == 0 ? v : std::min(s.min, v);
    s.max = s.count == 0 ? v : std::max(s.max, v);
    sum += v;
    ++s.count;
  }
  if (s.count == 0) return s;
  s.mean = sum / s.count;
  double squares = 0;
  for (double v : values)
    if (std::isfinite(v)) squares += (v - s.mean) * (v - s.mean);
  s.sd = s.count > 1 ? std::sqrt(squares / (s.count - 1)) : 0.0;
  return s;
}

double separation(const SeedSpread& a, const SeedSpread& b) {
  if (a.count < 2 || b.count < 2) return -1;
  const double pooled = std::sqrt(((a.count - 1) * a.sd * a.sd + (b.count - 1) * b.sd * b.sd) /
                                  double(a.count + b.count - 2));
  const double gap = std::abs(a.mean - b.mean);
  if (pooled == 0) return gap == 0 ? 0.0 : std::numeric_limits<double>::infinity();
  return gap / pooled;
}

}  // namespace basin
