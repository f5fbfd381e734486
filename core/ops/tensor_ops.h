// Operators on tensors of any rank (ONNX's semantics), for the parts of a graph that are not
// images: transformers' token sequences, attention heads, channels-last blocks. Data movement
// (transpose, gather, slice, concat, expand) and elementwise arithmetic with NumPy broadcasting
// are exact in float, so one implementation is oracle and fast path; the reductions
// (matmul, softmax, layer normalization, mean/sum) have a double-precision oracle and a float
// fast path.
#pragma once

#include <vector>

#include "core/tensor/tensor.h"

namespace basin {

// PRelu: a >= 0 ? a : a * b (b the slopes).
enum class BinaryOp { Add, Sub, Mul, Div, Pow, PRelu };
const char* binaryOpName(BinaryOp op);

// NumPy's broadcast of two shapes (aligned at their last axes; an extent 1 stretches). Throws
// ShapeError if they do not broadcast.
Shape broadcastShapes(const Shape& a, const Shape& b);

// output = a op b, broadcast. Throws ShapeError if the shapes do not broadcast.
void binary(const Tensor& a, const Tensor& b, BinaryOp op, Tensor& output, int threads);
// `input` broadcast to `shape` (ONNX Expand: the result has the broadcast of both shapes).
void expand(const Tensor& input, const Shape& shape, Tensor& output, int threads);

// output axis i is input axis perm[i]. Throws ShapeError unless perm permutes the axes.
void transpose(const Tensor& input, const std::vector<int64_t>& perm, Tensor& output, int threads);
// Entries `indices` (in range, non-negative) along `axis`; with `dropAxis` the axis is removed
// (a scalar index), else it has indices.size() entries.
void gather(const Tensor& input, int64_t axis, const std::vector<int64_t>& indices, bool dropAxis,
            Tensor& output, int threads);
// Entries begin, begin + step, ... (< end; step >= 1) along `axis`.
void sliceAxis(const Tensor& input, int64_t axis, int64_t begin, int64_t end, int64_t step,
               Tensor& output, int threads);
// The inputs joined along `axis`; the other extents must agree (ShapeError).
void concatAxis(const std::vector<const Tensor*>& inputs, int64_t axis, Tensor& output,
                int threads);

// NumPy matmul of two tensors of rank >= 2: the last two axes multiply (m x k times k x n), the
// leading ones broadcast. Throws ShapeError on mismatched shapes.
void matmulNaive(const Tensor& a, const Tensor& b, Tensor& output);
void matmul(const Tensor& a, const Tensor& b, Tensor& output, int threads);

// Softmax (or its log) along `axis`.
void softmaxNaive(const Tensor& input, int64_t axis, bool logarithm, Tensor& output);
void softmax(const Tensor& input, int64_t axis, bool logarithm, Tensor& output, int threads);

// Layer normalization over the axes from `axis` to the last: (x - mean) / sqrt(var + eps) *
// scale + bias, scale and bias (may be null) of the normalized axes' size.
void layerNormNaive(const Tensor& input, int64_t axis, const float* scale, const float* bias,
                    double eps, Tensor& output);
void layerNorm(const Tensor& input, int64_t axis, const float* scale, const float* bias, double eps,
               Tensor& output, int threads);

// Mean (or sum) over `axes` (sorted, distinct), accumulated in double; the reduced axes are kept
// with extent 1 if `keepDims`, else removed.
void reduce(const Tensor& input, const std::vector<int64_t>& axes, bool mean, bool keepDims,
            Tensor& output);

}  // namespace basin
