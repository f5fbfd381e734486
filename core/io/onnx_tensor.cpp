// The ONNX importer's operators on tensors of any rank: transformers' token sequences and
// attention heads, channels-last blocks (ConvNeXt), NumPy-broadcast arithmetic. Image-shaped
// special cases go to the CNN kernels (concat of channels, per-channel products, global
// average pools); everything else to the general tensor operators.
#include <algorithm>

#include "core/io/onnx_importer.h"

namespace basin::onnx_import {

int Importer::operand(const onnx::NodeProto& n, int input) {
  const std::string& name = in(n, input);
  if (m_values.count(name)) return value(n, input);
  Network& net = *m_network;
  int node = -1;
  if (isTensor(name)) {
    node = net.constant(entry(n, input, StateKind::Parameter));
  } else if (auto f = m_floatConstants.find(name); f != m_floatConstants.end()) {
    node = net.constant(m_floatShapes.at(name), f->second);
  } else if (m_constants.count(name)) {
    std::vector<float> values;
    for (int64_t v : constantInts(n, input)) values.push_back(static_cast<float>(v));
    const Shape shape = m_scalars.count(name) ? Shape{} : Shape{int64_t(values.size())};
    node = net.constant(shape, std::move(values));
  } else {
    unsupported(n, "input '" + name + "' is not an activation computed before");
  }
  m_values[name] = node;
  return node;
}

int Importer::arithmetic(const onnx::NodeProto& n, BinaryOp op) {
  if (n.input_size() != 2) unsupported(n, "needs two inputs");
  Network& net = *m_network;
  int a = operand(n, 0), b = operand(n, 1);
  const Node& x = net.node(a);
  const Node& y = net.node(b);
  if (op == BinaryOp::Add && net.sameShape(x.full, y.full)) return net.add(a, b);
  if (op == BinaryOp::Mul && x.batchFirst && y.batchFirst && x.shape.size() == y.shape.size()) {
    // The same shape, or N x C x 1 x 1 factors (squeeze-and-excitation): the CNN kernel.
    if (numel(x.shape) < numel(y.shape)) std::swap(a, b);
    const Shape& big = net.node(a).shape;
    const Shape& small = net.node(b).shape;
    const bool perChannel =
        !big.empty() && small[0] == big[0] &&
        std::all_of(small.begin() + 1, small.end(), [](int64_t d) { return d == 1; });
    if (big == small || perChannel) return net.multiply(a, b);
  }
  return net.binary(a, b, op);
}

namespace {

// The product of dims, or nothing if the batch appears in more than one.
std::optional<Dim> product(BatchedShape::const_iterator begin, BatchedShape::const_iterator end) {
  Dim p{1, false};
  for (auto it = begin; it != end; ++it) {
    if (p.batch && it->batch) return std::nullopt;
    if (__builtin_mul_overflow(p.extent, it->extent, &p.extent)) return std::nullopt;
    p.batch = p.batch || it->batch;
  }
  return p;
}

}  // namespace

bool Importer::convertTensorOp(const onnx::NodeProto& n) {
  const std::string& op = n.op_type();
  Network& net = *m_network;
  auto define = [&](int node) { m_values[out(n)] = node; };
  auto canonicalFull = [&](int x) {
    BatchedShape s = net.node(x).full;
    for (Dim& d : s) d = net.canonical(d);
    return s;
  };
  if (op == "Transpose") {
    onlyAttributes(n, {"perm"});
    if (isTensor(in(n, 0)) && !m_values.count(in(n, 0)) &&
        intsAttribute(n, "perm", {1, 0}) == std::vector<int64_t>{1, 0}) {
      m_transposedWeights[out(n)] = in(n, 0);  // W^T for a MatMul: PyTorch's Linear
      return true;
    }
    const int x = operand(n, 0);
    const size_t rank = net.node(x).full.size();
    std::vector<int64_t> perm(rank);
    for (size_t i = 0; i < rank; ++i) perm[i] = static_cast<int64_t>(rank - 1 - i);
    perm = intsAttribute(n, "perm", perm);
    for (int64_t& p : perm) p = axisOf(n, p, rank);
    define(net.transpose(x, perm));
  } else if (op == "Pow" && scalarConstant(in(n, 1)) && m_values.count(in(n, 0))) {
    define(net.activation(value(n, 0), {Activation::Pow, *scalarConstant(in(n, 1)), 0.0f}));
  } else if (op == "PRelu") {  // slopes broadcast (per channel: C x 1 x 1)
    onlyAttributes(n, {});
    define(arithmetic(n, BinaryOp::PRelu));
  } else if (op == "Sub" || op == "Div" || op == "Pow") {
    define(arithmetic(n, op == "Sub"   ? BinaryOp::Sub
                         : op == "Div" ? BinaryOp::Div
                                       : BinaryOp::Pow));
  } else if (op == "Concat") {  // of activations (shape pieces are folded before)
    onlyAttributes(n, {"axis"});
    std::vector<int> parts;
    bool images = true;
    for (int i = 0; i < n.input_size(); ++i) {
      parts.push_back(operand(n, i));
      images =
          images && net.node(parts.back()).batchFirst && net.node(parts.back()).shape.size() == 3;
    }
    const int64_t axis = axisOf(n, intAttribute(n, "axis", 1), net.node(parts[0]).full.size());
    define(images && axis == 1 ? net.concat(parts) : net.concatAxis(parts, axis));
  } else if (op == "Flatten") {
    onlyAttributes(n, {"axis"});
    const int x = operand(n, 0);
    const BatchedShape s = canonicalFull(x);
    const int64_t axis = intAttribute(n, "axis", 1);
    if (axis < 0 || axis > static_cast<int64_t>(s.size())) unsupported(n, "axis outside the rank");
    if (net.node(x).batchFirst && axis == 1) {
      define(net.flatten(x));
    } else {
      const auto outer = product(s.begin(), s.begin() + axis),
                 inner = product(s.begin() + axis, s.end());
      if (!outer || !inner) unsupported(n, "the flattened shape is too large");
      define(net.reshape(x, {*outer, *inner}));
    }
  } else if (op == "Unsqueeze" || op == "Squeeze") {
    onlyAttributes(n, {"axes"});
    const int x = operand(n, 0);
    BatchedShape s = canonicalFull(x);
    std::vector<int64_t> axes =
        n.input_size() > 1 && !in(n, 1).empty() ? constantInts(n, 1) : intsAttribute(n, "axes", {});
    if (op == "Unsqueeze") {
      const size_t rank = s.size() + axes.size();
      for (int64_t& a : axes) a = axisOf(n, a, rank);
      std::sort(axes.begin(), axes.end());
      for (int64_t a : axes) s.insert(s.begin() + a, Dim{1, false});
    } else {
      if (axes.empty())
        for (size_t i = 0; i < s.size(); ++i)
          if (s[i] == Dim{1, false}) axes.push_back(static_cast<int64_t>(i));
      for (int64_t& a : axes) a = axisOf(n, a, s.size());
      std::sort(axes.begin(), axes.end());
      for (auto a = axes.rbegin(); a != axes.rend(); ++a) {
        if (s[*a] != Dim{1, false}) unsupported(n, "squeezes an axis whose extent is not 1");
        s.erase(s.begin() + *a);
      }
    }
    define(net.reshape(x, s));
  } else if (op == "LayerNormalization") {
    onlyAttributes(n, {"axis", "epsilon", "stash_type"});
    for (int k = 1; k < n.output_size(); ++k)
      if (!n.output(k).empty() && m_readers[n.output(k)] > 0)
        unsupported(n, "its mean and inverse deviation outputs are read; Basin gives only Y");
    const int x = operand(n, 0);
    const int64_t axis = axisOf(n, intAttribute(n, "axis", -1), net.node(x).full.size());
    const auto* eps = attribute(n, "epsilon");
    const int scale = required(n, entry(n, 1, StateKind::Parameter));
    const int bias = entry(n, 2, StateKind::Parameter);
    define(net.layerNorm(x, axis, scale, bias, eps ? eps->f() : 1e-5));
  } else if (op == "Softmax" || op == "LogSoftmax") {
    onlyAttributes(n, {"axis"});
    const int x = operand(n, 0);
    const BatchedShape s = canonicalFull(x);
    const bool coerced = opset() < 13;  // before opset 13: over all axes from `axis` on
    const int64_t axis = axisOf(n, intAttribute(n, "axis", coerced ? 1 : -1), s.size());
    const bool logarithm = op == "LogSoftmax";
    if (!coerced || axis == static_cast<int64_t>(s.size()) - 1) {
      define(net.softmax(x, axis, logarithm));
    } else {
      const auto outer = product(s.begin(), s.begin() + axis),
                 inner = product(s.begin() + axis, s.end());
      if (!outer || !inner || inner->batch)
        unsupported(n, "a softmax over the batch mixes samples");
      const int flat = net.reshape(x, {*outer, *inner});
      define(net.reshape(net.softmax(flat, 1, logarithm), s));
    }
  } else if (op == "ReduceMean" || op == "ReduceSum") {
    onlyAttributes(n, {"axes", "keepdims", "noop_with_empty_axes"});
    const int x = operand(n, 0);
    const size_t rank = net.node(x).full.size();
    auto axes =
        n.input_size() > 1 && !in(n, 1).empty() ? constantInts(n, 1) : intsAttribute(n, "axes", {});
    if (axes.empty() && intAttribute(n, "noop_with_empty_axes", 0)) {
      define(x);
      return true;
    }
    if (axes.empty())
      for (size_t i = 0; i < rank; ++i) axes.push_back(static_cast<int64_t>(i));
    for (int64_t& a : axes) a = axisOf(n, a, rank);
    std::sort(axes.begin(), axes.end());
    const bool keep = intAttribute(n, "keepdims", 1) != 0;
    const Node& node = net.node(x);
    if (op == "ReduceMean" && node.batchFirst && node.shape.size() == 3 &&
        axes == std::vector<int64_t>{2, 3}) {
      define(net.globalAvgPool(x, keep));  // the CNN kernel
    } else {
      define(net.reduce(x, axes, op == "ReduceSum", keep));
    }
  } else if (op == "MatMul") {
    const int a = operand(n, 0), b = operand(n, 1);
    define(net.matmul(a, b));
  } else if (op == "Gather") {
    onlyAttributes(n, {"axis"});
    const int x = operand(n, 0);
    const BatchedShape s = canonicalFull(x);
    const int64_t axis = axisOf(n, intAttribute(n, "axis", 0), s.size());
    std::vector<int64_t> indices = constantInts(n, 1);
    for (int64_t& i : indices) i = i < 0 ? i + s[axis].extent : i;
    const bool scalar = m_scalars.count(in(n, 1)) > 0;
    if (!scalar && m_constants.count(in(n, 1)) == 0 && !m_initializers.count(in(n, 1)))
      unsupported(n, "the indices must be a constant");
    define(net.gather(x, axis, indices, !scalar));
  } else if (op == "Expand") {
    const int x = operand(n, 0);
    define(net.expand(x, constantDims(n, 1)));
  } else if (op == "Where" || op == "Equal") {
    unsupported(n, "is supported in shape computations only, not on activations");
  } else {
    return false;
  }
  return true;
}

}  // namespace basin::onnx_import
