// Data set readers on the committed real MNIST subset and on generated CIFAR/HDF5 files,
// preprocessing, subsets, and the errors for bad files.
#include <zlib.h>
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <cstring>
#include <filesystem>
#include <numeric>
#include <random>
#include <tuple>

#include "core/data/dataset.h"
#include "core/error.h"
#include "core/eval/evaluate.h"
#include "core/io/hdf5.h"
#include "core/zoo/zoo.h"
#include "tests/support/test_support.h"

using namespace basin;
using basin::test::expectError;

namespace {

// CIFAR record: label byte(s), then R, G, B planes; pixel value encodes (record, channel).
std::string cifarRecords(int count, int labelBytes, int firstLabel) {
  std::string bytes;
  for (int r = 0; r < count; ++r) {
    if (labelBytes == 2) bytes += char(r % 20);  // coarse label
    bytes += char(firstLabel + r);
    for (int c = 0; c < 3; ++c) bytes += std::string(1024, char(10 * r + c));
  }
  return bytes;
}

}  // namespace

class TestDatasets : public QObject {
  Q_OBJECT

  QTemporaryDir m_dir;
  std::string path(const std::string& name) {
    return m_dir.filePath(QString::fromStdString(name)).toStdString();
  }
  std::string mnist(const char* file) { return test::dataPath(std::string("mnist/") + file); }

 private slots:
  void mnistPlainAndGzipAgree() {
    const ImageSet plain =
        readIdx(mnist("t10k-images-idx3-ubyte"), mnist("t10k-labels-idx1-ubyte"));
    const ImageSet gz =
        readIdx(mnist("t10k-images-idx3-ubyte.gz"), mnist("t10k-labels-idx1-ubyte.gz"));
    QCOMPARE(plain.count, int64_t(256));
    QCOMPARE(plain.height, int64_t(28));
    QCOMPARE(plain.bytes, gz.bytes);
    QCOMPARE(plain.labels, gz.labels);
    // The first MNIST test digits are 7, 2, 1, 0, 4.
    QCOMPARE(std::vector<int32_t>(plain.labels.begin(), plain.labels.begin() + 5),
             (std::vector<int32_t>{7, 2, 1, 0, 4}));
    QCOMPARE(readMnistFolder(test::dataPath("mnist"), Split::Test).count, int64_t(256));
    expectError<IoError>([&] { readMnistFolder(test::dataPath("mnist"), Split::Train); },
                         {"train-images-idx3-ubyte"});
  }

  void badIdxFiles() {
    const std::string images = test::readBytes(mnist("t10k-images-idx3-ubyte"));
    const std::string labels = mnist("t10k-labels-idx1-ubyte");
    test::writeBytes(path("magic"), "\x01\x02" + images.substr(2));
    expectError<FormatError>([&] { readIdx(path("magic"), labels); },
                             {"magic", "wrong magic number"});
    test::writeBytes(path("short"), images.substr(0, images.size() - 100));
    expectError<FormatError>([&] { readIdx(path("short"), labels); }, {"short", "truncated"});
    test::writeBytes(path("header"), images.substr(0, 9));
    expectError<FormatError>([&] { readIdx(path("header"), labels); }, {"header", "truncated"});
    // 255 images with 256 labels.
    std::string fewer = images.substr(0, images.size() - 784);
    fewer[6] = 0;
    fewer[7] = char(255);
    test::writeBytes(path("fewer"), fewer);
    expectError<FormatError>([&] { readIdx(path("fewer"), labels); }, {"255 images", "256 labels"});
    std::string absurd = images.substr(0, 16);  // 2^32-1 images of 2^32-1 x 28 pixels
    absurd[4] = absurd[5] = absurd[6] = absurd[7] = char(0xff);
    absurd[8] = absurd[9] = absurd[10] = absurd[11] = char(0xff);
    test::writeBytes(path("absurd"), absurd);
    expectError<FormatError>([&] { readIdx(path("absurd"), labels); }, {"absurd size"});
    const std::string gz = test::readBytes(mnist("t10k-images-idx3-ubyte.gz"));
    test::writeBytes(path("cut.gz"), gz.substr(0, gz.size() / 2));
    // Found before inflating anything: the gzip trailer no longer records the header's size.
    expectError<FormatError>([&] { readIdx(path("cut.gz"), labels); },
                             {"cut.gz", "truncated or corrupt", "the gzip stream records"});
    expectError<IoError>([&] { readIdx(path("absent"), labels); }, {"absent", "not found"});
  }

  void cifar10Binary() {
    const std::string dir = path("c10");
    std::filesystem::create_directories(dir + "/cifar-10-batches-bin");
    test::writeBytes(dir + "/cifar-10-batches-bin/test_batch.bin", cifarRecords(3, 1, 4));
    const ImageSet set = readCifar10Folder(dir, Split::Test);
    QCOMPARE(set.count, int64_t(3));
    QCOMPARE(set.labels, (std::vector<int32_t>{4, 5, 6}));
    QCOMPARE(int(set.bytes[3072 + 0]), 10);         // record 1, red plane
    QCOMPARE(int(set.bytes[3072 + 2048 + 5]), 12);  // record 1, blue plane
    test::writeBytes(dir + "/cifar-10-batches-bin/test_batch.bin",
                     cifarRecords(3, 1, 4).substr(0, 5000));
    expectError<FormatError>([&] { readCifar10Folder(dir, Split::Test); },
                             {"test_batch.bin", "truncated"});
    test::writeBytes(dir + "/cifar-10-batches-bin/test_batch.bin", cifarRecords(2, 1, 9));
    expectError<FormatError>([&] { readCifar10Folder(dir, Split::Test); }, {"label 10"});
    expectError<IoError>([&] { readCifar10Folder(dir, Split::Train); }, {"data_batch_1.bin"});
  }

  void cifar100UsesFineLabels() {
    const std::string dir = path("c100");
    std::filesystem::create_directories(dir);
    test::writeBytes(dir + "/train.bin", cifarRecords(4, 2, 95));
    const ImageSet set = readCifar100Folder(dir, Split::Train);
    QCOMPARE(set.labels, (std::vector<int32_t>{95, 96, 97, 98}));
    QCOMPARE(int(set.bytes[3 * 3072 + 1024]), 31);
  }

  void hdf5Arrays() {
    const std::string p = path("arrays.h5");
    {
      H5::H5File f(p, H5F_ACC_TRUNC);
      H5::Group train = f.createGroup("train");
      std::vector<float> pixels(2 * 3 * 4 * 5, 0.5f);
      pixels[60] = 0.75f;  // the second image's first pixel
      hdf5::writeFloats(train, "images", {2, 3, 4, 5}, pixels.data());
      const std::vector<int64_t> labels{1, 0};
      hdf5::writeInts(train, "labels", {2}, labels.data());
      H5::Group root = f.openGroup("/");
      const std::vector<int64_t> three{1, 2, 3};
      hdf5::writeInts(root, "labels", {3}, three.data());
      const std::vector<float> grey(2 * 4 * 5, 0.25f);
      hdf5::writeFloats(root, "images", {2, 4, 5}, grey.data());
    }
    const ImageSet train = readHdf5Images(p, Split::Train);
    QCOMPARE(train.channels, int64_t(3));
    QCOMPARE(train.width, int64_t(5));
    QCOMPARE(train.floats.size(), size_t(120));
    QCOMPARE(train.labels, (std::vector<int32_t>{1, 0}));
    const ImageSet second = readHdf5Images(p, Split::Train, [](int64_t) {
      return std::vector<int64_t>{1};
    });  // read as one hyperslab of the file: the other image is never read
    QCOMPARE(second.count, int64_t(1));
    QCOMPARE(second.floats.size(), size_t(60));
    QCOMPARE(second.floats[0], 0.75f);
    QCOMPARE(second.labels, (std::vector<int32_t>{0}));
    expectError<FormatError>([&] { readHdf5Images(p, Split::Test); },
                             {"arrays.h5", "2 images", "3"});
    test::writeBytes(path("fake.h5"), "HDF? no");
    expectError<FormatError>([&] { readHdf5Images(path("fake.h5"), Split::Test); }, {"fake.h5"});
  }

  void preprocessingAndSubsets() {
    Preprocess p = normalizationPreset("mnist");
    p.pad = 2;
    p.rgb = true;
    Dataset data = openDataset("mnist:" + test::dataPath("mnist"), Split::Test, p);
    QCOMPARE(data.sampleShape(), (Shape{3, 32, 32}));
    Tensor x;
    std::vector<int32_t> y;
    data.batch(0, 2, x, y);
    const float background = (0.0f - 0.1307f) / 0.3081f;
    QCOMPARE(x[0], background);   // padding is a black pixel, normalized
    QCOMPARE(x[1024 + 5], x[5]);  // grey repeated to three channels
    data.selectRandom(10, 123);
    Dataset again = openDataset("mnist:" + test::dataPath("mnist"), Split::Test, p);
    again.selectRandom(10, 123);
    Tensor a, b;
    data.batch(0, 10, a, y);
    std::vector<int32_t> y2;
    again.batch(0, 10, b, y2);
    QCOMPARE(test::maxAbsDiff(a, b), 0.0);
    QCOMPARE(y, y2);
    data.selectFirst(4);
    QCOMPARE(data.size(), int64_t(4));
    expectError<ArgumentError>([&] { data.batch(2, 5, a, y); }, {"outside"});
    expectError<ArgumentError>([&] { normalizationPreset("imagenet"); }, {"imagenet"});
    Preprocess rgbTwice = normalizationPreset("cifar10");
    rgbTwice.rgb = true;
    std::filesystem::create_directories(path("c10ok"));
    test::writeBytes(path("c10ok/test_batch.bin"), cifarRecords(2, 1, 0));
    expectError<ArgumentError>(
        [&] { Dataset(readCifar10Folder(path("c10ok"), Split::Test), rgbTwice); }, {"--rgb"});
    expectError<ArgumentError>([&] { openDataset("imagenet:/x", Split::Test, p); }, {"imagenet"});
  }

  void samplesAreChosenBeforeAnyPixelIsRead() {
    // The draw is a Fisher-Yates shuffle of all indices, cut after n: the subsets surface files
    // recorded by their seed stay the same samples.
    for (const auto& [count, n, seed] :
         std::vector<std::tuple<int64_t, int64_t, uint64_t>>{{255, 10, 123}, {60000, 1000, 7}}) {
      std::vector<int64_t> dense(count);
      std::iota(dense.begin(), dense.end(), 0);
      std::mt19937_64 rng(seed);
      for (int64_t i = 0; i < n; ++i) {
        std::uniform_int_distribution<int64_t> pick(i, count - 1);
        std::swap(dense[i], dense[pick(rng)]);
      }
      dense.resize(n);
      std::sort(dense.begin(), dense.end());
      QCOMPARE(randomSamples(n, seed)(count), dense);
    }
    QCOMPARE(firstSamples(3)(255), (std::vector<int64_t>{0, 1, 2}));
    QCOMPARE(firstSamples(-1)(2), (std::vector<int64_t>{0, 1}));
    // A gzipped set of 3,000 noise images whose stream is corrupt three quarters in: 10
    // samples are read without inflating the rest; all of them cannot be read.
    std::filesystem::create_directories(path("lazy"));
    const auto bigEndian = [](uint32_t v) {
      return std::string{char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
    };
    std::string pixels(3000 * 784, '\0');
    std::mt19937 noise(5);
    for (char& c : pixels) c = char(noise());
    std::string labels(3000, '\x07');
    test::writeBytes(path("lazy/t10k-labels-idx1-ubyte"),
                     bigEndian(0x801) + bigEndian(3000) + labels);
    {
      const std::string idx =
          bigEndian(0x803) + bigEndian(3000) + bigEndian(28) + bigEndian(28) + pixels;
      gzFile out = gzopen(path("lazy/t10k-images-idx3-ubyte.gz").c_str(), "wb");
      QCOMPARE(gzwrite(out, idx.data(), unsigned(idx.size())), int(idx.size()));
      QCOMPARE(gzclose(out), Z_OK);
    }
    std::string gz = test::readBytes(path("lazy/t10k-images-idx3-ubyte.gz"));
    for (size_t i = gz.size() * 3 / 4; i < gz.size() * 3 / 4 + 64; ++i) gz[i] ^= 0x5a;
    test::writeBytes(path("lazy/t10k-images-idx3-ubyte.gz"), gz);
    const ImageSet first = readMnistFolder(path("lazy"), Split::Test, firstSamples(10));
    QCOMPARE(first.count, int64_t(10));
    QVERIFY(first.bytes == std::vector<uint8_t>(pixels.begin(), pixels.begin() + 7840));
    QCOMPARE(first.labels, std::vector<int32_t>(10, 7));
    expectError<IoError>([&] { readMnistFolder(path("lazy"), Split::Test); },
                         {"t10k-images-idx3-ubyte.gz", "corrupt compressed data"});
    // Chosen samples of every reader are the same pixels as the full read's.
    const std::vector<int64_t> chosen{3, 4, 5, 200};
    const ImageSet all = readMnistFolder(test::dataPath("mnist"), Split::Test);
    const ImageSet some =
        readMnistFolder(test::dataPath("mnist"), Split::Test, [&](int64_t) { return chosen; });
    QCOMPARE(some.count, int64_t(4));
    for (size_t k = 0; k < chosen.size(); ++k) {
      QCOMPARE(some.labels[k], all.labels[chosen[k]]);
      QVERIFY(std::equal(some.bytes.begin() + k * 784, some.bytes.begin() + (k + 1) * 784,
                         all.bytes.begin() + chosen[k] * 784));
    }
  }

  void pixelsThatSpellAHeapAreNotMetadata() {
    // Pixels whose bytes look like a global heap collection with a zero-size free block (the
    // pattern on which HDF5 1.10 hangs): the probe scans metadata only, so the set opens, in
    // both layouts. (Scanning the whole file refused it.)
    std::vector<uint8_t> pixels(4 * 32 * 32, 7);
    const char fake[] = "GCOL\x01\0\0\0\x40\0\0\0\0\0\0\0";  // version 1, 64 bytes
    for (int image = 0; image < 4; ++image) {
      std::memcpy(pixels.data() + image * 1024, fake, 16);
      std::fill_n(pixels.data() + image * 1024 + 16, 16, 0);  // object 0 of size 0: free space
    }
    for (const bool chunked : {false, true}) {
      const std::string p = path(chunked ? "spell-chunked.h5" : "spell.h5");
      {
        H5::H5File f(p, H5F_ACC_TRUNC);
        const hsize_t dims[4] = {4, 1, 32, 32}, chunk[4] = {1, 1, 32, 32}, n = 4;
        H5::DSetCreatPropList creation;
        if (chunked) creation.setChunk(4, chunk);
        f.createDataSet("images", H5::PredType::NATIVE_UINT8, H5::DataSpace(4, dims), creation)
            .write(pixels.data(), H5::PredType::NATIVE_UINT8);
        const std::vector<int64_t> labels{0, 1, 2, 3};
        f.createDataSet("labels", H5::PredType::NATIVE_INT64, H5::DataSpace(1, &n))
            .write(labels.data(), H5::PredType::NATIVE_INT64);
      }
      const ImageSet set = readHdf5Images(p, Split::Test);
      QCOMPARE(set.count, int64_t(4));
      QCOMPARE(set.bytes, pixels);
    }
  }

  void dataThatDoesNotFitTheModel() {
    const Dataset data = openDataset("mnist:" + test::dataPath("mnist"), Split::Test, Preprocess{});
    const Network net = buildModel({"resnet20"});
    expectError<ShapeError>([&] { evaluate(net, data, {}); }, {"1x28x28", "3x32x32"});
    const Network five = buildModel({"resnet20", 1, 28, 28, 5});
    expectError<ArgumentError>([&] { evaluate(five, data, {}); }, {"label 9", "5 classes"});
    Dataset none = openDataset("mnist:" + test::dataPath("mnist"), Split::Test, Preprocess{});
    none.selectFirst(0);
    expectError<ArgumentError>([&] { evaluate(five, none, {}); }, {"no samples"});
    EvalOptions cancel;
    cancel.cancelled = [] { return true; };
    const Network fits = buildModel({"resnet20", 1, 28, 28, 10});
    QVERIFY_THROWS_EXCEPTION(Cancelled, evaluate(fits, data, cancel));
  }
};

QTEST_APPLESS_MAIN(TestDatasets)
#include "test_datasets.moc"
