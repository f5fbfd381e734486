#include "core/ops/conv2d.h"

#include <omp.h>

#include <algorithm>

#include "core/error.h"
#include "core/ops/conv2d_direct.h"
#include "core/ops/conv2d_grouped.h"
#include "core/ops/conv2d_small_map.h"
#include "core/ops/conv2d_winograd.h"

namespace basin {
namespace {

using RowMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// GEMM column count per chunk: enough columns for an efficient GEMM on the small late layers,
// few enough that one chunk's buffers stay near the cache.
constexpr int64_t kTargetColumns = 512;

void checkInput(const Tensor& input, const Conv2dGeometry& g) {
  if (input.rank() != 4 || input.dim(1) != g.inChannels)
    throw ShapeError("conv2d expects N x " + std::to_string(g.inChannels) + " x H x W input, got " +
                     toString(input.shape()));
  if (g.groups < 1 || g.inChannels % g.groups || g.outChannels % g.groups)
    throw ShapeError(std::to_string(g.groups) + " groups do not divide " +
                     std::to_string(g.inChannels) + " input and " + std::to_string(g.outChannels) +
                     " output channels");
}

// Writes one image's patches as rows (ci, ky, kx) of a K x rowStride matrix, at column offset 0.
void im2col(const float* image, const Conv2dGeometry& g, int64_t H, int64_t W, int64_t Ho,
            int64_t Wo, float* col, int64_t rowStride) {
  const int64_t dH = g.dilationH, dW = g.dilationW;
  for (int64_t ci = 0; ci < g.inChannels; ++ci) {
    const float* plane = image + ci * H * W;
    for (int64_t ky = 0; ky < g.kernelH; ++ky) {
      for (int64_t kx = 0; kx < g.kernelW; ++kx) {
        float* row = col + ((ci * g.kernelH + ky) * g.kernelW + kx) * rowStride;
        // Output columns whose input column lies inside the image.
        int64_t x0 = 0;
        while (x0 < Wo && x0 * g.strideW - g.padW + kx * dW < 0) ++x0;
        int64_t x1 = Wo;
        while (x1 > x0 && (x1 - 1) * g.strideW - g.padW + kx * dW >= W) --x1;
        for (int64_t oy = 0; oy < Ho; ++oy) {
          float* dst = row + oy * Wo;
          const int64_t iy = oy * g.strideH - g.padH + ky * dH;
          if (iy < 0 || iy >= H) {
            for (int64_t ox = 0; ox < Wo; ++ox) dst[ox] = 0.0f;
            continue;
          }
          // Plain loops rather than memcpy/memset calls: rows are short (8-32 values).
          for (int64_t ox = 0; ox < x0; ++ox) dst[ox] = 0.0f;
          const float* src = plane + iy * W - g.padW + kx * dW;
          if (g.strideW == 1) {
            for (int64_t ox = x0; ox < x1; ++ox) dst[ox] = src[ox];
          } else {
            for (int64_t ox = x0; ox < x1; ++ox) dst[ox] = src[ox * g.strideW];
          }
          for (int64_t ox = x1; ox < Wo; ++ox) dst[ox] = 0.0f;
        }
      }
    }
  }
}

}  // namespace

int64_t convOutputExtent(int64_t in, int64_t kernel, int64_t stride, int64_t pad,
                         int64_t dilation) {
  const int64_t span = dilation >= 1 && kernel >= 1 ? dilation * (kernel - 1) + 1 : 0;
  if (stride < 1 || span < 1 || pad < 0 || in + 2 * pad < span)
    throw ShapeError("convolution kernel " + std::to_string(kernel) + " (stride " +
                     std::to_string(stride) + ", padding " + std::to_string(pad) +
                     (dilation != 1 ? ", dilation " + std::to_string(dilation) : "") +
                     ") does not fit an input extent of " + std::to_string(in));
  return (in + 2 * pad - span) / stride + 1;
}

int64_t preparedFilterFloats(const Conv2dGeometry& g, int64_t outH, int64_t outW) {
  if (winogradTile(g, outH, outW)) return winogradFilterFloats(g, outH, outW);
  if (conv2dSmallMapApplies(g, outH, outW))
    return g.outChannels * g.inChannels * g.kernelH * g.kernelW;
  return 0;
}

void prepareFilters(const float* weight, const Conv2dGeometry& g, int64_t outH, int64_t outW,
                    float* out) {
  if (winogradTile(g, outH, outW)) {
    winogradTransformFilters(weight, g, outH, outW, out);
  } else if (conv2dSmallMapApplies(g, outH, outW)) {
    smallMapArrangeFilters(weight, g, out);
  }
}

int64_t conv2dFlops(const Conv2dGeometry& g, int64_t outH, int64_t outW) {
  return 2 * g.outChannels * (g.inChannels / std::max<int64_t>(g.groups, 1)) * g.kernelH *
         g.kernelW * outH * outW;
}

void conv2dNaive(const Tensor& input, const float* weight, const Conv2dGeometry& g,
                 const ConvEpilogue& epilogue, Tensor& output) {
  checkInput(input, g);
  const int64_t N = input.dim(0), C = g.inChannels, H = input.dim(2), W = input.dim(3);
  const int64_t Ho = convOutputExtent(H, g.kernelH, g.strideH, g.padH, g.dilationH);
  const int64_t Wo = convOutputExtent(W, g.kernelW, g.strideW, g.padW, g.dilationW);
  const int64_t Cg = C / g.groups, perGroup = g.outChannels / g.groups;
  output.resize({N, g.outChannels, Ho, Wo});
  for (int64_t n = 0; n < N; ++n)
    for (int64_t co = 0; co < g.outChannels; ++co)
      for (int64_t oy = 0; oy < Ho; ++oy)
        for (int64_t ox = 0; ox < Wo; ++ox) {
          double sum = 0.0;
          for (int64_t cl = 0; cl < Cg; ++cl)
            for (int64_t ky = 0; ky < g.kernelH; ++ky)
              for (int64_t kx = 0; kx < g.kernelW; ++kx) {
                const int64_t iy = oy * g.strideH - g.padH + ky * g.dilationH;
                const int64_t ix = ox * g.strideW - g.padW + kx * g.dilationW;
                if (iy < 0 || iy >= H || ix < 0 || ix >= W) continue;
                const int64_t ci = co / perGroup * Cg + cl;
                sum += double(input[((n * C + ci) * H + iy) * W + ix]) *
                       weight[((co * Cg + cl) * g.kernelH + ky) * g.kernelW + kx];
              }
          const int64_t index = ((n * g.outChannels + co) * Ho + oy) * Wo + ox;
          output[index] = epilogue.apply(static_cast<float>(sum), co, index);
        }
}

void conv2d(const Tensor& input, const float* weight, const Conv2dGeometry& g,
            const ConvEpilogue& epilogue, Tensor& output, Workspace& workspace, int threads,
            const float* preparedFilters) {
  checkInput(input, g);
  const int64_t N = input.dim(0), C = g.inChannels, H = input.dim(2), W = input.dim(3);
  const int64_t Ho = convOutputExtent(H, g.kernelH, g.strideH, g.padH, g.dilationH);
  const int64_t Wo = convOutputExtent(W, g.kernelW, g.strideW, g.padW, g.dilationW);
  const int64_t Cout = g.outChannels, K = C * g.kernelH * g.kernelW, P = Ho * Wo;
  output.resize({N, Cout, Ho, Wo});
  if (N == 0) return;
  if (g.groups > 1) {
    conv2dGrouped(input, weight, g, epilogue, output, workspace, threads);
    return;
  }
  if (winogradTile(g, Ho, Wo)) {
    conv2dWinograd(input, weight, preparedFilters, g, epilogue, output, workspace, threads);
    // Its fused output pass knows ReLU only: the cap is one more pass.
    if (epilogue.relu && epilogue.upper < std::numeric_limits<float>::infinity())
      for (float& v : output.values()) v = std::min(v, epilogue.upper);
    return;
  }
  if (conv2dSmallMapApplies(g, Ho, Wo)) {
    conv2dSmallMap(input, weight, preparedFilters, g, epilogue, output, workspace, threads);
    return;
  }
  if (conv2dDirectApplies(g)) {
    conv2dDirect(input, weight, g, epilogue, output, workspace, threads);
    return;
  }
  // A 1x1, stride-1, unpadded convolution reads the image itself as its patch matrix.
  const bool direct = g.kernelH == 1 && g.kernelW == 1 && g.strideH == 1 && g.strideW == 1 &&
                      g.padH == 0 && g.padW == 0;
  const int64_t perChunk = direct ? 1 : std::clamp<int64_t>(kTargetColumns / P, 1, N);
  const int64_t chunks = (N + perChunk - 1) / perChunk;
  const int64_t columns = perChunk * P;
  workspace.reserve(threads, (direct ? 0 : K * columns) + (perChunk > 1 ? Cout * columns : 0));

  const float* in = input.data();
  float* out = output.data();
#pragma omp parallel for num_threads(threads) schedule(static) if (threads > 1)
  for (int64_t chunk = 0; chunk < chunks; ++chunk) {
    float* scratch = workspace.scratch(omp_get_thread_num());
    const int64_t n0 = chunk * perChunk, count = std::min(perChunk, N - n0);
    const int64_t cols = count * P;
    const float* patches = in + n0 * C * H * W;
    // One image per chunk: its GEMM result already is the image's NCHW output.
    float* product = count == 1 ? out + n0 * Cout * P : scratch + (direct ? 0 : K * columns);
    if (!direct) {
      float* col = scratch;
      for (int64_t j = 0; j < count; ++j)
        im2col(in + (n0 + j) * C * H * W, g, H, W, Ho, Wo, col + j * P, cols);
      patches = col;
    }
    Eigen::Map<const RowMatrix> w(weight, Cout, K);
    Eigen::Map<const RowMatrix> x(patches, K, cols);
    Eigen::Map<RowMatrix> y(product, Cout, cols);
    y.noalias() = w * x;
    for (int64_t j = 0; j < count; ++j)
      for (int64_t co = 0; co < Cout; ++co) {
        const int64_t base = ((n0 + j) * Cout + co) * P;
        finishRow(
            product + co * cols + j * P, out + base, P, epilogue.bias ? epilogue.bias[co] : 0.0f,
            epilogue.residual ? epilogue.residual + base : nullptr, epilogue.relu, epilogue.upper);
      }
  }
}

}  // namespace basin
