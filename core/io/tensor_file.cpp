#include "core/io/tensor_file.h"

#include <algorithm>

#include "core/error.h"

namespace basin {
std::string withoutModulePrefix(const std::string& name) {
  const std::string prefix = "module.";
  return name.rfind(prefix, 0) == 0 ? name.substr(prefix.size()) : name;
}

namespace {

// "a, b, c" for the first few names, then how many more.
std::string listed(const std::vector<std::string>& names) {
  std::string s;
  for (size_t i = 0; i < names.size() && i < 8; ++i) s += (i ? ", " : "") + names[i];
  if (names.size() > 8) s += " and " + std::to_string(names.size() - 8) + " more";
  return s;
}

}  // namespace

void applyTensors(const TensorFile& file, const std::string& path, Network& network) {
  std::map<std::string, const StoredTensor*> byName;
  for (const auto& [name, tensor] : file.tensors) byName[withoutModulePrefix(name)] = &tensor;
  StateDict& state = network.state();
  // Names first: a file of another architecture is reported as such, not as one odd shape.
  std::vector<std::string> missing, extra;
  for (const StateEntry& e : state.entries())
    if (!byName.count(e.name)) missing.push_back(e.name);
  // num_batches_tracked does not affect evaluation; graphs from ONNX do not have it.
  for (const auto& [name, tensor] : byName)
    if (state.find(name) < 0 && !name.ends_with(".num_batches_tracked")) extra.push_back(name);
  if (!missing.empty() || !extra.empty()) {
    std::string message = path + ":";
    if (!missing.empty()) message += " missing tensors: " + listed(missing) + ";";
    if (!extra.empty())
      message += " tensors the architecture does not have: " + listed(extra) + ";";
    message.pop_back();
    throw FormatError(message);
  }
  for (int i = 0; i < static_cast<int>(state.entries().size()); ++i) {
    const StateEntry& e = state.entry(i);
    const StoredTensor& t = *byName.at(e.name);
    const bool scalarAsOne = e.shape.empty() && t.shape == Shape{1};
    if (t.shape != e.shape && !scalarAsOne)
      throw ShapeError(path + ": tensor '" + e.name + "' has shape " + toString(t.shape) +
                       " but the architecture needs " + toString(e.shape));
    const int64_t count = std::max(t.values.size(), t.integers.size());
    if (count != e.size)
      throw FormatError(path + ": tensor '" + e.name + "' holds " + std::to_string(count) +
                        " values, its shape needs " + std::to_string(e.size));
    if (e.kind == StateKind::Counter) {
      state.counter(i) = t.isInteger() ? t.integers[0] : static_cast<int64_t>(t.values[0]);
    } else if (t.isInteger()) {
      auto dst = state.values(i);
      std::transform(t.integers.begin(), t.integers.end(), dst.begin(),
                     [](int64_t v) { return static_cast<float>(v); });
    } else {
      std::copy(t.values.begin(), t.values.end(), state.values(i).begin());
    }
  }
}

}  // namespace basin
