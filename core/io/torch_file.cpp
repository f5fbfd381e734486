#include "core/io/torch_file.h"

#include <algorithm>

#include <zip.h>

#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>

#include "core/error.h"
#include "core/io/declared_size.h"
#include "core/io/element_type.h"
#include "core/io/file_bytes.h"
#include "core/io/json_text.h"
#include "core/io/pickle.h"

namespace basin {
namespace {

using Archive = std::unique_ptr<zip_t, decltype(&zip_discard)>;

// One entry's bytes. `expected` is the size the pickle declares for it (a storage's elements
// times their size), checked before anything is allocated; without it (data.pkl), the entry may
// hold at most kMaxPickleBytes.
constexpr int64_t kMaxPickleBytes = int64_t(256) << 20;

std::vector<uint8_t> readEntry(zip_t* zip, const std::string& name, const std::string& path,
                               std::optional<int64_t> expected = std::nullopt) {
  zip_stat_t st;
  const zip_int64_t index = zip_name_locate(zip, name.c_str(), 0);
  if (index < 0 || zip_stat_index(zip, index, 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE))
    throw FormatError(path + ": archive has no entry '" + name + "'");
  if (expected && st.size != uint64_t(*expected))
    throw FormatError(path + ": archive entry '" + name + "' holds " + std::to_string(st.size) +
                      " bytes, the tensors that use it declare " + std::to_string(*expected) +
                      " (corrupt)");
  std::unique_ptr<zip_file_t, decltype(&zip_fclose)> file(zip_fopen_index(zip, index, 0),
                                                          zip_fclose);
  if (!file) throw FormatError(path + ": cannot open archive entry '" + name + "'");
  // The header's size is the file's word: before allocating it, it must be one the stored bytes
  // can expand to (deflate: at most ~1032:1; found by fuzzing as a 2.8 GB request).
  const double stored = (st.valid & ZIP_STAT_COMP_SIZE) ? double(st.comp_size) : 0.0;
  if (double(st.size) > std::max(double(1 << 20), stored * 1100.0))
    throw FormatError(path + ": archive entry '" + name + "' claims " + std::to_string(st.size) +
                      " bytes from " + std::to_string(st.comp_size) + " stored ones (corrupt)");
  if (!expected && st.size > uint64_t(kMaxPickleBytes))
    throw FormatError(path + ": archive entry '" + name + "' claims " + std::to_string(st.size) +
                      " bytes; a checkpoint's pickle is at most " +
                      std::to_string(kMaxPickleBytes >> 20) + " MiB (corrupt or not a state_dict)");
  std::vector<uint8_t> bytes(st.size);
  if (zip_fread(file.get(), bytes.data(), st.size) != zip_int64_t(st.size))
    throw FormatError(path + ": archive entry '" + name + "' is truncated or corrupt");
  return bytes;
}

// What a checkpoint may make Basin allocate for its tensors: twice the bytes of the storages
// they were copied from, plus 256 MiB. Tied weights copy one storage twice and small broadcast
// (stride-0) buffers fit; a stride-0 tensor that would expand 4 bytes into 16 GB, or one storage
// named by a thousand tensors, is refused. Storages count once they have been read, so a
// storage declared but never present cannot raise the limit.
class CopyBudget {
 public:
  explicit CopyBudget(const std::string& path) : m_path(path) {}

  // Checks that storage `s` (read by `tensor`) is the one its key named before, and counts it.
  void noteStorage(const pickle::Storage& s, const std::string& tensor) {
    const auto [it, fresh] = m_storages.emplace(s.key, std::pair{s, tensor});
    const pickle::Storage& first = it->second.first;
    if (!fresh && (first.type != s.type || first.numel != s.numel))
      throw FormatError(m_path + ": storage '" + s.key + "' is read as " +
                        std::to_string(first.numel) + " " + elementTypeName(first.type) +
                        " values by tensor '" + it->second.second + "' and as " +
                        std::to_string(s.numel) + " " + elementTypeName(s.type) +
                        " values by tensor '" + tensor + "' (corrupt: a storage has one type)");
    if (fresh) m_storageBytes = m_storageBytes + DeclaredSize(s.numel) * elementSize(s.type);
  }

  void spend(int64_t bytes, const std::string& tensor) {
    m_spent = m_spent + bytes;
    const DeclaredSize limit = DeclaredSize(2) * m_storageBytes + (int64_t(256) << 20);
    if (m_spent.overflowed() || m_spent.value(m_path) > limit.value(m_path))
      throw FormatError(m_path + ": tensor '" + tensor + "' would bring the tensors' copies to " +
                        std::to_string(m_spent.value(m_path) >> 20) + " MiB from " +
                        std::to_string(m_storageBytes.value(m_path) >> 20) +
                        " MiB of storage (a view repeated or broadcast far beyond what a "
                        "checkpoint holds); refused");
  }

 private:
  std::string m_path;
  std::map<std::string, std::pair<pickle::Storage, std::string>> m_storages;
  DeclaredSize m_storageBytes, m_spent;
};

// Copies a (possibly strided) tensor out of its storage. Every size is overflow-checked: the
// shape, strides and offset come from the file.
StoredTensor materialize(std::span<const uint8_t> storage, const std::string& name,
                         const pickle::Tensor& t, const std::string& path, CopyBudget& budget) {
  const std::string what = path + ": tensor '" + name + "'";
  const int size = elementSize(t.storage.type);
  if (t.offset < 0) throw FormatError(what + " starts at a negative storage offset");
  DeclaredSize count = 1, last = t.offset;  // `last`: the last element the copy reads
  bool empty = false;
  for (size_t d = 0; d < t.shape.size(); ++d) {
    if (t.shape[d] < 0 || t.stride[d] < 0)
      throw FormatError(what + " has a negative extent or stride");
    empty = empty || t.shape[d] == 0;
    count = count * t.shape[d];
    if (t.shape[d] > 0) last = last + (DeclaredSize(t.shape[d]) - 1) * t.stride[d];
  }
  const int64_t n = count.value(what);
  const int64_t values = int64_t(storage.size()) / size;
  if (!empty && last.value(what) >= values)
    throw FormatError(path + ": storage of tensor '" + name + "' holds " + std::to_string(values) +
                      " values, its shape " + toString(t.shape) + ", strides and offset need " +
                      std::to_string(last.value(what) + 1));
  budget.spend((DeclaredSize(n) * size).value(what), name);
  StoredTensor out;
  out.shape = t.shape;
  std::vector<int64_t> index(t.shape.size(), 0);
  for (int64_t i = 0; i < n; ++i) {
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

// The state_dict of an unpickled checkpoint (a dict of tensors, or one under "state_dict",
// "model_state_dict" or "model", whose other scalars become metadata); `storageOf` gives a
// storage's bytes, valid as long as the file is being read.
TensorFile fromPickle(
    const pickle::ValuePtr& root, const std::string& path,
    const std::function<std::span<const uint8_t>(const pickle::Storage&)>& storageOf) {
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
  CopyBudget budget(path);
  for (const auto& [key, value] : state->items) {
    const std::string& name = std::get<std::string>(key->v);
    const pickle::Tensor& t = std::get<pickle::Tensor>(value->v);
    budget.noteStorage(t.storage, name);
    file.tensors[name] = materialize(storageOf(t.storage), name, t, path, budget);
  }
  return file;
}

// The storages a value refers to, by key (walked without recursion: pickles can nest deeply).
std::map<std::string, pickle::Storage> storagesIn(const pickle::ValuePtr& root) {
  std::map<std::string, pickle::Storage> found;
  std::vector<const pickle::Value*> pending{root.get()};
  while (!pending.empty()) {
    const pickle::Value* v = pending.back();
    pending.pop_back();
    if (!v) continue;
    if (const auto* t = std::get_if<pickle::Tensor>(&v->v))
      found.emplace(t->storage.key, t->storage);
    if (const auto* t = std::get_if<pickle::Tuple>(&v->v))
      for (const auto& i : t->items) pending.push_back(i.get());
    if (const auto* l = std::get_if<pickle::List>(&v->v))
      for (const auto& i : l->items) pending.push_back(i.get());
    if (const auto* d = std::get_if<pickle::Dict>(&v->v))
      for (const auto& [key, value] : d->items) pending.push_back(value.get());
  }
  return found;
}

// The legacy torch.save format of PyTorch 0.4 to 1.5 (the reference's own .t7 files): five
// pickles in a row (magic number, protocol version 1001, system info, the object, its storage
// keys), then every storage as an 8-byte little-endian element count and its raw bytes.
TensorFile readLegacyTorch(const std::string& path) {
  const std::vector<uint8_t> bytes = readFileBytes(path);
  // Protocol 2, LONG1 of 10 bytes: 0x1950a86a20f9469cfc6c, STOP.
  static const uint8_t kMagic[] = {0x80, 0x02, 0x8a, 0x0a, 0x6c, 0xfc, 0x9c, 0x46,
                                   0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19, '.'};
  if (bytes.size() < sizeof kMagic ||
      !std::equal(std::begin(kMagic), std::end(kMagic), bytes.begin()))
    throw FormatError(path + ": not a PyTorch checkpoint (no legacy torch.save magic number)");
  size_t at = sizeof kMagic;
  const pickle::ValuePtr version = pickle::load(bytes, path, &at);
  if (const auto* v = std::get_if<int64_t>(&version->v); !v || *v != 1001)
    throw FormatError(path + ": legacy torch.save file of an unknown protocol version");
  const pickle::ValuePtr info = pickle::load(bytes, path, &at);
  if (const auto* d = std::get_if<pickle::Dict>(&info->v))
    for (const auto& [key, value] : d->items)
      if (const auto* k = std::get_if<std::string>(&key->v); k && *k == "little_endian")
        if (const auto* little = std::get_if<bool>(&value->v); little && !*little)
          throw FormatError(path + ": written on a big-endian machine (not supported)");
  const pickle::ValuePtr root = pickle::load(bytes, path, &at);
  const pickle::ValuePtr keys = pickle::load(bytes, path, &at);
  const auto* keyList = std::get_if<pickle::List>(&keys->v);
  if (!keyList) throw FormatError(path + ": legacy torch.save file without its storage keys");
  const std::map<std::string, pickle::Storage> storages = storagesIn(root);
  std::map<std::string, std::pair<size_t, size_t>> where;  // key -> (offset, bytes)
  for (const auto& k : keyList->items) {
    const auto* key = std::get_if<std::string>(&k->v);
    if (!key) throw FormatError(path + ": a storage key is not a string");
    const auto s = storages.find(*key);
    if (s == storages.end())
      throw FormatError(path + ": storage '" + *key + "' belongs to no tensor Basin reads");
    if (bytes.size() - at < 8)
      throw FormatError(path + ": storage '" + *key + "' is cut off (truncated file)");
    uint64_t count = 0;
    for (int b = 7; b >= 0; --b) count = (count << 8) | bytes[at + b];
    at += 8;
    const uint64_t size = uint64_t(elementSize(s->second.type));
    if (count != uint64_t(s->second.numel) || count > (bytes.size() - at) / size)
      throw FormatError(path + ": storage '" + *key + "' declares " + std::to_string(count) +
                        " values, its tensors " + std::to_string(s->second.numel) +
                        ", the file holds " + std::to_string((bytes.size() - at) / size) +
                        " (truncated or corrupt)");
    where[*key] = {at, count * size};
    at += count * size;
  }
  return fromPickle(root, path, [&](const pickle::Storage& storage) {
    const auto w = where.find(storage.key);
    if (w == where.end())
      throw FormatError(path + ": storage '" + storage.key + "' is not in the file");
    return std::span<const uint8_t>(bytes).subspan(w->second.first, w->second.second);
  });
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
    return readLegacyTorch(path);
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

  // Each storage is inflated once, however many tensors are views of it.
  std::map<std::string, std::vector<uint8_t>> entries;
  return fromPickle(root, path, [&](const pickle::Storage& storage) {
    auto it = entries.find(storage.key);
    if (it == entries.end()) {
      const int64_t declared = (DeclaredSize(storage.numel) * elementSize(storage.type))
                                   .value(path + ": storage '" + storage.key + "'");
      it = entries
               .emplace(storage.key,
                        readEntry(zip.get(), prefix + "data/" + storage.key, path, declared))
               .first;
    }
    return std::span<const uint8_t>(it->second);
  });
}

}  // namespace basin
