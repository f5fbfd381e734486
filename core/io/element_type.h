// Element types of stored tensors (safetensors dtypes, PyTorch storage types) and their one
// little-endian decoder.
#pragma once

#include <cstdint>

#include "core/io/tensor_file.h"

namespace basin {

enum class ElementType {
  Float64,
  Float32,
  Float16,
  BFloat16,
  Int64,
  Int32,
  Int16,
  Int8,
  UInt8,
  Bool
};

int elementSize(ElementType type);
// PyTorch's name of the type, for messages: "float32", "int64", ...
const char* elementTypeName(ElementType type);

// Appends the little-endian element at `p` to t.values (floating-point types, as float32) or to
// t.integers (integer and bool types).
void appendElement(const uint8_t* p, ElementType type, StoredTensor& t);

}  // namespace basin
