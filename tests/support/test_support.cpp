#include "tests/support/test_support.h"

#include <zip.h>

#include <QProcess>
#include <QStandardPaths>
#include <algorithm>
#include <cmath>
#include <fstream>
#include <random>
#include <sstream>

#include "core/data/dataset.h"
#include "core/error.h"
#include "core/io/hdf5.h"

namespace basin::test {

Run runProgram(const QString& program, const QStringList& args) {
  QProcess p;
  p.start(program, args);
  if (!p.waitForFinished(300000)) return {-1, {}, "timeout"};
  return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2, p.readAllStandardOutput(),
          p.readAllStandardError()};
}

QString poppler(const QString& tool, const QStringList& args) {
  const QString exe = QStandardPaths::findExecutable(tool);
  if (exe.isEmpty())
    return "missing " + tool + " (packaging/install-deps.sh installs poppler-utils)";
  return QString::fromUtf8(runProgram(exe, args).out);
}

std::string dataPath(const std::string& relative) {
  return std::string(BASIN_TEST_DATA) + "/" + relative;
}

SurfaceJob demoSurfaceJob(const std::string& demoDir, const std::string& out, int points,
                          int samples) {
  SurfaceJob job;
  job.model = demoDir + "/resnet20-mnist.h5";
  job.data.data = "mnist:" + demoDir + "/mnist";
  job.data.normalize = "mnist";
  job.data.pad = 2;
  job.data.samples = samples;
  job.x = {-1, 1, points};
  job.y = Axis{-1, 1, points};
  job.out = out;
  return job;
}

SurfaceJob fixtureSurfaceJob(const std::string& out, int samples) {
  SurfaceJob job;
  job.model = dataPath("fixtures/resnet20.h5");
  job.data.data = "mnist:" + dataPath("mnist");
  job.data.normalize = "mnist";
  job.data.pad = 2;
  job.data.rgb = true;
  job.data.samples = samples;
  job.data.split = "test";
  job.x = {-1, 1, 3};
  job.y = Axis{-1, 1, 3};
  job.out = out;
  return job;
}

Surface analyticSurface(bool saddle) {
  Surface s;
  s.x = s.y = Axis{-1, 1, 41}.coordinates();
  auto& loss = s.array("train_loss");
  for (int64_t k = 0; k < s.points(); ++k) {
    const double x = s.x[k % 41], y = s.y[k / 41];
    loss[k] = saddle ? 2.0 + x * x - y * y : 0.2 + 3 * x * x + 2 * y * y + 0.5 * x * y;
  }
  return s;
}

Tensor randomTensor(const Shape& shape, uint64_t seed) {
  Tensor t(shape);
  std::mt19937_64 rng(seed);
  std::normal_distribution<float> normal;
  for (float& v : t.values()) v = normal(rng);
  return t;
}

double maxAbsDiff(const Tensor& a, const Tensor& b) {
  if (a.shape() != b.shape())
    throw ShapeError("comparing " + toString(a.shape()) + " with " + toString(b.shape()));
  double m = 0.0;
  for (int64_t i = 0; i < a.size(); ++i) m = std::max(m, std::abs(double(a[i]) - double(b[i])));
  return m;
}

double relativeError(const Tensor& a, const Tensor& reference) {
  double scale = 1e-12;
  for (float v : reference.values()) scale = std::max(scale, std::abs(double(v)));
  return maxAbsDiff(a, reference) / scale;
}

Dataset mnistTestSubset(int64_t count, bool cifarStyle) {
  Preprocess p = normalizationPreset("mnist");
  p.pad = cifarStyle ? 2 : 0;
  p.rgb = cifarStyle;
  Dataset data = openDataset("mnist:" + dataPath("mnist"), Split::Test, p);
  data.selectFirst(count);
  return data;
}

Tensor mnistCifarBatch(int64_t count) {
  const Dataset data = mnistTestSubset(count);
  Tensor images;
  std::vector<int32_t> labels;
  data.batch(0, count, images, labels);
  return images;
}

Tensor fixtureTensor(const std::string& file, const std::string& dataset) {
  const std::string path = dataPath("fixtures/" + file);
  const H5::H5File f = hdf5::openReadOnly(path);
  const H5::DataSet ds = f.openDataSet(dataset);
  return Tensor(hdf5::shapeOf(ds), hdf5::readFloats(ds, path));
}

void writeBytes(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

void putZipEntry(const std::string& path, const std::string& name, const std::string& bytes,
                 bool create) {
  int error = 0;
  zip_t* zip = zip_open(path.c_str(), create ? ZIP_CREATE | ZIP_TRUNCATE : 0, &error);
  QVERIFY(zip);
  char* copy = static_cast<char*>(malloc(bytes.size() + 1));
  memcpy(copy, bytes.data(), bytes.size());
  zip_source_t* source = zip_source_buffer(zip, copy, bytes.size(), 1);
  QVERIFY(zip_file_add(zip, name.c_str(), source, ZIP_FL_OVERWRITE) >= 0);
  QCOMPARE(zip_close(zip), 0);
}

std::string readBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace basin::test
