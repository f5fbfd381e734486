// The bad-input catalogue (docs/bad-input.md) is this test's table: every row's command runs
// through basin-cli against inputs made here, and must end with the row's exit code and a
// message containing the row's text. A row without a recipe, or a recipe without a row, fails.
#include <H5Cpp.h>

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <filesystem>
#include <limits>
#include <memory>

#include "core/io/output_file.h"
#include "tests/app/hostile_inputs.h"
#include "tests/support/test_support.h"

namespace {

using namespace std::string_literals;
namespace fs = std::filesystem;

struct Row {
  QString number, command, message;
  int exitCode;
};

// Rows of the catalogue's tables: | N | what | `command` | exit | `message` |
QList<Row> catalogue() {
  QFile doc(BASIN_CATALOGUE);
  if (!doc.open(QIODevice::ReadOnly)) qFatal("cannot read %s", BASIN_CATALOGUE);
  static const QRegularExpression row(
      R"(^\| *(\d+) *\|[^|]*\| *`([^`]*)` *\| *(\d+) *\| *`([^`]*)` *\|)");
  QList<Row> rows;
  for (const QString& line : QString::fromUtf8(doc.readAll()).split('\n')) {
    const auto m = row.match(line);
    if (m.hasMatch())
      rows.push_back({m.captured(1), m.captured(2), m.captured(4), m.captured(3).toInt()});
  }
  return rows;
}

std::string demo(const char* name = "resnet20-mnist.h5") {
  return BASIN_SOURCE_DEMO "/"s + name;
}

// Copies the demo checkpoint and changes it with HDF5's own API.
void editCheckpoint(const std::string& path, const std::function<void(H5::H5File&)>& edit) {
  fs::copy_file(demo(), path, fs::copy_options::overwrite_existing);
  H5::H5File file(path, H5F_ACC_RDWR);
  edit(file);
}

void setStringAttribute(H5::H5File& file, const char* name, const std::string& value) {
  file.removeAttr(name);
  H5::StrType type(H5::PredType::C_S1, H5T_VARIABLE);
  file.createAttribute(name, type, H5::DataSpace(H5S_SCALAR)).write(type, value);
}

// Creates (replacing any) a 1-D float dataset.
void putFloats(H5::H5File& file, const std::string& name, std::vector<float> values) {
  if (file.nameExists(name)) file.unlink(name);
  const hsize_t n = values.size();
  file.createDataSet(name, H5::PredType::NATIVE_FLOAT, H5::DataSpace(1, &n))
      .write(values.data(), H5::PredType::NATIVE_FLOAT);
}

// Sets element 0 of a float dataset (any shape) to `value`.
void poison(H5::H5File& file, const std::string& name, float value) {
  H5::DataSet ds = file.openDataSet(name);
  std::vector<float> v(ds.getSpace().getSimpleExtentNpoints());
  ds.read(v.data(), H5::PredType::NATIVE_FLOAT);
  v[0] = value;
  ds.write(v.data(), H5::PredType::NATIVE_FLOAT);
}

void writeText(const std::string& path, const std::string& text) {
  fs::create_directories(fs::path(path).parent_path());
  basin::test::writeBytes(path, text);
}

std::string bigEndian32(uint32_t v) {
  return {char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
}

// An MNIST-style folder with `count` images of 28x28 and `labels` labels.
void idxFolder(const std::string& dir, uint32_t count, uint32_t labels, uint32_t magic = 0x803) {
  writeText(dir + "/t10k-images-idx3-ubyte", bigEndian32(magic) + bigEndian32(count) +
                                                 bigEndian32(28) + bigEndian32(28) +
                                                 std::string(size_t(count) * 784, '\x10'));
  writeText(dir + "/t10k-labels-idx1-ubyte",
            bigEndian32(0x801) + bigEndian32(labels) + std::string(labels, '\x03'));
}

void imagesH5(const std::string& path, std::vector<int64_t> labels, bool withImages = true) {
  H5::H5File file(path, H5F_ACC_TRUNC);
  H5::Group g = file.createGroup("test");
  const hsize_t n = labels.size();
  g.createDataSet("labels", H5::PredType::NATIVE_INT64, H5::DataSpace(1, &n))
      .write(labels.data(), H5::PredType::NATIVE_INT64);
  if (!withImages) return;
  const hsize_t dims[4] = {n, 1, 32, 32};
  std::vector<uint8_t> pixels(n * 32 * 32, 100);
  g.createDataSet("images", H5::PredType::NATIVE_UINT8, H5::DataSpace(4, dims))
      .write(pixels.data(), H5::PredType::NATIVE_UINT8);
}

}  // namespace

class TestBadInput : public QObject {
  Q_OBJECT

  QTemporaryDir m_dir;
  QMap<QString, QString> m_values;  // placeholder -> text
  std::unique_ptr<basin::OutputLock> m_busy;

  std::string path(const char* name) { return m_dir.filePath(name).toStdString(); }

  QStringList expand(QString text) const {
    for (auto it = m_values.begin(); it != m_values.end(); ++it)
      text.replace("{" + it.key() + "}", it.value());
    return text.split(' ', Qt::SkipEmptyParts);
  }

  void makeInputs() {
    const std::string fixtures = basin::test::dataPath("fixtures") + "/";
    const std::string bytes = basin::test::readBytes(demo());
    writeText(path("empty.h5"), "");
    writeText(path("notes.h5"), "these are my notes\n");
    writeText(path("truncated.h5"), bytes.substr(0, bytes.size() / 4));
    fs::copy_file(demo("surfaces/resnet20.h5"), path("surface.h5"));
    editCheckpoint(path("missing-tensor.h5"), [](H5::H5File& f) { f.unlink("state/linear.bias"); });
    editCheckpoint(path("extra-tensor.h5"), [](H5::H5File& f) {
      putFloats(f, "state/fc2.weight", {1, 2, 3});
    });
    editCheckpoint(path("wrong-shape.h5"),
                   [](H5::H5File& f) { putFloats(f, "state/linear.bias", std::vector<float>(7)); });
    editCheckpoint(path("strings.h5"), [](H5::H5File& f) {
      f.unlink("state/linear.bias");
      const hsize_t n = 10;
      const H5::StrType type(H5::PredType::C_S1, 4);
      f.createDataSet("state/linear.bias", type, H5::DataSpace(1, &n))
          .write(std::string(40, 'a').data(), type);
    });
    editCheckpoint(path("nan.h5"), [](H5::H5File& f) {
      poison(f, "state/conv1.weight", std::numeric_limits<float>::quiet_NaN());
    });
    editCheckpoint(path("inf.h5"), [](H5::H5File& f) {
      poison(f, "state/layer2.0.bn1.running_var", std::numeric_limits<float>::infinity());
    });
    editCheckpoint(path("other-weights.h5"),
                   [](H5::H5File& f) { poison(f, "state/linear.bias", 0.5f); });
    editCheckpoint(path("unknown-arch.h5"), [](H5::H5File& f) {
      setStringAttribute(f, "architecture", R"({"name": "resnet21", "in_channels": 1})");
    });
    editCheckpoint(path("broken-arch.h5"),
                   [](H5::H5File& f) { setStringAttribute(f, "architecture", R"({"name": )"); });
    editCheckpoint(path("huge-arch.h5"), [](H5::H5File& f) {
      setStringAttribute(f, "architecture",
                         R"({"name": "resnet20", "in_channels": 1, "num_classes": 1000000000000})");
    });
    editCheckpoint(path("fractional-arch.h5"), [](H5::H5File& f) {
      setStringAttribute(f, "architecture", R"({"name": "resnet20", "in_channels": 1.5})");
    });
    editCheckpoint(path("newer.h5"), [](H5::H5File& f) {
      f.removeAttr("format_version");
      const int64_t v = 99;
      f.createAttribute("format_version", H5::PredType::STD_I64LE, H5::DataSpace(H5S_SCALAR))
          .write(H5::PredType::NATIVE_INT64, &v);
    });
    // PyTorch, safetensors and ONNX files.
    basin::test::writeBytes(path("legacy.pt"),
                            "\x80\x02\x8a\x0a"s + "l\xfc\x9c" + "F\xf9 j\xa8P\x19.");
    const std::string pt = basin::test::readBytes(fixtures + "resnet20.pt");
    basin::test::writeBytes(path("cut.pt"), pt.substr(0, pt.size() / 2));
    // pickle.dumps(os.system) called on a shell command: the classic attack.
    basin::test::putZipEntry(path("evil.pt"), "evil/data.pkl",
                             "\x80\x02"s + "cposix\nsystem\nq\x00X\x0a\x00\x00\x00"s +
                                 "echo pwnedq\x01\x85q\x02Rq\x03."s,
                             true);
    // EMPTY_LIST, BINPUT 0, BINGET 0, APPEND, STOP: a list that contains itself.
    basin::test::putZipEntry(path("cycle.pt"), "cycle/data.pkl", "\x80\x02]q\x00h\x00"s + "a.",
                             true);
    const std::string st = basin::test::readBytes(fixtures + "resnet20.safetensors");
    basin::test::writeBytes(path("cut.safetensors"), st.substr(0, st.size() - 100));
    const std::string onnx = basin::test::readBytes(fixtures + "resnet20.onnx");
    basin::test::writeBytes(path("cut.onnx"), onnx.substr(0, onnx.size() / 3));
    std::string selu = onnx;  // same length, so the protobuf stays valid
    for (size_t at = selu.find("Relu"); at != std::string::npos; at = selu.find("Relu", at))
      selu.replace(at, 4, "Selu");
    basin::test::writeBytes(path("selu.onnx"), selu);
    // Data sets.
    idxFolder(path("idx-ok"), 30, 30);
    fs::create_directories(path("idx-no-labels"));
    fs::copy_file(path("idx-ok/t10k-images-idx3-ubyte"),
                  path("idx-no-labels/t10k-images-idx3-ubyte"));
    idxFolder(path("idx-truncated"), 30, 30);
    fs::resize_file(path("idx-truncated/t10k-images-idx3-ubyte"), 16 + 784 * 12 + 100);
    idxFolder(path("idx-magic"), 30, 30, 0x12340803);
    idxFolder(path("idx-count"), 30, 20);
    idxFolder(path("idx-empty"), 0, 0);
    writeText(path("cifar-cut/test_batch.bin"), std::string(3073 * 2 + 5, '\x01'));
    writeText(path("cifar-label/test_batch.bin"), "\x0b" + std::string(3072, '\x01'));
    imagesH5(path("label-beyond.h5"), {3, 12});
    imagesH5(path("no-images.h5"), {3, 4}, false);
    fs::create_directories(path("a-folder.h5"));
    // Surface files and direction files made by basin-cli itself.
    const QStringList common = expand("--model {demo} {mnist} --samples 10");
    const auto cli = [&](QStringList args) {
      const basin::test::Run r = basin::test::runProgram(BASIN_CLI, args << common);
      QVERIFY2(r.exitCode == 0, r.err.constData());
    };
    cli({"surface", "--x=-1:1:3", "--out", m_dir.filePath("taken.h5")});
    cli({"surface", "--x=-1:1:3", "--out", m_dir.filePath("line.h5")});
    fs::copy_file(path("taken_dirs.h5"), path("nan_dirs.h5"));
    H5::H5File nanDirs(path("nan_dirs.h5"), H5F_ACC_RDWR);
    poison(nanDirs, "xdirection/0", std::numeric_limits<float>::quiet_NaN());
    nanDirs.close();
    std::string surface = basin::test::readBytes(path("taken.h5"));
    basin::test::writeBytes(path("cut-surface.h5"), surface.substr(0, surface.size() / 2));
    makeRoundTwoInputs();
  }

  // Issue 18's classes: outputs over inputs, two writers, nonsense in surface files.
  void makeRoundTwoInputs() {
    fs::create_symlink(path("taken.h5"), path("fig-link.svg"));
    fs::create_hard_link(path("taken_dirs.h5"), path("dirs-hard.svg"));
    fs::copy_file(path("line.h5"), path("line-copy.svg"));
    fs::create_symlink(path("taken.h5"), path("data-link.csv"));
    fs::copy_file(demo(), path("model-copy.h5"));
    fs::create_directories(path("run"));
    for (int k = 1; k <= 3; ++k)
      editCheckpoint(path(("run/model_" + std::to_string(k) + ".h5").c_str()),
                     [k](H5::H5File& f) { poison(f, "state/linear.bias", 0.1f * float(k)); });
    m_busy = std::make_unique<basin::OutputLock>(path("busy.h5"));  // another writer
    const auto coordinates = [&](const char* name, std::vector<double> x) {
      fs::copy_file(path("taken.h5"), path(name));
      H5::H5File file(path(name), H5F_ACC_RDWR);
      file.openDataSet("xcoordinates").write(x.data(), H5::PredType::NATIVE_DOUBLE);
    };
    coordinates("nan-coords.h5", {-1.0, std::numeric_limits<double>::quiet_NaN(), 1.0});
    coordinates("unsorted-coords.h5", {1.0, -1.0, 0.0});
    coordinates("flat-coords.h5", {0.0, 0.0, 0.0});
    makeForeignPartInputs();
    editCheckpoint(path("deep-arch.h5"), [](H5::H5File& f) {
      setStringAttribute(
          f, "architecture",
          R"({"name": )" + std::string(100000, '[') + std::string(100000, ']') + "}");
    });
    basin::test::makeHostileInputs(m_dir.path().toStdString());
  }

  // HDF5 files whose parts live in other files: each would make Basin read a file not named.
  void makeForeignPartInputs() {
    editCheckpoint(path("elink.h5"), [](H5::H5File& f) {
      f.unlink("state/linear.bias");
      H5Lcreate_external("other-weights.h5", "/state/linear.bias", f.getId(), "state/linear.bias",
                         H5P_DEFAULT, H5P_DEFAULT);
    });
    const std::vector<double> x{-1.0, 0.0, 1.0};
    basin::test::writeBytes(path("coords.bin"),
                            std::string(reinterpret_cast<const char*>(x.data()), 24));
    const auto replaceCoordinates = [&](const char* name, hid_t creation) {
      fs::copy_file(path("taken.h5"), path(name));
      H5::H5File file(path(name), H5F_ACC_RDWR);
      file.unlink("xcoordinates");
      const hsize_t n = 3;
      const hid_t space = H5Screate_simple(1, &n, nullptr);
      const hid_t d = H5Dcreate2(file.getId(), "xcoordinates", H5T_IEEE_F64LE, space, H5P_DEFAULT,
                                 creation, H5P_DEFAULT);
      H5Dclose(d);
      H5Sclose(space);
      H5Pclose(creation);
    };
    hid_t external = H5Pcreate(H5P_DATASET_CREATE);
    H5Pset_external(external, "coords.bin", 0, 24);
    replaceCoordinates("external-storage.h5", external);
    hid_t virtualSet = H5Pcreate(H5P_DATASET_CREATE);
    const hsize_t n = 3;
    const hid_t space = H5Screate_simple(1, &n, nullptr);
    H5Pset_virtual(virtualSet, space, "taken.h5", "/xcoordinates", space);
    H5Sclose(space);
    replaceCoordinates("virtual.h5", virtualSet);
    fs::copy_file(path("taken.h5"), path("soft-out.h5"));
    H5::H5File soft(path("soft-out.h5"), H5F_ACC_RDWR);
    soft.unlink("xcoordinates");
    H5Lcreate_external("taken.h5", "/", soft.getId(), "outside", H5P_DEFAULT, H5P_DEFAULT);
    H5Lcreate_soft("/outside/xcoordinates", soft.getId(), "xcoordinates", H5P_DEFAULT, H5P_DEFAULT);
  }

 private slots:
  void initTestCase() {
    QVERIFY(m_dir.isValid());
    m_values = {{"dir", m_dir.path()},
                {"demo", QString::fromStdString(demo())},
                {"fixtures", QString::fromStdString(basin::test::dataPath("fixtures"))},
                {"corpus", BASIN_FUZZ_CORPUS "/corpus"},
                {"hangs", BASIN_FUZZ_CORPUS "/hangs"},
                {"mnist", "--data mnist:" + QString::fromStdString(basin::test::dataPath("mnist")) +
                              " --pad 2 --normalize mnist"}};
    makeInputs();
  }

  void catalogueHasEnoughRows() {
    const QList<Row> rows = catalogue();
    QVERIFY2(rows.size() >= 30, qPrintable(QString("%1 rows").arg(rows.size())));
    QSet<QString> numbers;
    for (const Row& r : rows) numbers.insert(r.number);
    QCOMPARE(numbers.size(), rows.size());  // numbers are unique
  }

  void everyRowGetsItsMessage_data() {
    QTest::addColumn<QString>("command");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    for (const Row& r : catalogue())
      QTest::newRow(qPrintable(r.number)) << r.command << r.exitCode << r.message;
  }

  void everyRowGetsItsMessage() {
    QFETCH(QString, command);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const basin::test::Run r = basin::test::runProgram(BASIN_CLI, expand(command));
    const QString err = QString::fromUtf8(r.err);
    const QString expected = expand(message).join(' ');
    QVERIFY2(r.exitCode == exitCode, qPrintable(QString("exit %1: %2").arg(r.exitCode).arg(err)));
    QVERIFY2(err.contains(expected), qPrintable("expected '" + expected + "' in: " + err));
    QVERIFY2(err.count('\n') <= 3, qPrintable("a message, not a dump: " + err));
  }
};

QTEST_GUILESS_MAIN(TestBadInput)
#include "test_bad_input.moc"
