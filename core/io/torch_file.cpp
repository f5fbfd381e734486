#include "core/io/torch_file.h"

#include <algorithm>

#include <zip.h>

#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>

#include "core/error.h"
#include "core/io/element_type.h"
#include "core/io/json_text.h"
#include "core/io/pickle.h"

namespace basin {
namespace {

using Archive = std::unique_ptr<zip_t, decltype(&zip_discard)>;

std::vector<uint8_t> readEntry(zip_t* zip, const std::string& name, const std::string& path) {
  zip_stat_t st;
  const zip_int64_t index = zip_name_locate(zip, name.c_str(), 0);
  if (index < 0 || zip_stat_index(zip, index, 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE))
    throw FormatError(path + ": archive has no entry '" + name + "'");
  std::unique_ptr<zip_file_t, decltype(&zip_fclose)> file(zip_fopen_index(zip, index, 0),
                                                          zip_fclose);
  if (!file) throw FormatError(path + ": cannot open archive entry '" + name + "'");
  // The header's size is the file's word: before allocating it, it must be one the stored bytes
  // can expand to (deflate: at most ~1032:1; found by fuzzing as a 2.8 GB request).
  const double stored = (st.valid & ZIP_STAT_COMP_SIZE) ? double(st.comp_size) : 0.0;
  if (double(st.size) > std::max(double(1 << 20), stored * 1100.0))
    throw FormatError(path + ": archive entry '" + name + "' claims " + std::to_string(st.size) +
                      " bytes from " + std::to_string(st.comp_size) + " stored ones (corrupt)");
  std::vector<uint8_t> bytes(st.size);
  if (zip_fread(file.get(), bytes.data(), st.size) != zip_int64_t(st.size))
    throw FormatError(path + ": archive entry '" + name + "' is truncated or corrupt");
  return bytes;
}

// Copies a (possibly strided) tensor out of its storage.
StoredTensor materialize(zip_t* zip, const std::string& prefix, const std::string& name,
                         const pickle::Tensor& t, const std::string& path) {
  const std::vector<uint8_t> storage = readEntry(zip, prefix + "data/" + t.storage.key, path);
  const int size = elementSize(t.storage.type);
  StoredTensor out;
  out.shape = t.shape;
  int64_t count = 1, last = t.offset;
  for (size_t d = 0; d < t.shape.size(); ++d) {
    if (t.shape[d] < 0 || t.stride[d] < 0)
      throw FormatError(path + ": tensor '" + name + "' has a negative extent");
    count *= t.shape[d];
    if (t.shape[d] == 0) last = t.offset - 1;
    if (count > (int64_t(1) << 32))
      throw FormatError(path + ": tensor '" + name + "' is absurdly large");
    last += (t.shape[d] - 1) * t.stride[d];
  }
  if (t.offset < 0 || (count > 0 && (last + 1) * size > int64_t(storage.size())))
    throw FormatError(path + ": storage of tensor '" + name + "' holds " +
                      std::to_string(storage.size() / size) + " values, its shape " +
                      toString(t.shape) + " needs " + std::to_string(last + 1));
  std::vector<int64_t> index(t.shape.size(), 0);
  for (int64_t i = 0; i < count; ++i) {
    int64_t at = t.offset;
    for (size_t d = 0; d < index.size(); ++d) at += index[d] * t.stride[d];
    appendElement(storage.data() + at * size, t.storage.type, out);
    for (size_t d = index.size(); d-- > 0;) {
      if (++index[d] < t.shape[d]) break;
      index[d] = 0;
    }
  }
  return out;
}

const pickle::Dict* asTensorDict(const pickle::ValuePtr& v) {
  if (!v || !std::holds_alternative<pickle::Dict>(v->v)) return nullptr;
  const auto& d = std::get<pickle::Dict>(v->v);
  for (const auto& [key, value] : d.items)
    if (!std::holds_alternative<std::string>(key->v) ||
        !std::holds_alternative<pickle::Tensor>(value->v))
      return nullptr;
  return d.items.empty() ? nullptr : &d;
}

}  // namespace

bool looksLikeZip(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char head[4] = {};
  return in.read(head, 4) && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
}

TensorFile readTorchCheckpoint(const std::string& path) {
  if (!looksLikeZip(path)) {
    std::ifstream probe(path, std::ios::binary);
    if (!probe) throw IoError(path + ": file not found");
    throw FormatError(path +
                      ": not a zip-format PyTorch checkpoint (legacy torch.save files from "
                      "PyTorch < 1.6 are not read; re-save with a current PyTorch)");
  }
  int error = 0;
  Archive zip(zip_open(path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &error), zip_discard);
  if (!zip) {
    zip_error_t e;
    zip_error_init_with_code(&e, error);
    const std::string why = zip_error_strerror(&e);
    zip_error_fini(&e);
    throw FormatError(path + ": corrupt or truncated zip archive (" + why + ")");
  }
  std::string prefix;
  bool found = false;
  for (zip_int64_t i = 0; i < zip_get_num_entries(zip.get(), 0) && !found; ++i) {
    const std::string name = zip_get_name(zip.get(), i, 0);
    if (name == "data.pkl" || name.ends_with("/data.pkl")) {
      prefix = name.substr(0, name.size() - 8);
      found = true;
    }
  }
  if (!found) throw FormatError(path + ": zip archive has no data.pkl (not a PyTorch checkpoint)");
  const pickle::ValuePtr root = pickle::load(readEntry(zip.get(), prefix + "data.pkl", path), path);

  const pickle::Dict* state = asTensorDict(root);
  nlohmann::json metadata = nlohmann::json::object();
  if (!state && std::holds_alternative<pickle::Dict>(root->v)) {
    for (const auto& [key, value] : std::get<pickle::Dict>(root->v).items) {
      if (!std::holds_alternative<std::string>(key->v)) continue;
      const std::string& k = std::get<std::string>(key->v);
      if (k == "state_dict" || k == "model_state_dict" || k == "model") {
        if (const pickle::Dict* d = asTensorDict(value); d && !state) state = d;
      } else if (const auto* i = std::get_if<int64_t>(&value->v)) {
        metadata[k] = *i;
      } else if (const auto* f = std::get_if<double>(&value->v)) {
        metadata[k] = *f;
      } else if (const auto* s = std::get_if<std::string>(&value->v)) {
        metadata[k] = *s;
      } else if (const auto* b = std::get_if<bool>(&value->v)) {
        metadata[k] = *b;
      }
    }
  }
  if (!state)
    throw FormatError(path +
                      ": holds no state_dict (expected a dict of tensors, or one under "
                      "'state_dict', 'model_state_dict' or 'model')");
  TensorFile file;
  file.metadataJson = jsonText(metadata);
  for (const auto& [key, value] : state->items) {
    const std::string& name = std::get<std::string>(key->v);
    file.tensors[name] =
        materialize(zip.get(), prefix, name, std::get<pickle::Tensor>(value->v), path);
  }
  return file;
}

}  // namespace basin
