// The ONNX importer's internals, shared by onnx_model.cpp (the graph walk, layers and
// activations) and onnx_shapes.cpp (shape computations folded at load, channel ranges and
// shuffles). Not part of core's interface: include onnx_model.h instead.
#pragma once

#include <onnx/onnx_pb.h>

#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/io/onnx_model.h"
#include "core/io/tensor_file.h"

namespace basin::onnx_import {

// Values of an initializer or Constant tensor, as floats or integers. Throws FormatError
// naming `where` for a tensor of another type or whose data do not fill its shape.
StoredTensor tensorValues(const onnx::TensorProto& t, const std::string& where);

// One import: walks the graph's nodes in order, building the Network, folding shape
// computations, and refusing what it cannot compute exactly with the node's name and reason.
class Importer {
 public:
  Importer(const onnx::ModelProto& model, const std::string& path) : m_model(model), m_path(path) {}

  Checkpoint run();

 private:
  [[noreturn]] void unsupported(const onnx::NodeProto& n, const std::string& why) const {
    throw FormatError(m_path + ": node '" + n.name() + "' (" + n.op_type() + "): " + why);
  }

  // Input k / the output of a node: a corrupt graph may have fewer than its operator needs.
  const std::string& in(const onnx::NodeProto& n, int k) const {
    if (k >= n.input_size())
      unsupported(n, "has " + std::to_string(n.input_size()) + " inputs, needs more");
    return n.input(k);
  }
  const std::string& out(const onnx::NodeProto& n) const {
    if (n.output_size() < 1) unsupported(n, "has no output");
    return n.output(0);
  }

  const onnx::AttributeProto* attribute(const onnx::NodeProto& n, const std::string& name) const {
    for (const auto& a : n.attribute())
      if (a.name() == name) return &a;
    return nullptr;
  }
  int64_t intAttribute(const onnx::NodeProto& n, const std::string& name, int64_t fallback) const {
    const auto* a = attribute(n, name);
    return a ? a->i() : fallback;
  }
  std::vector<int64_t> intsAttribute(const onnx::NodeProto& n, const std::string& name,
                                     std::vector<int64_t> fallback) const {
    const auto* a = attribute(n, name);
    return a ? std::vector<int64_t>(a->ints().begin(), a->ints().end()) : fallback;
  }
  // A 2-D attribute (strides): exactly two values.
  std::vector<int64_t> pairAttribute(const onnx::NodeProto& n, const std::string& name,
                                     std::vector<int64_t> fallback) const {
    auto values = intsAttribute(n, name, std::move(fallback));
    if (values.size() != 2) unsupported(n, "attribute '" + name + "' must have 2 values");
    for (int64_t v : values) checkSize(n, name, v, 1);
    return values;
  }
  // A size from a file (stride, dilation, kernel, padding) must lie in [low, kMaxSize]: larger
  // ones come only from broken or hostile files and would overflow the size arithmetic.
  static constexpr int64_t kMaxSize = int64_t(1) << 16;
  void checkSize(const onnx::NodeProto& n, const std::string& name, int64_t v, int64_t low) const {
    if (v < low || v > kMaxSize)
      unsupported(n, "attribute '" + name + "' value " + std::to_string(v) + " is outside " +
                         std::to_string(low) + "-" + std::to_string(kMaxSize));
  }
  // Rejects attributes the converter does not interpret.
  void onlyAttributes(const onnx::NodeProto& n, std::set<std::string> known) const {
    for (const auto& a : n.attribute())
      if (!known.count(a.name())) unsupported(n, "attribute '" + a.name() + "' is not supported");
  }

  // A graph exported with a fixed batch B means nothing for other batch sizes; Basin extends
  // it to any N only while every tensor keeps the batch as its first axis alone (each sample
  // then computes apart). Once node `n` makes one that does not, a batch-1 export is pinned to
  // batch 1 (run sample by sample, exactly as exported); other fixed batches are refused.
  void keepSamplesApart(const onnx::NodeProto& n, size_t firstNew);

  // The activation an input names; a non-zero Pad may only feed Conv and AveragePool.
  int value(const onnx::NodeProto& n, int input) const;

  // An entry the operator cannot do without (entry() gives -1 for an absent optional input).
  int required(const onnx::NodeProto& n, int entryIndex) const {
    if (entryIndex < 0) unsupported(n, "a weight or statistics input is missing");
    return entryIndex;
  }

  // The state entry for a tensor input (an initializer or an Identity copy of one). With
  // `transposed`, a 2-D tensor is stored transposed (MatMul's in x out becomes out x in).
  int entry(const onnx::NodeProto& n, int input, StateKind kind, bool transposed = false);
  int entryNamed(const onnx::NodeProto& n, const std::string& name, StateKind kind,
                 bool transposed);

  bool isTensor(const std::string& name) const {
    return m_initializers.count(name) || m_tensorAliases.count(name);
  }

  // An integer constant input (a shape computation folded at load), whose values may be
  // multiples of the batch size N (Dim::batch). constantInts refuses those.
  BatchedShape constantDims(const onnx::NodeProto& n, int input) const;
  std::vector<int64_t> constantInts(const onnx::NodeProto& n, int input) const;

  // Symmetric padding [begin..., end...] of a 2-D op, or an error naming the node.
  std::pair<int64_t, int64_t> symmetricPads(const onnx::NodeProto& n) const;

  // ONNX's output extent of a ceil-mode pool, ceil((in + 2 pad - kernel) / stride) + 1, keeps a
  // last window that starts in the right padding; PyTorch drops it (and its exporter writes the
  // same attributes for its own rule). Where the two differ no answer is certain: refused.
  void checkPoolExtents(const onnx::NodeProto& n, const Shape& input, const Pool2dGeometry& g);

  // The activation an ONNX operator is (Relu has its own, fusable node).
  static std::optional<Activation> activationOf(const std::string& op) {
    static const std::map<std::string, Activation> kinds = {
        {"Clip", Activation::Clip},
        {"Sigmoid", Activation::Sigmoid},
        {"HardSigmoid", Activation::HardSigmoid},
        {"HardSwish", Activation::HardSwish},
        {"Tanh", Activation::Tanh},
        {"LeakyRelu", Activation::LeakyRelu},
        {"Softplus", Activation::Softplus},
        {"Erf", Activation::Erf},
        {"Sqrt", Activation::Sqrt},
        {"Reciprocal", Activation::Reciprocal},
        {"Exp", Activation::Exp},
        {"Log", Activation::Log},
        {"Gelu", Activation::Gelu}};
    const auto it = kinds.find(op);
    return it == kinds.end() ? std::nullopt : std::optional<Activation>(it->second);
  }

  ActivationParams activationParams(const onnx::NodeProto& n, Activation kind) const;

  // The value of a one-element float (or integer) constant, if `name` is one.
  std::optional<float> scalarConstant(const std::string& name) const;

  // x * c, x + c, x - c, c - x, x / c with a scalar constant c: one affine map a x + b.
  int scalarArithmetic(const onnx::NodeProto& n);

  // True if `d`, the first of a reshape's target shape, keeps the batch: Shape(x)[0]
  // (`x.view(x.size(0), -1)`), 0 (copy it) or the batch size the graph was exported with.
  bool isBatch(Dim d) const {
    return d == Dim{1, true} || d == Dim{0, false} ||
           (m_exportBatch > 0 && d == Dim{m_exportBatch, false});
  }

  // The ONNX opset of the default domain.
  int64_t opset() const;
  // An axis attribute for a tensor of `rank` axes, negative counted from the end.
  int64_t axisOf(const onnx::NodeProto& n, int64_t axis, size_t rank) const {
    const int64_t r = static_cast<int64_t>(rank);
    if (axis < -r || axis >= r)
      unsupported(n, "axis " + std::to_string(axis) + " is outside rank " + std::to_string(r));
    return axis < 0 ? axis + r : axis;
  }
  // An input as a node: an activation, or a weight / constant tensor as a Constant node.
  int operand(const onnx::NodeProto& n, int input);
  // The tensor operators (any rank): true if `n` was one (and is converted).
  bool convertTensorOp(const onnx::NodeProto& n);
  // The target of a general Reshape, its 0s and -1 resolved against x's shape; pins the
  // network to batch 1 where a fixed-batch export baked the batch into constants.
  BatchedShape reshapeTarget(const onnx::NodeProto& n, int x, BatchedShape target);
  // Elementwise arithmetic of two operands (NumPy broadcasting).
  int arithmetic(const onnx::NodeProto& n, BinaryOp op);
  // Equal, Where, ConstantOfShape and Shape on shape constants.
  bool foldConstantLogic(const onnx::NodeProto& n);

  // A flatten (N x features), or the reshapes around a channel shuffle: N x C x H x W to
  // N x g x C/g x H x W, and after its transpose back to N x C x H x W.
  void reshape(const onnx::NodeProto& n);

  // Elementwise integer arithmetic on shape constants (one-element operands broadcast); ONNX's
  // integer division truncates.
  BatchedShape foldArithmetic(const onnx::NodeProto& n) const;

  // Starts, ends, axes and steps of a Slice: inputs since opset 10, attributes before.
  struct SliceSpec {
    std::vector<int64_t> starts, ends, axes, steps;
  };
  SliceSpec sliceSpec(const onnx::NodeProto& n) const;

  // [start, end) clamped to an extent, negative indices from its end (ONNX's rule).
  static std::pair<int64_t, int64_t> sliceRange(int64_t start, int64_t end, int64_t extent) {
    auto clamp = [&](int64_t i) { return std::clamp<int64_t>(i < 0 ? i + extent : i, 0, extent); };
    return {clamp(start), clamp(end)};
  }

  // A channel range of an activation, or a piece of a shape computation.
  void slice(const onnx::NodeProto& n);

  // Channel ranges of an activation, one per output: sizes from the 'split' input (opset 13+)
  // or attribute, else equal parts.
  void split(const onnx::NodeProto& n);

  // True if every input is an integer constant (a shape computation, folded at load).
  bool constantInputs(const onnx::NodeProto& n) const {
    return n.input_size() > 0 &&
           std::all_of(n.input().begin(), n.input().end(), [&](const std::string& i) {
             return m_constants.count(i) > 0 ||
                    (m_initializers.count(i) > 0 &&
                     m_initializers.at(i)->data_type() == onnx::TensorProto::INT64);
           });
  }

  void convert(const onnx::NodeProto& n);
  bool foldShapeOp(const onnx::NodeProto& n);

  const onnx::ModelProto& m_model;
  std::string m_path;
  std::unique_ptr<Network> m_network;
  std::map<std::string, const onnx::TensorProto*> m_initializers;
  std::map<std::string, std::string> m_tensorAliases;
  std::map<std::string, BatchedShape> m_constants;  // integer: shape computations
  std::set<std::string> m_scalars;                  // those of them that are 0-D
  std::map<std::string, std::vector<float>> m_floatConstants;
  std::map<std::string, Shape> m_floatShapes;
  // Transpose outputs of 2-D weights (MatMul(x, W^T) is PyTorch's Linear): the weight's name.
  std::map<std::string, std::string> m_transposedWeights;
  // Channel-shuffle intermediates (N x g x C/g x H x W), not materialized: the activation, g,
  // and whether the group axes were transposed yet.
  struct Grouped {
    int node;
    int64_t groups;
    bool transposed;
  };
  std::map<std::string, Grouped> m_grouped;
  std::map<std::string, int> m_values;
  std::map<std::string, int> m_readers;  // how many nodes read each value
  std::set<int> m_biasFree;  // Linear nodes from MatMul that an Add may still give a bias
  std::map<std::string, std::pair<int64_t, int64_t>> m_pads;  // Pad outputs: (height, width)
  bool m_sawBatchNorm = false, m_sawRenamedConv = false;
  int64_t m_exportBatch = 0;  // the input's fixed batch extent, 0 if dynamic
};

}  // namespace basin::onnx_import
