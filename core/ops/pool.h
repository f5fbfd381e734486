// Max and average pooling with PyTorch's semantics (padding, ceil mode, count_include_pad), and
// global average pooling. NCHW in, NCHW out (global pooling: N x C).
#pragma once

#include "core/tensor/tensor.h"

namespace basin {

struct Pool2dGeometry {
  int64_t kernelH = 2, kernelW = 2;
  int64_t strideH = 2, strideW = 2;
  int64_t padH = 0, padW = 0;
  bool ceilMode = false;
  // Average pooling divides by the window's extent inside input + padding (PyTorch's default,
  // count_include_pad=True; a ceil-mode overhang past the padding never counts), or with false
  // by the number of input values it covers.
  bool countIncludePad = true;
};

// PyTorch's output extent: in ceil mode the last window must start inside the input or its
// left padding. Throws ShapeError when the window does not fit.
int64_t poolOutputExtent(int64_t in, int64_t kernel, int64_t stride, int64_t pad, bool ceilMode);

// Oracles: plain loops over every window. Resize `output`.
void maxPool2dNaive(const Tensor& input, const Pool2dGeometry& g, Tensor& output);
void avgPool2dNaive(const Tensor& input, const Pool2dGeometry& g, Tensor& output);
void globalAvgPoolNaive(const Tensor& input, Tensor& output);

// Fast versions: window bounds precomputed per output row/column, parallel over planes.
void maxPool2d(const Tensor& input, const Pool2dGeometry& g, Tensor& output, int threads);
void avgPool2d(const Tensor& input, const Pool2dGeometry& g, Tensor& output, int threads);
void globalAvgPool(const Tensor& input, Tensor& output, int threads);

}  // namespace basin
