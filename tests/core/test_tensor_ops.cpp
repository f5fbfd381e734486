// Operators on tensors of any rank (core/ops/tensor_ops.h) against PyTorch (op_cases.h5, group
// "tensor", from tests/fixtures/generate_op_fixtures.py): oracles and fast paths, 1 and 2
// threads, and the refusals of shapes that do not fit.
#include <QtTest>

#include "core/error.h"
#include "core/ops/activation.h"
#include "core/ops/tensor_ops.h"
#include "tests/support/test_support.h"

using namespace basin;
using basin::test::maxAbsDiff;
using basin::test::randomTensor;

namespace {

Tensor torchCase(const char* name) {
  return test::fixtureTensor("op_cases.h5", std::string("tensor/") + name);
}

// Largest difference relative to the expected values' largest magnitude.
double offBy(const Tensor& got, const Tensor& want) {
  if (got.shape() != want.shape()) return 1e9;
  double scale = 0;
  for (float v : want.values()) scale = std::max(scale, double(std::abs(v)));
  return maxAbsDiff(got, want) / std::max(scale, 1e-30);
}

}  // namespace

class TestTensorOps : public QObject {
  Q_OBJECT

 private slots:
  void matmulBroadcastsLeadingAxes() {
    const Tensor a = torchCase("matmul_a"), b = torchCase("matmul_b"), want = torchCase("matmul");
    Tensor naive, one, two;
    matmulNaive(a, b, naive);
    matmul(a, b, one, 1);
    matmul(a, b, two, 2);
    QVERIFY(offBy(naive, want) < 1e-6);
    QVERIFY(offBy(one, want) < 1e-6);
    QCOMPARE(maxAbsDiff(one, two), 0.0);
    QVERIFY_THROWS_EXCEPTION(ShapeError, matmul(a, a, one, 1));  // 5 x 4 by 5 x 4
  }

  void softmaxAlongAnyAxis() {
    const Tensor x = torchCase("softmax_x");
    Tensor naive, fast;
    softmaxNaive(x, 1, false, naive);
    softmax(x, 1, false, fast, 2);
    QVERIFY(offBy(naive, torchCase("softmax_axis1")) < 1e-6);
    QVERIFY(offBy(fast, torchCase("softmax_axis1")) < 1e-6);
    softmaxNaive(x, 2, false, naive);  // the last axis: the vectorized float path
    softmax(x, 2, false, fast, 2);
    QVERIFY(offBy(fast, naive) < 1e-6);
    softmaxNaive(x, 2, true, naive);
    softmax(x, 2, true, fast, 1);
    QVERIFY(offBy(naive, torchCase("log_softmax_axis2")) < 1e-6);
    QVERIFY(offBy(fast, torchCase("log_softmax_axis2")) < 1e-6);
    QVERIFY_THROWS_EXCEPTION(ShapeError, softmax(x, 3, false, fast, 1));
  }

  void layerNormOverTrailingAxes() {
    const Tensor x = torchCase("layernorm_x");
    const Tensor s1 = torchCase("scale1"), b1 = torchCase("bias1");
    const Tensor s2 = torchCase("scale2"), b2 = torchCase("bias2");
    Tensor naive, fast;
    layerNormNaive(x, 2, s1.data(), b1.data(), 1e-5, naive);
    layerNorm(x, 2, s1.data(), b1.data(), 1e-5, fast, 2);
    QVERIFY(offBy(naive, torchCase("layernorm_last")) < 1e-6);
    QVERIFY(offBy(fast, torchCase("layernorm_last")) < 1e-6);
    layerNormNaive(x, 1, s2.data(), b2.data(), 1e-6, naive);
    layerNorm(x, 1, s2.data(), b2.data(), 1e-6, fast, 1);
    QVERIFY(offBy(naive, torchCase("layernorm_two")) < 1e-6);
    QVERIFY(offBy(fast, torchCase("layernorm_two")) < 1e-6);
  }

  void reductionsAndTranspose() {
    const Tensor t = torchCase("reduce_x");
    Tensor y;
    reduce(t, {1, 3}, true, true, y);
    QVERIFY(offBy(y, torchCase("mean_1_3")) < 1e-6);
    reduce(t, {2}, false, false, y);
    QVERIFY(offBy(y, torchCase("sum_2")) < 1e-6);
    transpose(t, {0, 2, 3, 1}, y, 2);
    QCOMPARE(maxAbsDiff(y, torchCase("transpose_0231")), 0.0);
    QVERIFY_THROWS_EXCEPTION(ShapeError, transpose(t, {0, 2, 2, 1}, y, 1));
    // Attention's layouts at sizes past one 16 x 16 tile, ragged: every value where it belongs.
    const Tensor k = randomTensor({37, 5, 19}, 9);
    for (const std::vector<int64_t>& perm : {std::vector<int64_t>{1, 2, 0}, {1, 0, 2}, {2, 0, 1}}) {
      transpose(k, perm, y, 2);
      const Shape in = k.shape();
      for (int64_t a = 0; a < in[0]; ++a)
        for (int64_t b = 0; b < in[1]; ++b)
          for (int64_t c = 0; c < in[2]; ++c) {
            const int64_t idx[3] = {a, b, c};
            const int64_t o = (idx[perm[0]] * y.dim(1) + idx[perm[1]]) * y.dim(2) + idx[perm[2]];
            QCOMPARE(y[o], k[(a * in[1] + b) * in[2] + c]);
          }
    }
    QVERIFY_THROWS_EXCEPTION(ShapeError, reduce(t, {3, 1}, true, true, y));
  }

  void arithmeticBroadcasts() {
    const Tensor p = torchCase("pow_p"), q = torchCase("pow_q");  // 2 x 1 x 4 with 3 x 1
    Tensor y, z;
    binary(p, q, BinaryOp::Pow, y, 2);
    QVERIFY(offBy(y, torchCase("pow")) < 1e-6);
    binary(p, q, BinaryOp::Div, y, 1);
    QVERIFY(offBy(y, torchCase("div")) < 1e-6);
    binary(p, q, BinaryOp::Sub, y, 1);
    QCOMPARE(maxAbsDiff(y, torchCase("sub")), 0.0);
    QCOMPARE(y.shape(), (Shape{2, 3, 4}));
    QVERIFY_THROWS_EXCEPTION(ShapeError, binary(p, randomTensor({3, 2}, 1), BinaryOp::Add, y, 1));
    // PReLU's slopes per channel, as ONNX broadcasts them (C x 1 x 1 against N x C x H x W).
    Tensor slope = torchCase("prelu_slope");
    slope.reshape({3, 1, 1});
    binary(torchCase("prelu_x"), slope, BinaryOp::PRelu, y, 2);
    QCOMPARE(maxAbsDiff(y, torchCase("prelu")), 0.0);
    expand(q, {2, 3, 5}, z, 2);  // ONNX Expand: the broadcast of both shapes
    QCOMPARE(z.shape(), (Shape{2, 3, 5}));
    QCOMPARE(z[1 * 15 + 2 * 5 + 4], q[2]);
  }

  void dataMovement() {
    const Tensor t = randomTensor({2, 3, 4}, 5);
    Tensor y;
    gather(t, 1, {2, 0}, false, y, 1);
    QCOMPARE(y.shape(), (Shape{2, 2, 4}));
    QCOMPARE(y[1 * 8 + 1 * 4 + 3], t[1 * 12 + 0 * 4 + 3]);
    gather(t, 1, {1}, true, y, 1);  // a scalar index drops the axis: x[:, 1]
    QCOMPARE(y.shape(), (Shape{2, 4}));
    QCOMPARE(y[4 + 2], t[12 + 4 + 2]);
    // Runs of consecutive indices (copied as blocks) mixed with repeats and jumps, every value.
    const std::vector<int64_t> picks = {1, 2, 3, 0, 1, 3};
    for (int64_t axis : {0, 2}) {
      gather(t, axis, axis == 0 ? std::vector<int64_t>{1, 0, 1} : picks, false, y, 2);
      for (int64_t i = 0; i < y.size(); ++i) {
        const int64_t a = i / (y.dim(1) * y.dim(2)), b = i / y.dim(2) % y.dim(1), c = i % y.dim(2);
        const int64_t src = axis == 0 ? std::vector<int64_t>{1, 0, 1}[a] * 12 + b * 4 + c
                                      : a * 12 + b * 4 + picks[c];
        QCOMPARE(y[i], t[src]);
      }
    }
    sliceAxis(t, 2, 1, 4, 2, y, 2);
    QCOMPARE(y.shape(), (Shape{2, 3, 2}));
    QCOMPARE(y[5], t[2 * 4 + 3]);
    const Tensor u = randomTensor({2, 1, 4}, 6);
    concatAxis({&u, &t}, 1, y, 2);
    QCOMPARE(y.shape(), (Shape{2, 4, 4}));
    QCOMPARE(y[16 + 4 + 1], t[12 + 1]);
    QCOMPARE(y[16 + 2], u[4 + 2]);
    QVERIFY_THROWS_EXCEPTION(ShapeError, concatAxis({&u, &t}, 2, y, 1));
    QVERIFY_THROWS_EXCEPTION(ShapeError, gather(t, 1, {3}, false, y, 1));
  }

  void newActivations() {
    const Tensor x({4}, std::vector<float>{0.25f, 1.0f, 4.0f, 9.0f});
    Tensor y;
    activation(x, {Activation::Sqrt}, y, 1);
    QCOMPARE(y[3], 3.0f);
    activation(x, {Activation::Reciprocal}, y, 1);
    QCOMPARE(y[2], 0.25f);
    activation(x, {Activation::Pow, 2.0f}, y, 1);
    QCOMPARE(y[0], 0.0625f);
    activationNaive(x, {Activation::Log}, y);
    QCOMPARE(y[1], 0.0f);
    activation(x, {Activation::Exp}, y, 2);
    QCOMPARE(y[1], std::exp(1.0f));
  }
};

QTEST_APPLESS_MAIN(TestTensorOps)
#include "test_tensor_ops.moc"
