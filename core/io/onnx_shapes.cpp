#include <algorithm>

#include "core/io/onnx_importer.h"

namespace basin::onnx_import {

std::vector<int64_t> Importer::constantInts(const onnx::NodeProto& n, int input) const {
  const std::string& name = in(n, input);
  if (auto it = m_constants.find(name); it != m_constants.end()) return it->second;
  if (auto it = m_initializers.find(name); it != m_initializers.end())
    return tensorValues(*it->second, m_path).integers;
  unsupported(n, "input '" + name + "' must be a constant");
}

std::optional<float> Importer::scalarConstant(const std::string& name) const {
  if (auto it = m_floatConstants.find(name); it != m_floatConstants.end())
    return it->second.size() == 1 ? std::optional<float>(it->second[0]) : std::nullopt;
  if (auto it = m_constants.find(name); it != m_constants.end())
    return it->second.size() == 1 ? std::optional<float>(float(it->second[0])) : std::nullopt;
  if (auto it = m_initializers.find(name); it != m_initializers.end()) {
    // One element means every dim is 1: known from the dims alone, without copying a weight.
    const auto& dims = it->second->dims();
    if (!std::all_of(dims.begin(), dims.end(), [](int64_t d) { return d == 1; }))
      return std::nullopt;
    const StoredTensor t = tensorValues(*it->second, m_path);
    if (t.isInteger())
      return t.integers.size() == 1 ? std::optional<float>(t.integers[0]) : std::nullopt;
    return t.values.size() == 1 ? std::optional<float>(t.values[0]) : std::nullopt;
  }
  return std::nullopt;
}

void Importer::reshape(const onnx::NodeProto& n) {
  onlyAttributes(n, {"allowzero"});
  const auto shape = constantInts(n, 1);
  if (const auto grouped = m_grouped.find(in(n, 0)); grouped != m_grouped.end()) {
    const Shape& s = m_network->node(grouped->second.node).shape;
    if (!grouped->second.transposed || shape.size() != 4 || !isBatch(shape[0]) ||
        !(shape[1] == -1 || shape[1] == s[0]) || shape[2] != s[1] || shape[3] != s[2])
      unsupported(n, "only the end of a channel shuffle reshapes its 5-D input");
    m_values[out(n)] = m_network->channelShuffle(grouped->second.node, grouped->second.groups);
    return;
  }
  const int x = value(n, 0);
  const Shape& s = m_network->node(x).shape;
  if (shape.size() == 5 && s.size() == 3 && isBatch(shape[0]) && shape[1] > 0 && shape[2] > 0 &&
      shape[1] * shape[2] == s[0] && shape[3] == s[1] && shape[4] == s[2]) {
    m_grouped[out(n)] = {x, shape[1], false};
    return;
  }
  const int64_t features = numel(s);
  const bool batchFirst =
      shape.size() == 2 && (isBatch(shape[0]) || (shape[0] == -1 && shape[1] == features));
  if (!batchFirst || !(shape[1] == -1 || shape[1] == features))
    unsupported(n,
                "only a reshape to N x features (a flatten) or a channel shuffle is "
                "supported");
  m_values[out(n)] = m_network->flatten(x);
}

std::vector<int64_t> Importer::foldArithmetic(const onnx::NodeProto& n) const {
  const auto a = constantInts(n, 0), b = constantInts(n, 1);
  if (a.empty() || b.empty() || (a.size() != b.size() && a.size() != 1 && b.size() != 1))
    unsupported(n, "operands of a shape computation do not broadcast");
  std::vector<int64_t> result(std::max(a.size(), b.size()));
  for (size_t i = 0; i < result.size(); ++i) {
    const int64_t x = a[a.size() == 1 ? 0 : i], y = b[b.size() == 1 ? 0 : i];
    if (x == kBatch || y == kBatch) unsupported(n, "arithmetic on the batch size is not supported");
    const std::string& op = n.op_type();
    if (op == "Div" && y == 0) unsupported(n, "division by 0 in a shape computation");
    int64_t r = 0;
    const bool overflow = op == "Add"   ? __builtin_add_overflow(x, y, &r)
                          : op == "Sub" ? __builtin_sub_overflow(x, y, &r)
                          : op == "Mul" ? __builtin_mul_overflow(x, y, &r)
                                        : (r = x / y, false);
    if (overflow) unsupported(n, "a shape computation overflows");
    result[i] = r;
  }
  return result;
}

Importer::SliceSpec Importer::sliceSpec(const onnx::NodeProto& n) const {
  SliceSpec s;
  if (n.input_size() > 1) {
    onlyAttributes(n, {});
    s.starts = constantInts(n, 1);
    s.ends = constantInts(n, 2);
    if (n.input_size() > 3 && !in(n, 3).empty()) s.axes = constantInts(n, 3);
    if (n.input_size() > 4 && !in(n, 4).empty()) s.steps = constantInts(n, 4);
  } else {
    onlyAttributes(n, {"starts", "ends", "axes"});
    s.starts = intsAttribute(n, "starts", {});
    s.ends = intsAttribute(n, "ends", {});
    s.axes = intsAttribute(n, "axes", {});
  }
  if (s.axes.empty())
    for (size_t i = 0; i < s.starts.size(); ++i) s.axes.push_back(static_cast<int64_t>(i));
  if (s.steps.empty()) s.steps.assign(s.starts.size(), 1);
  if (s.starts.size() != 1 || s.ends.size() != 1 || s.axes.size() != 1 || s.steps.size() != 1)
    unsupported(n, "only a slice along one axis is supported");
  if (s.steps[0] != 1) unsupported(n, "only a slice with step 1 is supported");
  return s;
}

void Importer::slice(const onnx::NodeProto& n) {
  const SliceSpec s = sliceSpec(n);
  if (constantInputs(n) || m_constants.count(in(n, 0))) {
    const auto from = constantInts(n, 0);
    if (s.axes[0] != 0 && s.axes[0] != -1) unsupported(n, "a shape is sliced along axis 0");
    const auto [b, e] = sliceRange(s.starts[0], s.ends[0], static_cast<int64_t>(from.size()));
    m_constants[out(n)] = std::vector<int64_t>(from.begin() + b, from.begin() + std::max(b, e));
    return;
  }
  const int x = value(n, 0);
  const Shape& shape = m_network->node(x).shape;
  const int64_t rank = static_cast<int64_t>(shape.size()) + 1;
  if ((s.axes[0] < 0 ? s.axes[0] + rank : s.axes[0]) != 1)
    unsupported(n, "only a slice of the channels (axis 1) is supported");
  const auto [b, e] = sliceRange(s.starts[0], s.ends[0], shape.at(0));
  if (b >= e) unsupported(n, "the slice is empty");
  m_values[out(n)] = m_network->channelSlice(x, b, e);
}

void Importer::split(const onnx::NodeProto& n) {
  onlyAttributes(n, {"axis", "split", "num_outputs"});
  const int x = value(n, 0);
  const Shape& shape = m_network->node(x).shape;
  const int64_t rank = static_cast<int64_t>(shape.size()) + 1;
  const int64_t axis = intAttribute(n, "axis", 0);
  if ((axis < 0 ? axis + rank : axis) != 1)
    unsupported(n, "only a split of the channels (axis 1) is supported");
  const int64_t parts = n.output_size();
  std::vector<int64_t> sizes =
      n.input_size() > 1 && !in(n, 1).empty() ? constantInts(n, 1) : intsAttribute(n, "split", {});
  if (sizes.empty()) {
    if (parts < 1 || shape[0] % parts) unsupported(n, "channels do not split into equal parts");
    sizes.assign(parts, shape[0] / parts);
  }
  if (static_cast<int64_t>(sizes.size()) != parts)
    unsupported(n, "split sizes do not match the outputs");
  int64_t begin = 0;
  for (int64_t k = 0; k < parts; ++k) {
    if (sizes[k] < 1 || sizes[k] > shape[0] - begin)
      unsupported(n, "split sizes do not add up to the " + std::to_string(shape[0]) + " channels");
    m_values[n.output(k)] = m_network->channelSlice(x, begin, begin + sizes[k]);
    begin += sizes[k];
  }
  if (begin != shape[0])
    unsupported(n, "split sizes do not add up to the " + std::to_string(shape[0]) + " channels");
}

// Shape computations and data movement: folded to constants at load, or channel ranges and
// shuffles. True if `n` was one (and is converted).
bool Importer::foldShapeOp(const onnx::NodeProto& n) {
  const std::string& op = n.op_type();
  Network& net = *m_network;
  if ((op == "Add" || op == "Sub" || op == "Mul" || op == "Div") && constantInputs(n)) {
    m_constants[out(n)] = foldArithmetic(n);
  } else if (op == "Cast") {
    onlyAttributes(n, {"to", "saturate"});
    const int64_t to = intAttribute(n, "to", 0);
    if (constantInputs(n) && (to == onnx::TensorProto::INT64 || to == onnx::TensorProto::INT32)) {
      m_constants[out(n)] = constantInts(n, 0);
    } else if (to == onnx::TensorProto::FLOAT && m_values.count(in(n, 0))) {
      m_values[out(n)] = value(n, 0);
    } else {
      unsupported(n,
                  "only casts of shape computations to integers and of activations to "
                  "float are supported");
    }
  } else if (op == "Transpose") {
    const auto perm = intsAttribute(n, "perm", {});
    const auto grouped = m_grouped.find(in(n, 0));
    if (grouped == m_grouped.end() || grouped->second.transposed ||
        perm != std::vector<int64_t>{0, 2, 1, 3, 4})
      unsupported(n, "a transpose is only supported as the middle of a channel shuffle");
    m_grouped[out(n)] = {grouped->second.node, grouped->second.groups, true};
  } else if (op == "Slice") {
    slice(n);
  } else if (op == "Split") {
    split(n);
  } else if (op == "Reshape") {
    reshape(n);
  } else if (op == "Shape") {  // of an activation: [batch, C, H, W], folded as a constant
    onlyAttributes(n, {"start", "end"});
    std::vector<int64_t> dims{kBatch};
    for (int64_t d : net.node(value(n, 0)).shape) dims.push_back(d);
    const int64_t rank = static_cast<int64_t>(dims.size());
    auto clampAxis = [&](int64_t a) { return std::clamp<int64_t>(a < 0 ? a + rank : a, 0, rank); };
    const int64_t start = clampAxis(intAttribute(n, "start", 0));
    const int64_t end = clampAxis(intAttribute(n, "end", rank));
    m_constants[out(n)] =
        std::vector<int64_t>(dims.begin() + start, dims.begin() + std::max(start, end));
  } else if (op == "Gather" && m_constants.count(in(n, 0))) {  // an element of a shape
    onlyAttributes(n, {"axis"});
    if (intAttribute(n, "axis", 0) != 0) unsupported(n, "a shape is gathered along axis 0 only");
    const std::vector<int64_t> from = constantInts(n, 0);
    std::vector<int64_t> picked;
    for (int64_t i : constantInts(n, 1)) {
      const int64_t at = i < 0 ? i + static_cast<int64_t>(from.size()) : i;
      if (at < 0 || at >= static_cast<int64_t>(from.size()))
        unsupported(n, "index " + std::to_string(i) + " is outside the shape");
      picked.push_back(from[at]);
    }
    m_constants[out(n)] = picked;
  } else if (op == "Unsqueeze" && m_constants.count(in(n, 0))) {  // a scalar made 1-D
    onlyAttributes(n, {"axes"});
    const auto axes = n.input_size() > 1 ? constantInts(n, 1) : intsAttribute(n, "axes", {});
    if (axes != std::vector<int64_t>{0} || constantInts(n, 0).size() != 1)
      unsupported(n, "only a scalar of a shape computation can be unsqueezed");
    m_constants[out(n)] = constantInts(n, 0);
  } else if (op == "Concat" && constantInputs(n)) {  // of shape pieces
    if (const int64_t axis = intAttribute(n, "axis", 0); axis != 0 && axis != -1)
      unsupported(n, "shape pieces are concatenated along axis 0");
    std::vector<int64_t> joined;
    for (int i = 0; i < n.input_size(); ++i)
      for (int64_t v : constantInts(n, i)) joined.push_back(v);
    m_constants[out(n)] = joined;
  } else if (op == "Constant") {
    const auto* v = attribute(n, "value");
    if (!v) unsupported(n, "only 'value' constants are supported");
    StoredTensor t = tensorValues(v->t(), m_path);
    if (t.isInteger()) {
      m_constants[out(n)] = std::move(t.integers);
    } else {
      m_floatConstants[out(n)] = std::move(t.values);
    }
  } else {
    return false;
  }
  return true;
}

}  // namespace basin::onnx_import
