// Data movement along the channel axis of N x C x ... tensors: a channel range (ONNX Slice and
// Split on axis 1) and ShuffleNet's channel shuffle (a reshape to N x g x C/g x ..., a transpose
// of the two group axes and a reshape back). Both copy values without arithmetic, so one
// implementation serves as oracle and fast path.
#pragma once

#include "core/tensor/tensor.h"

namespace basin {

// Channels [begin, end) of every image. Throws ShapeError unless 0 <= begin < end <= C.
void channelSlice(const Tensor& input, int64_t begin, int64_t end, Tensor& output, int threads);

// Output channel j * groups + i is input channel i * (C / groups) + j. Throws ShapeError unless
// `groups` divides C.
void channelShuffle(const Tensor& input, int64_t groups, Tensor& output, int threads);

}  // namespace basin
