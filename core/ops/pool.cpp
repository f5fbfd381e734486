#include "core/ops/pool.h"

#include <algorithm>
#include <limits>
#include <vector>

#include "core/error.h"

namespace basin {
namespace {

void checkInput(const Tensor& input) {
  if (input.rank() != 4)
    throw ShapeError("pooling expects N x C x H x W input, got " + toString(input.shape()));
}

// One axis of a pooling window: [begin, end) clipped to the input, and the extent that average
// pooling divides by: with count_include_pad the window inside input + padding (PyTorch counts
// padding but not the ceil overhang), else the input values it covers (never none: PyTorch's
// ceil rule drops a window that would start past the input).
struct Window {
  int64_t begin, end, divisor;
};

Window window(int64_t o, int64_t in, int64_t kernel, int64_t stride, int64_t pad,
              bool countIncludePad) {
  int64_t start = o * stride - pad;
  int64_t stop = std::min(start + kernel, in + pad);
  const int64_t padded = stop - start;
  const int64_t begin = std::max<int64_t>(start, 0), end = std::min(stop, in);
  return {begin, end, countIncludePad ? padded : end - begin};
}

template <bool Max>
void poolNaive(const Tensor& input, const Pool2dGeometry& g, Tensor& output) {
  checkInput(input);
  const int64_t N = input.dim(0), C = input.dim(1), H = input.dim(2), W = input.dim(3);
  const int64_t Ho = poolOutputExtent(H, g.kernelH, g.strideH, g.padH, g.ceilMode);
  const int64_t Wo = poolOutputExtent(W, g.kernelW, g.strideW, g.padW, g.ceilMode);
  output.resize({N, C, Ho, Wo});
  for (int64_t plane = 0; plane < N * C; ++plane)
    for (int64_t oy = 0; oy < Ho; ++oy)
      for (int64_t ox = 0; ox < Wo; ++ox) {
        const Window wy = window(oy, H, g.kernelH, g.strideH, g.padH, g.countIncludePad);
        const Window wx = window(ox, W, g.kernelW, g.strideW, g.padW, g.countIncludePad);
        double acc = Max ? -std::numeric_limits<double>::infinity() : 0.0;
        for (int64_t y = wy.begin; y < wy.end; ++y)
          for (int64_t x = wx.begin; x < wx.end; ++x) {
            const double v = input[(plane * H + y) * W + x];
            acc = Max ? std::max(acc, v) : acc + v;
          }
        if (!Max) acc /= double(wy.divisor * wx.divisor);
        output[(plane * Ho + oy) * Wo + ox] = static_cast<float>(acc);
      }
}

template <bool Max>
void poolFast(const Tensor& input, const Pool2dGeometry& g, Tensor& output, int threads) {
  checkInput(input);
  const int64_t N = input.dim(0), C = input.dim(1), H = input.dim(2), W = input.dim(3);
  const int64_t Ho = poolOutputExtent(H, g.kernelH, g.strideH, g.padH, g.ceilMode);
  const int64_t Wo = poolOutputExtent(W, g.kernelW, g.strideW, g.padW, g.ceilMode);
  output.resize({N, C, Ho, Wo});
  std::vector<Window> rows(Ho), cols(Wo);
  for (int64_t o = 0; o < Ho; ++o)
    rows[o] = window(o, H, g.kernelH, g.strideH, g.padH, g.countIncludePad);
  for (int64_t o = 0; o < Wo; ++o)
    cols[o] = window(o, W, g.kernelW, g.strideW, g.padW, g.countIncludePad);
  const float* in = input.data();
  float* out = output.data();
#pragma omp parallel for num_threads(threads) schedule(static) if (threads > 1)
  for (int64_t plane = 0; plane < N * C; ++plane) {
    const float* src = in + plane * H * W;
    float* dst = out + plane * Ho * Wo;
    for (int64_t oy = 0; oy < Ho; ++oy)
      for (int64_t ox = 0; ox < Wo; ++ox) {
        const Window& wy = rows[oy];
        const Window& wx = cols[ox];
        float acc = Max ? -std::numeric_limits<float>::infinity() : 0.0f;
        for (int64_t y = wy.begin; y < wy.end; ++y)
          for (int64_t x = wx.begin; x < wx.end; ++x)
            acc = Max ? std::max(acc, src[y * W + x]) : acc + src[y * W + x];
        dst[oy * Wo + ox] = Max ? acc : acc / float(wy.divisor * wx.divisor);
      }
  }
}

}  // namespace

int64_t poolOutputExtent(int64_t in, int64_t kernel, int64_t stride, int64_t pad, bool ceilMode) {
  if (kernel < 1 || stride < 1 || pad < 0 || 2 * pad > kernel || in + 2 * pad < kernel)
    throw ShapeError("pooling window " + std::to_string(kernel) + " (stride " +
                     std::to_string(stride) + ", padding " + std::to_string(pad) +
                     ") does not fit an input extent of " + std::to_string(in));
  const int64_t span = in + 2 * pad - kernel;
  int64_t out = (ceilMode ? (span + stride - 1) / stride : span / stride) + 1;
  if (ceilMode && (out - 1) * stride >= in + pad) --out;
  return out;
}

void maxPool2dNaive(const Tensor& input, const Pool2dGeometry& g, Tensor& output) {
  poolNaive<true>(input, g, output);
}
void avgPool2dNaive(const Tensor& input, const Pool2dGeometry& g, Tensor& output) {
  poolNaive<false>(input, g, output);
}
void maxPool2d(const Tensor& input, const Pool2dGeometry& g, Tensor& output, int threads) {
  poolFast<true>(input, g, output, threads);
}
void avgPool2d(const Tensor& input, const Pool2dGeometry& g, Tensor& output, int threads) {
  poolFast<false>(input, g, output, threads);
}

void globalAvgPoolNaive(const Tensor& input, Tensor& output) {
  checkInput(input);
  const int64_t N = input.dim(0), C = input.dim(1), HW = input.dim(2) * input.dim(3);
  output.resize({N, C});
  for (int64_t plane = 0; plane < N * C; ++plane) {
    double sum = 0.0;
    for (int64_t i = 0; i < HW; ++i) sum += input[plane * HW + i];
    output[plane] = static_cast<float>(sum / double(HW));
  }
}

void globalAvgPool(const Tensor& input, Tensor& output, int threads) {
  checkInput(input);
  const int64_t N = input.dim(0), C = input.dim(1), HW = input.dim(2) * input.dim(3);
  output.resize({N, C});
  const float* in = input.data();
  float* out = output.data();
#pragma omp parallel for num_threads(threads) schedule(static) if (threads > 1)
  for (int64_t plane = 0; plane < N * C; ++plane) {
    float sum = 0.0f;
    for (int64_t i = 0; i < HW; ++i) sum += in[plane * HW + i];
    out[plane] = sum / float(HW);
  }
}

}  // namespace basin
