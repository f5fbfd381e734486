// ONNX exports of PyTorch 1.13 (tests/fixtures/generate_fixtures.py): BatchNorm kept or folded,
// deduplicated initializers, as architecture for PyTorch weights; unsupported graphs are errors
// naming the node.
#include <onnx/onnx_pb.h>

#include <QTemporaryDir>
#include <QtTest>
#include <cstring>
#include <fstream>
#include <map>
#include <set>

#include "core/data/dataset.h"
#include "core/error.h"
#include "core/io/hdf5.h"
#include "core/io/model_file.h"
#include "core/landscape/direction_file.h"
#include "core/landscape/surface.h"
#include "core/net/executor.h"
#include "core/ops/loss.h"
#include "tests/support/test_support.h"

using namespace basin;
using basin::test::expectError;

namespace {

std::string fixture(const std::string& name) {
  return test::dataPath("fixtures/" + name);
}

double errorAgainst(const Checkpoint& c, const Tensor& reference) {
  Executor executor(c.network);
  return test::relativeError(executor.forward(test::mnistCifarBatch(64), 2), reference);
}

// State names in order, without the counters ONNX does not carry.
std::string stateNames(const Network& net) {
  std::string s;
  for (const StateEntry& e : net.state().entries())
    if (e.kind != StateKind::Counter) s += e.name + "\n";
  return s;
}

}  // namespace

class TestOnnx : public QObject {
  Q_OBJECT

  QTemporaryDir m_dir;

  // resnet20.onnx with one change applied, written to a temporary file.
  std::string modified(const char* name, const std::function<void(onnx::ModelProto&)>& change,
                       const std::string& source = "resnet20.onnx") {
    onnx::ModelProto model;
    std::ifstream in(fixture(source), std::ios::binary);
    if (!model.ParseFromIstream(&in)) qFatal("cannot parse %s", source.c_str());
    change(model);
    const std::string path = m_dir.filePath(name).toStdString();
    std::ofstream out(path, std::ios::binary);
    model.SerializeToOstream(&out);
    return path;
  }

 private slots:
  void exportsMatchPyTorch_data() {
    QTest::addColumn<QString>("onnx");
    QTest::addColumn<QString>("reference");
    QTest::addColumn<bool>("folded");
    QTest::newRow("resnet20, BatchNorm kept") << "resnet20.onnx"
                                              << "resnet20.h5" << false;
    QTest::newRow("resnet20_noshort") << "resnet20_noshort.onnx"
                                      << "resnet20_noshort.h5" << false;
    QTest::newRow("densenet_bc40 (Concat, Pad, AveragePool)") << "densenet_bc40.onnx"
                                                              << "densenet_bc40.h5" << false;
    QTest::newRow("resnet20, BatchNorm folded") << "resnet20_folded.onnx"
                                                << "resnet20.h5" << true;
  }

  void exportsMatchPyTorch() {
    QFETCH(QString, onnx);
    QFETCH(QString, reference);
    QFETCH(bool, folded);
    QCOMPARE(detectModelFormat(fixture(onnx.toStdString())), ModelFormat::Onnx);
    const Checkpoint c = loadModel(fixture(onnx.toStdString()), std::nullopt);
    QCOMPARE(c.arch.numClasses, int64_t(10));
    QVERIFY(c.metadataJson.find(folded ? "\"batchnorm_folded\":true"
                                       : "\"batchnorm_folded\":false") != std::string::npos);
    const double err =
        errorAgainst(c, test::fixtureTensor(reference.toStdString(), "reference/logits"));
    QVERIFY2(err < 1e-4, qPrintable(QString("relative error %1").arg(err)));
    if (!folded) {  // PRESERVE keeps state_dict names and order
      const Checkpoint h5 = loadModel(fixture(reference.toStdString()), std::nullopt);
      QCOMPARE(stateNames(c.network), stateNames(h5.network));
      QCOMPARE(c.network.state().parameterCount(), h5.network.state().parameterCount());
    }
  }

  // torchvision's own networks, exported the README's way (generate_torchvision_fixtures.py)
  // and, for the families of generate_graph_fixtures.py, also with a dynamic batch axis at
  // opset 17: logits within 1e-4 of their scale and the loss within 1e-5 relative, in fast mode
  // with 1 and 2 threads and in naive mode.
  void torchvisionExportsMatchPyTorch_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("logits");
    QTest::addColumn<QString>("file");
    for (const char* name : {"tv_resnet18", "tv_densenet121_g4", "tv_squeezenet1_1", "tv_googlenet",
                             "pools_cip", "view_flatten"})
      QTest::newRow(name) << QString(name) << QString(name) << "torchvision_logits.h5";
    // x.view(x.size(0), -1) with a dynamic batch: the Shape chain folded at load.
    QTest::newRow("view_flatten_dynamic") << "view_flatten_dynamic"
                                          << "view_flatten"
                                          << "torchvision_logits.h5";
    // graph_vit: attention (batched MatMul, Softmax, the batch moved inside the heads) and
    // LayerNorm decomposed (opset 14) or whole (17); its fixed-batch route runs pinned to batch
    // 1. graph_convnext: channels-last blocks (Transpose, LayerNorm, Linear on 4-D, GELU).
    for (const QString name :
         {"graph_mobilenet_v2", "graph_mobilenet_v3s", "graph_efficientnet", "graph_shufflenet_v2",
          "graph_vit", "graph_convnext", "graph_prelu"}) {
      QTest::newRow(qPrintable(name)) << name << name << "graph_logits.h5";
      QTest::newRow(qPrintable(name + "_dyn17")) << name + "_dyn17" << name << "graph_logits.h5";
    }
  }

  void torchvisionExportsMatchPyTorch() {
    QFETCH(QString, name);
    QFETCH(QString, logits);
    QFETCH(QString, file);
    const Checkpoint c = loadModel(fixture(name.toStdString() + ".onnx"), std::nullopt);
    // Only the ViT's fixed-batch export moves the batch axis (its attention): pinned to 1.
    QCOMPARE(c.network.fixedBatch(), name == "graph_vit" ? 1 : 0);
    if (file == "graph_logits.h5") {  // named_parameters(): names and order, as PyTorch's
      const std::string names = hdf5::readStringAttribute(
          hdf5::openReadOnly(fixture("graph_logits.h5")).openGroup(logits.toStdString()),
          "parameter_names");
      std::string ours;
      for (const auto& e : c.network.state().entries())
        if (e.kind == StateKind::Parameter) ours += (ours.empty() ? "" : "\n") + e.name;
      QCOMPARE(ours, names);
    }
    const std::string key = logits.toStdString();
    const Tensor expected = test::fixtureTensor(file.toStdString(), key + "/logits");
    const H5::H5File h5 = hdf5::openReadOnly(fixture(file.toStdString()));
    double torchCe = 0;
    h5.openGroup(key).openAttribute("cross_entropy").read(H5::PredType::NATIVE_DOUBLE, &torchCe);
    Tensor x;
    std::vector<int32_t> labels;
    test::mnistTestSubset(64).batch(0, 64, x, labels);
    Executor fast(c.network), naive(c.network, ExecMode::Naive);
    if (name.contains("vit") || name.contains("convnext")) {  // nn.GELU's chain runs fused
      const PreparedNet plan(c.network, ExecMode::Fast);
      QVERIFY(std::any_of(plan.steps().begin(), plan.steps().end(),
                          [](const PreparedNet::Step& s) { return s.gelu; }));
      // A reshape of a value nothing else reads takes over its buffer instead of copying it.
      QVERIFY(!name.contains("vit") ||
              std::any_of(plan.steps().begin(), plan.steps().end(), [&](const auto& s) {
                const Node& n = c.network.node(s.node);
                return n.op == OpKind::Reshape &&
                       plan.slotOf()[s.out] == plan.slotOf()[n.inputs[0]];
              }));
    }
    const Tensor two = fast.forward(x, 2);
    const double err = test::relativeError(two, expected);
    QVERIFY2(err < 1e-4, qPrintable(QString("logits off by %1 of their scale").arg(err)));
    const double ce = lossAndAccuracy(two, labels, LossKind::CrossEntropy).loss / 64.0;
    QVERIFY2(std::abs(ce - torchCe) <= 1e-5 * torchCe,
             qPrintable(QString("loss %1, PyTorch %2").arg(ce, 0, 'f', 7).arg(torchCe, 0, 'f', 7)));
    QCOMPARE(test::maxAbsDiff(fast.forward(x, 1), two), 0.0);
    const double naiveErr = test::relativeError(naive.forward(x), expected);
    QVERIFY2(naiveErr < 1e-4, qPrintable(QString("naive mode off by %1").arg(naiveErr)));
  }

  // A 3 x 3 surface of an ONNX graph along PyTorch's own filter-normalized directions (the
  // reference's layout, generate_graph_fixtures.py), 1 and 2 threads, within 1e-5 of PyTorch's
  // losses computed in float64.
  void graphSurfacesMatchPyTorch_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("route");
    QTest::newRow("mobilenet_v2") << "graph_mobilenet_v2"
                                  << "_dyn17";
    QTest::newRow("shufflenet_v2") << "graph_shufflenet_v2"
                                   << "_dyn17";
    QTest::newRow("vit") << "graph_vit"
                         << "_dyn17";
    QTest::newRow("vit_pinned_to_batch_1") << "graph_vit"
                                           << "";
    QTest::newRow("convnext") << "graph_convnext"
                              << "_dyn17";
  }

  void graphSurfacesMatchPyTorch() {
    QFETCH(QString, name);
    QFETCH(QString, route);
    const std::string key = name.toStdString();
    Network net = loadModel(fixture(key + route.toStdString() + ".onnx"), std::nullopt).network;
    const DirectionPair dirs = readDirectionFile(fixture(key + "_dirs.h5"), net);
    const H5::H5File h5 = hdf5::openReadOnly(fixture("graph_logits.h5"));
    const std::vector<double> want =
        hdf5::readDoubles(h5, key + "/surface_loss", "graph_logits.h5");
    double extent = 0;
    h5.openGroup(key).openAttribute("surface_extent").read(H5::PredType::NATIVE_DOUBLE, &extent);
    const Dataset data = test::mnistTestSubset(64);
    for (int threads : {1, 2}) {
      Surface s;
      s.x = s.y = Axis{-extent, extent, 3}.coordinates();
      SurfaceOptions options;
      options.eval.batchSize = 64;
      options.eval.threads = threads;
      options.split = "test";
      computeSurface(net, data, dirs, s,
                     m_dir.filePath(QString("%1_%2.h5").arg(name).arg(threads)).toStdString(),
                     options);
      const auto& got = s.arrays.at("test_loss");
      QCOMPARE(got.size(), want.size());
      for (size_t k = 0; k < want.size(); ++k)
        QVERIFY2(std::abs(got[k] - want[k]) <= 1e-5 * std::abs(want[k]),
                 qPrintable(QString("point %1, %2 threads: %3, PyTorch %4")
                                .arg(k)
                                .arg(threads)
                                .arg(got[k], 0, 'g', 9)
                                .arg(want[k], 0, 'g', 9)));
    }
  }

  void matMulPlusAddIsALinearLayer() {
    // PyTorch's Linear as MatMul(x, W^T) + Add(b) instead of Gemm, as other exporters write it.
    const std::string path = modified("matmul.onnx", [](onnx::ModelProto& m) {
      auto* g = m.mutable_graph();
      onnx::NodeProto* gemm = nullptr;
      for (auto& node : *g->mutable_node())
        if (node.op_type() == "Gemm") gemm = &node;
      const onnx::TensorProto* w = nullptr;
      for (const auto& t : g->initializer())
        if (t.name() == gemm->input(1)) w = &t;
      onnx::TensorProto* wt = g->add_initializer();
      wt->set_name("linear.weight_t");
      wt->set_data_type(onnx::TensorProto::FLOAT);
      const int64_t out = w->dims(0), in = w->dims(1);
      wt->add_dims(in);
      wt->add_dims(out);
      std::vector<float> src(out * in), dst(out * in);
      std::memcpy(src.data(), w->raw_data().data(), src.size() * 4);
      for (int64_t o = 0; o < out; ++o)
        for (int64_t i = 0; i < in; ++i) dst[i * out + o] = src[o * in + i];
      wt->set_raw_data(std::string(reinterpret_cast<const char*>(dst.data()), dst.size() * 4));
      const std::string x = gemm->input(0), bias = gemm->input(2), y = gemm->output(0);
      gemm->Clear();
      gemm->set_op_type("MatMul");
      gemm->set_name("matmul");
      gemm->add_input(x);
      gemm->add_input("linear.weight_t");
      gemm->add_output("product");
      onnx::NodeProto* add = g->add_node();
      add->set_op_type("Add");
      add->set_name("bias");
      add->add_input("product");
      add->add_input(bias);
      add->add_output(y);
    });
    const Checkpoint c = loadModel(path, std::nullopt);
    QVERIFY(c.network.state().find("linear.weight_t") >= 0);
    QVERIFY(errorAgainst(c, test::fixtureTensor("resnet20.h5", "reference/logits")) < 1e-4);
  }

  void deduplicatedInitializersBecomeSeparateTensors() {
    const Checkpoint c = loadModel(fixture("resnet20_untrained.onnx"), std::nullopt);
    QCOMPARE(stateNames(c.network), stateNames(buildModel({"resnet20"})));
    const double err =
        errorAgainst(c, test::fixtureTensor("resnet20_untrained_logits.h5", "logits"));
    QVERIFY2(err < 1e-4, qPrintable(QString("relative error %1").arg(err)));
  }

  void onnxDescribesTheArchitectureOfPyTorchWeights() {
    const Checkpoint c = loadModel(fixture("resnet20.pt"), ArchSpec{fixture("resnet20.onnx")});
    QCOMPARE(c.arch.name, std::string("onnx"));
    QVERIFY(errorAgainst(c, test::fixtureTensor("resnet20.h5", "reference/logits")) < 1e-4);
    expectError<FormatError>(
        [&] { loadModel(fixture("densenet_bc40.pt"), ArchSpec{fixture("resnet20.onnx")}); },
        {"densenet_bc40.pt", "missing tensors"});
    expectError<ArgumentError>([&] { loadModel(fixture("resnet20.onnx"), ArchSpec{"resnet20"}); },
                               {"drop --arch"});
  }

  void onnxGeluMatchesPyTorch() {
    // nn.GELU's exported chain Div -> Erf -> Add -> Mul -> Mul replaced by one Gelu (opset 20).
    auto geluGraph = [&](const char* name, const char* approximate) {
      return modified(
          name,
          [approximate](onnx::ModelProto& m) {
            auto* nodes = m.mutable_graph()->mutable_node();
            std::map<std::string, int> producer;
            std::map<std::string, std::vector<int>> readers;
            for (int i = 0; i < nodes->size(); ++i) {
              for (const auto& o : nodes->at(i).output()) producer[o] = i;
              for (const auto& x : nodes->at(i).input()) readers[x].push_back(i);
            }
            auto next = [&](int i) { return readers.at(nodes->at(i).output(0)).at(0); };
            std::set<int> dropped;
            for (int i = 0; i < nodes->size(); ++i) {
              if (nodes->at(i).op_type() != "Erf") continue;
              const int div = producer.at(nodes->at(i).input(0)), add = next(i),
                        product = next(add), half = next(product);
              onnx::NodeProto& gelu = nodes->at(div);
              const std::string x = gelu.input(0), y = nodes->at(half).output(0);
              gelu.Clear();
              gelu.set_op_type("Gelu");
              gelu.set_name("gelu" + std::to_string(div));
              gelu.add_input(x);
              gelu.add_output(y);
              if (approximate) {
                auto* a = gelu.add_attribute();
                a->set_name("approximate");
                a->set_type(onnx::AttributeProto::STRING);
                a->set_s(approximate);
              }
              dropped.insert({i, add, product, half});
            }
            QVERIFY(!dropped.empty());
            google::protobuf::RepeatedPtrField<onnx::NodeProto> kept;
            for (int i = 0; i < nodes->size(); ++i)
              if (!dropped.count(i)) *kept.Add() = nodes->at(i);
            nodes->Swap(&kept);
            m.mutable_opset_import(0)->set_version(20);
          },
          "graph_convnext_dyn17.onnx");
    };
    const Checkpoint c = loadModel(geluGraph("gelu.onnx", "none"), std::nullopt);
    Tensor x;
    std::vector<int32_t> labels;
    test::mnistTestSubset(64).batch(0, 64, x, labels);
    Executor fast(c.network);
    const double err = test::relativeError(
        fast.forward(x, 2), test::fixtureTensor("graph_logits.h5", "graph_convnext/logits"));
    QVERIFY2(err < 1e-4, qPrintable(QString("relative error %1").arg(err)));
    expectError<FormatError>([&] { loadModel(geluGraph("gelu_tanh.onnx", "tanh"), std::nullopt); },
                             {"gelu_tanh.onnx", "(Gelu)", "approximate='tanh'"});
  }

  void damagedAndUnsupportedGraphs() {
    const std::string bytes = test::readBytes(fixture("resnet20.onnx"));
    const std::string cut = m_dir.filePath("cut.onnx").toStdString();
    test::writeBytes(cut, bytes.substr(0, bytes.size() / 3));
    expectError<FormatError>([&] { loadModel(cut, std::nullopt); }, {"cut.onnx", "does not parse"});

    const std::string grouped = modified("grouped.onnx", [](onnx::ModelProto& m) {
      for (auto& node : *m.mutable_graph()->mutable_node())
        if (node.op_type() == "Conv") {
          for (auto& a : *node.mutable_attribute())
            if (a.name() == "group") a.set_i(2);  // PyTorch writes group=1 explicitly
          return;
        }
    });
    // Groups are supported, but 2 groups of 3 input channels are not.
    expectError<FormatError>([&] { loadModel(grouped, std::nullopt); },
                             {"grouped.onnx", "/conv1/Conv", "(Conv)", "16x3x3x3 in 2 groups",
                              "does not fit an input of 3x32x32"});

    const std::string elu = modified("elu.onnx", [](onnx::ModelProto& m) {
      for (auto& node : *m.mutable_graph()->mutable_node())
        if (node.op_type() == "Relu") {
          node.set_op_type("Elu");
          return;
        }
    });
    expectError<FormatError>([&] { loadModel(elu, std::nullopt); }, {"(Elu)", "not supported"});

    // Sizes beyond any image (a hostile stride or padding near 2^62 would overflow): refused.
    const std::string hugePad = modified("huge_pad.onnx", [](onnx::ModelProto& m) {
      for (auto& node : *m.mutable_graph()->mutable_node())
        if (node.op_type() == "Conv") {
          for (auto& a : *node.mutable_attribute())
            if (a.name() == "pads")
              for (int k = 0; k < a.ints_size(); ++k) a.set_ints(k, int64_t(1) << 62);
          return;
        }
    });
    expectError<FormatError>([&] { loadModel(hugePad, std::nullopt); },
                             {"huge_pad.onnx", "(Conv)",
                              "'pads' value 4611686018427387904 is "
                              "outside 0-65536"});

    // Operators of the set whose use here Basin cannot compute exactly: refused, naming why.
    const auto firstRelu = [](onnx::ModelProto& m) -> onnx::NodeProto& {
      for (auto& node : *m.mutable_graph()->mutable_node())
        if (node.op_type() == "Relu") return node;
      qFatal("no Relu");
    };
    // A transpose is run as exported, but a convolution must find the batch first.
    const std::string transpose = modified("transpose.onnx", [&](onnx::ModelProto& m) {
      onnx::NodeProto& node = firstRelu(m);
      node.set_op_type("Transpose");
      auto* perm = node.add_attribute();
      perm->set_name("perm");
      perm->set_type(onnx::AttributeProto::INTS);
      for (int64_t axis : {1, 0, 2, 3}) perm->add_ints(axis);
    });
    expectError<FormatError>([&] { loadModel(transpose, std::nullopt); },
                             {"transpose.onnx", "(Conv)",
                              "needs the batch as the first axis only, got 16 x N x 32 x 32"});
    const std::string clip = modified("clip.onnx", [&](onnx::ModelProto& m) {
      onnx::NodeProto& node = firstRelu(m);
      node.set_op_type("Clip");
      node.add_input(node.input(0));  // a bound that is an activation, not a constant
    });
    expectError<FormatError>([&] { loadModel(clip, std::nullopt); },
                             {"clip.onnx", "(Clip)", "must be a constant scalar"});
    const std::string product = modified("product.onnx", [&](onnx::ModelProto& m) {
      onnx::NodeProto& node = firstRelu(m);
      node.set_op_type("Mul");
      node.add_input("conv1.weight");  // a 16 x 3 x 3 x 3 factor does not broadcast
    });
    expectError<FormatError>([&] { loadModel(product, std::nullopt); },
                             {"product.onnx", "(Mul)", "do not broadcast"});

    const std::string shortTensor = modified("short.onnx", [](onnx::ModelProto& m) {
      auto* t = m.mutable_graph()->mutable_initializer(0);
      t->set_raw_data(t->raw_data().substr(0, 12));
    });
    expectError<FormatError>([&] { loadModel(shortTensor, std::nullopt); },
                             {"short.onnx", "holds 3 values"});

    // Where ONNX's and PyTorch's rules disagree, no answer is certain: refused, naming the node.
    expectError<FormatError>(
        [&] { loadModel(fixture("ceil_pad_refused.onnx"), std::nullopt); },
        {"ceil_pad_refused.onnx", "node '/pool/MaxPool' (MaxPool)",
         "last window that starts in the padding: ONNX gives 9 outputs there, PyTorch 8"});

    // Opset 7-8 BatchNormalization with spatial=0 is another operation: refused, not ignored.
    const std::string perActivation = modified("spatial.onnx", [](onnx::ModelProto& m) {
      for (auto& node : *m.mutable_graph()->mutable_node())
        if (node.op_type() == "BatchNormalization") {
          auto* a = node.add_attribute();
          a->set_name("spatial");
          a->set_type(onnx::AttributeProto::INT);
          a->set_i(0);
          return;
        }
    });
    expectError<FormatError>([&] { loadModel(perActivation, std::nullopt); },
                             {"spatial.onnx", "(BatchNormalization)", "spatial=0"});

    // x.view(2, -1) in a batch-1 export moves the batch: the graph then runs as exported, at
    // batch 1 (never mixing samples), where the Linear layer after it does not fit.
    onnx::ModelProto view;
    {
      std::ifstream in(fixture("view_flatten.onnx"), std::ios::binary);
      QVERIFY(view.ParseFromIstream(&in));
    }
    bool changed = false;
    for (auto& node : *view.mutable_graph()->mutable_node())
      if (node.op_type() == "Constant" && node.output(0) == "/Constant_1_output_0") {
        const int64_t two = 2;  // x.view(2, -1) where the export said x.view(x.size(0), -1)
        node.mutable_attribute(0)->mutable_t()->set_raw_data(&two, sizeof two);
        changed = true;
      }
    QVERIFY(changed);
    const std::string pairs = m_dir.filePath("pairs.onnx").toStdString();
    {
      std::ofstream out(pairs, std::ios::binary);
      view.SerializeToOstream(&out);
    }
    expectError<FormatError>([&] { loadModel(pairs, std::nullopt); },
                             {"pairs.onnx", "(Gemm)", "does not fit an input of 2 x 64"});

    // A shape a builder rejects is named by its node too.
    const std::string wide = modified("wide.onnx", [](onnx::ModelProto& m) {
      for (auto& node : *m.mutable_graph()->mutable_node())
        if (node.op_type() == "Conv") {
          for (auto& a : *node.mutable_attribute())
            if (a.name() == "dilations") a.set_ints(0, 20);  // a 41-row kernel on 34 rows
          return;
        }
    });
    expectError<FormatError>([&] { loadModel(wide, std::nullopt); },
                             {"wide.onnx", "node '/conv1/Conv' (Conv)", "dilation 20",
                              "does not fit an input extent of 32"});
    const std::string zeroStride = modified("zero_stride.onnx", [](onnx::ModelProto& m) {
      for (auto& node : *m.mutable_graph()->mutable_node())
        if (node.op_type() == "Conv") {
          for (auto& a : *node.mutable_attribute())
            if (a.name() == "strides") a.set_ints(0, 0);
          return;
        }
    });
    expectError<FormatError>(
        [&] { loadModel(zeroStride, std::nullopt); },
        {"zero_stride.onnx", "node '/conv1/Conv' (Conv)", "'strides' value 0 is outside 1-65536"});
  }
};

QTEST_APPLESS_MAIN(TestOnnx)
#include "test_onnx.moc"
