#include "core/io/element_type.h"

#include <bit>
#include <cmath>

namespace basin {
namespace {

uint64_t little(const uint8_t* p, int bytes) {
  uint64_t v = 0;
  for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}

float halfToFloat(uint32_t h) {
  const uint32_t e = (h >> 10) & 31, m = h & 1023;
  const float v = e == 0    ? std::ldexp(float(m), -24)  // zero or subnormal
                  : e == 31 ? (m ? NAN : INFINITY)
                            : std::ldexp(float(m | 1024), int(e) - 25);
  return (h & 0x8000) ? -v : v;
}

}  // namespace

const char* elementTypeName(ElementType type) {
  switch (type) {
    case ElementType::Float64:
      return "float64";
    case ElementType::Float32:
      return "float32";
    case ElementType::Float16:
      return "float16";
    case ElementType::BFloat16:
      return "bfloat16";
    case ElementType::Int64:
      return "int64";
    case ElementType::Int32:
      return "int32";
    case ElementType::Int16:
      return "int16";
    case ElementType::Int8:
      return "int8";
    case ElementType::UInt8:
      return "uint8";
    case ElementType::Bool:
      return "bool";
  }
  return "?";
}

int elementSize(ElementType type) {
  switch (type) {
    case ElementType::Float64:
    case ElementType::Int64:
      return 8;
    case ElementType::Float32:
    case ElementType::Int32:
      return 4;
    case ElementType::Float16:
    case ElementType::BFloat16:
    case ElementType::Int16:
      return 2;
    case ElementType::Int8:
    case ElementType::UInt8:
    case ElementType::Bool:
      return 1;
  }
  return 1;
}

void appendElement(const uint8_t* p, ElementType type, StoredTensor& t) {
  switch (type) {
    case ElementType::Float64:
      t.values.push_back(float(std::bit_cast<double>(little(p, 8))));
      break;
    case ElementType::Float32:
      t.values.push_back(std::bit_cast<float>(uint32_t(little(p, 4))));
      break;
    case ElementType::Float16:
      t.values.push_back(halfToFloat(uint32_t(little(p, 2))));
      break;
    case ElementType::BFloat16:
      t.values.push_back(std::bit_cast<float>(uint32_t(little(p, 2)) << 16));
      break;
    case ElementType::Int64:
      t.integers.push_back(int64_t(little(p, 8)));
      break;
    case ElementType::Int32:
      t.integers.push_back(int32_t(little(p, 4)));
      break;
    case ElementType::Int16:
      t.integers.push_back(int16_t(little(p, 2)));
      break;
    case ElementType::Int8:
      t.integers.push_back(int8_t(p[0]));
      break;
    case ElementType::UInt8:
    case ElementType::Bool:
      t.integers.push_back(p[0]);
      break;
  }
}

}  // namespace basin
