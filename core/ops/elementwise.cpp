#include "core/ops/elementwise.h"

#include <algorithm>
#include <cstring>

#include "core/error.h"

namespace basin {
namespace {

void checkSame(const Tensor& a, const Tensor& b) {
  if (a.shape() != b.shape())
    throw ShapeError("cannot add tensors of shapes " + toString(a.shape()) + " and " +
                     toString(b.shape()));
}

// Output shape of a channel concatenation; throws on mismatched non-channel dims.
Shape concatShape(const std::vector<const Tensor*>& inputs) {
  if (inputs.empty() || inputs[0]->rank() < 2) throw ShapeError("concat needs N x C inputs");
  Shape shape = inputs[0]->shape();
  shape[1] = 0;
  for (const Tensor* t : inputs) {
    Shape s = t->shape();
    s[1] = 0;
    if (s != shape)
      throw ShapeError("cannot concatenate " + toString(t->shape()) + " with " +
                       toString(inputs[0]->shape()) + " along channels");
  }
  for (const Tensor* t : inputs) shape[1] += t->dim(1);
  return shape;
}

}  // namespace

void reluNaive(const Tensor& input, Tensor& output) {
  output.resize(input.shape());
  for (int64_t i = 0; i < input.size(); ++i) output[i] = input[i] > 0.0f ? input[i] : 0.0f;
}

void addNaive(const Tensor& a, const Tensor& b, bool relu, Tensor& output) {
  checkSame(a, b);
  output.resize(a.shape());
  for (int64_t i = 0; i < a.size(); ++i) {
    const float v = a[i] + b[i];
    output[i] = relu && v < 0.0f ? 0.0f : v;
  }
}

void concatChannelsNaive(const std::vector<const Tensor*>& inputs, Tensor& output) {
  const Shape shape = concatShape(inputs);
  output.resize(shape);
  const int64_t N = shape[0], C = shape[1], inner = numel(shape) / std::max<int64_t>(N * C, 1);
  for (int64_t n = 0; n < N; ++n) {
    int64_t c0 = 0;
    for (const Tensor* t : inputs) {
      const int64_t Ct = t->dim(1);
      for (int64_t c = 0; c < Ct; ++c)
        for (int64_t i = 0; i < inner; ++i)
          output[((n * C) + c0 + c) * inner + i] = (*t)[((n * Ct) + c) * inner + i];
      c0 += Ct;
    }
  }
}

void relu(const Tensor& input, Tensor& output, int threads) {
  output.resize(input.shape());
  const float* in = input.data();
  float* out = output.data();
#pragma omp parallel for num_threads(threads) schedule(static) if (threads > 1)
  for (int64_t i = 0; i < input.size(); ++i) out[i] = std::max(in[i], 0.0f);
}

void add(const Tensor& a, const Tensor& b, bool relu, Tensor& output, int threads) {
  checkSame(a, b);
  output.resize(a.shape());
  const float *x = a.data(), *y = b.data();
  float* out = output.data();
  if (relu) {
#pragma omp parallel for num_threads(threads) schedule(static) if (threads > 1)
    for (int64_t i = 0; i < a.size(); ++i) out[i] = std::max(x[i] + y[i], 0.0f);
  } else {
#pragma omp parallel for num_threads(threads) schedule(static) if (threads > 1)
    for (int64_t i = 0; i < a.size(); ++i) out[i] = x[i] + y[i];
  }
}

void concatChannels(const std::vector<const Tensor*>& inputs, Tensor& output, int threads) {
  const Shape shape = concatShape(inputs);
  output.resize(shape);
  const int64_t N = shape[0], C = shape[1], inner = numel(shape) / std::max<int64_t>(N * C, 1);
#pragma omp parallel for num_threads(threads) schedule(static) if (threads > 1)
  for (int64_t n = 0; n < N; ++n) {
    float* dst = output.data() + n * C * inner;
    for (const Tensor* t : inputs) {
      const int64_t block = t->dim(1) * inner;
      std::memcpy(dst, t->data() + n * block, block * sizeof(float));
      dst += block;
    }
  }
}

}  // namespace basin
