// Convolutions onto small output maps (fewer than 64 positions: the late layers of ImageNet
// networks run on 32 x 32 images, torchvision's ResNet-18 from 4 x 4 down to 1 x 1 with 128-512
// channels) as one GEMM per output position and kernel tap over the whole batch: tap t of
// output position p adds X[q] W_t, X[q] the N x C values of the input position q it reads and
// W_t the tap's C x Cout filter slice, and a tap whose input lies in the padding is skipped.
// im2col multiplies the padding's zeros (on 1 x 1 maps eight of a 3x3 kernel's nine taps, on
// 2 x 2 maps twenty of thirty-six) and repacks the whole filter bank for every chunk of
// images. Internal to conv2d.cpp, which chooses when to use it.
#pragma once

#include "core/ops/conv2d.h"

namespace basin {

// Whether conv2d runs this kernel for `g` onto outH x outW outputs (ungrouped, small maps).
bool conv2dSmallMapApplies(const Conv2dGeometry& g, int64_t outH, int64_t outW);

// The filters rearranged tap-major (per tap a C x Cout matrix): g.outChannels * g.inChannels *
// kernelH * kernelW floats into `out`.
void smallMapArrangeFilters(const float* weight, const Conv2dGeometry& g, float* out);

// Same contract as conv2d (output already resized by the caller); `arrangedFilters` from
// smallMapArrangeFilters, or null to arrange `weight` here.
void conv2dSmallMap(const Tensor& input, const float* weight, const float* arrangedFilters,
                    const Conv2dGeometry& g, const ConvEpilogue& epilogue, Tensor& output,
                    Workspace& workspace, int threads);

}  // namespace basin
