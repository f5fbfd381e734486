#include "core/tensor/tensor.h"

#include "core/error.h"

namespace basin {

int64_t numel(const Shape& shape) {
  int64_t n = 1;
  for (int64_t d : shape) {
    if (d < 0) throw ShapeError("negative extent in shape " + toString(shape));
    if (__builtin_mul_overflow(n, d, &n))
      throw ShapeError("shape " + toString(shape) + " has more elements than 64 bits count");
  }
  return n;
}

std::string toString(const Shape& shape) {
  if (shape.empty()) return "scalar";
  std::string s;
  for (size_t i = 0; i < shape.size(); ++i) {
    if (i) s += 'x';
    s += std::to_string(shape[i]);
  }
  return s;
}

Tensor::Tensor(Shape shape) : m_shape(std::move(shape)), m_data(numel(m_shape), 0.0f) {}

Tensor::Tensor(Shape shape, std::span<const float> values)
    : m_shape(std::move(shape)), m_data(values.begin(), values.end()) {
  if (numel(m_shape) != size())
    throw ShapeError("tensor of shape " + toString(m_shape) + " given " +
                     std::to_string(values.size()) + " values");
}

void Tensor::resize(const Shape& shape) {
  m_data.resize(numel(shape));
  m_shape = shape;
}

void Tensor::reshape(const Shape& shape) {
  if (numel(shape) != size())
    throw ShapeError("cannot view a tensor of shape " + toString(m_shape) + " as " +
                     toString(shape));
  m_shape = shape;
}

}  // namespace basin
