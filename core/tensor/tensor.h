// Dense float32 tensors in row-major (NCHW for images) layout with 64-byte aligned storage.
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace basin {

using Shape = std::vector<int64_t>;

// Number of elements of a shape (1 for the empty shape, a scalar).
int64_t numel(const Shape& shape);
// "3x32x32"; "scalar" for the empty shape.
std::string toString(const Shape& shape);

class Tensor {
 public:
  Tensor() = default;
  // Zero-filled tensor of the given shape. Throws ShapeError on negative extents.
  explicit Tensor(Shape shape);
  // Tensor holding `values`; throws ShapeError if their count does not match the shape.
  Tensor(Shape shape, std::span<const float> values);

  const Shape& shape() const { return m_shape; }
  int rank() const { return static_cast<int>(m_shape.size()); }
  int64_t dim(int i) const { return m_shape.at(i); }
  int64_t size() const { return static_cast<int64_t>(m_data.size()); }

  float* data() { return m_data.data(); }
  const float* data() const { return m_data.data(); }
  std::span<float> values() { return m_data; }
  std::span<const float> values() const { return m_data; }
  float& operator[](int64_t i) { return m_data[i]; }
  float operator[](int64_t i) const { return m_data[i]; }

  // Changes the shape; keeps the allocation when it is large enough (contents unspecified).
  void resize(const Shape& shape);
  // Same elements seen with another shape of equal size; throws ShapeError otherwise.
  void reshape(const Shape& shape);

 private:
  Shape m_shape;
  std::vector<float, Eigen::aligned_allocator<float>> m_data;
};

}  // namespace basin
