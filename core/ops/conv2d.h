// 2-D convolution (PyTorch Conv2d semantics: groups, dilation, symmetric zero padding) on NCHW
// tensors.
#pragma once

#include <algorithm>
#include <limits>

#include "core/ops/workspace.h"
#include "core/tensor/tensor.h"

namespace basin {

struct Conv2dGeometry {
  int64_t inChannels = 0, outChannels = 0;
  int64_t kernelH = 1, kernelW = 1;
  int64_t strideH = 1, strideW = 1;
  int64_t padH = 0, padW = 0;
  // inChannels and outChannels are split into `groups` independent convolutions (depthwise:
  // groups == inChannels); the weight is outChannels x (inChannels / groups) x kh x kw.
  int64_t groups = 1;
  int64_t dilationH = 1, dilationW = 1;
};

// What happens to each output value after the convolution sum, in this order:
// + bias[channel], + residual[same index] (a tensor of the output's shape), then ReLU, whose
// result is capped at `upper` (ReLU6: 6; a Clip(0, upper) fused into the convolution).
struct ConvEpilogue {
  const float* bias = nullptr;
  const float* residual = nullptr;
  bool relu = false;
  float upper = std::numeric_limits<float>::infinity();

  // The finished value of output `index` (of channel `channel`) from its convolution sum.
  float apply(float v, int64_t channel, int64_t index) const {
    if (bias) v += bias[channel];
    if (residual) v += residual[index];
    return relu ? std::min(std::max(v, 0.0f), upper) : v;
  }
};

// Output extent of a convolution along one axis; throws ShapeError when the (dilated) kernel
// does not fit.
int64_t convOutputExtent(int64_t in, int64_t kernel, int64_t stride, int64_t pad,
                         int64_t dilation = 1);

// Plain seven-loop convolution in double accumulation: the oracle for conv2d.
// `weight` is outChannels x inChannels / groups x kernelH x kernelW. Resizes `output`.
// Throws ShapeError if the input's channels do not match the geometry or the groups do not
// divide the channels.
void conv2dNaive(const Tensor& input, const float* weight, const Conv2dGeometry& g,
                 const ConvEpilogue& epilogue, Tensor& output);

// Fast convolution, images spread over `threads` OpenMP threads, epilogue fused into the
// output pass. By geometry: grouped and depthwise convolutions (conv2d_grouped.h); 3x3
// stride-1 pad-1 ones onto 8 x 8 outputs and more Winograd F(4x4, 3x3) or F(2x2, 3x3)
// (conv2d_winograd.h); any other onto fewer than 64 output positions one GEMM per position and
// kernel tap inside the image (conv2d_small_map.h); kernels larger than 1x1 with strides 1 and
// 2 the direct SIMD kernel (conv2d_direct.h); 1x1 stride-1 ones one Eigen GEMM per image; the
// rest (dilated, strides above 2) im2col + Eigen GEMM per chunk of images.
// Results do not depend on `threads`. Same contract as conv2dNaive. `preparedFilters`, if
// given, are the weights already laid out for the kernel this geometry runs (prepareFilters;
// then `weight` is not read and may be null).
void conv2d(const Tensor& input, const float* weight, const Conv2dGeometry& g,
            const ConvEpilogue& epilogue, Tensor& output, Workspace& workspace, int threads,
            const float* preparedFilters = nullptr);

// The filters of a convolution laid out for the kernel conv2d runs at this output size, so that
// a caller who runs many batches with the same weights (PreparedNet: once per set of weights)
// arranges them once: transformed for the one Winograd tiling the layer uses, or tap-major for
// small maps. preparedFilterFloats is 0 where the kernel reads the weights as they are.
int64_t preparedFilterFloats(const Conv2dGeometry& g, int64_t outH, int64_t outW);
void prepareFilters(const float* weight, const Conv2dGeometry& g, int64_t outH, int64_t outW,
                    float* out);
// The Winograd tiling conv2d runs: 4 for F(4x4, 3x3), 2 for F(2x2, 3x3), 0 where it does not.
int winogradTile(const Conv2dGeometry& g, int64_t outH, int64_t outW);

// Multiply-accumulate count x 2 for one image.
int64_t conv2dFlops(const Conv2dGeometry& g, int64_t outH, int64_t outW);

}  // namespace basin
