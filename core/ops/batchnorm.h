// Eval-mode batch normalization (BatchNorm1d/2d with running statistics) and the per-channel
// affine map it reduces to, which the fast path folds into neighbouring ops.
#pragma once

#include "core/tensor/tensor.h"

namespace basin {

struct BatchNormParams {
  const float* weight = nullptr;  // gamma
  const float* bias = nullptr;    // beta
  const float* runningMean = nullptr;
  const float* runningVar = nullptr;
  double eps = 1e-5;
  int64_t channels = 0;
};

// y = (x - mean) / sqrt(var + eps) * gamma + beta in double, channel = dim 1 of an N x C [x H x W]
// tensor: the oracle. Throws ShapeError if dim 1 is not `channels`.
void batchNormNaive(const Tensor& input, const BatchNormParams& bn, Tensor& output);

// The same map as y = x * scale[c] + shift[c]; `scale` and `shift` hold `channels` values.
void batchNormAffine(const BatchNormParams& bn, float* scale, float* shift);

// y = x * scale[c] + shift[c], then ReLU if asked; parallel over images. Throws like above.
void channelAffine(const Tensor& input, const float* scale, const float* shift, bool relu,
                   Tensor& output, int threads);

}  // namespace basin
