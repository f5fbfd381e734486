// The zoo against PyTorch's twin (tests/fixtures/torch_zoo.py): sizes, names, FLOPs, and the
// fast executor against the naive one on every family.
#include <QtTest>

#include "core/error.h"
#include "core/net/executor.h"
#include "core/zoo/zoo.h"
#include "tests/support/test_support.h"

using namespace basin;

namespace {

struct Expected {
  const char* name;
  int64_t parameters;   // sum of numel over model.parameters()
  int64_t stateValues;  // sum of numel over model.state_dict()
};

// Printed by torch_zoo.build(name) under PyTorch 1.13 (see tests/fixtures).
const Expected kExpected[] = {
    {"resnet20", 272474, 274063},         {"resnet20_noshort", 269722, 271117},
    {"resnet32", 466906, 469403},         {"resnet32_noshort", 464154, 466457},
    {"resnet44", 661338, 664743},         {"resnet44_noshort", 658586, 661797},
    {"resnet56", 855770, 860083},         {"resnet56_noshort", 853018, 857137},
    {"resnet110", 1730714, 1739113},      {"resnet110_noshort", 1727962, 1736167},
    {"wrn56_2", 3412394, 3420963},        {"wrn56_2_noshort", 3401770, 3409953},
    {"wrn56_4", 13628234, 13645315},      {"wrn56_4_noshort", 13586506, 13602817},
    {"wrn56_8", 54470282, 54504387},      {"wrn56_8_noshort", 54304906, 54337473},
    {"vgg9", 2789706, 2792530},           {"densenet121", 6956298, 7039938},
    {"densenet_cifar", 1000618, 1032058}, {"densenet_bc40", 176122, 181249},
};

int64_t stateValues(const Network& net) {
  int64_t n = 0;
  for (const StateEntry& e : net.state().entries()) n += e.size;
  return n;
}

}  // namespace

class TestZoo : public QObject {
  Q_OBJECT

 private slots:
  void sizesMatchPyTorch() {
    QCOMPARE(zooNames().size(), std::size(kExpected));
    for (const Expected& e : kExpected) {
      const Network net = buildModel({e.name});
      QVERIFY2(net.state().parameterCount() == e.parameters, e.name);
      QVERIFY2(stateValues(net) == e.stateValues, e.name);
      QCOMPARE(net.outputShape(), (Shape{10}));
    }
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
};

QTEST_APPLESS_MAIN(TestZoo)
#include "test_zoo.moc"
