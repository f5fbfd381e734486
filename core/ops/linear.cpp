#include "core/ops/linear.h"

#include <cblas.h>
#include <omp.h>

#include <algorithm>
#include <mutex>

#include "core/error.h"

namespace basin {
namespace {

using RowMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// Rows per GEMM block: at least 4 blocks (so both threads get work), an even number of blocks
// of at most 512 rows, in multiples of 16. A function of the rows alone: the rounding must not
// depend on the thread count. Large blocks matter for transformers (thousands of token rows):
// the GEMM packs the weight once per block, which with 16-row blocks cost more than the products;
// an even count keeps two threads equally busy (4,160 tokens: 10 x 416 rows, not 9 x 512).
int64_t rowsPerBlock(int64_t rows) {
  int64_t blocks = std::max<int64_t>(4, (rows + 511) / 512);
  blocks += blocks % 2;
  const int64_t perBlock = ((rows + blocks - 1) / blocks + 15) / 16 * 16;
  return std::clamp<int64_t>(perBlock, 16, 512);
}

// Basin's threads run the blocks; OpenBLAS computes each on the thread that calls it. Set once
// for the process (OpenBLAS's own setting, which OPENBLAS_NUM_THREADS would otherwise decide).
void singleThreadedBlas() {
  static std::once_flag once;
  std::call_once(once, [] { openblas_set_num_threads(1); });
}

int64_t inFeatures(const Tensor& input, int64_t outFeatures) {
  if (input.rank() < 2 || outFeatures < 1 || input.dim(input.rank() - 1) < 1)
    throw ShapeError("linear layer expects N x ... x features input, got " +
                     toString(input.shape()));
  return input.dim(input.rank() - 1);
}

// The input's shape with the last axis `outFeatures` long.
Shape outputShape(const Tensor& input, int64_t outFeatures) {
  Shape s = input.shape();
  s.back() = outFeatures;
  return s;
}

}  // namespace

void linearNaive(const Tensor& input, const float* weight, const float* bias, int64_t outFeatures,
                 bool relu, Tensor& output) {
  const int64_t F = inFeatures(input, outFeatures), N = input.size() / F;
  output.resize(outputShape(input, outFeatures));
  for (int64_t n = 0; n < N; ++n)
    for (int64_t o = 0; o < outFeatures; ++o) {
      double sum = bias ? bias[o] : 0.0;
      for (int64_t f = 0; f < F; ++f) sum += double(input[n * F + f]) * weight[o * F + f];
      const float v = static_cast<float>(sum);
      output[n * outFeatures + o] = relu ? std::max(v, 0.0f) : v;
    }
}

void linear(const Tensor& input, const float* weight, const float* bias, int64_t outFeatures,
            bool relu, Tensor& output, int threads) {
  const int64_t F = inFeatures(input, outFeatures), N = input.size() / F;
  output.resize(outputShape(input, outFeatures));
  // Row blocks fixed by N: Eigen's blocking (and so the rounding) must not depend on `threads`.
  const int64_t rows = rowsPerBlock(N), blocks = (N + rows - 1) / rows;
  // One OpenBLAS product per block, each on the calling thread: y = bias + x w^T.
  singleThreadedBlas();
#pragma omp parallel for num_threads(threads) schedule(static) if (threads > 1)
  for (int64_t b = 0; b < blocks; ++b) {
    const int64_t n0 = b * rows, count = std::min(rows, N - n0);
    if (count <= 0) continue;
    Eigen::Map<RowMatrix> y(output.data() + n0 * outFeatures, count, outFeatures);
    if (bias) {
      y.rowwise() = Eigen::Map<const Eigen::RowVectorXf>(bias, outFeatures);
    } else {
      y.setZero();
    }
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, static_cast<blasint>(count),
                static_cast<blasint>(outFeatures), static_cast<blasint>(F), 1.0f,
                input.data() + n0 * F, static_cast<blasint>(F), weight, static_cast<blasint>(F),
                1.0f, y.data(), static_cast<blasint>(outFeatures));
    if (relu) y = y.cwiseMax(0.0f);
  }
}

}  // namespace basin
