// Size arithmetic on numbers a file declares (extents, strides, offsets, byte counts). A product
// or sum that does not fit 64 bits means a corrupt or hostile file; it must never wrap around
// into a small value that then passes a bounds check (found: pickled strides near 2^61).
#pragma once

#include <cstdint>
#include <string>

#include "core/error.h"
#include "core/tensor/tensor.h"

namespace basin {

// A signed 64-bit size that remembers an overflow in any step that made it.
class DeclaredSize {
 public:
  DeclaredSize(int64_t value = 0) : m_value(value) {}  // NOLINT: sizes read as plain numbers

  friend DeclaredSize operator*(DeclaredSize a, DeclaredSize b) {
    DeclaredSize r;
    r.m_overflow =
        a.m_overflow || b.m_overflow || __builtin_mul_overflow(a.m_value, b.m_value, &r.m_value);
    return r;
  }
  friend DeclaredSize operator+(DeclaredSize a, DeclaredSize b) {
    DeclaredSize r;
    r.m_overflow =
        a.m_overflow || b.m_overflow || __builtin_add_overflow(a.m_value, b.m_value, &r.m_value);
    return r;
  }
  friend DeclaredSize operator-(DeclaredSize a, DeclaredSize b) {
    DeclaredSize r;
    r.m_overflow =
        a.m_overflow || b.m_overflow || __builtin_sub_overflow(a.m_value, b.m_value, &r.m_value);
    return r;
  }

  bool overflowed() const { return m_overflow; }
  // The value; FormatError "WHAT: sizes ... overflow" when a step overflowed.
  int64_t value(const std::string& what) const {
    if (m_overflow)
      throw FormatError(what +
                        " declares sizes whose product or sum does not fit 64 bits (corrupt)");
    return m_value;
  }

 private:
  int64_t m_value = 0;
  bool m_overflow = false;
};

// The element count of a shape read from a file; FormatError naming `what` (file and tensor) for
// a negative extent or a count beyond 64 bits, where numel's ShapeError would name neither.
inline int64_t declaredCount(const Shape& shape, const std::string& what) {
  DeclaredSize n = 1;
  for (int64_t d : shape) {
    if (d < 0) throw FormatError(what + " has a negative extent in its shape " + toString(shape));
    n = n * d;
  }
  return n.value(what + " (shape " + toString(shape) + ")");
}

}  // namespace basin
