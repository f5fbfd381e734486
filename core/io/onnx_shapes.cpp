#include <algorithm>

#include "core/io/onnx_importer.h"

namespace basin::onnx_import {

BatchedShape Importer::constantDims(const onnx::NodeProto& n, int input) const {
  const std::string& name = in(n, input);
  BatchedShape dims;
  if (auto it = m_constants.find(name); it != m_constants.end()) {
    dims = it->second;
  } else if (auto init = m_initializers.find(name); init != m_initializers.end()) {
    for (int64_t v : tensorValues(*init->second, m_path).integers) dims.push_back({v, false});
  } else {
    unsupported(n, "input '" + name + "' must be a constant");
  }
  for (Dim& d : dims) d = m_network->canonical(d);
  return dims;
}

std::vector<int64_t> Importer::constantInts(const onnx::NodeProto& n, int input) const {
  std::vector<int64_t> values;
  for (const Dim& d : constantDims(n, input)) {
    if (d.batch)
      unsupported(n, "input '" + in(n, input) + "' depends on the batch size where a constant " +
                         "is needed");
    values.push_back(d.extent);
  }
  return values;
}

int64_t Importer::opset() const {
  for (const auto& o : m_model.opset_import())
    if (o.domain().empty() || o.domain() == "ai.onnx") return o.version();
  return 1;
}

std::optional<float> Importer::scalarConstant(const std::string& name) const {
  if (auto it = m_floatConstants.find(name); it != m_floatConstants.end())
    return it->second.size() == 1 ? std::optional<float>(it->second[0]) : std::nullopt;
  if (auto it = m_constants.find(name); it != m_constants.end())
    return it->second.size() == 1 && !it->second[0].batch
               ? std::optional<float>(float(it->second[0].extent))
               : std::nullopt;
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
  if (intAttribute(n, "allowzero", 0) != 0) unsupported(n, "allowzero=1 is not supported");
  if (m_constants.count(in(n, 0))) {  // a shape computation: a 1-D constant stays 1-D
    if (constantInts(n, 1).size() != 1) unsupported(n, "a shape is reshaped to 1-D only");
    m_constants[out(n)] = constantDims(n, 0);
    return;
  }
  const BatchedShape shape = constantDims(n, 1);
  auto plain = [&](size_t i, int64_t v) { return shape[i] == Dim{v, false}; };
  if (const auto grouped = m_grouped.find(in(n, 0)); grouped != m_grouped.end()) {
    const Shape& s = m_network->node(grouped->second.node).shape;
    if (!grouped->second.transposed || shape.size() != 4 || !isBatch(shape[0]) ||
        !(plain(1, -1) || plain(1, s[0])) || !plain(2, s[1]) || !plain(3, s[2]))
      unsupported(n, "only the end of a channel shuffle reshapes its 5-D input");
    m_values[out(n)] = m_network->channelShuffle(grouped->second.node, grouped->second.groups);
    return;
  }
  const int x = operand(n, 0);
  const Node& node = m_network->node(x);
  const Shape& s = node.shape;
  const bool images = node.batchFirst && s.size() == 3;
  if (images && shape.size() == 5 && isBatch(shape[0]) && !shape[1].batch && !shape[2].batch &&
      shape[1].extent > 0 && shape[2].extent > 0 && shape[1].extent * shape[2].extent == s[0] &&
      plain(3, s[1]) && plain(4, s[2])) {
    m_grouped[out(n)] = {x, shape[1].extent, false};
    return;
  }
  const int64_t features = node.batchFirst ? numel(s) : 0;
  if (node.batchFirst && shape.size() == 2 &&
      (isBatch(shape[0]) || (plain(0, -1) && plain(1, features))) &&
      (plain(1, -1) || plain(1, features))) {
    m_values[out(n)] = m_network->flatten(x);  // N x features
    return;
  }
  m_values[out(n)] = m_network->reshape(x, reshapeTarget(n, x, shape));
}

BatchedShape Importer::reshapeTarget(const onnx::NodeProto& n, int x, BatchedShape target) {
  Network& net = *m_network;
  // A fixed-batch export's leading extent is the batch when x's batch is its first axis.
  if (!target.empty() && net.node(x).batchFirst && !net.fixedBatch() && m_exportBatch > 0 &&
      target[0] == Dim{m_exportBatch, false})
    target[0] = {1, true};
  for (int attempt = 0; attempt < 2; ++attempt) {
    const BatchedShape& from = net.node(x).full;
    BatchedShape to = target;
    int64_t known = 1, inferred = -1;
    int batches = 0;
    for (size_t i = 0; i < to.size(); ++i) {
      if (to[i] == Dim{0, false}) {
        if (i >= from.size()) unsupported(n, "a 0 in the target shape has no input extent");
        to[i] = net.canonical(from[i]);  // ONNX: copy the input's extent
      }
      if (to[i] == Dim{-1, false}) {
        if (inferred >= 0) unsupported(n, "the target shape has two -1");
        inferred = static_cast<int64_t>(i);
        continue;
      }
      if (to[i].extent < 1) unsupported(n, "the target shape has extent " + toString(to));
      if (__builtin_mul_overflow(known, to[i].extent, &known))
        unsupported(n, "the target shape overflows");
      batches += to[i].batch ? 1 : 0;
    }
    int64_t total = 1;
    int fromBatches = 0;
    for (const Dim& d0 : from) {
      const Dim d = net.canonical(d0);
      total *= d.extent;
      fromBatches += d.batch ? 1 : 0;
    }
    const bool fits = inferred >= 0 ? batches <= fromBatches && total % known == 0
                                    : batches == fromBatches && total == known;
    if (fits) {
      if (inferred >= 0) to[inferred] = {total / known, fromBatches > batches};
      return to;
    }
    // The batch size was baked into the constants (an attention's reshapes exported at batch
    // 1): exact only at that batch size.
    if (net.fixedBatch() || m_exportBatch != 1 || fromBatches == batches) break;
    net.pinBatch(1);
  }
  unsupported(n, "cannot reshape " + toString(net.node(x).full) + " to " + toString(target) +
                     (m_exportBatch > 1 ? " (the batch size " + std::to_string(m_exportBatch) +
                                              " is fixed in the graph: export with batch 1 or a "
                                              "dynamic batch axis)"
                                        : ""));
}

BatchedShape Importer::foldArithmetic(const onnx::NodeProto& n) const {
  const auto a = constantDims(n, 0), b = constantDims(n, 1);
  if (a.empty() || b.empty() || (a.size() != b.size() && a.size() != 1 && b.size() != 1))
    unsupported(n, "operands of a shape computation do not broadcast");
  BatchedShape result(std::max(a.size(), b.size()));
  const std::string& op = n.op_type();
  for (size_t i = 0; i < result.size(); ++i) {
    const Dim x = a[a.size() == 1 ? 0 : i], y = b[b.size() == 1 ? 0 : i];
    // Multiples of the batch size N stay exact under: kN +- jN, kN * j, kN / j (j divides k),
    // kN / jN.
    bool batch = op == "Div" && x.batch && !y.batch;
    if (op == "Add" || op == "Sub") {
      if (x.batch != y.batch) unsupported(n, "a batch size plus a constant is not supported");
      batch = x.batch;
    } else if (op == "Mul") {
      if (x.batch && y.batch) unsupported(n, "the square of the batch size is not supported");
      batch = x.batch || y.batch;
    } else if (y.batch ? !x.batch : x.batch && (y.extent == 0 || x.extent % y.extent)) {
      unsupported(n, "this division of the batch size is not exact for every batch size");
    }
    if (op == "Div" && y.extent == 0) unsupported(n, "division by 0 in a shape computation");
    int64_t r = 0;
    const bool overflow = op == "Add"   ? __builtin_add_overflow(x.extent, y.extent, &r)
                          : op == "Sub" ? __builtin_sub_overflow(x.extent, y.extent, &r)
                          : op == "Mul" ? __builtin_mul_overflow(x.extent, y.extent, &r)
                                        : (r = x.extent / y.extent, false);
    if (overflow) unsupported(n, "a shape computation overflows");
    result[i] = {r, batch};
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
  if (s.starts.empty() || s.ends.size() != s.starts.size() || s.axes.size() != s.starts.size() ||
      s.steps.size() != s.starts.size())
    unsupported(n, "starts, ends, axes and steps differ in length");
  for (int64_t step : s.steps)
    if (step < 1) unsupported(n, "only slices with a positive step are supported");
  return s;
}

void Importer::slice(const onnx::NodeProto& n) {
  const SliceSpec s = sliceSpec(n);
  if (constantInputs(n) || m_constants.count(in(n, 0))) {
    const auto from = constantDims(n, 0);
    if (s.axes.size() != 1 || (s.axes[0] != 0 && s.axes[0] != -1) || s.steps[0] != 1)
      unsupported(n, "a shape is sliced along axis 0 with step 1 only");
    const auto [b, e] = sliceRange(s.starts[0], s.ends[0], static_cast<int64_t>(from.size()));
    m_constants[out(n)] = BatchedShape(from.begin() + b, from.begin() + std::max(b, e));
    return;
  }
  int x = operand(n, 0);
  for (size_t k = 0; k < s.axes.size(); ++k) {
    const Node& node = m_network->node(x);
    const int64_t axis = axisOf(n, s.axes[k], node.full.size());
    const Dim extent = m_network->canonical(node.full[axis]);
    if (extent.batch) unsupported(n, "slicing the batch axis is not supported");
    const auto [b, e] = sliceRange(s.starts[k], s.ends[k], extent.extent);
    if (b >= e) unsupported(n, "the slice is empty");
    x = node.batchFirst && axis == 1 && s.steps[k] == 1
            ? m_network->channelSlice(x, b, e)
            : m_network->slice(x, axis, b, e, s.steps[k]);
  }
  m_values[out(n)] = x;
}

void Importer::split(const onnx::NodeProto& n) {
  onlyAttributes(n, {"axis", "split", "num_outputs"});
  const int x = operand(n, 0);
  const Node& node = m_network->node(x);
  const int64_t axis = axisOf(n, intAttribute(n, "axis", 0), node.full.size());
  const Dim dim = m_network->canonical(node.full[axis]);
  if (dim.batch) unsupported(n, "splitting the batch axis is not supported");
  const int64_t extent = dim.extent;
  const int64_t parts = n.output_size();
  std::vector<int64_t> sizes =
      n.input_size() > 1 && !in(n, 1).empty() ? constantInts(n, 1) : intsAttribute(n, "split", {});
  if (sizes.empty()) {
    if (parts < 1 || extent % parts) unsupported(n, "the axis does not split into equal parts");
    sizes.assign(parts, extent / parts);
  }
  if (static_cast<int64_t>(sizes.size()) != parts)
    unsupported(n, "split sizes do not match the outputs");
  const std::string total = "split sizes do not add up to the axis' " + std::to_string(extent);
  int64_t begin = 0;
  for (int64_t k = 0; k < parts; ++k) {
    if (sizes[k] < 1 || sizes[k] > extent - begin) unsupported(n, total);
    const int64_t end = begin + sizes[k];
    m_values[n.output(k)] = node.batchFirst && axis == 1 ? m_network->channelSlice(x, begin, end)
                                                         : m_network->slice(x, axis, begin, end, 1);
    begin = end;
  }
  if (begin != extent) unsupported(n, total);
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
      m_constants[out(n)] = constantDims(n, 0);
      if (m_scalars.count(in(n, 0))) m_scalars.insert(out(n));
    } else if (to == onnx::TensorProto::FLOAT && m_values.count(in(n, 0))) {
      m_values[out(n)] = value(n, 0);
    } else {
      unsupported(n,
                  "only casts of shape computations to integers and of activations to "
                  "float are supported");
    }
  } else if (op == "Transpose" && m_grouped.count(in(n, 0))) {
    const auto perm = intsAttribute(n, "perm", {});
    const auto grouped = m_grouped.find(in(n, 0));
    if (grouped->second.transposed || perm != std::vector<int64_t>{0, 2, 1, 3, 4})
      unsupported(n, "the 5-D reshape of a channel shuffle must be followed by its transpose");
    m_grouped[out(n)] = {grouped->second.node, grouped->second.groups, true};
  } else if (op == "Slice") {
    slice(n);
  } else if (op == "Split") {
    split(n);
  } else if (op == "Reshape") {
    reshape(n);
  } else if (op == "Shape") {  // of an activation: [N, C, H, W] with N symbolic
    onlyAttributes(n, {"start", "end"});
    BatchedShape dims;
    if (m_constants.count(in(n, 0))) {
      dims = {{static_cast<int64_t>(m_constants.at(in(n, 0)).size()), false}};
    } else {
      for (const Dim& d : net.node(value(n, 0)).full) dims.push_back(net.canonical(d));
    }
    const int64_t rank = static_cast<int64_t>(dims.size());
    auto clampAxis = [&](int64_t a) { return std::clamp<int64_t>(a < 0 ? a + rank : a, 0, rank); };
    const int64_t start = clampAxis(intAttribute(n, "start", 0));
    const int64_t end = clampAxis(intAttribute(n, "end", rank));
    m_constants[out(n)] = BatchedShape(dims.begin() + start, dims.begin() + std::max(start, end));
  } else if (op == "Gather" && m_constants.count(in(n, 0))) {  // an element of a shape
    onlyAttributes(n, {"axis"});
    if (intAttribute(n, "axis", 0) != 0) unsupported(n, "a shape is gathered along axis 0 only");
    const BatchedShape from = constantDims(n, 0);
    BatchedShape picked;
    for (int64_t i : constantInts(n, 1)) {
      const int64_t at = i < 0 ? i + static_cast<int64_t>(from.size()) : i;
      if (at < 0 || at >= static_cast<int64_t>(from.size()))
        unsupported(n, "index " + std::to_string(i) + " is outside the shape");
      picked.push_back(from[at]);
    }
    m_constants[out(n)] = picked;
    if (m_scalars.count(in(n, 1))) m_scalars.insert(out(n));
  } else if (op == "Unsqueeze" && m_constants.count(in(n, 0))) {  // a scalar made 1-D
    onlyAttributes(n, {"axes"});
    const auto axes = n.input_size() > 1 ? constantInts(n, 1) : intsAttribute(n, "axes", {});
    if (axes != std::vector<int64_t>{0} || constantDims(n, 0).size() != 1)
      unsupported(n, "only a scalar of a shape computation can be unsqueezed");
    m_constants[out(n)] = constantDims(n, 0);
  } else if (op == "Concat" && constantInputs(n)) {  // of shape pieces
    if (const int64_t axis = intAttribute(n, "axis", 0); axis != 0 && axis != -1)
      unsupported(n, "shape pieces are concatenated along axis 0");
    BatchedShape joined;
    for (int i = 0; i < n.input_size(); ++i)
      for (const Dim& d : constantDims(n, i)) joined.push_back(d);
    m_constants[out(n)] = joined;
  } else if (op == "Constant") {
    const auto* v = attribute(n, "value");
    if (!v) unsupported(n, "only 'value' constants are supported");
    StoredTensor t = tensorValues(v->t(), m_path);
    if (t.isInteger()) {
      BatchedShape dims;
      for (int64_t i : t.integers) dims.push_back({i, false});
      m_constants[out(n)] = std::move(dims);
      if (t.shape.empty()) m_scalars.insert(out(n));
    } else {
      m_floatConstants[out(n)] = std::move(t.values);
      m_floatShapes[out(n)] = t.shape;
    }
  } else {
    return foldConstantLogic(n);
  }
  return true;
}

bool Importer::foldConstantLogic(const onnx::NodeProto& n) {
  const std::string& op = n.op_type();
  if (op == "ConstantOfShape" && constantInputs(n)) {  // a 1-D shape piece of one value
    const auto count = constantInts(n, 0);
    int64_t fill = 0;
    if (const auto* v = attribute(n, "value")) {
      const StoredTensor t = tensorValues(v->t(), m_path);
      if (!t.isInteger() || t.integers.size() != 1)
        unsupported(n, "only an integer fill of a shape computation is supported");
      fill = t.integers[0];
    }
    if (count.size() != 1 || count[0] < 0 || count[0] > kMaxSize)
      unsupported(n, "only a short 1-D shape computation is supported");
    m_constants[out(n)] = BatchedShape(count[0], Dim{fill, false});
  } else if (op == "Equal" && constantInputs(n)) {
    const auto a = constantDims(n, 0), b = constantDims(n, 1);
    if (a.size() != b.size() && a.size() != 1 && b.size() != 1)
      unsupported(n, "operands of a shape computation do not broadcast");
    BatchedShape result(std::max(a.size(), b.size()));
    for (size_t i = 0; i < result.size(); ++i) {
      const Dim x = a[a.size() == 1 ? 0 : i], y = b[b.size() == 1 ? 0 : i];
      // kN equals jN iff k == j; a positive multiple of N never equals a value below 1.
      const bool known = x.batch == y.batch || (x.batch ? y.extent < 1 : x.extent < 1);
      if (!known) unsupported(n, "comparing the batch size with a constant is not supported");
      result[i] = {x == y ? 1 : 0, false};
    }
    m_constants[out(n)] = result;
  } else if (op == "Where" && constantInputs(n)) {
    const auto c = constantDims(n, 0), x = constantDims(n, 1), y = constantDims(n, 2);
    const size_t size = std::max({c.size(), x.size(), y.size()});
    for (const auto* v : {&c, &x, &y})
      if (v->size() != size && v->size() != 1)
        unsupported(n, "operands of a shape computation do not broadcast");
    BatchedShape result(size);
    for (size_t i = 0; i < size; ++i) {
      const Dim cond = c[c.size() == 1 ? 0 : i];
      result[i] = cond.extent ? x[x.size() == 1 ? 0 : i] : y[y.size() == 1 ? 0 : i];
    }
    m_constants[out(n)] = result;
  } else {
    return false;
  }
  return true;
}

}  // namespace basin::onnx_import
