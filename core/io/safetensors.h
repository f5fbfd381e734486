// safetensors files: 8-byte little-endian header length, a JSON header describing each tensor
// (dtype, shape, byte range), then the raw little-endian data.
#pragma once

#include <string>

#include "core/io/tensor_file.h"

namespace basin {

// True if the file starts like a safetensors file (a plausible header length, then '{').
bool looksLikeSafetensors(const std::string& path);

// Reads every tensor (F64/F32/F16/BF16 as float32; I64/I32/I16/I8/U8/BOOL as integers) and the
// "__metadata__" strings. Throws IoError / FormatError naming the file and the tensor.
TensorFile readSafetensors(const std::string& path);

}  // namespace basin
