// ReLU, residual addition and channel concatenation on NCHW (or N x F) tensors.
#pragma once

#include <vector>

#include "core/tensor/tensor.h"

namespace basin {

// Oracles.
void reluNaive(const Tensor& input, Tensor& output);
// output = a + b, then ReLU if asked. Throws ShapeError if the shapes differ.
void addNaive(const Tensor& a, const Tensor& b, bool relu, Tensor& output);
// Channels (dim 1) of all inputs in order; throws ShapeError unless the other dims agree.
void concatChannelsNaive(const std::vector<const Tensor*>& inputs, Tensor& output);

// Fast versions, parallel over images; same contracts.
void relu(const Tensor& input, Tensor& output, int threads);
void add(const Tensor& a, const Tensor& b, bool relu, Tensor& output, int threads);
void concatChannels(const std::vector<const Tensor*>& inputs, Tensor& output, int threads);

}  // namespace basin
