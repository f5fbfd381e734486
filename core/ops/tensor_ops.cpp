#include "core/ops/tensor_ops.h"

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <limits>
#include <type_traits>

#include "core/error.h"

namespace basin {
namespace {

using RowMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// Parallel loops only where the work pays for waking the second thread.
constexpr int64_t kParallelElements = 32768;

Shape stridesOf(const Shape& shape) {
  Shape s(shape.size(), 1);
  for (int64_t i = static_cast<int64_t>(shape.size()) - 2; i >= 0; --i)
    s[i] = s[i + 1] * shape[i + 1];
  return s;
}

// Strides of `shape` seen with `rank` axes aligned at the last ones, 0 where it broadcasts.
Shape broadcastStrides(const Shape& shape, size_t rank) {
  const Shape own = stridesOf(shape);
  Shape s(rank, 0);
  const size_t offset = rank - shape.size();
  for (size_t i = 0; i < shape.size(); ++i) s[offset + i] = shape[i] == 1 ? 0 : own[i];
  return s;
}

// Offset of the start of row `row` (all axes but the last) for the given strides.
int64_t rowOffset(int64_t row, const Shape& shape, const Shape& strides) {
  int64_t offset = 0;
  for (int64_t i = static_cast<int64_t>(shape.size()) - 2; i >= 0; --i) {
    offset += (row % shape[i]) * strides[i];
    row /= shape[i];
  }
  return offset;
}

int64_t checkedAxis(int64_t axis, int rank, const char* op) {
  if (axis < 0 || axis >= rank)
    throw ShapeError(std::string(op) + ": axis " + std::to_string(axis) + " is outside rank " +
                     std::to_string(rank));
  return axis;
}

// Extents before `axis`, at it and after it.
struct Split3 {
  int64_t outer, extent, inner;
};
Split3 around(const Shape& s, int64_t axis) {
  Split3 r{1, s.at(axis), 1};
  for (int64_t i = 0; i < axis; ++i) r.outer *= s[i];
  for (size_t i = axis + 1; i < s.size(); ++i) r.inner *= s[i];
  return r;
}

template <typename T>
T combine(T x, T y, BinaryOp op) {
  switch (op) {
    case BinaryOp::Add:
      return x + y;
    case BinaryOp::Sub:
      return x - y;
    case BinaryOp::Mul:
      return x * y;
    case BinaryOp::Div:
      return x / y;
    case BinaryOp::Pow:
      return std::pow(x, y);
    case BinaryOp::PRelu:
      return x >= T(0) ? x : x * y;
  }
  return x;
}

}  // namespace

const char* binaryOpName(BinaryOp op) {
  switch (op) {
    case BinaryOp::Add:
      return "Add";
    case BinaryOp::Sub:
      return "Sub";
    case BinaryOp::Mul:
      return "Mul";
    case BinaryOp::Div:
      return "Div";
    case BinaryOp::Pow:
      return "Pow";
    case BinaryOp::PRelu:
      return "PRelu";
  }
  return "?";
}

Shape broadcastShapes(const Shape& a, const Shape& b) {
  const size_t rank = std::max(a.size(), b.size());
  Shape out(rank);
  for (size_t i = 0; i < rank; ++i) {
    const int64_t x = i < rank - a.size() ? 1 : a[i - (rank - a.size())];
    const int64_t y = i < rank - b.size() ? 1 : b[i - (rank - b.size())];
    if (x != y && x != 1 && y != 1)
      throw ShapeError("shapes " + toString(a) + " and " + toString(b) + " do not broadcast");
    out[i] = x == 1 ? y : x;
  }
  return out;
}

void binary(const Tensor& a, const Tensor& b, BinaryOp op, Tensor& output, int threads) {
  const Shape shape = broadcastShapes(a.shape(), b.shape());
  output.resize(shape);
  if (output.size() == 0) return;
  const Shape sa = broadcastStrides(a.shape(), shape.size());
  const Shape sb = broadcastStrides(b.shape(), shape.size());
  const int64_t last = shape.empty() ? 1 : shape.back();
  const int64_t ia = shape.empty() ? 0 : sa.back(), ib = shape.empty() ? 0 : sb.back();
  const int64_t rows = output.size() / last;
  const float* x = a.data();
  const float* y = b.data();
  float* z = output.data();
  // The operator as a compile-time constant: no switch per value.
  auto sweep = [&](auto kind) {
    constexpr BinaryOp k = decltype(kind)::value;
#pragma omp parallel for num_threads(threads) \
    schedule(static) if (threads > 1 && output.size() > kParallelElements)
    for (int64_t r = 0; r < rows; ++r) {
      const float* xr = x + rowOffset(r, shape, sa);
      const float* yr = y + rowOffset(r, shape, sb);
      float* zr = z + r * last;
      for (int64_t i = 0; i < last; ++i) zr[i] = combine<float>(xr[i * ia], yr[i * ib], k);
    }
  };
  using K = BinaryOp;
  switch (op) {
    case K::Add:
      return sweep(std::integral_constant<K, K::Add>{});
    case K::Sub:
      return sweep(std::integral_constant<K, K::Sub>{});
    case K::Mul:
      return sweep(std::integral_constant<K, K::Mul>{});
    case K::Div:
      return sweep(std::integral_constant<K, K::Div>{});
    case K::Pow:
      return sweep(std::integral_constant<K, K::Pow>{});
    case K::PRelu:
      return sweep(std::integral_constant<K, K::PRelu>{});
  }
}

void expand(const Tensor& input, const Shape& shape, Tensor& output, int threads) {
  const Shape out = broadcastShapes(input.shape(), shape);
  output.resize(out);
  if (output.size() == 0) return;
  const Shape s = broadcastStrides(input.shape(), out.size());
  const int64_t last = out.empty() ? 1 : out.back(), step = out.empty() ? 0 : s.back();
  const int64_t rows = output.size() / last;
#pragma omp parallel for num_threads(threads) \
    schedule(static) if (threads > 1 && output.size() > kParallelElements)
  for (int64_t r = 0; r < rows; ++r) {
    const float* x = input.data() + rowOffset(r, out, s);
    float* y = output.data() + r * last;
    for (int64_t i = 0; i < last; ++i) y[i] = x[i * step];
  }
}

namespace {

// Output (of `shape`, contiguous) = input read through `strides`, where output axis `inner`
// has input stride 1: 16 x 16 tiles of that axis and the last one, so that both the reads and
// the writes stay within a few cache lines.
void tiledTranspose(const float* x, const Shape& shape, const Shape& strides, int inner, float* y,
                    int threads) {
  constexpr int64_t kTile = 16;
  const int rank = static_cast<int>(shape.size());
  const Shape out = stridesOf(shape);
  const int64_t rowsA = shape[inner], colsB = shape[rank - 1], step = strides[rank - 1];
  const int64_t outer = numel(shape) / (rowsA * colsB);
#pragma omp parallel for num_threads(threads) \
    schedule(static) if (threads > 1 && numel(shape) > kParallelElements)
  for (int64_t o = 0; o < outer; ++o) {
    int64_t rest = o, from = 0, to = 0;  // o over the other axes, last varying fastest
    for (int d = rank - 2; d >= 0; --d) {
      if (d == inner) continue;
      from += (rest % shape[d]) * strides[d];
      to += (rest % shape[d]) * out[d];
      rest /= shape[d];
    }
    for (int64_t i0 = 0; i0 < rowsA; i0 += kTile)
      for (int64_t j0 = 0; j0 < colsB; j0 += kTile) {
        const int64_t i1 = std::min(i0 + kTile, rowsA), j1 = std::min(j0 + kTile, colsB);
        for (int64_t i = i0; i < i1; ++i)
          for (int64_t j = j0; j < j1; ++j) y[to + i * out[inner] + j] = x[from + i + j * step];
      }
  }
}

}  // namespace

void transpose(const Tensor& input, const std::vector<int64_t>& perm, Tensor& output, int threads) {
  const int rank = input.rank();
  std::vector<bool> seen(rank, false);
  if (static_cast<int>(perm.size()) != rank)
    throw ShapeError("transpose: " + std::to_string(perm.size()) + " axes for rank " +
                     std::to_string(rank));
  for (int64_t p : perm) {
    if (p < 0 || p >= rank || seen[p]) throw ShapeError("transpose: perm is no permutation");
    seen[p] = true;
  }
  const Shape in = stridesOf(input.shape());
  Shape shape(rank), strides(rank);
  for (int i = 0; i < rank; ++i) {
    shape[i] = input.dim(static_cast<int>(perm[i]));
    strides[i] = in[perm[i]];
  }
  output.resize(shape);
  if (output.size() == 0) return;
  const int64_t last = rank ? shape.back() : 1, step = rank ? strides.back() : 0;
  // The output axis read contiguously, when it is not the last one: the copy runs in tiles of
  // both axes (attention's keys, 65 x 512 x 32 -> 512 x 32 x 65, read 64 KiB apart otherwise).
  int contiguous = -1;
  for (int i = 0; i + 1 < rank; ++i)
    if (strides[i] == 1 && shape[i] > 1) contiguous = i;
  if (step != 1 && contiguous >= 0 && last > 1)
    return tiledTranspose(input.data(), shape, strides, contiguous, output.data(), threads);
  const int64_t rows = output.size() / last;
#pragma omp parallel for num_threads(threads) \
    schedule(static) if (threads > 1 && output.size() > kParallelElements)
  for (int64_t r = 0; r < rows; ++r) {
    const float* x = input.data() + rowOffset(r, shape, strides);
    float* y = output.data() + r * last;
    if (step == 1) {
      std::copy_n(x, last, y);
    } else {
      for (int64_t i = 0; i < last; ++i) y[i] = x[i * step];
    }
  }
}

void gather(const Tensor& input, int64_t axis, const std::vector<int64_t>& indices, bool dropAxis,
            Tensor& output, int threads) {
  checkedAxis(axis, input.rank(), "gather");
  const Split3 g = around(input.shape(), axis);
  for (int64_t i : indices)
    if (i < 0 || i >= g.extent)
      throw ShapeError("gather: index " + std::to_string(i) + " is outside extent " +
                       std::to_string(g.extent));
  Shape shape = input.shape();
  if (dropAxis && indices.size() == 1) {
    shape.erase(shape.begin() + axis);
  } else {
    shape[axis] = static_cast<int64_t>(indices.size());
  }
  output.resize(shape);
  // Consecutive indices copied as one run: a slice, or the split of an attention projection
  // into q, k and v (256 indices along the last axis), is one copy per row, not one per value.
  struct Run {
    int64_t first, length;
  };
  std::vector<Run> runs;
  for (int64_t i : indices) {
    if (!runs.empty() && runs.back().first + runs.back().length == i) {
      ++runs.back().length;
    } else {
      runs.push_back({i, 1});
    }
  }
  const int64_t count = static_cast<int64_t>(indices.size());
#pragma omp parallel for num_threads(threads) \
    schedule(static) if (threads > 1 && output.size() > kParallelElements)
  for (int64_t o = 0; o < g.outer; ++o) {
    float* y = output.data() + o * count * g.inner;
    for (const Run& r : runs) {
      std::copy_n(input.data() + (o * g.extent + r.first) * g.inner, r.length * g.inner, y);
      y += r.length * g.inner;
    }
  }
}

void sliceAxis(const Tensor& input, int64_t axis, int64_t begin, int64_t end, int64_t step,
               Tensor& output, int threads) {
  checkedAxis(axis, input.rank(), "slice");
  if (step < 1 || begin < 0 || end > input.dim(static_cast<int>(axis)))
    throw ShapeError("slice: range outside the axis");
  std::vector<int64_t> indices;
  for (int64_t i = begin; i < end; i += step) indices.push_back(i);
  gather(input, axis, indices, false, output, threads);
}

void concatAxis(const std::vector<const Tensor*>& inputs, int64_t axis, Tensor& output,
                int threads) {
  if (inputs.empty()) throw ShapeError("concat: no inputs");
  const int rank = inputs[0]->rank();
  checkedAxis(axis, rank, "concat");
  Shape shape = inputs[0]->shape();
  shape[axis] = 0;
  for (const Tensor* t : inputs) {
    Shape s = t->shape();
    if (t->rank() != rank) throw ShapeError("concat: inputs of different ranks");
    shape[axis] += s[axis];
    s[axis] = shape[axis];
    if (s != shape)
      throw ShapeError("concat: " + toString(t->shape()) + " does not fit " +
                       toString(inputs[0]->shape()));
  }
  output.resize(shape);
  const Split3 g = around(shape, axis);
#pragma omp parallel for num_threads(threads) \
    schedule(static) if (threads > 1 && output.size() > kParallelElements)
  for (int64_t o = 0; o < g.outer; ++o) {
    float* y = output.data() + o * g.extent * g.inner;
    for (const Tensor* t : inputs) {
      const int64_t block = t->dim(static_cast<int>(axis)) * g.inner;
      std::copy_n(t->data() + o * block, block, y);
      y += block;
    }
  }
}

namespace {

// The broadcast batch of a matmul: output shape and, per product, the offsets of its operands.
struct MatmulPlan {
  int64_t m, k, n, batches;
  Shape shape;
  std::vector<int64_t> offsetA, offsetB;
};

MatmulPlan planMatmul(const Tensor& a, const Tensor& b) {
  if (a.rank() < 2 || b.rank() < 2 || a.dim(a.rank() - 1) != b.dim(b.rank() - 2))
    throw ShapeError("matmul: " + toString(a.shape()) + " and " + toString(b.shape()) +
                     " do not multiply");
  MatmulPlan p{a.dim(a.rank() - 2), a.dim(a.rank() - 1), b.dim(b.rank() - 1), 1, {}, {}, {}};
  const Shape lead = broadcastShapes(Shape(a.shape().begin(), a.shape().end() - 2),
                                     Shape(b.shape().begin(), b.shape().end() - 2));
  p.batches = numel(lead);
  p.shape = lead;
  p.shape.push_back(p.m);
  p.shape.push_back(p.n);
  // Batch index -> operand offsets, through the leading axes' broadcast strides (in matrices).
  auto offsets = [&](const Tensor& t, int64_t matrix) {
    const Shape own(t.shape().begin(), t.shape().end() - 2);
    Shape s = broadcastStrides(own, lead.size());
    std::vector<int64_t> out(p.batches);
    for (int64_t i = 0; i < p.batches; ++i) {
      int64_t rest = i, off = 0;
      for (int64_t d = static_cast<int64_t>(lead.size()) - 1; d >= 0; --d) {
        off += (rest % lead[d]) * s[d];
        rest /= lead[d];
      }
      out[i] = off * matrix;
    }
    return out;
  };
  p.offsetA = offsets(a, p.m * p.k);
  p.offsetB = offsets(b, p.k * p.n);
  return p;
}

}  // namespace

void matmulNaive(const Tensor& a, const Tensor& b, Tensor& output) {
  const MatmulPlan p = planMatmul(a, b);
  output.resize(p.shape);
  for (int64_t t = 0; t < p.batches; ++t) {
    const float* x = a.data() + p.offsetA[t];
    const float* y = b.data() + p.offsetB[t];
    float* z = output.data() + t * p.m * p.n;
    for (int64_t i = 0; i < p.m; ++i)
      for (int64_t j = 0; j < p.n; ++j) {
        double sum = 0.0;
        for (int64_t q = 0; q < p.k; ++q) sum += double(x[i * p.k + q]) * y[q * p.n + j];
        z[i * p.n + j] = static_cast<float>(sum);
      }
  }
}

void matmul(const Tensor& a, const Tensor& b, Tensor& output, int threads) {
  const MatmulPlan p = planMatmul(a, b);
  output.resize(p.shape);
  // One Eigen product per matrix of the batch: the rounding does not depend on `threads`.
#pragma omp parallel for num_threads(threads) schedule(static) if (threads > 1 && p.batches > 1)
  for (int64_t t = 0; t < p.batches; ++t) {
    Eigen::Map<const RowMatrix> x(a.data() + p.offsetA[t], p.m, p.k);
    Eigen::Map<const RowMatrix> y(b.data() + p.offsetB[t], p.k, p.n);
    Eigen::Map<RowMatrix> z(output.data() + t * p.m * p.n, p.m, p.n);
    z.noalias() = x * y;
  }
}

namespace {

// Softmax of `count` values `stride` apart; T is the arithmetic of the exponentials.
template <typename T>
void softmaxLine(const float* x, float* y, int64_t count, int64_t stride, bool logarithm) {
  T top = -std::numeric_limits<T>::infinity();
  for (int64_t i = 0; i < count; ++i) top = std::max<T>(top, x[i * stride]);
  double sum = 0.0;
  for (int64_t i = 0; i < count; ++i) sum += std::exp(T(x[i * stride]) - top);
  const T logSum = static_cast<T>(std::log(sum)), inverse = static_cast<T>(1.0 / sum);
  for (int64_t i = 0; i < count; ++i) {
    const T shifted = T(x[i * stride]) - top;
    y[i * stride] = static_cast<float>(logarithm ? shifted - logSum : std::exp(shifted) * inverse);
  }
}

// The float path along a contiguous axis (attention scores): Eigen's vectorized exp, which
// std::exp per value made a seventh of a ViT's forward pass. The sum stays in double.
void softmaxContiguous(const float* x, float* y, int64_t count, bool logarithm) {
  Eigen::Map<const Eigen::ArrayXf> in(x, count);
  Eigen::Map<Eigen::ArrayXf> out(y, count);
  const float top = in.maxCoeff();
  out = (in - top).exp();
  const double sum = out.cast<double>().sum();
  if (logarithm) {
    out = (in - top) - static_cast<float>(std::log(sum));
  } else {
    out *= static_cast<float>(1.0 / sum);
  }
}

template <typename T>
void softmaxAll(const Tensor& input, int64_t axis, bool logarithm, Tensor& output, int threads) {
  checkedAxis(axis, input.rank(), "softmax");
  output.resize(input.shape());
  const Split3 g = around(input.shape(), axis);
  const int64_t lines = g.outer * g.inner;
#pragma omp parallel for num_threads(threads) \
    schedule(static) if (threads > 1 && input.size() > kParallelElements)
  for (int64_t l = 0; l < lines; ++l) {
    const int64_t start = (l / g.inner) * g.extent * g.inner + l % g.inner;
    if (std::is_same_v<T, float> && g.inner == 1 && g.extent > 0) {
      softmaxContiguous(input.data() + start, output.data() + start, g.extent, logarithm);
    } else {
      softmaxLine<T>(input.data() + start, output.data() + start, g.extent, g.inner, logarithm);
    }
  }
}

template <typename T>
void layerNormAll(const Tensor& input, int64_t axis, const float* scale, const float* bias,
                  double eps, Tensor& output, int threads) {
  checkedAxis(axis, input.rank(), "layer normalization");
  output.resize(input.shape());
  int64_t width = 1;
  for (int i = static_cast<int>(axis); i < input.rank(); ++i) width *= input.dim(i);
  const int64_t rows = width ? input.size() / width : 0;
#pragma omp parallel for num_threads(threads) \
    schedule(static) if (threads > 1 && input.size() > kParallelElements)
  for (int64_t r = 0; r < rows; ++r) {
    const float* x = input.data() + r * width;
    float* y = output.data() + r * width;
    double sum = 0.0;
    for (int64_t i = 0; i < width; ++i) sum += x[i];
    const T mean = static_cast<T>(sum / double(width));
    double squares = 0.0;
    for (int64_t i = 0; i < width; ++i) squares += double(T(x[i]) - mean) * double(T(x[i]) - mean);
    const T inverse = static_cast<T>(1.0 / std::sqrt(squares / double(width) + eps));
    for (int64_t i = 0; i < width; ++i) {
      T v = (T(x[i]) - mean) * inverse;
      if (scale) v *= scale[i];
      if (bias) v += bias[i];
      y[i] = static_cast<float>(v);
    }
  }
}

}  // namespace

void softmaxNaive(const Tensor& input, int64_t axis, bool logarithm, Tensor& output) {
  softmaxAll<double>(input, axis, logarithm, output, 1);
}
void softmax(const Tensor& input, int64_t axis, bool logarithm, Tensor& output, int threads) {
  softmaxAll<float>(input, axis, logarithm, output, threads);
}
void layerNormNaive(const Tensor& input, int64_t axis, const float* scale, const float* bias,
                    double eps, Tensor& output) {
  layerNormAll<double>(input, axis, scale, bias, eps, output, 1);
}
void layerNorm(const Tensor& input, int64_t axis, const float* scale, const float* bias, double eps,
               Tensor& output, int threads) {
  layerNormAll<float>(input, axis, scale, bias, eps, output, threads);
}

void reduce(const Tensor& input, const std::vector<int64_t>& axes, bool mean, bool keepDims,
            Tensor& output) {
  const int rank = input.rank();
  Shape kept = input.shape();
  int64_t count = 1;
  for (size_t i = 0; i < axes.size(); ++i) {
    checkedAxis(axes[i], rank, "reduce");
    if (i && axes[i] <= axes[i - 1]) throw ShapeError("reduce: axes must be sorted and distinct");
    count *= kept[axes[i]];
    kept[axes[i]] = 1;
  }
  const Shape& shape = input.shape();
  // Walk the input row by row; each value adds into its output (kept axes' strides, 0 on the
  // reduced ones). One thread: reductions are small next to the matmuls around them.
  const Shape target = broadcastStrides(kept, rank);
  std::vector<double> sums(static_cast<size_t>(numel(kept)), 0.0);
  const int64_t last = rank ? shape.back() : 1, step = rank ? target.back() : 0;
  const int64_t rows = last ? input.size() / last : 0;
  for (int64_t r = 0; r < rows; ++r) {
    const float* x = input.data() + r * last;
    double* s = sums.data() + rowOffset(r, shape, target);
    for (int64_t i = 0; i < last; ++i) s[i * step] += x[i];
  }
  Shape out;
  for (int i = 0; i < rank; ++i)
    if (keepDims || !std::binary_search(axes.begin(), axes.end(), i)) out.push_back(kept[i]);
  output.resize(out);
  const double divisor = mean ? double(std::max<int64_t>(count, 1)) : 1.0;
  for (size_t i = 0; i < sums.size(); ++i) output[i] = static_cast<float>(sums[i] / divisor);
}

}  // namespace basin
