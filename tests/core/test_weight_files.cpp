// PyTorch torch.save files and safetensors (written by tests/fixtures/generate_fixtures.py from
// the same weights as the .h5 fixtures) give PyTorch's logits; damaged and hostile files give
// clear errors.

#include <QTemporaryDir>
#include <QtTest>
#include <filesystem>

#include "core/data/dataset.h"
#include "core/error.h"
#include "core/io/hdf5.h"
#include "core/io/model_file.h"
#include "core/net/executor.h"
#include "tests/support/test_support.h"

using namespace basin;
using basin::test::expectError;
using basin::test::putZipEntry;
using namespace std::string_literals;

namespace {

std::string fixture(const std::string& name) {
  return test::dataPath("fixtures/" + name);
}

}  // namespace

class TestWeightFiles : public QObject {
  Q_OBJECT

  QTemporaryDir m_dir;
  std::string path(const char* name) { return m_dir.filePath(name).toStdString(); }
  std::string copyOf(const std::string& from, const char* name) {
    std::filesystem::copy_file(from, path(name), std::filesystem::copy_options::overwrite_existing);
    return path(name);
  }

 private slots:
  void formatsAreDetectedByContent() {
    QCOMPARE(detectModelFormat(fixture("resnet20.h5")), ModelFormat::BasinCheckpoint);
    QCOMPARE(detectModelFormat(fixture("resnet20.pt")), ModelFormat::PyTorchZip);
    QCOMPARE(detectModelFormat(fixture("resnet20.safetensors")), ModelFormat::Safetensors);
    // The extension does not matter.
    QCOMPARE(detectModelFormat(copyOf(fixture("resnet20.safetensors"), "weights.pt")),
             ModelFormat::Safetensors);
    test::writeBytes(path("notes.txt"), "hello");
    QCOMPARE(detectModelFormat(path("notes.txt")), ModelFormat::Unknown);
    expectError<FormatError>([&] { loadModel(path("notes.txt"), ArchSpec{}); },
                             {"notes.txt", "not a model file"});
    expectError<IoError>([&] { detectModelFormat(path("absent.pt")); }, {"absent.pt", "not found"});
  }

  void weightFilesMatchPyTorch_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("arch");
    QTest::addColumn<QString>("reference");
    QTest::addColumn<QString>("metadata");
    QTest::newRow("torch.save(state_dict)") << "resnet20.pt"
                                            << "resnet20"
                                            << "resnet20.h5"
                                            << "{}";
    QTest::newRow("safetensors F32") << "resnet20.safetensors"
                                     << "resnet20"
                                     << "resnet20.h5"
                                     << R"({"epoch":"7"})";
    QTest::newRow("model_state_dict, module. prefix")
        << "resnet20_noshort_wrapped.pt"
        << "resnet20_noshort"
        << "resnet20_noshort.h5"
        << R"({"acc":93.5,"arch":"resnet20_noshort","epoch":12})";
    QTest::newRow("state_dict wrapper") << "densenet_bc40.pt"
                                        << "densenet_bc40"
                                        << "densenet_bc40.h5"
                                        << R"({"epoch":3})";
    QTest::newRow("safetensors BF16") << "densenet_bc40_bf16.safetensors"
                                      << "densenet_bc40"
                                      << "densenet_bc40.h5"
                                      << "{}";
  }

  void weightFilesMatchPyTorch() {
    QFETCH(QString, file);
    QFETCH(QString, arch);
    QFETCH(QString, reference);
    QFETCH(QString, metadata);
    const Checkpoint c = loadModel(fixture(file.toStdString()), ArchSpec{arch.toStdString()});
    QCOMPARE(QString::fromStdString(c.metadataJson), metadata);
    Executor executor(c.network);
    const double err =
        test::relativeError(executor.forward(test::mnistCifarBatch(64), 2),
                            test::fixtureTensor(reference.toStdString(), "reference/logits"));
    QVERIFY2(err < 1e-4, qPrintable(QString("relative error %1").arg(err)));
  }

  void weightsNeedTheRightArchitecture() {
    expectError<ArgumentError>([&] { loadModel(fixture("resnet20.pt"), std::nullopt); },
                               {"--arch"});
    expectError<FormatError>([&] { loadModel(fixture("densenet_bc40.pt"), ArchSpec{"resnet20"}); },
                             {"densenet_bc40.pt", "missing tensors", "layer1.0.conv1.weight"});
    expectError<ShapeError>(
        [&] {
          loadModel(fixture("resnet20.pt"), ArchSpec{"resnet20", 1});
        },
        {"conv1.weight", "16x3x3x3", "16x1x3x3"});
    expectError<ArgumentError>([&] { loadModel(fixture("resnet20.h5"), ArchSpec{"vgg9"}); },
                               {"holds a resnet20"});
  }

  void damagedZipFiles() {
    const std::string bytes = test::readBytes(fixture("resnet20.pt"));
    test::writeBytes(path("cut.pt"), bytes.substr(0, bytes.size() / 2));
    QCOMPARE(detectModelFormat(path("cut.pt")), ModelFormat::PyTorchZip);
    expectError<FormatError>([&] { loadModel(path("cut.pt"), ArchSpec{}); }, {"cut.pt", "zip"});

    const std::string shortStorage = copyOf(fixture("resnet20.pt"), "short.pt");
    putZipEntry(shortStorage, "resnet20/data/0", std::string(40, '\0'));
    expectError<FormatError>(
        [&] { loadModel(shortStorage, ArchSpec{}); },
        {"short.pt", "archive entry 'resnet20/data/0' holds 40 bytes", "declare 1728"});

    const std::string garbage = copyOf(fixture("resnet20.pt"), "garbage.pt");
    putZipEntry(garbage, "resnet20/data.pkl", "\x80\x02}q\x00(X\x03\x00\x00\x00"s + "abc\xff\xfe");
    expectError<FormatError>([&] { loadModel(garbage, ArchSpec{}); }, {"garbage.pt", "pickle"});

    test::writeBytes(path("legacy.pt"), "\x80\x02\x8a\x0a"s + "l\xfc\x9c" + "F\xf9 j\xa8P\x19.");
    QCOMPARE(detectModelFormat(path("legacy.pt")), ModelFormat::PyTorchLegacy);
    expectError<FormatError>([&] { loadModel(path("legacy.pt"), ArchSpec{}); },
                             {"legacy.pt", "pickle ends early (truncated) at byte 15"});

    putZipEntry(path("nopickle.pt"), "archive/version", "3\n", true);
    expectError<FormatError>([&] { loadModel(path("nopickle.pt"), ArchSpec{}); }, {"no data.pkl"});
  }

  // The legacy torch.save format (PyTorch 0.4-1.5, the reference's published .t7 files): the
  // same tensors as the zip-format save of the same state, and cut files refused.
  void legacyTorchSaveFiles() {
    const std::string legacy = fixture("trajectory/reference_run/model_8.t7");
    QCOMPARE(detectModelFormat(legacy), ModelFormat::PyTorchLegacy);
    const ArchSpec arch{fixture("trajectory/tiny_resnet.onnx")};
    const Checkpoint old = loadModel(legacy, arch);
    const Checkpoint zip = loadModel(fixture("trajectory/checkpoints/model_8.pt"), arch);
    QCOMPARE(QString::fromStdString(old.metadataJson), QString(R"({"acc":94.0,"epoch":8})"));
    const StateDict &a = old.network.state(), &b = zip.network.state();
    QCOMPARE(a.parameterCount(), b.parameterCount());
    QVERIFY(std::equal(a.parameters().begin(), a.parameters().end(), b.parameters().begin()));
    QVERIFY(std::equal(a.buffers().begin(), a.buffers().end(), b.buffers().begin()));
    const std::string bytes = test::readBytes(legacy);
    test::writeBytes(path("cut.t7"), bytes.substr(0, bytes.size() - 100));
    expectError<FormatError>([&] { loadModel(path("cut.t7"), arch); },
                             {"cut.t7", "storage", "(truncated or corrupt)"});
    test::writeBytes(path("head.t7"), bytes.substr(0, 200));
    expectError<FormatError>([&] { loadModel(path("head.t7"), arch); }, {"head.t7", "truncated"});
  }

  void hostilePicklesAreRefused() {
    // pickle.dumps(os.system, protocol 2) called on 'echo pwned': the classic attack.
    const std::string attack = "\x80\x02"s + "cposix\nsystem\nq\x00X\x0a\x00\x00\x00"s +
                               "echo pwnedq\x01\x85q\x02Rq\x03."s;
    putZipEntry(path("evil.pt"), "evil/data.pkl", attack, true);
    expectError<FormatError>([&] { loadModel(path("evil.pt"), ArchSpec{}); },
                             {"evil.pt", "refuses to load global 'posix.system'"});
    const std::string eval = "\x80\x02"s + "cbuiltins\neval\nX\x01\x00\x00\x00"s + "1\x85R."s;
    putZipEntry(path("eval.pt"), "eval/data.pkl", eval, true);
    expectError<FormatError>([&] { loadModel(path("eval.pt"), ArchSpec{}); }, {"builtins.eval"});
  }

  void damagedSafetensors() {
    const std::string bytes = test::readBytes(fixture("resnet20.safetensors"));
    test::writeBytes(path("cut.safetensors"), bytes.substr(0, bytes.size() - 100));
    expectError<FormatError>([&] { loadModel(path("cut.safetensors"), ArchSpec{}); },
                             {"cut.safetensors", "outside the file"});
    std::string renamed = bytes;
    const size_t at = renamed.find("\"linear.bias\"");
    QVERIFY(at != std::string::npos);
    renamed.replace(at, 13, "\"linear.bian\"");
    test::writeBytes(path("renamed.safetensors"), renamed);
    expectError<FormatError>([&] { loadModel(path("renamed.safetensors"), ArchSpec{}); },
                             {"missing tensors: linear.bias"});
    std::string broken = bytes;
    broken[broken.find(':')] = ';';  // the JSON header no longer parses
    test::writeBytes(path("broken.safetensors"), broken);
    expectError<FormatError>([&] { loadModel(path("broken.safetensors"), ArchSpec{}); },
                             {"broken.safetensors", "header"});
  }
};

QTEST_APPLESS_MAIN(TestWeightFiles)
#include "test_weight_files.moc"
