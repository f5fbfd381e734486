#include "core/io/safetensors.h"

#include <cstring>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "core/error.h"
#include "core/io/declared_size.h"
#include "core/io/element_type.h"
#include "core/io/file_bytes.h"
#include "core/io/json_text.h"

namespace basin {
namespace {

uint64_t readLittle64(const uint8_t* p) {
  uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}

const std::map<std::string, ElementType> kDtypes = {
    {"F64", ElementType::Float64},   {"F32", ElementType::Float32}, {"F16", ElementType::Float16},
    {"BF16", ElementType::BFloat16}, {"I64", ElementType::Int64},   {"I32", ElementType::Int32},
    {"I16", ElementType::Int16},     {"I8", ElementType::Int8},     {"U8", ElementType::UInt8},
    {"BOOL", ElementType::Bool}};

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
    header =
        parseFileJson(std::string_view(reinterpret_cast<const char*>(bytes.data()) + 8, headerSize),
                      path + ": safetensors header");
  } catch (const nlohmann::json::exception& e) {
    throw FormatError(path + ": corrupt safetensors header (" + e.what() + ")");
  }
  if (!header.is_object()) throw FormatError(path + ": safetensors header is not a JSON object");
  TensorFile file;
  for (const auto& [name, info] : header.items()) {
    if (name == "__metadata__") {
      file.metadataJson = jsonText(info);
      continue;
    }
    try {
      const std::string dtype = info.at("dtype").get<std::string>();
      const auto known = kDtypes.find(dtype);
      if (known == kDtypes.end())
        throw FormatError(path + ": tensor '" + name + "' has unsupported dtype " + dtype);
      const int size = elementSize(known->second);
      StoredTensor t;
      for (const auto& d : info.at("shape")) {
        const int64_t extent = d.get<int64_t>();
        if (extent < 0 || extent > (int64_t(1) << 32))
          throw FormatError(path + ": tensor '" + name + "' has a bad shape");
        t.shape.push_back(extent);
      }
      const uint64_t begin = info.at("data_offsets").at(0).get<uint64_t>();
      const uint64_t end = info.at("data_offsets").at(1).get<uint64_t>();
      const std::string what = path + ": tensor '" + name + "'";
      const int64_t count = declaredCount(t.shape, what);
      const int64_t needed = (DeclaredSize(count) * size).value(what);
      if (begin > end || end > dataSize)
        throw FormatError(what + " lies outside the file (truncated?)");
      if (end - begin != uint64_t(needed))
        throw FormatError(what + " has " + std::to_string(end - begin) + " bytes, its shape " +
                          toString(t.shape) + " needs " + std::to_string(needed));
      for (int64_t i = 0; i < count; ++i) appendElement(data + begin + i * size, known->second, t);
      file.tensors[name] = std::move(t);
    } catch (const nlohmann::json::exception& e) {
      throw FormatError(path + ": bad safetensors entry '" + name + "' (" + e.what() + ")");
    }
  }
  return file;
}

}  // namespace basin
