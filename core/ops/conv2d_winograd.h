// Winograd convolution for 3x3, stride-1, pad-1 convolutions (Lavin & Gray 2016): F(4x4, 3x3)
// costs 36 multiply-adds per 4x4 block of outputs and input channel instead of 144 (4x fewer),
// F(2x2, 3x3) 16 instead of 36 (2.25x); the kernel picks F(4x4) for outputs of 32 x 32 and more
// with 16 or more output channels, where it measured faster (winograd_transforms.h has the
// transforms). Per chunk of images: input tiles transformed (V = B^T d B), one GEMM per tile
// element M = U V over channels (U = G g G^T, the transformed filters), outputs transformed back
// (Y = A^T M A) with the epilogue fused. The error stays within 1e-5 of the output's scale on
// the naive oracle's tests. Internal to conv2d.cpp, which chooses when to use it.
#pragma once

#include "core/ops/conv2d.h"

namespace basin {

// Floats of the filters transformed for the tiling winogradTile picks (0 where it is 0), and
// the transform itself (for a geometry whose tile is not 0).
int64_t winogradFilterFloats(const Conv2dGeometry& g, int64_t outH, int64_t outW);
void winogradTransformFilters(const float* weight, const Conv2dGeometry& g, int64_t outH,
                              int64_t outW, float* out);

// Same contract as conv2d (output already resized by the caller); `transformedFilters` from
// winogradTransformFilters, or null to transform `weight` here.
void conv2dWinograd(const Tensor& input, const float* weight, const float* transformedFilters,
                    const Conv2dGeometry& g, const ConvEpilogue& epilogue, Tensor& output,
                    Workspace& workspace, int threads);

}  // namespace basin
