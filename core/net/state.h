// A network's named state in PyTorch state_dict order, stored as flat arrays: all trainable
// parameters in one contiguous vector (parameter order), all float buffers (BN running
// statistics) in another, integer counters (num_batches_tracked) in a third. Direction
// arithmetic works on the flat views; names and shapes map entries to PyTorch tensors.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/tensor/tensor.h"

namespace basin {

enum class StateKind { Parameter, Buffer, Counter };

struct StateEntry {
  std::string name;  // PyTorch name, e.g. "layer1.0.bn1.running_var"
  Shape shape;       // empty for scalars
  StateKind kind;
  int64_t offset;  // into the flat array of its kind
  int64_t size;
};

class StateDict {
 public:
  // Appends an entry (zero-initialized). Throws ArgumentError if the name is taken.
  int add(std::string name, Shape shape, StateKind kind);

  const std::vector<StateEntry>& entries() const { return m_entries; }
  const StateEntry& entry(int index) const { return m_entries.at(index); }
  // Index of the entry with this name, or -1.
  int find(std::string_view name) const;

  // Values of a Parameter or Buffer entry.
  std::span<float> values(int index);
  std::span<const float> values(int index) const;
  // The value of a Counter entry.
  int64_t& counter(int index) { return m_counters.at(m_entries.at(index).offset); }
  int64_t counter(int index) const { return m_counters.at(m_entries.at(index).offset); }

  // Flat views: every parameter in parameter order; every float buffer in state order.
  std::span<float> parameters() { return m_parameters; }
  std::span<const float> parameters() const { return m_parameters; }
  std::span<float> buffers() { return m_buffers; }
  std::span<const float> buffers() const { return m_buffers; }
  int64_t parameterCount() const { return static_cast<int64_t>(m_parameters.size()); }
  // A 64-bit hash (FNV-1a) of every parameter, buffer and counter value: tells two models
  // apart, e.g. a surface file's model from the one a rerun would complete it with.
  uint64_t fingerprint() const;

  // The same entries and values in another order: entry order[k] of this dict becomes entry k.
  StateDict reordered(const std::vector<int>& order) const;

 private:
  std::vector<StateEntry> m_entries;
  std::unordered_map<std::string, int> m_index;
  std::vector<float> m_parameters, m_buffers;
  std::vector<int64_t> m_counters;
};

// An order of `names` (dotted module paths) as PyTorch's state_dict() walks a module tree:
// each module's own entries before its children's, children in the order they first appear in
// `names`, entries of one module in their given order. Positions into `names`.
std::vector<int> moduleTreeOrder(const std::vector<std::string>& names);

}  // namespace basin
