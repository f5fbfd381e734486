#include "core/net/network.h"

#include "core/error.h"

namespace basin {

Network::Network(Shape inputShape) {
  if (inputShape.size() != 3 || numel(inputShape) <= 0)
    throw ShapeError("network input must be channels x height x width, got " +
                     toString(inputShape));
  Node in;
  in.shape = std::move(inputShape);
  m_nodes.push_back(std::move(in));
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
  m_nodes.push_back(std::move(node));
  m_output = static_cast<int>(m_nodes.size()) - 1;
  return m_output;
}

const Shape& Network::spatial(int x, const char* op) const {
  const Shape& s = m_nodes.at(x).shape;
  if (s.size() != 3)
    throw ShapeError(std::string(op) + " needs a channels x height x width input, got " +
                     toString(s));
  return s;
}

int Network::conv2d(int x, const std::string& name, int64_t outChannels, int64_t kernel,
                    int64_t stride, int64_t padding, bool bias) {
  const Shape& in = spatial(x, "conv2d");
  Node n;
  n.op = OpKind::Conv2d;
  n.name = path(name);
  n.inputs = {x};
  n.conv = {in[0], outChannels, kernel, kernel, stride, stride, padding, padding};
  n.shape = {outChannels, convOutputExtent(in[1], kernel, stride, padding),
             convOutputExtent(in[2], kernel, stride, padding)};
  n.weight =
      m_state.add(n.name + ".weight", {outChannels, in[0], kernel, kernel}, StateKind::Parameter);
  if (bias) n.bias = m_state.add(n.name + ".bias", {outChannels}, StateKind::Parameter);
  return append(std::move(n));
}

int Network::batchNorm(int x, const std::string& name, double eps) {
  Node n;
  n.op = OpKind::BatchNorm;
  n.name = path(name);
  n.inputs = {x};
  n.shape = m_nodes.at(x).shape;
  n.eps = eps;
  const Shape c = {n.shape.at(0)};
  n.weight = m_state.add(n.name + ".weight", c, StateKind::Parameter);
  n.bias = m_state.add(n.name + ".bias", c, StateKind::Parameter);
  n.runningMean = m_state.add(n.name + ".running_mean", c, StateKind::Buffer);
  n.runningVar = m_state.add(n.name + ".running_var", c, StateKind::Buffer);
  n.batchesTracked = m_state.add(n.name + ".num_batches_tracked", {}, StateKind::Counter);
  // A fresh BatchNorm is the identity: gamma 1, running variance 1.
  for (float& v : m_state.values(n.weight)) v = 1.0f;
  for (float& v : m_state.values(n.runningVar)) v = 1.0f;
  return append(std::move(n));
}

int Network::relu(int x) {
  Node n;
  n.op = OpKind::ReLU;
  n.inputs = {x};
  n.shape = m_nodes.at(x).shape;
  return append(std::move(n));
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

int Network::globalAvgPool(int x) {
  const Shape& in = spatial(x, "global average pooling");
  Node n;
  n.op = OpKind::GlobalAvgPool;
  n.inputs = {x};
  n.shape = {in[0]};
  return append(std::move(n));
}

int Network::linear(int x, const std::string& name, int64_t outFeatures, bool bias) {
  const Shape& in = m_nodes.at(x).shape;
  if (in.size() != 1)
    throw ShapeError("linear layer '" + path(name) + "' needs a flat input, got " + toString(in));
  Node n;
  n.op = OpKind::Linear;
  n.name = path(name);
  n.inputs = {x};
  n.outFeatures = outFeatures;
  n.shape = {outFeatures};
  n.weight = m_state.add(n.name + ".weight", {outFeatures, in[0]}, StateKind::Parameter);
  if (bias) n.bias = m_state.add(n.name + ".bias", {outFeatures}, StateKind::Parameter);
  return append(std::move(n));
}

int Network::add(int a, int b) {
  if (m_nodes.at(a).shape != m_nodes.at(b).shape)
    throw ShapeError("cannot add " + toString(m_nodes[a].shape) + " and " +
                     toString(m_nodes[b].shape) + " in " + path("add"));
  Node n;
  n.op = OpKind::Add;
  n.inputs = {a, b};
  n.shape = m_nodes[a].shape;
  return append(std::move(n));
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
  n.shape = m_nodes.at(x).shape;
  return append(std::move(n));
}

int64_t Network::flopsPerSample() const {
  int64_t flops = 0;
  for (const Node& n : m_nodes) {
    if (n.op == OpKind::Conv2d) flops += conv2dFlops(n.conv, n.shape[1], n.shape[2]);
    if (n.op == OpKind::Linear) flops += 2 * n.outFeatures * m_nodes[n.inputs[0]].shape[0];
  }
  return flops;
}

}  // namespace basin
