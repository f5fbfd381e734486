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
#include "core/ops/tensor_ops.h"

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
  ChannelShuffle,
  // Operators on tensors of any rank (tensor_ops.h), whose batch axis may lie anywhere:
  Constant,    // a state entry or a fixed tensor as a value (a class token, an epsilon)
  Reshape,     // to `full`
  Transpose,   // axes permuted by `axes`
  Binary,      // a `binary` b, broadcast
  MatMul,      // of two activations (a weight as second factor is a Linear)
  Softmax,     // along `axis` (its log with `logarithm`)
  LayerNorm,   // over the axes from `axis`, scale `weight` and `bias`
  Reduce,      // mean (or sum with `sum`) over `axes`
  Gather,      // entries `axes` along `axis` (the axis dropped with !keepDims); also slices
  ConcatAxis,  // along `axis`
  Expand       // broadcast to `full`
};

// An extent of a batched tensor: `extent`, times the batch size N if `batch` (a transformer's
// attention runs on N x heads sequences). Shapes are checked at build time with N unknown.
struct Dim {
  int64_t extent = 1;
  bool batch = false;
  bool operator==(const Dim&) const = default;
};
using BatchedShape = std::vector<Dim>;
// The extents for a batch of `batch`.
Shape resolve(const BatchedShape& shape, int64_t batch);
// "N x 65 x 32", "65 x 2N x 16".
std::string toString(const BatchedShape& shape);

struct Node {
  OpKind op = OpKind::Input;
  std::string name;         // module path, e.g. "layer1.0.conv1" (empty for parameter-free ops)
  std::vector<int> inputs;  // node indices, all smaller than this node's
  Shape shape;              // per-sample output shape: C x H x W, or F after Flatten/Linear
  BatchedShape full;        // the whole output's shape, batch axis included
  bool batchFirst = true;   // the batch is axis 0 and only there: `shape` is per sample
  // State entries (indices into the StateDict), -1 when absent.
  int weight = -1, bias = -1, runningMean = -1, runningVar = -1, batchesTracked = -1;
  Conv2dGeometry conv;
  Pool2dGeometry pool;
  int64_t outFeatures = 0;
  double eps = 1e-5;
  ActivationParams activation;
  int64_t first = 0, last = 0;  // ChannelSlice: channels [first, last); ChannelShuffle: groups
  int64_t axis = 0;
  std::vector<int64_t> axes;
  BinaryOp binary = BinaryOp::Add;
  bool keepDims = false, logarithm = false, sum = false;
  std::vector<float> constant;  // a Constant node's values when it has no state entry
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
  // a + b of equal shapes (a residual connection).
  int add(int a, int b);

  // Operators on tensors of any rank; shapes broadcast as in NumPy. Axes are non-negative.
  // Each throws ShapeError if the shapes do not fit.
  int constant(int entry);  // a state entry, its own shape
  int constant(const Shape& shape, std::vector<float> values);
  int reshape(int x, const BatchedShape& shape);
  int transpose(int x, const std::vector<int64_t>& perm);
  int binary(int a, int b, BinaryOp op);
  int matmul(int a, int b);
  int softmax(int x, int64_t axis, bool logarithm);
  int layerNorm(int x, int64_t axis, int weight, int bias, double eps);
  int reduce(int x, std::vector<int64_t> axes, bool sum, bool keepDims);
  int gather(int x, int64_t axis, const std::vector<int64_t>& indices, bool keepAxis);
  int slice(int x, int64_t axis, int64_t begin, int64_t end, int64_t step);
  int concatAxis(const std::vector<int>& xs, int64_t axis);
  int expand(int x, const BatchedShape& shape);

  // Runs the graph only at batch size `batch` (an export that fixed its batch size inside the
  // graph, e.g. in an attention's reshapes): N is then known, dims compare by value, and
  // executors split larger batches into such pieces. Only batch 1 is supported.
  void pinBatch(int64_t batch);
  int64_t fixedBatch() const { return m_fixedBatch; }
  // A dim with the batch resolved once it is pinned.
  Dim canonical(Dim d) const {
    return d.batch && m_fixedBatch ? Dim{d.extent * m_fixedBatch, false} : d;
  }
  // `shape` for messages: "N x 65 x 32", the batch resolved once pinned.
  std::string describe(BatchedShape shape) const {
    for (Dim& d : shape) d = canonical(d);
    return toString(shape);
  }
  // The extents of a batched shape as two shapes agree (same dims, after canonical()).
  bool sameShape(const BatchedShape& a, const BatchedShape& b) const;
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
  // Puts the state entries in `order` (StateDict::reordered), the nodes' references following.
  void reorderState(const std::vector<int>& order);
  const StateDict& state() const { return m_state; }
  // Floating-point operations (2 x multiply-adds of convolutions and linear layers) per sample.
  int64_t flopsPerSample() const;
  // The graph's operators by count, most frequent first (then by name): ("Conv2d", 20), ...
  std::vector<std::pair<std::string, int>> operatorCounts() const;

 private:
  std::string path(const std::string& name) const;
  int append(Node node);
  // Appends a node whose `full` is set, deriving its per-sample shape where the batch is first.
  int appendTensor(Node node);
  const Shape& spatial(int x, const char* op) const;
  // x's per-sample shape; throws ShapeError naming `op` if its batch is not axis 0 alone.
  const Shape& perSample(int x, const char* op) const;
  Dim broadcast(Dim a, Dim b) const;
  BatchedShape broadcast(const BatchedShape& a, const BatchedShape& b) const;

  std::vector<Node> m_nodes;
  StateDict m_state;
  std::vector<std::string> m_scopes;
  int m_output = 0;
  int64_t m_fixedBatch = 0;
};

// True for operators that accept any rank and a batch anywhere (the others need N x ...).
bool acceptsAnyShape(OpKind op);

// A node's operator for summaries: "Conv2d", "DepthwiseConv2d", "GroupedConv2d", "BatchNorm",
// "ReLU", an activation's name ("Sigmoid"), "MaxPool2d", ...
std::string operatorName(const Node& n);

// The eval-mode parameters of BatchNorm node `n` (pointers into the network's state).
BatchNormParams batchNormParams(const Network& net, const Node& n);

}  // namespace basin
