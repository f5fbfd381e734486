#include "core/ops/loss.h"

#include <cmath>

#include "core/error.h"

namespace basin {

LossSums lossAndAccuracy(const Tensor& logits, std::span<const int32_t> labels, LossKind kind) {
  if (logits.rank() != 2 || logits.dim(0) != static_cast<int64_t>(labels.size()))
    throw ShapeError("loss expects N x classes logits for " + std::to_string(labels.size()) +
                     " labels, got " + toString(logits.shape()));
  const int64_t N = logits.dim(0), K = logits.dim(1);
  LossSums sums;
  for (int64_t n = 0; n < N; ++n) {
    const float* z = logits.data() + n * K;
    const int32_t label = labels[n];
    if (label < 0 || label >= K)
      throw ArgumentError("label " + std::to_string(label) + " is outside the model's " +
                          std::to_string(K) + " classes");
    int64_t best = 0;
    for (int64_t k = 1; k < K; ++k)
      if (z[k] > z[best]) best = k;
    const double zmax = z[best];
    double denom = 0.0;
    for (int64_t k = 0; k < K; ++k) denom += std::exp(double(z[k]) - zmax);
    if (kind == LossKind::CrossEntropy) {
      sums.loss += std::log(denom) + zmax - double(z[label]);
    } else {
      double se = 0.0;
      for (int64_t k = 0; k < K; ++k) {
        const double d = std::exp(double(z[k]) - zmax) / denom - (k == label ? 1.0 : 0.0);
        se += d * d;
      }
      sums.loss += se / double(K);
    }
    sums.correct += best == label;
    ++sums.count;
  }
  return sums;
}

}  // namespace basin
