#include "core/ops/batchnorm.h"

#include <algorithm>
#include <cmath>

#include "core/error.h"

namespace basin {
namespace {

void checkChannels(const Tensor& input, int64_t channels) {
  if (input.rank() < 2 || input.dim(1) != channels)
    throw ShapeError("batch norm over " + std::to_string(channels) + " channels got input " +
                     toString(input.shape()));
}

}  // namespace

void batchNormNaive(const Tensor& input, const BatchNormParams& bn, Tensor& output) {
  checkChannels(input, bn.channels);
  output.resize(input.shape());
  const int64_t N = input.dim(0), C = bn.channels,
                inner = input.size() / std::max<int64_t>(N * C, 1);
  for (int64_t n = 0; n < N; ++n)
    for (int64_t c = 0; c < C; ++c)
      for (int64_t i = 0; i < inner; ++i) {
        const int64_t k = (n * C + c) * inner + i;
        const double norm =
            (double(input[k]) - bn.runningMean[c]) / std::sqrt(double(bn.runningVar[c]) + bn.eps);
        output[k] = static_cast<float>(norm * bn.weight[c] + bn.bias[c]);
      }
}

void batchNormAffine(const BatchNormParams& bn, float* scale, float* shift) {
  for (int64_t c = 0; c < bn.channels; ++c) {
    const double s = double(bn.weight[c]) / std::sqrt(double(bn.runningVar[c]) + bn.eps);
    scale[c] = static_cast<float>(s);
    shift[c] = static_cast<float>(double(bn.bias[c]) - double(bn.runningMean[c]) * s);
  }
}

void channelAffine(const Tensor& input, const float* scale, const float* shift, bool relu,
                   Tensor& output, int threads) {
  if (input.rank() < 2)
    throw ShapeError("channel affine needs N x C input, got " + toString(input.shape()));
  output.resize(input.shape());
  const int64_t N = input.dim(0), C = input.dim(1),
                inner = (N * C) != 0 ? input.size() / (N * C) : 0;
  const float* in = input.data();
  float* out = output.data();
#pragma omp parallel for num_threads(threads) schedule(static) if (threads > 1)
  for (int64_t n = 0; n < N; ++n)
    for (int64_t c = 0; c < C; ++c) {
      const float* src = in + (n * C + c) * inner;
      float* dst = out + (n * C + c) * inner;
      const float s = scale[c], t = shift[c];
      if (relu) {
        for (int64_t i = 0; i < inner; ++i) dst[i] = std::max(src[i] * s + t, 0.0f);
      } else {
        for (int64_t i = 0; i < inner; ++i) dst[i] = src[i] * s + t;
      }
    }
}

}  // namespace basin
