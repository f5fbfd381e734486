// Helpers shared by Basin's tests: paths of the committed data, random tensors, comparisons.
#pragma once

#include <QStringList>
#include <QtTest>
#include <cstdint>
#include <string>

#include "core/data/dataset.h"
#include "core/landscape/surface_file.h"
#include "core/landscape/surface_job.h"
#include "core/tensor/tensor.h"

namespace basin::test {

// Sanitized builds (asan and tsan presets) run 3-30x slower: there the heaviest checks are
// trimmed (fewer models in naive mode, smaller grids); the dev build runs them all.
#ifdef BASIN_SANITIZED
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif

// A file or folder under tests/data.
std::string dataPath(const std::string& relative);

// Tensor of the shape filled with N(0, 1) values from a seeded generator.
Tensor randomTensor(const Shape& shape, uint64_t seed);

// max |a - b| over all elements; throws ShapeError when the shapes differ.
double maxAbsDiff(const Tensor& a, const Tensor& b);
// max |a - b| / max(max |b|, 1e-12): error relative to the reference's scale.
double relativeError(const Tensor& a, const Tensor& reference);

// The first `count` MNIST test images of tests/data/mnist, normalized as --normalize mnist and,
// with `cifarStyle`, as Basin feeds them to CIFAR-style models (--pad 2 --rgb): the input of the
// PyTorch fixtures.
Dataset mnistTestSubset(int64_t count, bool cifarStyle = true);
// Those images as one batch (cifarStyle).
Tensor mnistCifarBatch(int64_t count);
// A float dataset (e.g. "reference/logits") of an HDF5 file under tests/data/fixtures.
Tensor fixtureTensor(const std::string& file, const std::string& dataset);

// A finished command-line run: exit code (-1 on timeout, -2 on a crash), stdout, stderr.
struct Run {
  int exitCode;
  QByteArray out, err;
};
Run runProgram(const QString& program, const QStringList& args);
// The standard output of a poppler-utils tool (pdftotext, pdffonts, pdfinfo) as text, or a line
// saying it is missing (packaging/install-deps.sh installs it), so checks on it fail clearly.
QString poppler(const QString& tool, const QStringList& args);

// Analytic surfaces on a 41 x 41 grid over [-1, 1]^2 in `train_loss`: a tilted bowl
// 0.2 + 3x^2 + 2y^2 + 0.5xy (0.2 to 5.7), or a saddle 2 + x^2 - y^2 (1 to 3).
Surface analyticSurface(bool saddle);

// A small surface job: the bundled demo ResNet-20 (`demoDir`/resnet20-mnist.h5) on `samples`
// of its MNIST test images, a `points` x `points` grid over [-1, 1]^2, into `out`.
SurfaceJob demoSurfaceJob(const std::string& demoDir, const std::string& out, int points,
                          int samples);
// The reference fixtures' job: tests/data/fixtures/resnet20.h5 on `samples` MNIST test images
// (the reference's preprocessing: normalized, padded to 32, three channels), a 3 x 3 grid over
// [-1, 1]^2, into `out`.
SurfaceJob fixtureSurfaceJob(const std::string& out, int samples);

// Writes `bytes` to `path` (for corrupt-file tests).
void writeBytes(const std::string& path, const std::string& bytes);
std::string readBytes(const std::string& path);
// Adds or replaces one entry of a zip archive (a new archive with `create`).
void putZipEntry(const std::string& path, const std::string& name, const std::string& bytes,
                 bool create = false);

// Expects `f` to throw E with a message containing every one of `parts`.
template <typename E, typename F>
void expectError(F f, std::initializer_list<std::string> parts) {
  try {
    f();
    QFAIL("no exception");
  } catch (const E& e) {
    const std::string message = e.what();
    for (const std::string& p : parts)
      QVERIFY2(message.find(p) != std::string::npos, message.c_str());
  }
}

}  // namespace basin::test
