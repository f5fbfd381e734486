// The zoo against PyTorch's twin (tests/fixtures/torch_zoo.py): sizes, names, FLOPs, and the
// fast executor against the naive one on every family.
#include <QtTest>

#include <H5Cpp.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <exception>
#include <thread>

#include "core/error.h"
#include "core/io/hdf5.h"
#include "core/net/executor.h"
#include "core/ops/loss.h"
#include "core/zoo/zoo.h"
#include "tests/support/test_support.h"

using namespace basin;

namespace {

// tests/fixtures/generate_zoo_fixture.py: for every zoo name, PyTorch's counts, a hash of its
// state_dict names and shapes, and its logits with formula weights on 16 MNIST images.
const char* kZooFixture = "zoo_reference.h5";

H5::H5File zooFixture() {
  return hdf5::openReadOnly(test::dataPath(std::string("fixtures/") + kZooFixture));
}

H5::Group zooGroup(const H5::H5File& file, const std::string& key) {
  if (!file.nameExists(key)) throw std::runtime_error(key + " is missing from " + kZooFixture);
  return file.openGroup(key);
}

// FNV-1a 64 of "name:d0,d1,...\n" over the state in order, as the generator hashes state_dict().
std::string namesHash(const Network& net) {
  uint64_t h = 0xCBF29CE484222325ull;
  for (const StateEntry& e : net.state().entries()) {
    std::string line = e.name + ":";
    for (size_t d = 0; d < e.shape.size(); ++d) line += (d ? "," : "") + std::to_string(e.shape[d]);
    for (unsigned char c : line + "\n") h = (h ^ c) * 0x100000001B3ull;
  }
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(h));
  return text;
}

uint64_t splitmix64(uint64_t x) {
  uint64_t z = x + 0x9E3779B97F4A7C15ull;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// The generator's formula value u in [-1, 1) of element i of state entry e (exact in float).
float formulaUniform(int64_t e, int64_t i) {
  const uint64_t h = splitmix64((uint64_t(e) << 40) + uint64_t(i));
  return float(int64_t(h >> 44)) * 0x1p-19f - 1.0f;
}

// Fills the network as the generator fills its PyTorch twin; `stats` holds (m, v) per BatchNorm
// in state order.
void fillFormulaWeights(Network& net, const std::vector<float>& stats) {
  StateDict& state = net.state();
  std::vector<const Node*> norms;
  for (const Node& n : net.nodes())
    if (n.op == OpKind::BatchNorm) norms.push_back(&n);
  std::sort(norms.begin(), norms.end(),
            [](const Node* a, const Node* b) { return a->weight < b->weight; });
  QCOMPARE(stats.size(), 2 * norms.size());
  std::vector<int> role(state.entries().size(), 0);  // 0 conv/linear, 1-4 BN, -1 counter
  std::vector<size_t> normOf(state.entries().size(), 0);
  for (size_t k = 0; k < norms.size(); ++k) {
    const Node& n = *norms[k];
    role[n.weight] = 1, role[n.bias] = 2, role[n.runningMean] = 3, role[n.runningVar] = 4;
    normOf[n.runningMean] = normOf[n.runningVar] = k;
  }
  for (int e = 0; e < static_cast<int>(state.entries().size()); ++e) {
    const StateEntry& entry = state.entry(e);
    if (entry.kind == StateKind::Counter) {
      state.counter(e) = 0;
      continue;
    }
    auto values = state.values(e);
    const float scale =
        entry.shape.size() >= 2 ? float(std::sqrt(6.0 / double(entry.size / entry.shape[0]))) : 0;
    for (int64_t i = 0; i < entry.size; ++i) {
      const float u = formulaUniform(e, i);
      switch (role[e]) {
        case 1:
          values[i] = 1.0f + 0.25f * u;
          break;
        case 3:
          values[i] = stats[2 * normOf[e]];
          break;
        case 4:
          values[i] = stats[2 * normOf[e] + 1] * (1.0f + 0.5f * u);
          break;
        default:
          values[i] = entry.shape.size() >= 2 ? u * scale : 0.125f * u;
      }
    }
  }
}

int64_t stateValues(const Network& net) {
  int64_t n = 0;
  for (const StateEntry& e : net.state().entries()) n += e.size;
  return n;
}

}  // namespace

class TestZoo : public QObject {
  Q_OBJECT

 private:
  static void zooRows() {
    QTest::addColumn<QString>("arch");
    for (const std::string& name : zooNames())
      QTest::newRow(name.c_str()) << QString::fromStdString(name);
  }
  static double readDoubleAttribute(const H5::Group& g, const std::string& name) {
    double v = 0;
    g.openAttribute(name).read(H5::PredType::NATIVE_DOUBLE, &v);
    return v;
  }

 private slots:
  void everyReferenceKeyIsInTheZoo() {
    const std::vector<std::string> reference = referenceZooNames();
    QCOMPARE(reference.size(), size_t(29));  // the keys of the reference's model_loader.py
    const std::vector<std::string> all = zooNames();
    QVERIFY(std::equal(reference.begin(), reference.end(), all.begin()));
    const H5::H5File file = zooFixture();
    QCOMPARE(file.getNumObjs(), hsize_t(all.size()));  // the fixture has every name and no other
    for (const std::string& key : all) QVERIFY2(file.nameExists(key), key.c_str());
  }

  void sizesAndNamesMatchPyTorch_data() { zooRows(); }
  void sizesAndNamesMatchPyTorch() {
    QFETCH(QString, arch);
    const std::string key = arch.toStdString();
    const H5::H5File file = zooFixture();
    const H5::Group g = zooGroup(file, key);
    const Network net = buildModel({key});
    QCOMPARE(net.state().parameterCount(), hdf5::readIntAttribute(g, "parameters"));
    QCOMPARE(stateValues(net), hdf5::readIntAttribute(g, "state_values"));
    QCOMPARE(namesHash(net), hdf5::readStringAttribute(g, "names_hash"));
    QCOMPARE(net.outputShape(), (Shape{10}));
  }

  // The architecture itself against PyTorch's twin (itself checked against the reference's
  // classes): logits with the generator's formula weights, fast mode, 1 and 2 threads.
  void logitsMatchPyTorch_data() { zooRows(); }
  void logitsMatchPyTorch() {
    QFETCH(QString, arch);
    const std::string key = arch.toStdString();
    const H5::H5File file = zooFixture();
    const H5::Group g = zooGroup(file, key);
    Network net = buildModel({key});
    // Sanitized builds run 4 images, and 1 through the heaviest keys (over 1 GFLOP per image).
    const bool heavy = net.flopsPerSample() > 1'000'000'000;
    const int64_t count = !test::kSanitized ? 16 : heavy ? 1 : 4;
    const H5::DataSet statsSet = g.openDataSet("batchnorm_stats");
    fillFormulaWeights(net, hdf5::readFloats(statsSet, kZooFixture));
    const H5::DataSet logitsSet = g.openDataSet("logits");
    Tensor expected(hdf5::shapeOf(logitsSet), hdf5::readFloats(logitsSet, kZooFixture));
    const Tensor x = test::mnistCifarBatch(count);
    Executor executor(net);
    const Tensor two = executor.forward(x, 2);
    Tensor reference({count, 10});
    std::copy_n(expected.data(), count * 10, reference.data());
    const double err = test::relativeError(two, reference);
    QVERIFY2(err < 1e-4,
             qPrintable(QString("%1: logits off by %2 of their scale").arg(arch).arg(err)));
    if (count == 16) {
      Tensor images;
      std::vector<int32_t> labels;
      test::mnistTestSubset(16).batch(0, 16, images, labels);
      const LossSums sums = lossAndAccuracy(two, labels, LossKind::CrossEntropy);
      const double ce = sums.loss / 16.0, torchCe = readDoubleAttribute(g, "cross_entropy");
      qInfo("%s: cross-entropy %.6f, PyTorch %.6f", key.c_str(), ce, torchCe);
      QVERIFY2(std::abs(ce - torchCe) <= 1e-5 * torchCe,
               qPrintable(QString("%1: loss %2, PyTorch %3").arg(arch).arg(ce).arg(torchCe)));
    }
    if (!heavy) QCOMPARE(test::maxAbsDiff(executor.forward(x, 1), two), 0.0);
  }

  void namesFollowPyTorch() {
    const Network resnet = buildModel({"resnet20"});
    const auto& entries = resnet.state().entries();
    QCOMPARE(entries.front().name, std::string("conv1.weight"));
    QCOMPARE(entries[1].name, std::string("bn1.weight"));
    QCOMPARE(entries[5].name, std::string("bn1.num_batches_tracked"));
    QVERIFY(resnet.state().find("layer2.0.shortcut.0.weight") >= 0);
    QVERIFY(resnet.state().find("layer2.0.shortcut.1.running_var") >= 0);
    QVERIFY(resnet.state().find("layer1.0.shortcut.0.weight") < 0);  // identity shortcut
    QCOMPARE(entries.back().name, std::string("linear.bias"));
    QVERIFY(buildModel({"resnet20_noshort"}).state().find("layer2.0.shortcut.0.weight") < 0);
    const Network vgg = buildModel({"vgg9"});
    QVERIFY(vgg.state().find("features.0.weight") >= 0);
    QVERIFY(vgg.state().find("features.21.running_mean") >= 0);
    QVERIFY(vgg.state().find("features.24.weight") < 0);  // index 23 is the last max pool
    QVERIFY(vgg.state().find("fc.1.running_var") >= 0);
    QVERIFY(vgg.state().find("classifier.weight") >= 0);
    const Network dense = buildModel({"densenet121"});
    QVERIFY(dense.state().find("dense2.3.bn2.running_var") >= 0);
    QVERIFY(dense.state().find("trans3.conv.weight") >= 0);
    QVERIFY(dense.state().find("dense4.15.conv2.weight") >= 0);
  }

  void flopsMatchThePerformanceNotes() {
    // ../shared/docs/performance.md: 81.6, 81.1 and 144.7 MFLOP per image.
    QCOMPARE(buildModel({"resnet20"}).flopsPerSample() / 100000, int64_t(816));
    QCOMPARE(buildModel({"resnet20_noshort"}).flopsPerSample() / 100000, int64_t(811));
    QCOMPARE(buildModel({"densenet_bc40"}).flopsPerSample() / 100000, int64_t(1447));
  }

  void optionsChangeShapes() {
    const Network net = buildModel({"resnet20", 1, 28, 28, 7});
    QCOMPARE(net.inputShape(), (Shape{1, 28, 28}));
    QCOMPARE(net.outputShape(), (Shape{7}));
    QCOMPARE(net.state().entry(0).shape, (Shape{16, 1, 3, 3}));
    const Network vgg = buildModel({"vgg9", 3, 28, 28, 100});  // ceil pooling: 28 -> 14 -> 7 -> 4
    QCOMPARE(vgg.state().entry(vgg.state().find("fc.0.weight")).shape, (Shape{256, 4096}));
  }

  void dropoutAndFlattenPassValuesThrough() {
    Network net({2, 3, 3});
    net.setOutput(net.flatten(net.dropout(net.input())));
    const Tensor x = test::randomTensor({4, 2, 3, 3}, 2);
    for (ExecMode mode : {ExecMode::Naive, ExecMode::Fast}) {
      Executor executor(net, mode);
      const Tensor& y = executor.forward(x, 2);
      QCOMPARE(y.shape(), (Shape{4, 18}));
      QVERIFY(std::equal(x.values().begin(), x.values().end(), y.values().begin()));
    }
  }

  void badArchitecturesAreErrors() {
    QVERIFY_THROWS_EXCEPTION(ArgumentError, buildModel({"resnet21"}));
    QVERIFY_THROWS_EXCEPTION(ArgumentError, buildModel({"alexnet"}));
    QVERIFY_THROWS_EXCEPTION(ArgumentError, buildModel({"vgg9_noshort"}));
    QVERIFY_THROWS_EXCEPTION(ArgumentError, buildModel({"resnet20", 0}));
    QVERIFY_THROWS_EXCEPTION(ShapeError, buildModel({"vgg9", 3, 4, 4}));  // pools run out of pixels
    try {
      buildModel({"alexnet"});
    } catch (const ArgumentError& e) {
      QVERIFY(std::string(e.what()).find("resnet56_noshort") != std::string::npos);
    }
  }

  void fastMatchesNaiveOnEveryFamily_data() {
    QTest::addColumn<QString>("arch");
    for (const char* name :
         {"resnet20", "resnet20_noshort", "wrn56_2", "vgg9", "densenet_bc40", "densenet121"})
      QTest::newRow(name) << QString(name);
  }

  void fastMatchesNaiveOnEveryFamily() {
    QFETCH(QString, arch);
    Network net = buildModel({arch.toStdString()});
    initializeWeights(net, 3);
    // Non-trivial BatchNorm, so that folding has something to fold.
    std::mt19937 rng(5);
    std::uniform_real_distribution<float> u(0.5f, 1.5f);
    for (const Node& n : net.nodes()) {
      if (n.op != OpKind::BatchNorm) continue;
      for (int entry : {n.weight, n.runningVar})
        for (float& v : net.state().values(entry)) v = u(rng);
      for (int entry : {n.bias, n.runningMean})
        for (float& v : net.state().values(entry)) v = u(rng) - 1.0f;
    }
    const int64_t batch = arch == "densenet121" || arch == "wrn56_2" ? 1 : 3;
    const Tensor x = test::randomTensor({batch, 3, 32, 32}, 9);
    Executor naive(net, ExecMode::Naive), fast(net, ExecMode::Fast);
    QVERIFY(fast.stepCount() < naive.stepCount());  // something was fused
    const Tensor ref = naive.forward(x);
    const Tensor one = fast.forward(x, 1);
    const Tensor two = fast.forward(x, 2);
    const double err = test::relativeError(one, ref);
    QVERIFY2(err < 1e-4, qPrintable(QString("relative error %1").arg(err)));
    QCOMPARE(test::maxAbsDiff(one, two), 0.0);
    QVERIFY_THROWS_EXCEPTION(ShapeError, fast.forward(test::randomTensor({1, 1, 32, 32}, 1)));
  }

  // Executors on one PreparedNet, running at the same time on two threads, give what an
  // executor with its own prepared copy gives; a shared network must be prepared first, and a
  // new preparation after a weight change reaches every executor.
  void executorsShareOnePreparedNet() {
    Network net = buildModel({"resnet20"});
    initializeWeights(net, 4);
    const Tensor x = test::randomTensor({4, 3, 32, 32}, 11);
    PreparedNet prepared(net, ExecMode::Fast);
    Executor a(prepared), b(prepared);
    QVERIFY_THROWS_EXCEPTION(ArgumentError, a.forward(x));
    prepared.prepare(2);
    const Tensor own = Executor(net).forward(x);
    Tensor outA, outB;
    std::exception_ptr failure;
    std::thread other([&] {
      try {
        outB = b.forward(x);
      } catch (...) {
        failure = std::current_exception();
      }
    });
    outA = a.forward(x);
    other.join();
    if (failure) std::rethrow_exception(failure);
    QCOMPARE(test::maxAbsDiff(outA, own), 0.0);
    QCOMPARE(test::maxAbsDiff(outB, own), 0.0);
    for (float& v : net.state().values(0)) v *= 2.0f;  // the stem's weights
    prepared.prepare(1);
    const Tensor changed = Executor(net).forward(x);
    QVERIFY(test::maxAbsDiff(changed, own) > 1e-3);
    QCOMPARE(test::maxAbsDiff(b.forward(x), changed), 0.0);
  }
};

QTEST_APPLESS_MAIN(TestZoo)
#include "test_zoo.moc"
