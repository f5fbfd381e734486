#include "core/io/onnx_model.h"

#include <onnx/onnx_pb.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/io/declared_size.h"
#include "core/io/json_text.h"
#include "core/io/onnx_importer.h"

namespace basin {
namespace onnx_import {

StoredTensor tensorValues(const onnx::TensorProto& t, const std::string& where) {
  StoredTensor out;
  for (int64_t d : t.dims()) out.shape.push_back(d);
  const int64_t count = declaredCount(out.shape, where + ": tensor '" + t.name() + "'");
  const std::string& raw = t.raw_data();
  auto check = [&](int64_t have) {
    if (have != count)
      throw FormatError(where + ": tensor '" + t.name() + "' holds " + std::to_string(have) +
                        " values, its shape " + toString(out.shape) + " needs " +
                        std::to_string(count));
  };
  switch (t.data_type()) {
    case onnx::TensorProto::FLOAT:
      if (t.has_raw_data()) {
        check(static_cast<int64_t>(raw.size() / 4));
        out.values.resize(count);
        std::memcpy(out.values.data(), raw.data(), count * 4);  // ONNX raw data is little-endian
      } else {
        check(t.float_data_size());
        out.values.assign(t.float_data().begin(), t.float_data().end());
      }
      break;
    case onnx::TensorProto::INT64:
      if (t.has_raw_data()) {
        check(static_cast<int64_t>(raw.size() / 8));
        out.integers.resize(count);
        std::memcpy(out.integers.data(), raw.data(), count * 8);
      } else {
        check(t.int64_data_size());
        out.integers.assign(t.int64_data().begin(), t.int64_data().end());
      }
      break;
    default:
      throw FormatError(where + ": tensor '" + t.name() + "' has ONNX data type " +
                        std::to_string(t.data_type()) + "; Basin reads float32 and int64");
  }
  return out;
}

Checkpoint Importer::run() {
  const onnx::GraphProto& g = m_model.graph();
  for (const auto& t : g.initializer()) m_initializers.emplace(t.name(), &t);
  const onnx::ValueInfoProto* input = nullptr;
  for (const auto& i : g.input())
    if (!m_initializers.count(i.name())) input = &i;
  if (!input) throw FormatError(m_path + ": graph has no data input");
  Shape shape;
  const auto& dims = input->type().tensor_type().shape().dim();
  for (int d = 1; d < dims.size(); ++d) {
    if (!dims[d].has_dim_value())
      throw FormatError(m_path + ": input '" + input->name() + "' has a dynamic dimension " +
                        std::to_string(d) + "; export with fixed channels, height and width");
    shape.push_back(dims[d].dim_value());
  }
  if (dims.size() != 4) throw FormatError(m_path + ": input must be N x C x H x W images");
  m_exportBatch = dims[0].has_dim_value() ? dims[0].dim_value() : 0;
  try {
    m_network = std::make_unique<Network>(shape);
  } catch (const ShapeError& e) {
    throw FormatError(m_path + ": input '" + input->name() + "': " + e.what());
  }
  m_values[input->name()] = m_network->input();
  for (const auto& node : g.node())
    for (const auto& in : node.input()) ++m_readers[in];
  for (const auto& node : g.node()) {
    const size_t before = m_network->nodes().size();
    try {
      convert(node);
    } catch (const ShapeError& e) {  // a builder's shape check: say which node
      // An export at batch 1 may use the batch as a plain 1 (a class token expanded to
      // 1 x 1 x E): pinned to batch 1, the graph runs exactly as exported.
      if (m_exportBatch != 1 || m_network->fixedBatch()) unsupported(node, e.what());
      m_network->pinBatch(1);
      try {
        convert(node);
      } catch (const ShapeError& again) {
        unsupported(node, again.what());
      }
    }
    keepSamplesApart(node, before);
  }
  if (g.output_size() != 1) throw FormatError(m_path + ": graph must have exactly one output");
  const std::string& out = g.output(0).name();
  if (!m_values.count(out)) throw FormatError(m_path + ": output '" + out + "' is never computed");
  m_network->setOutput(m_values.at(out));
  // PyTorch's parameter order, which positional direction files follow: the graph meets a
  // module's own tensors (ViT's class token) after its children's.
  // Exporter-made names ("onnx::Conv_193", BatchNorm folded) carry no module path: kept.
  std::vector<std::string> names;
  bool modulePaths = true;
  for (const auto& e : m_network->state().entries()) {
    names.push_back(e.name);
    modulePaths = modulePaths && e.name.find("::") == std::string::npos;
  }
  if (modulePaths) m_network->reorderState(moduleTreeOrder(names));
  if (m_network->outputShape().size() != 1)
    throw FormatError(m_path + ": output is not N x classes");

  ArchSpec arch{"onnx", shape[0], shape[1], shape[2], m_network->outputShape()[0]};
  nlohmann::json meta = {{"producer", m_model.producer_name() + " " + m_model.producer_version()},
                         {"batchnorm_folded", !m_sawBatchNorm && m_sawRenamedConv}};
  if (m_model.opset_import_size()) meta["opset"] = m_model.opset_import(0).version();
  return {arch, std::move(*m_network), jsonText(meta)};
}

void Importer::keepSamplesApart(const onnx::NodeProto& n, size_t firstNew) {
  if (m_exportBatch == 0 || m_network->fixedBatch()) return;  // a dynamic batch: ONNX's meaning
  const auto& nodes = m_network->nodes();
  for (size_t i = firstNew; i < nodes.size(); ++i) {
    // Weights and what is computed from them alone (an Unsqueeze of PReLU's slopes) hold no
    // sample: only tensors that carry the batch somewhere count.
    const auto& full = nodes[i].full;
    if (nodes[i].batchFirst ||
        std::none_of(full.begin(), full.end(), [](const Dim& d) { return d.batch; }))
      continue;
    if (m_exportBatch != 1)
      unsupported(n, "moves the batch axis of a graph exported with batch " +
                         std::to_string(m_exportBatch) +
                         "; export with batch 1 or a dynamic batch axis");
    m_network->pinBatch(1);
    return;
  }
}

int Importer::value(const onnx::NodeProto& n, int input) const {
  if (input >= n.input_size()) unsupported(n, "missing input " + std::to_string(input));
  if (auto pad = m_pads.find(in(n, input)); pad != m_pads.end() &&
                                            (pad->second.first || pad->second.second) &&
                                            n.op_type() != "Conv" && n.op_type() != "AveragePool")
    unsupported(n, "reads a zero Pad; Basin folds Pad only into Conv and AveragePool");
  const auto it = m_values.find(in(n, input));
  if (it == m_values.end())
    unsupported(n, "input '" + in(n, input) + "' is not an activation computed before");
  return it->second;
}

int Importer::entry(const onnx::NodeProto& n, int input, StateKind kind, bool transposed) {
  if (input >= n.input_size() || in(n, input).empty()) return -1;
  return entryNamed(n, in(n, input), kind, transposed);
}

int Importer::entryNamed(const onnx::NodeProto& n, const std::string& name, StateKind kind,
                         bool transposed) {
  StateDict& state = m_network->state();
  if (int e = state.find(name); e >= 0) return e;
  auto source = m_tensorAliases.count(name) ? m_tensorAliases.at(name) : name;
  const auto it = m_initializers.find(source);
  if (it == m_initializers.end()) unsupported(n, "input '" + name + "' must be a constant tensor");
  StoredTensor t = tensorValues(*it->second, m_path);
  if (t.isInteger()) unsupported(n, "tensor '" + name + "' must be floating point");
  if (transposed) {
    if (t.shape.size() != 2) unsupported(n, "weight '" + name + "' must be 2-D");
    std::vector<float> flipped(t.values.size());
    for (int64_t r = 0; r < t.shape[0]; ++r)
      for (int64_t c = 0; c < t.shape[1]; ++c)
        flipped[c * t.shape[0] + r] = t.values[r * t.shape[1] + c];
    t.values = std::move(flipped);
    std::swap(t.shape[0], t.shape[1]);
  }
  const int e = state.add(name, t.shape, kind);
  std::copy(t.values.begin(), t.values.end(), state.values(e).begin());
  if (name.rfind("onnx::", 0) == 0) m_sawRenamedConv = true;
  return e;
}

std::pair<int64_t, int64_t> Importer::symmetricPads(const onnx::NodeProto& n) const {
  const auto pads = intsAttribute(n, "pads", {0, 0, 0, 0});
  if (pads.size() != 4 || pads[0] != pads[2] || pads[1] != pads[3])
    unsupported(n, "attribute 'pads' must be symmetric");
  for (int64_t p : pads) checkSize(n, "pads", p, 0);
  const auto* autoPad = attribute(n, "auto_pad");
  if (autoPad && autoPad->s() != "NOTSET") unsupported(n, "attribute 'auto_pad' is not supported");
  const auto folded = m_pads.find(in(n, 0));
  if (folded == m_pads.end()) return {pads[0], pads[1]};
  return {pads[0] + folded->second.first, pads[1] + folded->second.second};
}

void Importer::checkPoolExtents(const onnx::NodeProto& n, const Shape& input,
                                const Pool2dGeometry& g) {
  if (!g.ceilMode || input.size() != 3) return;
  const int64_t sizes[2][4] = {{input[1], g.kernelH, g.strideH, g.padH},
                               {input[2], g.kernelW, g.strideW, g.padW}};
  for (const auto& [extent, kernel, stride, pad] : sizes) {
    const int64_t span = extent + 2 * pad - kernel;
    if (span < 0 || kernel < 1 || stride < 1) return;  // the builder names the problem
    const int64_t onnx = (span + stride - 1) / stride + 1;
    const int64_t torch = poolOutputExtent(extent, kernel, stride, pad, true);
    if (onnx != torch)
      unsupported(n, "ceil_mode=1 with a last window that starts in the padding: ONNX gives " +
                         std::to_string(onnx) + " outputs there, PyTorch " + std::to_string(torch) +
                         "; export without ceil_mode or padding");
  }
}

ActivationParams Importer::activationParams(const onnx::NodeProto& n, Activation kind) const {
  auto floatAttribute = [&](const char* name, float fallback) {
    const auto* a = attribute(n, name);
    return a ? a->f() : fallback;
  };
  ActivationParams p{kind};
  switch (kind) {
    case Activation::Clip: {  // bounds: attributes before opset 11, optional inputs since
      onlyAttributes(n, {"min", "max"});
      p.alpha = floatAttribute("min", -std::numeric_limits<float>::infinity());
      p.beta = floatAttribute("max", std::numeric_limits<float>::infinity());
      for (int k : {1, 2}) {
        if (k >= n.input_size() || in(n, k).empty()) continue;
        const auto bound = scalarConstant(in(n, k));
        if (!bound) unsupported(n, "bound '" + in(n, k) + "' must be a constant scalar");
        (k == 1 ? p.alpha : p.beta) = *bound;
      }
      break;
    }
    case Activation::HardSigmoid:
      onlyAttributes(n, {"alpha", "beta"});
      p.alpha = floatAttribute("alpha", 0.2f);
      p.beta = floatAttribute("beta", 0.5f);
      break;
    case Activation::LeakyRelu:
      onlyAttributes(n, {"alpha"});
      p.alpha = floatAttribute("alpha", 0.01f);
      break;
    case Activation::Gelu:  // opset 20
      onlyAttributes(n, {"approximate"});
      if (const auto* a = attribute(n, "approximate"); a && a->s() != "none")
        unsupported(n, "approximate='" + a->s() +
                           "' is not supported (export the tanh form below opset 20: its "
                           "Tanh, Pow and Mul nodes are)");
      break;
    default:
      onlyAttributes(n, {});
  }
  return p;
}

int Importer::scalarArithmetic(const onnx::NodeProto& n) {
  const std::string& op = n.op_type();
  const bool constantFirst = scalarConstant(in(n, 0)).has_value();
  const float c = *scalarConstant(in(n, constantFirst ? 0 : 1));
  const int x = value(n, constantFirst ? 1 : 0);
  ActivationParams p{Activation::Affine, 1.0f, 0.0f};
  if (op == "Mul") p.alpha = c;
  if (op == "Add") p.beta = c;
  if (op == "Sub") {
    p.alpha = constantFirst ? -1.0f : 1.0f;
    p.beta = constantFirst ? c : -c;
  }
  if (op == "Div") {
    if (constantFirst) return arithmetic(n, BinaryOp::Div);
    if (c == 0.0f) unsupported(n, "division by a constant 0");
    p.alpha = 1.0f / c;
  }
  return m_network->activation(x, p);
}

void Importer::convert(const onnx::NodeProto& n) {
  if (foldShapeOp(n)) return;
  const std::string& op = n.op_type();
  auto define = [&](int node) {
    if (n.output_size() < 1) unsupported(n, "no output");
    m_values[out(n)] = node;
  };
  Network& net = *m_network;
  if (op == "Conv") {
    onlyAttributes(n, {"kernel_shape", "strides", "pads", "dilations", "group", "auto_pad"});
    const int x = value(n, 0);
    const auto strides = pairAttribute(n, "strides", {1, 1});
    const auto dilations = pairAttribute(n, "dilations", {1, 1});
    const auto [padH, padW] = symmetricPads(n);
    Conv2dGeometry g;
    g.strideH = strides.at(0);
    g.strideW = strides.at(1);
    g.padH = padH;
    g.padW = padW;
    g.groups = intAttribute(n, "group", 1);
    checkSize(n, "group", g.groups, 1);
    g.dilationH = dilations.at(0);
    g.dilationW = dilations.at(1);
    const int weight = required(n, entry(n, 1, StateKind::Parameter));  // then the bias
    const Shape& w = net.state().entry(weight).shape;
    if (const auto* k = attribute(n, "kernel_shape");
        k && w.size() == 4 && (k->ints_size() != 2 || k->ints(0) != w[2] || k->ints(1) != w[3]))
      unsupported(n, "attribute 'kernel_shape' does not match the weight " + toString(w));
    const int bias = entry(n, 2, StateKind::Parameter);
    define(net.conv2dWith(x, g, weight, bias));
  } else if (op == "BatchNormalization") {
    onlyAttributes(n, {"epsilon", "momentum", "training_mode", "spatial"});
    // Opsets before 9: spatial=0 normalizes every activation on its own (statistics of shape
    // C x H x W), another operation than PyTorch's BatchNorm2d.
    if (intAttribute(n, "spatial", 1) != 1) unsupported(n, "spatial=0 is not supported");
    if (intAttribute(n, "training_mode", 0) != 0) unsupported(n, "training_mode must be 0");
    const auto* eps = attribute(n, "epsilon");
    m_sawBatchNorm = true;
    const int x = value(n, 0);
    const int weight = required(n, entry(n, 1, StateKind::Parameter));  // PyTorch's order
    const int bias = required(n, entry(n, 2, StateKind::Parameter));
    const int mean = required(n, entry(n, 3, StateKind::Buffer));
    const int var = required(n, entry(n, 4, StateKind::Buffer));
    define(net.batchNormWith(x, weight, bias, mean, var, eps ? eps->f() : 1e-5));
  } else if (op == "Relu") {
    define(net.relu(value(n, 0)));
  } else if (const auto kind = activationOf(op)) {
    define(net.activation(value(n, 0), activationParams(n, *kind)));
  } else if ((op == "Mul" || op == "Add" || op == "Sub" || op == "Div") && n.input_size() == 2 &&
             (scalarConstant(in(n, 0)) || scalarConstant(in(n, 1)))) {
    define(scalarArithmetic(n));
  } else if (op == "Mul") {
    define(arithmetic(n, BinaryOp::Mul));
  } else if (op == "Neg") {
    define(net.activation(value(n, 0), {Activation::Affine, -1.0f, 0.0f}));
  } else if (op == "MatMul" && n.input_size() == 2 &&
             (isTensor(in(n, 1)) || m_transposedWeights.count(in(n, 1)))) {  // a Linear layer
    const auto weight = m_transposedWeights.find(in(n, 1));
    const int w = weight != m_transposedWeights.end()
                      ? entryNamed(n, weight->second, StateKind::Parameter, false)
                      : required(n, entry(n, 1, StateKind::Parameter, true));
    const int node = net.linearWith(value(n, 0), w, -1);
    m_biasFree.insert(node);
    define(node);
  } else if (op == "Add" && n.input_size() == 2 && isTensor(in(n, 1)) && m_values.count(in(n, 0)) &&
             m_biasFree.count(value(n, 0)) && m_readers[in(n, 0)] == 1) {  // a MatMul's bias
    const int node = value(n, 0);
    net.attachBias(node, required(n, entry(n, 1, StateKind::Parameter)));
    m_biasFree.erase(node);
    define(node);
  } else if (op == "Add" && n.input_size() == 2 && isTensor(in(n, 0)) && m_values.count(in(n, 1)) &&
             m_biasFree.count(value(n, 1)) &&
             m_readers[in(n, 1)] == 1) {  // the bias first, as PyTorch exports F.linear
    const int node = value(n, 1);
    net.attachBias(node, required(n, entry(n, 0, StateKind::Parameter)));
    m_biasFree.erase(node);
    define(node);
  } else if (op == "Add" && n.input_size() == 2) {
    define(arithmetic(n, BinaryOp::Add));
  } else if (op == "Sum") {
    int acc = value(n, 0);
    for (int i = 1; i < n.input_size(); ++i) acc = net.add(acc, value(n, i));
    define(acc);
  } else if (op == "MaxPool" || op == "AveragePool") {
    onlyAttributes(n, {"kernel_shape", "strides", "pads", "ceil_mode", "auto_pad",
                       "count_include_pad", "dilations", "storage_order"});
    for (int64_t d : intsAttribute(n, "dilations", {1, 1}))
      if (d != 1) unsupported(n, "attribute 'dilations' must be 1");
    if (intAttribute(n, "storage_order", 0) != 0) unsupported(n, "storage_order must be 0");
    const auto kernel = pairAttribute(n, "kernel_shape", {});
    const auto strides = pairAttribute(n, "strides", {1, 1});
    const bool average = op == "AveragePool";
    const int x = value(n, 0);
    const auto folded = m_pads.find(in(n, 0));  // an explicit zero Pad: its zeros always count
    const bool padFolded =
        folded != m_pads.end() && (folded->second.first || folded->second.second);
    const auto pads = intsAttribute(n, "pads", {0, 0, 0, 0});
    const bool ownPads = std::any_of(pads.begin(), pads.end(), [](int64_t p) { return p != 0; });
    const bool countIncludePad = intAttribute(n, "count_include_pad", 0) != 0;  // ONNX: 0
    if (average && padFolded && ownPads && !countIncludePad)
      unsupported(n,
                  "a zero Pad before an AveragePool with its own pads and count_include_pad=0 "
                  "(the two paddings would count differently)");
    const auto [padH, padW] = symmetricPads(n);
    const Pool2dGeometry g{kernel[0],
                           kernel[1],
                           strides.at(0),
                           strides.at(1),
                           padH,
                           padW,
                           intAttribute(n, "ceil_mode", 0) != 0,
                           padFolded || countIncludePad};
    checkPoolExtents(n, net.node(x).shape, g);
    define(average ? net.avgPool2d(x, g) : net.maxPool2d(x, g));
  } else if (op == "GlobalAveragePool") {
    define(net.globalAvgPool(value(n, 0), true));
  } else if (op == "Gemm") {
    onlyAttributes(n, {"alpha", "beta", "transA", "transB"});
    const auto* alpha = attribute(n, "alpha");
    const auto* beta = attribute(n, "beta");
    if ((alpha && alpha->f() != 1.0f) || (beta && beta->f() != 1.0f))
      unsupported(n, "alpha and beta must be 1");
    if (intAttribute(n, "transA", 0) != 0 || intAttribute(n, "transB", 0) != 1)
      unsupported(n, "only transA=0, transB=1 (PyTorch's Linear) is supported");
    int x = value(n, 0);
    if (net.node(x).batchFirst && net.node(x).shape.size() != 1) x = net.flatten(x);
    if (net.node(x).full.size() != 2) unsupported(n, "the input must be 2-D");
    const int weight = required(n, entry(n, 1, StateKind::Parameter));
    const int bias = entry(n, 2, StateKind::Parameter);
    define(net.linearWith(x, weight, bias));
  } else if (op == "Identity" || op == "Dropout") {
    if (auto it = m_values.find(in(n, 0)); it != m_values.end()) {
      define(it->second);
    } else if (auto c = m_constants.find(in(n, 0)); c != m_constants.end()) {
      m_constants[out(n)] = c->second;
      if (m_scalars.count(in(n, 0))) m_scalars.insert(out(n));
    } else {  // a deduplicated initializer: becomes its own tensor again when used
      m_tensorAliases[out(n)] =
          m_tensorAliases.count(in(n, 0)) ? m_tensorAliases.at(in(n, 0)) : in(n, 0);
    }
  } else if (op == "Pad") {
    onlyAttributes(n, {"mode", "pads", "value"});
    // Opsets before 11 carry the fill value as an attribute; folding assumes zeros.
    if (const auto* fill = attribute(n, "value"); fill && fill->f() != 0.0f)
      unsupported(n, "pad value must be 0");
    const auto* mode = attribute(n, "mode");
    if (mode && mode->s() != "constant") unsupported(n, "only constant padding is supported");
    if (n.input_size() > 2 && !in(n, 2).empty()) unsupported(n, "pad value must be 0");
    const auto pads = n.input_size() > 1 ? constantInts(n, 1) : intsAttribute(n, "pads", {});
    if (pads.size() != 8 || pads[0] || pads[1] || pads[4] || pads[5] || pads[2] != pads[6] ||
        pads[3] != pads[7])
      unsupported(n, "only symmetric zero padding of height and width is supported");
    define(value(n, 0));  // folded into the convolution or average pool that reads it
    for (int64_t p : pads) checkSize(n, "pads", p, 0);
    m_pads[out(n)] = {pads[2], pads[3]};
  } else if ((op == "Softmax" || op == "LogSoftmax") &&
             out(n) == m_model.graph().output(0).name()) {
    define(value(n, 0));  // the loss applies its own softmax
  } else if (!convertTensorOp(n)) {
    unsupported(n, "op type not supported");
  }
}

}  // namespace onnx_import

namespace {

bool parseModel(const std::string& path, onnx::ModelProto& model) {
  std::ifstream in(path, std::ios::binary);
  return in && model.ParseFromIstream(&in) && model.has_graph() && model.graph().node_size() > 0;
}

}  // namespace

using onnx_import::Importer;

bool looksLikeOnnx(const std::string& path) {
  onnx::ModelProto model;
  return parseModel(path, model);
}

Checkpoint readOnnx(const std::string& path) {
  std::ifstream probe(path, std::ios::binary);
  if (!probe) throw IoError(path + ": file not found");
  onnx::ModelProto model;
  if (!parseModel(path, model))
    throw FormatError(path +
                      ": not an ONNX model (the protobuf does not parse: corrupt or truncated)");
  return Importer(model, path).run();
}

}  // namespace basin
