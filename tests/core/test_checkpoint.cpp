// Native checkpoints: round trip, and every kind of bad file gets an error naming file and problem.
#include <QTemporaryDir>
#include <QtTest>

#include "core/error.h"
#include "core/io/checkpoint.h"
#include "core/io/hdf5.h"
#include "tests/support/test_support.h"

using namespace basin;
using basin::test::expectError;

class TestCheckpoint : public QObject {
  Q_OBJECT

  QTemporaryDir m_dir;
  std::string path(const char* name) { return m_dir.filePath(name).toStdString(); }

  // A small valid checkpoint to damage.
  std::string writeValid(const char* name) {
    Network net = buildModel({"resnet20"});
    initializeWeights(net, 1);
    saveCheckpoint(path(name), {"resnet20"}, net, R"({"epoch": 3})");
    return path(name);
  }

 private slots:
  void roundTripKeepsEverything() {
    ArchSpec arch{"densenet_bc40", 1, 28, 28, 5};
    Network net = buildModel(arch);
    initializeWeights(net, 42);
    for (float& v : net.state().buffers()) v = 0.25f;
    net.state().counter(net.state().find("bn.num_batches_tracked")) = 12345;
    saveCheckpoint(path("a.h5"), arch, net, R"({"epoch": 7, "accuracy": 91.5, "note": "x"})");
    const Checkpoint c = loadCheckpoint(path("a.h5"));
    QCOMPARE(c.arch.name, arch.name);
    QCOMPARE(c.arch.inChannels, int64_t(1));
    QCOMPARE(c.arch.height, int64_t(28));
    QCOMPARE(c.arch.numClasses, int64_t(5));
    const std::span<const float> a = net.state().parameters(), b = c.network.state().parameters();
    QVERIFY(std::equal(a.begin(), a.end(), b.begin(), b.end()));
    const std::span<const float> x = net.state().buffers(), y = c.network.state().buffers();
    QVERIFY(std::equal(x.begin(), x.end(), y.begin(), y.end()));
    QCOMPARE(c.network.state().counter(c.network.state().find("bn.num_batches_tracked")),
             int64_t(12345));
    QVERIFY(c.metadataJson.find("91.5") != std::string::npos);
    QCOMPARE(QDir(m_dir.path()).entryList({"*.partial"}, QDir::Files | QDir::Hidden),
             QStringList());
  }

  void missingFile() {
    expectError<IoError>([&] { loadCheckpoint(path("nope.h5")); }, {"nope.h5", "not found"});
  }

  void notHdf5() {
    test::writeBytes(path("text.h5"), "just some text, not a checkpoint\n");
    expectError<FormatError>([&] { loadCheckpoint(path("text.h5")); },
                             {"text.h5", "not an HDF5 file"});
  }

  void truncated() {
    const std::string bytes = test::readBytes(writeValid("whole.h5"));
    for (size_t keep : {size_t(100), bytes.size() / 2, bytes.size() - 1000}) {
      test::writeBytes(path("cut.h5"), bytes.substr(0, keep));
      try {
        loadCheckpoint(path("cut.h5"));
        QFAIL("a truncated checkpoint loaded");
      } catch (const Error& e) {
        QVERIFY2(std::string(e.what()).find("cut.h5") != std::string::npos, e.what());
      }
    }
  }

  void missingTensor() {
    const std::string p = writeValid("missing.h5");
    {
      H5::H5File f(p, H5F_ACC_RDWR);
      f.unlink("state/layer2.0.shortcut.1.running_var");
    }
    expectError<FormatError>([&] { loadCheckpoint(p); },
                             {"missing.h5", "missing tensors", "layer2.0.shortcut.1.running_var"});
  }

  void wrongShape() {
    const std::string p = writeValid("shape.h5");
    {
      H5::H5File f(p, H5F_ACC_RDWR);
      f.unlink("state/linear.weight");
      H5::Group g = f.openGroup("state");
      const std::vector<float> w(10 * 32);
      hdf5::writeFloats(g, "linear.weight", {10, 32}, w.data());
    }
    expectError<ShapeError>([&] { loadCheckpoint(p); },
                            {"shape.h5", "linear.weight", "10x32", "10x64"});
  }

  void extraTensor() {
    const std::string p = writeValid("extra.h5");
    {
      H5::H5File f(p, H5F_ACC_RDWR);
      H5::Group g = f.openGroup("state");
      const float v = 1.0f;
      hdf5::writeFloats(g, "fc.weight", {1}, &v);
    }
    expectError<FormatError>([&] { loadCheckpoint(p); },
                             {"extra.h5", "does not have", "fc.weight"});
  }

  void unknownOrBrokenArchitecture() {
    const std::string p = writeValid("arch.h5");
    {
      H5::H5File f(p, H5F_ACC_RDWR);
      f.removeAttr("architecture");
      hdf5::writeStringAttribute(f, "architecture", R"({"name": "resnet21"})");
    }
    expectError<FormatError>([&] { loadCheckpoint(p); }, {"arch.h5", "resnet21"});
    {
      H5::H5File f(p, H5F_ACC_RDWR);
      f.removeAttr("architecture");
      hdf5::writeStringAttribute(f, "architecture", R"({"nam": )");
    }
    expectError<FormatError>([&] { loadCheckpoint(p); }, {"arch.h5", "bad architecture"});
    {
      H5::H5File f(p, H5F_ACC_RDWR);
      f.removeAttr("architecture");
    }
    expectError<FormatError>([&] { loadCheckpoint(p); }, {"arch.h5", "not a Basin checkpoint"});
  }

  void unwritableTarget() {
    Network net = buildModel({"resnet20"});
    expectError<IoError>([&] { saveCheckpoint("/nonexistent-dir/x.h5", {"resnet20"}, net); },
                         {"/nonexistent-dir/x.h5"});
  }
};

QTEST_APPLESS_MAIN(TestCheckpoint)
#include "test_checkpoint.moc"
