#include "core/io/safetensors.h"

#include <bit>
#include <cmath>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/error.h"
#include "core/io/file_bytes.h"

namespace basin {
namespace {

uint32_t readLittle32(const uint8_t* p) {
  return uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24;
}

uint64_t readLittle64(const uint8_t* p) {
  uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}

float halfToFloat(uint16_t h) {
  const uint32_t sign = uint32_t(h >> 15) << 31, exponent = (h >> 10) & 0x1f, mantissa = h & 0x3ff;
  if (exponent == 0) {  // zero or subnormal: mantissa * 2^-24
    const float v = std::ldexp(static_cast<float>(mantissa), -24);
    return sign ? -v : v;
  }
  const uint32_t bits = exponent == 31 ? sign | 0x7f800000u | (mantissa << 13)
                                       : sign | ((exponent + 112) << 23) | (mantissa << 13);
  return std::bit_cast<float>(bits);
}

// Decodes `count` little-endian elements of `dtype` into t.values or t.integers.
void decode(const std::string& dtype, const uint8_t* p, int64_t count, StoredTensor& t) {
  auto integers = [&](int bytes, bool isSigned) {
    t.integers.resize(count);
    for (int64_t i = 0; i < count; ++i) {
      uint64_t v = 0;
      for (int b = bytes - 1; b >= 0; --b) v = (v << 8) | p[i * bytes + b];
      if (isSigned && bytes < 8 && (v >> (8 * bytes - 1)) & 1) v |= ~uint64_t(0) << (8 * bytes);
      t.integers[i] = static_cast<int64_t>(v);
    }
  };
  t.values.resize(0);
  if (dtype == "F32") {
    t.values.resize(count);
    for (int64_t i = 0; i < count; ++i) t.values[i] = std::bit_cast<float>(readLittle32(p + 4 * i));
  } else if (dtype == "F64") {
    t.values.resize(count);
    for (int64_t i = 0; i < count; ++i)
      t.values[i] = static_cast<float>(std::bit_cast<double>(readLittle64(p + 8 * i)));
  } else if (dtype == "F16" || dtype == "BF16") {
    t.values.resize(count);
    for (int64_t i = 0; i < count; ++i) {
      const uint16_t h = uint16_t(p[2 * i] | (p[2 * i + 1] << 8));
      t.values[i] = dtype == "F16" ? halfToFloat(h) : std::bit_cast<float>(uint32_t(h) << 16);
    }
  } else if (dtype == "I64") {
    integers(8, true);
  } else if (dtype == "I32") {
    integers(4, true);
  } else if (dtype == "I16") {
    integers(2, true);
  } else if (dtype == "I8") {
    integers(1, true);
  } else {  // U8, BOOL
    integers(1, false);
  }
}

int elementSize(const std::string& dtype) {
  if (dtype == "F64" || dtype == "I64") return 8;
  if (dtype == "F32" || dtype == "I32") return 4;
  if (dtype == "F16" || dtype == "BF16" || dtype == "I16") return 2;
  if (dtype == "I8" || dtype == "U8" || dtype == "BOOL") return 1;
  return 0;
}

}  // namespace

bool looksLikeSafetensors(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  uint8_t head[9] = {};
  if (!in.read(reinterpret_cast<char*>(head), 9)) return false;
  const uint64_t n = readLittle64(head);
  return n > 1 && n < (uint64_t(1) << 30) && head[8] == '{';
}

TensorFile readSafetensors(const std::string& path) {
  // Whole-file read: weight files of the networks Basin studies are tens of megabytes.
  const std::vector<uint8_t> bytes = readFileBytes(path);
  if (bytes.size() < 8) throw FormatError(path + ": too short for a safetensors file");
  const uint64_t headerSize = readLittle64(bytes.data());
  if (headerSize > bytes.size() - 8)
    throw FormatError(path + ": header length " + std::to_string(headerSize) +
                      " exceeds the file (truncated or not safetensors)");
  const uint8_t* data = bytes.data() + 8 + headerSize;
  const uint64_t dataSize = bytes.size() - 8 - headerSize;
  nlohmann::json header;
  try {
    header = nlohmann::json::parse(bytes.begin() + 8, bytes.begin() + 8 + headerSize);
  } catch (const nlohmann::json::exception& e) {
    throw FormatError(path + ": corrupt safetensors header (" + e.what() + ")");
  }
  if (!header.is_object()) throw FormatError(path + ": safetensors header is not a JSON object");
  TensorFile file;
  for (const auto& [name, info] : header.items()) {
    if (name == "__metadata__") {
      file.metadataJson = info.dump();
      continue;
    }
    try {
      const std::string dtype = info.at("dtype").get<std::string>();
      const int size = elementSize(dtype);
      if (size == 0)
        throw FormatError(path + ": tensor '" + name + "' has unsupported dtype " + dtype);
      StoredTensor t;
      for (const auto& d : info.at("shape")) {
        const int64_t extent = d.get<int64_t>();
        if (extent < 0 || extent > (int64_t(1) << 32))
          throw FormatError(path + ": tensor '" + name + "' has a bad shape");
        t.shape.push_back(extent);
      }
      const uint64_t begin = info.at("data_offsets").at(0).get<uint64_t>();
      const uint64_t end = info.at("data_offsets").at(1).get<uint64_t>();
      const int64_t count = numel(t.shape);
      if (begin > end || end > dataSize)
        throw FormatError(path + ": tensor '" + name + "' lies outside the file (truncated?)");
      if (end - begin != uint64_t(count) * size)
        throw FormatError(path + ": tensor '" + name + "' has " + std::to_string(end - begin) +
                          " bytes, its shape " + toString(t.shape) + " needs " +
                          std::to_string(count * size));
      decode(dtype, data + begin, count, t);
      file.tensors[name] = std::move(t);
    } catch (const nlohmann::json::exception& e) {
      throw FormatError(path + ": bad safetensors entry '" + name + "' (" + e.what() + ")");
    }
  }
  return file;
}

}  // namespace basin
