// Fast ops against their naive oracles on random shapes (fixed seeds), and 1 vs 2 threads.
#include <QtTest>
#include <array>
#include <cmath>
#include <random>

#include <H5Cpp.h>

#include "core/error.h"
#include "core/io/hdf5.h"
#include "core/ops/activation.h"
#include "core/ops/batchnorm.h"
#include "core/ops/conv2d.h"
#include "core/ops/conv2d_winograd.h"
#include "core/ops/elementwise.h"
#include "core/ops/linear.h"
#include "core/ops/loss.h"
#include "core/ops/pool.h"
#include "tests/support/test_support.h"

using namespace basin;
using basin::test::maxAbsDiff;
using basin::test::randomTensor;
using basin::test::relativeError;

// "conv case 3: 3x3 window, stride 2x2, pad 1x1 on 7x9" from kernel, stride, pad and extents.
QString geometryText(const char* kind, size_t index, std::array<int64_t, 8> v) {
  QString text = QString("%1 case %2:").arg(kind).arg(index);
  const char* parts[] = {" %1x%2 window,", " stride %1x%2,", " pad %1x%2", " on %1x%2"};
  for (int k = 0; k < 4; ++k) text += QString(parts[k]).arg(v[2 * k]).arg(v[2 * k + 1]);
  return text;
}

class TestOps : public QObject {
  Q_OBJECT

  // The conv oracle and the fast path against F.conv2d on every case of op_cases.h5's `name`
  // group: geometry rows of `width` values (groups and dilations from the 13th on), `images`
  // images per case.
  void checkConvCases(const char* name, size_t width, int64_t images) {
    const H5::H5File file = hdf5::openReadOnly(test::dataPath("fixtures/op_cases.h5"));
    const H5::Group group = file.openGroup(name);
    const std::vector<int64_t> rows = hdf5::readInts(group.openDataSet("geometry"), "op_cases.h5");
    const auto read = [&](const char* what) {
      return hdf5::readFloats(group.openDataSet(what), "op_cases.h5");
    };
    const std::vector<float> inputs = read("input"), weights = read("weight"),
                             biases = read("bias"), outputs = read("output");
    size_t at[4] = {0, 0, 0, 0};
    Workspace ws;
    QCOMPARE(rows.size() % width, size_t(0));
    for (size_t r = 0; r < rows.size(); r += width) {
      const int64_t* v = &rows[r];
      Conv2dGeometry g{v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]};
      if (width > 12) g.groups = v[12], g.dilationH = v[13], g.dilationW = v[14];
      const int64_t h = v[8], w = v[9], oh = v[10], ow = v[11];
      const QString what =
          geometryText(name, r / width,
                       {g.kernelH, g.kernelW, g.strideH, g.strideW, g.padH, g.padW, h, w}) +
          QString(", groups %1, dilation %2 x %3").arg(g.groups).arg(g.dilationH).arg(g.dilationW);
      Tensor x({images, g.inChannels, h, w}), expected({images, g.outChannels, oh, ow});
      std::copy_n(inputs.begin() + at[0], x.size(), x.data());
      const float* weight = weights.data() + at[1];
      const float* bias = biases.data() + at[2];
      std::copy_n(outputs.begin() + at[3], expected.size(), expected.data());
      at[0] += x.size(), at[1] += g.outChannels * g.inChannels / g.groups * g.kernelH * g.kernelW;
      at[2] += g.outChannels, at[3] += expected.size();
      QCOMPARE(convOutputExtent(h, g.kernelH, g.strideH, g.padH, g.dilationH), oh);
      QCOMPARE(convOutputExtent(w, g.kernelW, g.strideW, g.padW, g.dilationW), ow);
      Tensor naive, fast, one;
      conv2dNaive(x, weight, g, {bias}, naive);
      conv2d(x, weight, g, {bias}, fast, ws, 2);
      conv2d(x, weight, g, {bias}, one, ws, 1);
      QVERIFY2(relativeError(naive, expected) < 1e-5, qPrintable(what + " (naive)"));
      QVERIFY2(relativeError(fast, expected) < 1e-5, qPrintable(what + " (fast)"));
      QCOMPARE(maxAbsDiff(fast, one), 0.0);
    }
    QCOMPARE(at[3], outputs.size());
  }

 private slots:
  void convMatchesNaiveOnRandomShapes() {
    std::mt19937 rng(7);
    auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    Workspace ws;
    // Every geometry the importers accept: kernels 1-7 (non-square too), strides 1-4, padding up
    // to and past half the kernel, odd and tiny extents; each fast path (Winograd, direct,
    // stride-2 phases, GEMM, im2col) is drawn many times.
    for (int trial = 0; trial < 160; ++trial) {
      Conv2dGeometry g;
      g.inChannels = pick(1, 20);
      g.outChannels = pick(1, 24);
      g.kernelH = trial % 10 == 9 ? pick(8, 11) : pick(1, 7);  // larger ones: im2col + GEMM
      g.kernelW = trial % 4 == 0 ? pick(1, 7) : g.kernelH;
      g.strideH = trial % 3 == 0 ? pick(1, 4) : pick(1, 2);
      g.strideW = trial % 5 == 0 ? pick(1, 4) : g.strideH;
      g.padH = pick(0, 4);
      g.padW = trial % 6 == 0 ? pick(0, 4) : g.padH;
      const int64_t n = pick(1, 9);
      const int64_t h = pick(std::max<int64_t>(1, g.kernelH - 2 * g.padH), 19);
      const int64_t w = pick(std::max<int64_t>(1, g.kernelW - 2 * g.padW), 19);
      const Tensor x = randomTensor({n, g.inChannels, h, w}, trial);
      const Tensor weight =
          randomTensor({g.outChannels, g.inChannels, g.kernelH, g.kernelW}, 100 + trial);
      const Tensor bias = randomTensor({g.outChannels}, 200 + trial);
      Tensor ref, fast1, fast2;
      ConvEpilogue e{trial % 2 ? bias.data() : nullptr, nullptr, trial % 3 == 0};
      conv2dNaive(x, weight.data(), g, e, ref);
      Tensor residual;
      if (trial % 4 == 1) {  // residual of the output's shape
        residual = randomTensor(ref.shape(), 300 + trial);
        e.residual = residual.data();
        conv2dNaive(x, weight.data(), g, e, ref);
      }
      conv2d(x, weight.data(), g, e, fast1, ws, 1);
      conv2d(x, weight.data(), g, e, fast2, ws, 2);
      QCOMPARE(fast1.shape(), ref.shape());
      const double err = relativeError(fast1, ref);
      QVERIFY2(err < 1e-5, qPrintable(QString("trial %1: relative error %2").arg(trial).arg(err)));
      QCOMPARE(maxAbsDiff(fast1, fast2), 0.0);
    }
  }

  // 3x3, stride 1, pad 1 takes the Winograd path from 8 x 8 outputs on (smaller ones the GEMM;
  // the Winograd kernel itself is still checked on them): odd and tiny extents, chunks of
  // several images (small images) and of one (large), F(4x4) tiles (32 x 32 and up, 16 outputs
  // and up) and F(2x2) tiles, every epilogue.
  void winogradConvMatchesNaive() {
    struct Case {
      int64_t n, c, k, h, w;
    };
    Workspace ws;
    const Case cases[] = {{1, 1, 1, 1, 1},    {3, 2, 5, 1, 7},   {2, 5, 3, 7, 1},
                          {7, 16, 16, 8, 8},  {5, 13, 9, 9, 11}, {2, 3, 17, 32, 32},
                          {40, 8, 4, 4, 4},   {3, 64, 64, 8, 8}, {3, 20, 16, 33, 35},
                          {2, 48, 12, 32, 32}};
    int trial = 0;
    for (const Case& c : cases) {
      const Conv2dGeometry g{c.c, c.k, 3, 3, 1, 1, 1, 1};
      const Tensor x = randomTensor({c.n, c.c, c.h, c.w}, 500 + trial);
      const Tensor weight = randomTensor({c.k, c.c, 3, 3}, 600 + trial);
      const Tensor bias = randomTensor({c.k}, 700 + trial);
      const Tensor residual = randomTensor({c.n, c.k, c.h, c.w}, 800 + trial);
      for (int e = 0; e < 3; ++e, ++trial) {
        const ConvEpilogue epilogue{e > 0 ? bias.data() : nullptr,
                                    e == 2 ? residual.data() : nullptr, e > 0};
        Tensor ref, fast1, fast2;
        conv2dNaive(x, weight.data(), g, epilogue, ref);
        conv2d(x, weight.data(), g, epilogue, fast1, ws, 1);
        conv2d(x, weight.data(), g, epilogue, fast2, ws, 2);
        const double err = relativeError(fast1, ref);
        QVERIFY2(err < 1e-5, qPrintable(QString("%1x%2x%3x%4 -> %5, epilogue %6: relative error %7")
                                            .arg(c.n)
                                            .arg(c.c)
                                            .arg(c.h)
                                            .arg(c.w)
                                            .arg(c.k)
                                            .arg(e)
                                            .arg(err)));
        QCOMPARE(maxAbsDiff(fast1, fast2), 0.0);
        // Filters transformed once beforehand (as the executor does) give the same result.
        Tensor kernel = ref;
        conv2dWinograd(x, weight.data(), nullptr, g, epilogue, kernel, ws, 2);
        QVERIFY2(relativeError(kernel, ref) < 1e-5, "the Winograd kernel");
        // Only the tiling this output size runs is transformed (small maps: the filters
        // rearranged tap-major), and the weights are not read.
        std::vector<float, Eigen::aligned_allocator<float>> filters(
            preparedFilterFloats(g, c.h, c.w));
        QCOMPARE(int64_t(filters.size()),
                 c.h * c.w < 64 ? weight.size() : winogradFilterFloats(g, c.h, c.w));
        prepareFilters(weight.data(), g, c.h, c.w, filters.data());
        Tensor pretransformed;
        conv2d(x, nullptr, g, epilogue, pretransformed, ws, 2, filters.data());
        QCOMPARE(maxAbsDiff(pretransformed, fast1), 0.0);
      }
    }
    QCOMPARE(winogradFilterFloats({4, 4, 3, 3, 2, 2, 1, 1}, 8, 8), int64_t(0));  // stride 2
    QCOMPARE(winogradTile({3, 17, 3, 3, 1, 1, 1, 1}, 32, 32), 4);
    QCOMPARE(winogradTile({3, 17, 3, 3, 1, 1, 1, 1}, 31, 32), 2);
    QCOMPARE(winogradTile({3, 12, 3, 3, 1, 1, 1, 1}, 32, 32), 2);
    QCOMPARE(winogradTile({3, 12, 3, 3, 1, 1, 1, 1}, 4, 4), 0);  // small maps below 8 x 8
  }

  // Below 64 output positions a GEMM per output position and tap inside the image: ResNet-18's
  // late layers at 32 x 32 (3x3 onto 4 x 4, 2 x 2, 1 x 1, stride 2 among them, 1x1 downsampling),
  // more output channels than one task's block (64), positions whose every tap is in the
  // padding, ReLU6, one image and many. The oracle, 1 and 2 threads bit-identical, and the
  // filters arranged beforehand.
  void smallMapConvMatchesNaive() {
    struct Case {
      int64_t n, c, k, h, w, kernel, stride, pad;
    };
    const Case cases[] = {{9, 40, 130, 1, 1, 3, 1, 1}, {3, 24, 70, 2, 2, 3, 1, 1},
                          {5, 16, 20, 4, 4, 3, 1, 1},  {4, 12, 66, 4, 4, 3, 2, 1},
                          {2, 30, 65, 2, 2, 1, 2, 0},  {1, 7, 5, 3, 5, 1, 1, 2},
                          {6, 9, 11, 7, 9, 3, 1, 1},   {2, 5, 8, 9, 9, 3, 3, 4}};
    Workspace ws;
    int trial = 0;
    for (const Case& c : cases) {
      const Conv2dGeometry g{c.c, c.k, c.kernel, c.kernel, c.stride, c.stride, c.pad, c.pad};
      const int64_t oh = convOutputExtent(c.h, c.kernel, c.stride, c.pad);
      const int64_t ow = convOutputExtent(c.w, c.kernel, c.stride, c.pad);
      QVERIFY(oh * ow < 64);
      const Tensor x = randomTensor({c.n, c.c, c.h, c.w}, 900 + trial);
      const Tensor weight = randomTensor({c.k, c.c, c.kernel, c.kernel}, 1000 + trial);
      const Tensor bias = randomTensor({c.k}, 1100 + trial);
      const Tensor residual = randomTensor({c.n, c.k, oh, ow}, 1200 + trial);
      for (int e = 0; e < 4; ++e, ++trial) {
        ConvEpilogue epilogue{e > 0 ? bias.data() : nullptr, e >= 2 ? residual.data() : nullptr,
                              e > 0};
        if (e == 3) epilogue.upper = 0.5f;
        Tensor ref, fast1, fast2, arranged;
        conv2dNaive(x, weight.data(), g, epilogue, ref);
        conv2d(x, weight.data(), g, epilogue, fast1, ws, 1);
        conv2d(x, weight.data(), g, epilogue, fast2, ws, 2);
        const double err = relativeError(fast1, ref);
        QVERIFY2(
            err < 1e-5,
            qPrintable(
                QString("case %1, epilogue %2: relative error %3").arg(trial / 4).arg(e).arg(err)));
        QCOMPARE(maxAbsDiff(fast1, fast2), 0.0);
        std::vector<float, Eigen::aligned_allocator<float>> filters(
            preparedFilterFloats(g, oh, ow));
        QCOMPARE(int64_t(filters.size()), weight.size());
        prepareFilters(weight.data(), g, oh, ow, filters.data());
        conv2d(x, nullptr, g, epilogue, arranged, ws, 2, filters.data());
        QCOMPARE(maxAbsDiff(arranged, fast1), 0.0);
      }
    }
  }

  void convNaiveKnownValue() {
    // 1x1x3x3 input 1..9, 2x2 kernel of ones, no padding: window sums 12 16 24 28.
    Tensor x({1, 1, 3, 3}, std::vector<float>{1, 2, 3, 4, 5, 6, 7, 8, 9});
    const std::vector<float> ones(4, 1.0f);
    Conv2dGeometry g{1, 1, 2, 2, 1, 1, 0, 0};
    Tensor y;
    conv2dNaive(x, ones.data(), g, {}, y);
    QCOMPARE(y.shape(), (Shape{1, 1, 2, 2}));
    QCOMPARE(y[0], 12.0f);
    QCOMPARE(y[1], 16.0f);
    QCOMPARE(y[2], 24.0f);
    QCOMPARE(y[3], 28.0f);
  }

  void convRejectsWrongChannels() {
    Tensor x({1, 2, 5, 5}), y;
    const std::vector<float> w(3 * 3 * 9);
    Workspace ws;
    QVERIFY_THROWS_EXCEPTION(ShapeError,
                             conv2d(x, w.data(), {3, 1, 3, 3, 1, 1, 1, 1}, {}, y, ws, 1));
    QVERIFY_THROWS_EXCEPTION(ShapeError, convOutputExtent(2, 5, 1, 1));
  }

  void poolExtentsFollowPyTorch() {
    // Values from torch.nn.MaxPool2d(k, s, p, ceil_mode) on the given input size.
    QCOMPARE(poolOutputExtent(7, 2, 2, 0, true), 4);
    QCOMPARE(poolOutputExtent(7, 2, 2, 0, false), 3);
    QCOMPARE(poolOutputExtent(8, 3, 2, 1, true), 5);
    QCOMPARE(poolOutputExtent(8, 3, 2, 1, false), 4);
    QCOMPARE(poolOutputExtent(5, 3, 2, 1, true), 3);
    QCOMPARE(poolOutputExtent(6, 3, 3, 0, true), 2);
  }

  void poolsMatchNaive() {
    std::mt19937 rng(11);
    auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    for (int trial = 0; trial < 120; ++trial) {
      Pool2dGeometry g;
      g.kernelH = pick(1, 7);
      g.kernelW = trial % 3 == 0 ? pick(1, 7) : g.kernelH;
      g.strideH = pick(1, 4);
      g.strideW = trial % 4 == 0 ? pick(1, 4) : g.strideH;
      g.padH = pick(0, g.kernelH / 2);
      g.padW = pick(0, g.kernelW / 2);
      g.ceilMode = trial % 2;
      g.countIncludePad = (trial / 2) % 2;
      const int64_t h = pick(std::max<int64_t>(1, g.kernelH - 2 * g.padH), 13);
      const int64_t w = pick(std::max<int64_t>(1, g.kernelW - 2 * g.padW), 13);
      const Tensor x = randomTensor({pick(1, 4), pick(1, 5), h, w}, trial);
      Tensor ref, fast1, fast2;
      maxPool2dNaive(x, g, ref);
      maxPool2d(x, g, fast1, 1);
      maxPool2d(x, g, fast2, 2);
      QCOMPARE(maxAbsDiff(fast1, ref), 0.0);
      QCOMPARE(maxAbsDiff(fast2, ref), 0.0);
      avgPool2dNaive(x, g, ref);
      avgPool2d(x, g, fast1, 1);
      avgPool2d(x, g, fast2, 2);
      QVERIFY(maxAbsDiff(fast1, ref) < 1e-6);
      QCOMPARE(maxAbsDiff(fast1, fast2), 0.0);
    }
    const Tensor x = randomTensor({3, 5, 7, 6}, 99);
    Tensor ref, fast;
    globalAvgPoolNaive(x, ref);
    globalAvgPool(x, fast, 2);
    QCOMPARE(ref.shape(), (Shape{3, 5}));
    QVERIFY(maxAbsDiff(fast, ref) < 1e-6);
  }

  // The oracles themselves against PyTorch (generate_op_fixtures.py: F.conv2d, F.max_pool2d,
  // F.avg_pool2d on 200 geometries), and the fast kernels with them.
  void convolutionsMatchPyTorch() { checkConvCases("conv", 12, 1); }
  // Depthwise, channel multipliers, groups and dilation 1-3 (rows: conv's, groups, dh, dw).
  void groupedConvolutionsMatchPyTorch() { checkConvCases("gconv", 15, 2); }

  // A capped ReLU (ReLU6 fused into a convolution) on every kernel path: Winograd, direct,
  // GEMM, both depthwise kernels, other groups; the cap is exactly min(ReLU, upper).
  void cappedReluOnEveryPath() {
    struct Case {
      int64_t c, k, kernel, stride, pad, h, groups;
    };
    const Case cases[] = {{4, 16, 3, 1, 1, 8, 1},   {4, 6, 3, 2, 1, 20, 1}, {8, 5, 1, 1, 0, 9, 1},
                          {24, 24, 3, 1, 1, 4, 24}, {8, 8, 3, 1, 1, 12, 8}, {6, 9, 3, 1, 1, 7, 3}};
    Workspace ws;
    int seed = 0;
    for (const Case& c : cases) {
      Conv2dGeometry g{c.c, c.k, c.kernel, c.kernel, c.stride, c.stride, c.pad, c.pad};
      g.groups = c.groups;
      const Tensor x = randomTensor({2, c.c, c.h, c.h}, 40 + seed++);
      const Tensor w = randomTensor({c.k, c.c / c.groups, c.kernel, c.kernel}, 40 + seed++);
      const Tensor bias = randomTensor({c.k}, 40 + seed++);
      Tensor plain, capped, fast;
      conv2dNaive(x, w.data(), g, {bias.data(), nullptr, true}, plain);
      conv2dNaive(x, w.data(), g, {bias.data(), nullptr, true, 0.5f}, capped);
      conv2d(x, w.data(), g, {bias.data(), nullptr, true, 0.5f}, fast, ws, 2);
      for (float& v : plain.values()) v = std::min(v, 0.5f);
      QCOMPARE(maxAbsDiff(capped, plain), 0.0);
      QVERIFY2(maxAbsDiff(fast, capped) < 1e-5, qPrintable(QString("case %1").arg(seed / 3)));
      QVERIFY(*std::max_element(fast.values().begin(), fast.values().end()) <= 0.5f);
    }
  }

  void activationsMatchPyTorch() {
    const H5::H5File file = hdf5::openReadOnly(test::dataPath("fixtures/op_cases.h5"));
    const H5::Group group = file.openGroup("activation");
    const std::vector<float> values = hdf5::readFloats(group.openDataSet("input"), "op_cases.h5");
    const Tensor x({static_cast<int64_t>(values.size())}, values);
    const std::pair<const char*, ActivationParams> cases[] = {
        {"relu6", {Activation::Clip, 0.0f, 6.0f}},
        {"sigmoid", {Activation::Sigmoid}},
        {"hardsigmoid", {Activation::HardSigmoid, 1.0f / 6.0f, 0.5f}},  // PyTorch's export
        {"hardswish", {Activation::HardSwish}},
        {"tanh", {Activation::Tanh}},
        {"leaky_relu", {Activation::LeakyRelu, 0.1f}},
        {"softplus", {Activation::Softplus}},
        {"erf", {Activation::Erf}},
        {"gelu", {Activation::Gelu}}};
    for (const auto& [name, params] : cases) {
      const std::vector<float> want = hdf5::readFloats(group.openDataSet(name), "op_cases.h5");
      const Tensor expected({x.size()}, want);
      Tensor naive, fast1, fast2;
      activationNaive(x, params, naive);
      activation(x, params, fast1, 1);
      activation(x, params, fast2, 2);
      QVERIFY2(maxAbsDiff(naive, expected) <= 1e-6 * 30, name);
      QVERIFY2(maxAbsDiff(fast1, expected) <= 1e-6 * 30, name);
      QCOMPARE(maxAbsDiff(fast1, fast2), 0.0);
      QCOMPARE(std::string(activationName(params.kind)).empty(), false);
    }
  }

  void multiplyBroadcastsPerChannel() {
    const Tensor a = randomTensor({2, 3, 4, 5}, 1), same = randomTensor({2, 3, 4, 5}, 2);
    const Tensor perChannel = randomTensor({2, 3, 1, 1}, 3);
    Tensor naive, fast;
    multiplyNaive(a, perChannel, naive);
    multiply(a, perChannel, fast, 2);
    QCOMPARE(maxAbsDiff(naive, fast), 0.0);
    QCOMPARE(naive[1 * 20 + 7], a[1 * 20 + 7] * perChannel[1]);  // image 0, channel 1
    QCOMPARE(naive[5 * 20 + 3], a[5 * 20 + 3] * perChannel[5]);  // image 1, channel 2
    multiplyNaive(a, same, naive);
    QCOMPARE(naive[17], a[17] * same[17]);
    QVERIFY_THROWS_EXCEPTION(ShapeError, multiply(a, randomTensor({2, 3, 4, 1}, 4), fast, 1));
  }

  void poolsMatchPyTorch() {
    const H5::H5File file = hdf5::openReadOnly(test::dataPath("fixtures/op_cases.h5"));
    for (const char* kind : {"maxpool", "avgpool"}) {
      const bool max = kind[0] == 'm';
      const H5::Group group = file.openGroup(kind);
      const std::vector<int64_t> rows =
          hdf5::readInts(group.openDataSet("geometry"), "op_cases.h5");
      const std::vector<float> inputs = hdf5::readFloats(group.openDataSet("input"), "op_cases.h5");
      const std::vector<float> outputs =
          hdf5::readFloats(group.openDataSet("output"), "op_cases.h5");
      size_t in = 0, out = 0;
      for (size_t r = 0; r < rows.size(); r += 12) {
        const int64_t* v = &rows[r];
        const Pool2dGeometry g{v[0], v[1], v[2], v[3], v[4], v[5], v[6] != 0, v[7] != 0};
        const int64_t h = v[8], w = v[9], oh = v[10], ow = v[11];
        const QString what =
            geometryText(kind, r / 12,
                         {g.kernelH, g.kernelW, g.strideH, g.strideW, g.padH, g.padW, h, w}) +
            QString(", ceil %1, cip %2").arg(g.ceilMode).arg(g.countIncludePad);
        Tensor x({1, 2, h, w}), expected({1, 2, oh, ow});
        std::copy_n(inputs.begin() + in, x.size(), x.data());
        std::copy_n(outputs.begin() + out, expected.size(), expected.data());
        in += x.size(), out += expected.size();
        QVERIFY2(poolOutputExtent(h, g.kernelH, g.strideH, g.padH, g.ceilMode) == oh,
                 qPrintable(what));
        QVERIFY2(poolOutputExtent(w, g.kernelW, g.strideW, g.padW, g.ceilMode) == ow,
                 qPrintable(what));
        Tensor naive, fast;
        if (max) {
          maxPool2dNaive(x, g, naive);
          maxPool2d(x, g, fast, 2);
        } else {
          avgPool2dNaive(x, g, naive);
          avgPool2d(x, g, fast, 2);
        }
        QVERIFY2(maxAbsDiff(naive, expected) < 1e-6, qPrintable(what + " (naive)"));
        QVERIFY2(maxAbsDiff(fast, expected) < 1e-6, qPrintable(what + " (fast)"));
      }
      QCOMPARE(out, outputs.size());
    }
  }

  void avgPoolCountsPaddingLikePyTorch() {
    // torch.nn.AvgPool2d(3, 2, 1, ceil_mode=True)(ones(1,1,4,4)) is
    // [[4/9, 6/9, 3/9], [6/9, 1, 1/2], [3/9, 1/2, 1/4]]: padding counts, the ceil overhang not.
    Tensor x({1, 1, 4, 4});
    for (float& v : x.values()) v = 1.0f;
    Tensor y;
    avgPool2dNaive(x, {3, 3, 2, 2, 1, 1, true}, y);
    QCOMPARE(y.shape(), (Shape{1, 1, 3, 3}));
    QVERIFY(std::abs(y[0] - 4.0f / 9.0f) < 1e-7);
    QVERIFY(std::abs(y[1] - 6.0f / 9.0f) < 1e-7);
    QVERIFY(std::abs(y[4] - 1.0f) < 1e-7);
    QVERIFY(std::abs(y[5] - 0.5f) < 1e-7);   // a 3x2 padded window holding 3x1 ones
    QVERIFY(std::abs(y[8] - 0.25f) < 1e-7);  // a 2x2 padded window holding one 1
  }

  void batchNormAffineMatchesNaive() {
    const int64_t C = 6;
    const Tensor x = randomTensor({4, C, 5, 3}, 1);
    Tensor gamma = randomTensor({C}, 2), beta = randomTensor({C}, 3), mean = randomTensor({C}, 4),
           var = randomTensor({C}, 5);
    for (float& v : var.values()) v = v * v + 0.1f;
    const BatchNormParams bn{gamma.data(), beta.data(), mean.data(), var.data(), 1e-5, C};
    Tensor ref, fast;
    batchNormNaive(x, bn, ref);
    std::vector<float> scale(C), shift(C);
    batchNormAffine(bn, scale.data(), shift.data());
    channelAffine(x, scale.data(), shift.data(), false, fast, 2);
    QVERIFY(relativeError(fast, ref) < 1e-6);
    channelAffine(x, scale.data(), shift.data(), true, fast, 2);
    reluNaive(Tensor(ref), ref);
    QVERIFY(relativeError(fast, ref) < 1e-6);
  }

  void linearMatchesNaive() {
    for (int64_t n : {1, 3, 17}) {
      const Tensor x = randomTensor({n, 37}, n);
      const Tensor w = randomTensor({11, 37}, 40 + n), b = randomTensor({11}, 50 + n);
      for (bool relu : {false, true}) {
        Tensor ref, f1, f2;
        linearNaive(x, w.data(), b.data(), 11, relu, ref);
        linear(x, w.data(), b.data(), 11, relu, f1, 1);
        linear(x, w.data(), b.data(), 11, relu, f2, 2);
        QVERIFY(relativeError(f1, ref) < 1e-5);
        QCOMPARE(maxAbsDiff(f1, f2), 0.0);
      }
    }
  }

  void elementwiseMatchNaive() {
    const Tensor a = randomTensor({3, 4, 5, 5}, 1), b = randomTensor({3, 4, 5, 5}, 2);
    const Tensor c = randomTensor({3, 2, 5, 5}, 3);
    Tensor ref, fast;
    for (bool relu : {false, true}) {
      addNaive(a, b, relu, ref);
      add(a, b, relu, fast, 2);
      QCOMPARE(maxAbsDiff(fast, ref), 0.0);
    }
    reluNaive(a, ref);
    relu(a, fast, 2);
    QCOMPARE(maxAbsDiff(fast, ref), 0.0);
    concatChannelsNaive({&c, &a}, ref);
    concatChannels({&c, &a}, fast, 2);
    QCOMPARE(ref.shape(), (Shape{3, 6, 5, 5}));
    QCOMPARE(maxAbsDiff(fast, ref), 0.0);
    QCOMPARE(ref[25 * 2], a[0]);  // image 0: channels 0-1 from c, channel 2 = a's channel 0
    QVERIFY_THROWS_EXCEPTION(ShapeError, add(a, c, false, fast, 1));
  }

  void lossesHaveKnownValues() {
    // Two classes, equal logits: cross-entropy ln 2, softmax (0.5, 0.5), MSE (0.25+0.25)/2.
    Tensor z({2, 2}, std::vector<float>{0, 0, 3, 1});
    const std::vector<int32_t> labels{0, 1};
    const LossSums ce = lossAndAccuracy(z, labels, LossKind::CrossEntropy);
    const double second = std::log(std::exp(3.0) + std::exp(1.0)) - 1.0;
    QVERIFY(std::abs(ce.loss - (std::log(2.0) + second)) < 1e-12);
    QCOMPARE(ce.correct, int64_t(1));  // tie goes to the first class, like torch.argmax
    const LossSums mse = lossAndAccuracy(z, labels, LossKind::MseSoftmax);
    const double p = std::exp(3.0) / (std::exp(3.0) + std::exp(1.0));
    QVERIFY(std::abs(mse.loss - (0.25 + (p * p + p * p) / 2.0)) < 1e-12);
    const std::vector<int32_t> bad{0, 2};
    QVERIFY_THROWS_EXCEPTION(ArgumentError, lossAndAccuracy(z, bad, LossKind::CrossEntropy));
  }
};

QTEST_APPLESS_MAIN(TestOps)
#include "test_ops.moc"
