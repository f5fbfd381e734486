#include "core/net/state.h"

#include <algorithm>
#include <map>

#include "core/error.h"

namespace basin {

int StateDict::add(std::string name, Shape shape, StateKind kind) {
  if (m_index.count(name)) throw ArgumentError("duplicate state entry '" + name + "'");
  const int64_t size = numel(shape);
  int64_t offset = 0;
  switch (kind) {
    case StateKind::Parameter:
      offset = static_cast<int64_t>(m_parameters.size());
      m_parameters.resize(offset + size, 0.0f);
      break;
    case StateKind::Buffer:
      offset = static_cast<int64_t>(m_buffers.size());
      m_buffers.resize(offset + size, 0.0f);
      break;
    case StateKind::Counter:
      offset = static_cast<int64_t>(m_counters.size());
      m_counters.resize(offset + size, 0);
      break;
  }
  const int index = static_cast<int>(m_entries.size());
  m_index.emplace(name, index);
  m_entries.push_back({std::move(name), std::move(shape), kind, offset, size});
  return index;
}

int StateDict::find(std::string_view name) const {
  auto it = m_index.find(std::string(name));
  return it == m_index.end() ? -1 : it->second;
}

std::span<float> StateDict::values(int index) {
  const StateEntry& e = m_entries.at(index);
  if (e.kind == StateKind::Counter) throw ArgumentError("'" + e.name + "' is an integer counter");
  auto& flat = e.kind == StateKind::Parameter ? m_parameters : m_buffers;
  return std::span<float>(flat).subspan(e.offset, e.size);
}

std::span<const float> StateDict::values(int index) const {
  return const_cast<StateDict*>(this)->values(index);
}

uint64_t StateDict::fingerprint() const {
  uint64_t hash = 1469598103934665603ull;
  const auto mix = [&hash](const void* data, size_t bytes) {
    const auto* p = static_cast<const unsigned char*>(data);
    for (size_t i = 0; i < bytes; ++i) hash = (hash ^ p[i]) * 1099511628211ull;
  };
  mix(m_parameters.data(), m_parameters.size() * sizeof(float));
  mix(m_buffers.data(), m_buffers.size() * sizeof(float));
  mix(m_counters.data(), m_counters.size() * sizeof(int64_t));
  return hash;
}

StateDict StateDict::reordered(const std::vector<int>& order) const {
  if (order.size() != m_entries.size()) throw ArgumentError("reordered: not a permutation");
  StateDict out;
  for (int old : order) {
    const StateEntry& e = m_entries.at(old);
    const int k = out.add(e.name, e.shape, e.kind);
    if (e.kind == StateKind::Counter) {
      out.counter(k) = counter(old);
    } else {
      const auto from = values(old);
      std::copy(from.begin(), from.end(), out.values(k).begin());
    }
  }
  return out;
}

namespace {

std::vector<std::string> components(const std::string& name) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t dot; (dot = name.find('.', start)) != std::string::npos; start = dot + 1)
    parts.push_back(name.substr(start, dot - start));
  parts.push_back(name.substr(start));
  return parts;
}

}  // namespace

std::vector<int> moduleTreeOrder(const std::vector<std::string>& names) {
  std::vector<std::vector<std::string>> paths;
  for (const auto& n : names) paths.push_back(components(n));
  // First appearance of every module prefix ("a", "a.b", ...).
  std::map<std::string, int> first;
  for (int i = 0; i < static_cast<int>(paths.size()); ++i) {
    std::string prefix;
    for (size_t c = 0; c + 1 < paths[i].size(); ++c) {
      prefix += (c ? "." : "") + paths[i][c];
      first.emplace(prefix, i);
    }
  }
  std::vector<int> order(names.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    const auto &x = paths[a], &y = paths[b];
    std::string prefix;
    for (size_t c = 0;; ++c) {
      const bool xOwn = c + 1 == x.size(), yOwn = c + 1 == y.size();  // an entry of this module
      if (xOwn || yOwn) return xOwn && !yOwn;  // both own: keep their order (stable)
      if (x[c] != y[c]) {
        const std::string base = prefix + (c ? "." : "");
        return first.at(base + x[c]) < first.at(base + y[c]);
      }
      prefix += (c ? "." : "") + x[c];
    }
  });
  return order;
}

}  // namespace basin
