// A restricted unpickler: just the opcodes and globals a PyTorch checkpoint needs (containers,
// numbers, strings, tensors rebuilt from storages). Any other global, e.g. os.system, is refused,
// so reading an untrusted checkpoint can never run code: nothing is ever called, the few known
// callables are interpreted.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "core/io/element_type.h"

namespace basin::pickle {

struct Value;
using ValuePtr = std::shared_ptr<Value>;

struct None {};
struct Global {
  std::string module, name;
};
// A storage named by a persistent id: ('storage', torch.FloatStorage, key, location, numel).
struct Storage {
  ElementType type = ElementType::Float32;
  std::string key;  // entry data/<key> of the archive
  int64_t numel = 0;
};
struct Tensor {
  Storage storage;
  int64_t offset = 0;
  std::vector<int64_t> shape, stride;
};
struct Tuple {
  std::vector<ValuePtr> items;
};
struct List {
  std::vector<ValuePtr> items;
};
struct Dict {
  std::vector<std::pair<ValuePtr, ValuePtr>> items;  // insertion order
};

struct Value {
  std::variant<None, bool, int64_t, double, std::string, Global, Storage, Tensor, Tuple, List, Dict>
      v;
};

// Parses a pickle (protocols 2-4, the subset above). With `position`, the pickle starts there and
// *position is set past its STOP (the legacy torch.save format is several pickles in a row).
// Throws FormatError mentioning `what` for corrupt data, unsupported opcodes and refused globals.
ValuePtr load(std::span<const uint8_t> data, const std::string& what, size_t* position = nullptr);

}  // namespace basin::pickle
