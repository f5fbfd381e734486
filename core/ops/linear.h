// Fully connected layer: y = x W^T + b (PyTorch Linear) over the last axis of x (N x ... x in;
// the result N x ... x out), W is out x in.
#pragma once

#include "core/tensor/tensor.h"

namespace basin {

// Oracle in double accumulation; ReLU after the bias if asked. Resizes `output` to N x ... x out.
// Throws ShapeError if x is not N x ... x inFeatures.
void linearNaive(const Tensor& input, const float* weight, const float* bias, int64_t outFeatures,
                 bool relu, Tensor& output);

// Eigen GEMM over fixed 16-row blocks of the rows spread on `threads` (results do not
// depend on the thread count); same contract.
void linear(const Tensor& input, const float* weight, const float* bias, int64_t outFeatures,
            bool relu, Tensor& output, int threads);

}  // namespace basin
