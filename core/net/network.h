// A network as a graph of ops in topological order, with its named state. Built through the
// builder methods below, which infer per-sample shapes (so a wrong architecture fails at build
// time with a ShapeError) and register state entries in PyTorch's state_dict order.
#pragma once

#include <string>
#include <vector>

#include "core/net/state.h"
#include "core/ops/activation.h"
#include "core/ops/batchnorm.h"
#include "core/ops/conv2d.h"
#include "core/ops/pool.h"

namespace basin {

enum class OpKind {
  Input,
  Conv2d,
  BatchNorm,
  ReLU,
  MaxPool2d,
  AvgPool2d,
  GlobalAvgPool,
  Linear,
  Add,
  Concat,
  Flatten,
  Dropout,
  Activation,  // an elementwise function other than ReLU (activation.h)
  Mul,         // elementwise product, the second factor possibly one value per channel
  ChannelSlice,
  ChannelShuffle
};

struct Node {
  OpKind op = OpKind::Input;
  std::string name;         // module path, e.g. "layer1.0.conv1" (empty for parameter-free ops)
  std::vector<int> inputs;  // node indices, all smaller than this node's
  Shape shape;              // per-sample output shape: C x H x W, or F after Flatten/Linear
  // State entries (indices into the StateDict), -1 when absent.
  int weight = -1, bias = -1, runningMean = -1, runningVar = -1, batchesTracked = -1;
  Conv2dGeometry conv;
  Pool2dGeometry pool;
  int64_t outFeatures = 0;
  double eps = 1e-5;
  ActivationParams activation;
  int64_t first = 0, last = 0;  // ChannelSlice: channels [first, last); ChannelShuffle: groups
};

class Network {
 public:
  // `inputShape` is per sample: channels x height x width.
  explicit Network(Shape inputShape);

  // Module scopes: names of state entries are scope path + module name + ".weight" etc.
  void pushScope(const std::string& name) { m_scopes.push_back(name); }
  void popScope() { m_scopes.pop_back(); }

  int input() const { return 0; }

  // Builders with explicit state entries (for imported graphs such as ONNX, whose tensor names
  // are not module paths). Entry indices come from state().add(); -1 for no bias.
  // Channels and kernel size come from the weight entry's shape (out x in / groups x kh x kw);
  // stride, padding, groups and dilation from `geometry`. Throws ShapeError if they do not fit
  // the input or the bias.
  int conv2dWith(int x, const Conv2dGeometry& geometry, int weight, int bias);
  int batchNormWith(int x, int weight, int bias, int runningMean, int runningVar, double eps);
  int linearWith(int x, int weight, int bias);
  // Gives a bias-free Linear node the bias entry `bias` (ONNX's MatMul followed by Add).
  // Throws ArgumentError if the node is no such layer, ShapeError if the sizes differ.
  void attachBias(int linearNode, int bias);

  int conv2d(int x, const std::string& name, int64_t outChannels, int64_t kernel, int64_t stride,
             int64_t padding, bool bias);
  int batchNorm(int x, const std::string& name, double eps = 1e-5);
  int relu(int x);
  int maxPool2d(int x, const Pool2dGeometry& g);
  int avgPool2d(int x, const Pool2dGeometry& g);
  // Per-sample output C, or C x 1 x 1 with `keepSpatial` (ONNX's GlobalAveragePool, which a
  // 1x1 convolution may read: squeeze-and-excitation).
  int globalAvgPool(int x, bool keepSpatial = false);
  int activation(int x, const ActivationParams& p);
  // a * b; b of a's shape, or one value per channel (C or C x 1 x 1). Throws ShapeError.
  int multiply(int a, int b);
  // Channels [begin, end) (channels.h); throws ShapeError if they are not a range of x's.
  int channelSlice(int x, int64_t begin, int64_t end);
  // ShuffleNet's shuffle of `groups` channel groups; throws ShapeError unless they divide C.
  int channelShuffle(int x, int64_t groups);
  int linear(int x, const std::string& name, int64_t outFeatures, bool bias = true);
  int add(int a, int b);
  int concat(const std::vector<int>& xs);
  int flatten(int x);
  int dropout(int x);
  void setOutput(int x) { m_output = x; }

  const std::vector<Node>& nodes() const { return m_nodes; }
  const Node& node(int i) const { return m_nodes.at(i); }
  int output() const { return m_output; }
  const Shape& inputShape() const { return m_nodes[0].shape; }
  const Shape& outputShape() const { return m_nodes.at(m_output).shape; }
  StateDict& state() { return m_state; }
  const StateDict& state() const { return m_state; }
  // Floating-point operations (2 x multiply-adds of convolutions and linear layers) per sample.
  int64_t flopsPerSample() const;
  // The graph's operators by count, most frequent first (then by name): ("Conv2d", 20), ...
  std::vector<std::pair<std::string, int>> operatorCounts() const;

 private:
  std::string path(const std::string& name) const;
  int append(Node node);
  const Shape& spatial(int x, const char* op) const;

  std::vector<Node> m_nodes;
  StateDict m_state;
  std::vector<std::string> m_scopes;
  int m_output = 0;
};

// A node's operator for summaries: "Conv2d", "DepthwiseConv2d", "GroupedConv2d", "BatchNorm",
// "ReLU", an activation's name ("Sigmoid"), "MaxPool2d", ...
std::string operatorName(const Node& n);

// The eval-mode parameters of BatchNorm node `n` (pointers into the network's state).
BatchNormParams batchNormParams(const Network& net, const Node& n);

}  // namespace basin
