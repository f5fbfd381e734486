// Direct convolution for kernels larger than 1x1 with strides 1 and 2: no im2col. Each image is
// copied once into a zero-padded buffer (for stride 2 split into its 2 x 2 phases, so that the
// strided taps read contiguous values); outputs are computed on the padded-width grid, where
// every kernel tap is a constant offset, by a register-blocked SIMD kernel (Eigen's packet
// primitives, so it uses AVX-512 or AVX2 as compiled). Internal to conv2d.cpp, which chooses
// when to use it.
#pragma once

#include <limits>

#include "core/ops/conv2d.h"

namespace basin {

// Whether conv2dDirect handles this geometry.
bool conv2dDirectApplies(const Conv2dGeometry& g);

// Same contract as conv2d (output already resized by the caller).
void conv2dDirect(const Tensor& input, const float* weight, const Conv2dGeometry& g,
                  const ConvEpilogue& epilogue, Tensor& output, Workspace& workspace, int threads);

// Shared with conv2d.cpp: dst = src + bias (+ residual) (then ReLU capped at `upper`) over n
// values; dst may be src.
void finishRow(const float* src, float* dst, int64_t n, float bias, const float* residual,
               bool relu, float upper = std::numeric_limits<float>::infinity());

}  // namespace basin
