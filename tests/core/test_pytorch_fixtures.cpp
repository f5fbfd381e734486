// Basin against PyTorch: each fixture (tests/fixtures/generate_fixtures.py) is a checkpoint
// written by h5py plus PyTorch's logits, losses and accuracy on real MNIST test images.
#include <QtTest>
#include <cmath>

#include "core/data/dataset.h"
#include "core/eval/evaluate.h"
#include "core/io/checkpoint.h"
#include "core/io/hdf5.h"
#include "core/ops/loss.h"
#include "tests/support/test_support.h"

using namespace basin;

namespace {

constexpr int64_t kBatch = 64;

struct Reference {
  Tensor logits;
  double crossEntropy = 0, mse = 0, accuracy = 0;
  std::string stateNames, parameterNames;
};

double readDouble(const H5::H5Object& object, const char* name) {
  double v = 0;
  object.openAttribute(name).read(H5::PredType::NATIVE_DOUBLE, &v);
  return v;
}

Reference readReference(const std::string& path) {
  const H5::H5File file = hdf5::openReadOnly(path);
  const H5::Group g = file.openGroup("reference");
  const H5::DataSet logits = g.openDataSet("logits");
  Reference r;
  r.logits = Tensor(hdf5::shapeOf(logits), hdf5::readFloats(logits, path));
  r.crossEntropy = readDouble(g, "cross_entropy");
  r.mse = readDouble(g, "mse");
  r.accuracy = readDouble(g, "accuracy");
  r.stateNames = hdf5::readStringAttribute(g, "state_names");
  r.parameterNames = hdf5::readStringAttribute(g, "parameter_names");
  return r;
}

}  // namespace

class TestPyTorchFixtures : public QObject {
  Q_OBJECT

 private slots:
  void dataPipelineMatchesTorchvisionStyleInput() {
    const std::string path = test::dataPath("fixtures/mnist_input.h5");
    const H5::H5File file = hdf5::openReadOnly(path);
    const H5::DataSet ds = file.openDataSet("input");
    const Tensor expected(hdf5::shapeOf(ds), hdf5::readFloats(ds, path));
    const std::vector<int64_t> expectedLabels = hdf5::readInts(file.openDataSet("labels"), path);
    Tensor images;
    std::vector<int32_t> labels;
    test::mnistTestSubset(kBatch, true).batch(0, kBatch, images, labels);
    QCOMPARE(images.shape(), (Shape{kBatch, 3, 32, 32}));
    QVERIFY(test::maxAbsDiff(images, expected) < 1e-6);
    QCOMPARE(std::vector<int64_t>(labels.begin(), labels.end()), expectedLabels);
  }

  void modelsMatchPyTorch_data() {
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<bool>("cifarStyle");
    QTest::newRow("resnet20") << "resnet20" << true;
    QTest::newRow("resnet20_noshort") << "resnet20_noshort" << true;
    QTest::newRow("vgg9 (1 channel, 28x28, ceil-mode pools)") << "vgg9_1ch_28" << false;
    QTest::newRow("densenet_bc40") << "densenet_bc40" << true;
    QTest::newRow("densenet_cifar") << "densenet_cifar" << true;
  }

  void modelsMatchPyTorch() {
    QFETCH(QString, fixture);
    QFETCH(bool, cifarStyle);
    const std::string path = test::dataPath("fixtures/" + fixture.toStdString() + ".h5");
    const Reference ref = readReference(path);
    const Checkpoint checkpoint = loadCheckpoint(path);
    const Network& net = checkpoint.network;

    // state_dict and parameter order, names included.
    std::string state, parameters;
    for (const StateEntry& e : net.state().entries()) {
      state += (state.empty() ? "" : "\n") + e.name;
      if (e.kind == StateKind::Parameter) parameters += (parameters.empty() ? "" : "\n") + e.name;
    }
    QCOMPARE(state, ref.stateNames);
    QCOMPARE(parameters, ref.parameterNames);

    const Dataset data = test::mnistTestSubset(kBatch, cifarStyle);
    Tensor images;
    std::vector<int32_t> labels;
    data.batch(0, kBatch, images, labels);
    // Naive mode (plain loops) takes minutes per big model under the sanitizers: there only
    // ResNet-20 runs it.
    const bool naiveToo = !test::kSanitized || fixture == "resnet20";
    for (ExecMode mode : {ExecMode::Fast, ExecMode::Naive}) {
      if (mode == ExecMode::Naive && !naiveToo) continue;
      Executor executor(net, mode);
      const Tensor& logits = executor.forward(images, 2);
      const double err = test::relativeError(logits, ref.logits);
      QVERIFY2(err < 1e-4, qPrintable(QString("logits relative error %1").arg(err)));
      const LossSums ce = lossAndAccuracy(logits, labels, LossKind::CrossEntropy);
      const LossSums mse = lossAndAccuracy(logits, labels, LossKind::MseSoftmax);
      QVERIFY2(std::abs(ce.meanLoss() - ref.crossEntropy) <= 1e-5 * ref.crossEntropy,
               qPrintable(QString("CE %1 vs %2")
                              .arg(ce.meanLoss(), 0, 'g', 10)
                              .arg(ref.crossEntropy, 0, 'g', 10)));
      QVERIFY2(
          std::abs(mse.meanLoss() - ref.mse) <= 1e-5 * ref.mse,
          qPrintable(
              QString("MSE %1 vs %2").arg(mse.meanLoss(), 0, 'g', 10).arg(ref.mse, 0, 'g', 10)));
      QVERIFY(std::abs(ce.accuracyPercent() - ref.accuracy) < 1e-4);
    }

    // Through evaluate(), in batches that do not divide the set, on 1 and 2 threads.
    for (int threads : {1, 2}) {
      EvalOptions options;
      options.batchSize = 10;
      options.threads = threads;
      const EvalResult r = evaluate(net, data, options);
      QCOMPARE(r.samples, kBatch);
      QVERIFY(std::abs(r.loss - ref.crossEntropy) <= 1e-5 * ref.crossEntropy);
      QVERIFY(std::abs(r.accuracy - ref.accuracy) < 1e-4);
    }
  }
};

QTEST_APPLESS_MAIN(TestPyTorchFixtures)
#include "test_pytorch_fixtures.moc"
