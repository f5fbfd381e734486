// Grouped convolutions for conv2d (groups > 1). Depthwise ones (one input and one output channel
// per group: MobileNet, EfficientNet, ShuffleNet, ConvNeXt) run a plane kernel: each output
// plane accumulates kernelH x kernelW shifted, scaled rows of its zero-padded input plane, which
// vectorizes along the row. Other groupings (ResNeXt, channel multipliers) run conv2d on each
// group's channels, gathered into a temporary. Internal to conv2d.cpp.
#pragma once

#include "core/ops/conv2d.h"

namespace basin {

// Same contract as conv2d (output already resized by the caller).
void conv2dGrouped(const Tensor& input, const float* weight, const Conv2dGeometry& g,
                   const ConvEpilogue& epilogue, Tensor& output, Workspace& workspace, int threads);

}  // namespace basin
