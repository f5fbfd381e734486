// Winograd F(2x2, 3x3) for 3x3, stride-1, pad-1 convolutions (Lavin & Gray 2016): every 2x2
// block of outputs costs 16 multiply-adds per input channel instead of 36, 2.25x fewer.
// Per chunk of images: input tiles transformed (V = B^T d B), 16 GEMMs M = U V over channels
// (U = G g G^T, the transformed filters), outputs transformed back (Y = A^T M A) with the
// epilogue fused. The transforms only add, subtract and halve, so the rounding error stays
// within a few float ulps of the sum's scale (tested against the naive oracle).
// Internal to conv2d.cpp, which chooses when to use it.
#pragma once

#include "core/ops/conv2d.h"

namespace basin {

bool conv2dWinogradApplies(const Conv2dGeometry& g);

// Same contract as conv2d (output already resized by the caller); `transformedFilters` from
// winogradTransformFilters, or null to transform `weight` here.
void conv2dWinograd(const Tensor& input, const float* weight, const float* transformedFilters,
                    const Conv2dGeometry& g, const ConvEpilogue& epilogue, Tensor& output,
                    Workspace& workspace, int threads);

}  // namespace basin
