#include "core/net/network.h"

#include <algorithm>
#include <map>

#include "core/error.h"

namespace basin {

Network::Network(Shape inputShape) {
  if (inputShape.size() != 3 || numel(inputShape) <= 0 || numel(inputShape) > (int64_t(1) << 30))
    throw ShapeError(
        "network input must be channels x height x width of at most 2^30 values, got " +
        toString(inputShape));
  Node in;
  in.shape = std::move(inputShape);
  in.full = {{1, true}};
  for (int64_t d : in.shape) in.full.push_back({d, false});
  m_nodes.push_back(std::move(in));
}

Shape resolve(const BatchedShape& shape, int64_t batch) {
  Shape s;
  for (const Dim& d : shape) s.push_back(d.batch ? d.extent * batch : d.extent);
  return s;
}

std::string toString(const BatchedShape& shape) {
  if (shape.empty()) return "scalar";
  std::string s;
  for (const Dim& d : shape) {
    if (!s.empty()) s += " x ";
    s +=
        d.batch ? (d.extent == 1 ? "N" : std::to_string(d.extent) + "N") : std::to_string(d.extent);
  }
  return s;
}

bool acceptsAnyShape(OpKind op) {
  switch (op) {
    case OpKind::Activation:
    case OpKind::ReLU:
    case OpKind::Linear:
    case OpKind::Add:
    case OpKind::Dropout:
    case OpKind::Constant:
    case OpKind::Reshape:
    case OpKind::Transpose:
    case OpKind::Binary:
    case OpKind::MatMul:
    case OpKind::Softmax:
    case OpKind::LayerNorm:
    case OpKind::Reduce:
    case OpKind::Gather:
    case OpKind::ConcatAxis:
    case OpKind::Expand:
      return true;
    default:
      return false;
  }
}

std::string Network::path(const std::string& name) const {
  std::string p;
  for (const auto& s : m_scopes) p += s + ".";
  return p + name;
}

int Network::append(Node node) {
  for (int i : node.inputs)
    if (i < 0 || i >= static_cast<int>(m_nodes.size()))
      throw ArgumentError("node '" + node.name + "' reads a node that does not exist yet");
  if (!acceptsAnyShape(node.op))
    for (int i : node.inputs) perSample(i, operatorName(node).c_str());
  if (node.full.empty()) {
    node.full = {{1, true}};
    for (int64_t d : node.shape) node.full.push_back({d, false});
  }
  // One sample's values of a node: at most 2^30 (4 GiB). More is a broken or hostile graph (an
  // Expand to 10^12 values), refused while it is built rather than when memory runs out.
  constexpr int64_t kMaxValuesPerSample = int64_t(1) << 30;
  int64_t values = 1;
  for (const Dim& d : node.full)
    if (d.extent < 0 || __builtin_mul_overflow(values, d.extent, &values) ||
        values > kMaxValuesPerSample)
      throw ShapeError(operatorName(node) + " output of shape " + toString(node.full) +
                       " holds more than 2^30 values per sample (4 GiB); refused");
  m_nodes.push_back(std::move(node));
  m_output = static_cast<int>(m_nodes.size()) - 1;
  return m_output;
}

const Shape& Network::perSample(int x, const char* op) const {
  const Node& n = m_nodes.at(x);
  if (!n.batchFirst)
    throw ShapeError(std::string(op) + " needs the batch as the first axis only, got " +
                     describe(n.full));
  return n.shape;
}

const Shape& Network::spatial(int x, const char* op) const {
  const Shape& s = perSample(x, op);
  if (s.size() != 3)
    throw ShapeError(std::string(op) + " needs a channels x height x width input, got " +
                     toString(s));
  return s;
}

int Network::conv2d(int x, const std::string& name, int64_t outChannels, int64_t kernel,
                    int64_t stride, int64_t padding, bool bias) {
  const Shape& in = spatial(x, "conv2d");
  const std::string module = path(name);
  const int w =
      m_state.add(module + ".weight", {outChannels, in[0], kernel, kernel}, StateKind::Parameter);
  const int b = bias ? m_state.add(module + ".bias", {outChannels}, StateKind::Parameter) : -1;
  Conv2dGeometry g;
  g.strideH = g.strideW = stride;
  g.padH = g.padW = padding;
  const int node = conv2dWith(x, g, w, b);
  m_nodes[node].name = module;
  return node;
}

int Network::conv2dWith(int x, const Conv2dGeometry& geometry, int weight, int bias) {
  const Shape& in = spatial(x, "conv2d");
  const Shape& w = m_state.entry(weight).shape;
  const std::string& what = m_state.entry(weight).name;
  const int64_t groups = geometry.groups;
  if (w.size() != 4 || groups < 1 || w[1] * groups != in[0] || w[0] % groups)
    throw ShapeError("convolution weight '" + what + "' of shape " + toString(w) +
                     (groups != 1 ? " in " + std::to_string(groups) + " groups" : "") +
                     " does not fit an input of " + toString(in));
  if (bias >= 0 && m_state.entry(bias).shape != Shape{w[0]})
    throw ShapeError("convolution bias '" + m_state.entry(bias).name + "' does not have " +
                     std::to_string(w[0]) + " values");
  Node n;
  n.op = OpKind::Conv2d;
  n.name = what;
  n.inputs = {x};
  n.conv = geometry;
  n.conv.inChannels = in[0];
  n.conv.outChannels = w[0];
  n.conv.kernelH = w[2];
  n.conv.kernelW = w[3];
  n.shape = {w[0], convOutputExtent(in[1], w[2], n.conv.strideH, n.conv.padH, n.conv.dilationH),
             convOutputExtent(in[2], w[3], n.conv.strideW, n.conv.padW, n.conv.dilationW)};
  n.weight = weight;
  n.bias = bias;
  return append(std::move(n));
}

int Network::batchNorm(int x, const std::string& name, double eps) {
  const std::string module = path(name);
  const Shape c = {m_nodes.at(x).shape.at(0)};
  const int w = m_state.add(module + ".weight", c, StateKind::Parameter);
  const int b = m_state.add(module + ".bias", c, StateKind::Parameter);
  const int mean = m_state.add(module + ".running_mean", c, StateKind::Buffer);
  const int var = m_state.add(module + ".running_var", c, StateKind::Buffer);
  const int counter = m_state.add(module + ".num_batches_tracked", {}, StateKind::Counter);
  // A fresh BatchNorm is the identity: gamma 1, running variance 1.
  for (float& v : m_state.values(w)) v = 1.0f;
  for (float& v : m_state.values(var)) v = 1.0f;
  const int node = batchNormWith(x, w, b, mean, var, eps);
  m_nodes[node].name = module;
  m_nodes[node].batchesTracked = counter;
  return node;
}

int Network::batchNormWith(int x, int weight, int bias, int runningMean, int runningVar,
                           double eps) {
  Node n;
  n.op = OpKind::BatchNorm;
  n.name = m_state.entry(weight).name;
  n.inputs = {x};
  n.shape = m_nodes.at(x).shape;
  n.eps = eps;
  const Shape c = {n.shape.at(0)};
  for (int e : {weight, bias, runningMean, runningVar})
    if (m_state.entry(e).shape != c)
      throw ShapeError("batch norm tensor '" + m_state.entry(e).name + "' of shape " +
                       toString(m_state.entry(e).shape) + " does not fit " + std::to_string(c[0]) +
                       " channels");
  n.weight = weight;
  n.bias = bias;
  n.runningMean = runningMean;
  n.runningVar = runningVar;
  return append(std::move(n));
}

int Network::relu(int x) {
  Node n;
  n.op = OpKind::ReLU;
  n.inputs = {x};
  n.full = m_nodes.at(x).full;
  return appendTensor(std::move(n));
}

int Network::maxPool2d(int x, const Pool2dGeometry& g) {
  const Shape& in = spatial(x, "max pooling");
  Node n;
  n.op = OpKind::MaxPool2d;
  n.inputs = {x};
  n.pool = g;
  n.shape = {in[0], poolOutputExtent(in[1], g.kernelH, g.strideH, g.padH, g.ceilMode),
             poolOutputExtent(in[2], g.kernelW, g.strideW, g.padW, g.ceilMode)};
  return append(std::move(n));
}

int Network::avgPool2d(int x, const Pool2dGeometry& g) {
  const int node = maxPool2d(x, g);
  m_nodes[node].op = OpKind::AvgPool2d;
  return node;
}

int Network::globalAvgPool(int x, bool keepSpatial) {
  const Shape& in = spatial(x, "global average pooling");
  Node n;
  n.op = OpKind::GlobalAvgPool;
  n.inputs = {x};
  n.shape = keepSpatial ? Shape{in[0], 1, 1} : Shape{in[0]};
  return append(std::move(n));
}

int Network::activation(int x, const ActivationParams& p) {
  Node n;
  n.op = OpKind::Activation;
  n.inputs = {x};
  n.full = m_nodes.at(x).full;
  n.activation = p;
  return appendTensor(std::move(n));
}

int Network::multiply(int a, int b) {
  const Shape& sa = m_nodes.at(a).shape;
  const Shape& sb = m_nodes.at(b).shape;
  const bool perChannel = !sa.empty() && numel(sb) == sa[0] && !sb.empty() && sb[0] == sa[0];
  if (sa != sb && !perChannel)
    throw ShapeError("cannot multiply " + toString(sa) + " by " + toString(sb));
  Node n;
  n.op = OpKind::Mul;
  n.inputs = {a, b};
  n.shape = sa;
  return append(std::move(n));
}

int Network::linear(int x, const std::string& name, int64_t outFeatures, bool bias) {
  const Shape& in = m_nodes.at(x).shape;
  const std::string module = path(name);
  if (in.size() != 1)
    throw ShapeError("linear layer '" + module + "' needs a flat input, got " + toString(in));
  const int w = m_state.add(module + ".weight", {outFeatures, in[0]}, StateKind::Parameter);
  const int b = bias ? m_state.add(module + ".bias", {outFeatures}, StateKind::Parameter) : -1;
  const int node = linearWith(x, w, b);
  m_nodes[node].name = module;
  return node;
}

int Network::linearWith(int x, int weight, int bias) {
  const BatchedShape& in = m_nodes.at(x).full;
  const Shape& w = m_state.entry(weight).shape;
  if (in.size() < 2 || w.size() != 2 || canonical(in.back()) != Dim{w[1], false})
    throw ShapeError("linear weight '" + m_state.entry(weight).name + "' of shape " + toString(w) +
                     " does not fit an input of " + describe(in));
  if (bias >= 0 && m_state.entry(bias).shape != Shape{w[0]})
    throw ShapeError("linear bias '" + m_state.entry(bias).name + "' does not have " +
                     std::to_string(w[0]) + " values");
  Node n;
  n.op = OpKind::Linear;
  n.name = m_state.entry(weight).name;
  n.inputs = {x};
  n.outFeatures = w[0];
  n.full = in;
  n.full.back() = {w[0], false};
  n.weight = weight;
  n.bias = bias;
  return appendTensor(std::move(n));
}

void Network::attachBias(int linearNode, int bias) {
  Node& n = m_nodes.at(linearNode);
  if (n.op != OpKind::Linear || n.bias >= 0)
    throw ArgumentError("a bias can only be attached to a linear layer without one");
  if (m_state.entry(bias).shape != Shape{n.outFeatures})
    throw ShapeError("bias '" + m_state.entry(bias).name + "' does not have " +
                     std::to_string(n.outFeatures) + " values");
  n.bias = bias;
}

int Network::add(int a, int b) {
  if (!sameShape(m_nodes.at(a).full, m_nodes.at(b).full))
    throw ShapeError("cannot add " + describe(m_nodes[a].full) + " and " +
                     describe(m_nodes[b].full) + " in " + path("add"));
  Node n;
  n.op = OpKind::Add;
  n.inputs = {a, b};
  n.full = m_nodes[a].full;
  return appendTensor(std::move(n));
}

int Network::concat(const std::vector<int>& xs) {
  Node n;
  n.op = OpKind::Concat;
  n.inputs = xs;
  for (int x : xs) {
    const Shape& s = spatial(x, "concat");
    if (n.shape.empty()) {
      n.shape = s;
    } else if (s[1] != n.shape[1] || s[2] != n.shape[2]) {
      throw ShapeError("cannot concatenate " + toString(s) + " with " + toString(n.shape));
    } else {
      n.shape[0] += s[0];
    }
  }
  return append(std::move(n));
}

int Network::flatten(int x) {
  Node n;
  n.op = OpKind::Flatten;
  n.inputs = {x};
  n.shape = {numel(m_nodes.at(x).shape)};
  return append(std::move(n));
}

int Network::dropout(int x) {
  Node n;
  n.op = OpKind::Dropout;
  n.inputs = {x};
  n.full = m_nodes.at(x).full;
  return appendTensor(std::move(n));
}

void Network::reorderState(const std::vector<int>& order) {
  StateDict next = m_state.reordered(order);
  std::vector<int> to(order.size());
  for (size_t k = 0; k < order.size(); ++k) to[order[k]] = static_cast<int>(k);
  for (Node& n : m_nodes)
    for (int* e : {&n.weight, &n.bias, &n.runningMean, &n.runningVar, &n.batchesTracked})
      if (*e >= 0) *e = to.at(*e);
  m_state = std::move(next);
}

BatchNormParams batchNormParams(const Network& net, const Node& n) {
  const StateDict& s = net.state();
  return {s.values(n.weight).data(),
          s.values(n.bias).data(),
          s.values(n.runningMean).data(),
          s.values(n.runningVar).data(),
          n.eps,
          n.shape.at(0)};
}

int Network::channelSlice(int x, int64_t begin, int64_t end) {
  const Shape& in = m_nodes.at(x).shape;
  if (in.empty() || begin < 0 || begin >= end || end > in[0])
    throw ShapeError("channels " + std::to_string(begin) + " to " + std::to_string(end) +
                     " are not a range of " + toString(in));
  Node n;
  n.op = OpKind::ChannelSlice;
  n.inputs = {x};
  n.shape = in;
  n.shape[0] = end - begin;
  n.first = begin;
  n.last = end;
  return append(std::move(n));
}

int Network::channelShuffle(int x, int64_t groups) {
  const Shape& in = m_nodes.at(x).shape;
  if (in.empty() || groups < 1 || in[0] % groups)
    throw ShapeError(std::to_string(groups) + " groups do not divide the channels of " +
                     toString(in));
  Node n;
  n.op = OpKind::ChannelShuffle;
  n.inputs = {x};
  n.shape = in;
  n.first = groups;
  return append(std::move(n));
}

std::string operatorName(const Node& n) {
  switch (n.op) {
    case OpKind::Input:
      return "Input";
    case OpKind::Conv2d:
      if (n.conv.groups == 1) return "Conv2d";
      return n.conv.groups == n.conv.inChannels && n.conv.groups == n.conv.outChannels
                 ? "DepthwiseConv2d"
                 : "GroupedConv2d";
    case OpKind::BatchNorm:
      return "BatchNorm";
    case OpKind::ReLU:
      return "ReLU";
    case OpKind::MaxPool2d:
      return "MaxPool2d";
    case OpKind::AvgPool2d:
      return "AvgPool2d";
    case OpKind::GlobalAvgPool:
      return "GlobalAvgPool";
    case OpKind::Linear:
      return "Linear";
    case OpKind::Add:
      return "Add";
    case OpKind::Concat:
      return "Concat";
    case OpKind::Flatten:
      return "Flatten";
    case OpKind::Dropout:
      return "Dropout";
    case OpKind::Activation:
      return activationName(n.activation.kind);
    case OpKind::Mul:
      return "Mul";
    case OpKind::ChannelSlice:
      return "ChannelSlice";
    case OpKind::ChannelShuffle:
      return "ChannelShuffle";
    case OpKind::Constant:
      return "Constant";
    case OpKind::Reshape:
      return "Reshape";
    case OpKind::Transpose:
      return "Transpose";
    case OpKind::Binary:
      return binaryOpName(n.binary);
    case OpKind::MatMul:
      return "MatMul";
    case OpKind::Softmax:
      return n.logarithm ? "LogSoftmax" : "Softmax";
    case OpKind::LayerNorm:
      return "LayerNorm";
    case OpKind::Reduce:
      return n.sum ? "ReduceSum" : "ReduceMean";
    case OpKind::Gather:
      return "Gather";
    case OpKind::ConcatAxis:
      return "Concat";
    case OpKind::Expand:
      return "Expand";
  }
  return "?";
}

std::vector<std::pair<std::string, int>> Network::operatorCounts() const {
  std::map<std::string, int> counts;
  for (size_t i = 1; i < m_nodes.size(); ++i) ++counts[operatorName(m_nodes[i])];
  std::vector<std::pair<std::string, int>> sorted(counts.begin(), counts.end());
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  return sorted;
}

int64_t Network::flopsPerSample() const {
  int64_t flops = 0;
  for (const Node& n : m_nodes) {
    if (n.op == OpKind::Conv2d) flops += conv2dFlops(n.conv, n.shape[1], n.shape[2]);
    if (n.op == OpKind::Linear)  // per row of the input's last axis, at batch 1
      flops += 2 * n.outFeatures * numel(resolve(m_nodes[n.inputs[0]].full, 1));
    if (n.op == OpKind::MatMul) {
      const Shape a = resolve(m_nodes[n.inputs[0]].full, 1);
      flops += 2 * numel(resolve(n.full, 1)) * a.back();
    }
  }
  return flops;
}

}  // namespace basin
