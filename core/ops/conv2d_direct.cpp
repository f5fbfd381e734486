#include "core/ops/conv2d_direct.h"

#include <omp.h>

#include <Eigen/Core>
#include <algorithm>
#include <vector>

#include "core/ops/phase_shuffle.h"

namespace basin {
namespace {

using Packet = Eigen::internal::packet_traits<float>::type;
constexpr int kLanes = static_cast<int>(sizeof(Packet) / sizeof(float));
// Output channels x vectors of positions per register tile: 24 accumulators with AVX-512's 32
// registers, 12 with AVX2's 16.
constexpr int kChannels = kLanes >= 16 ? 8 : 4;
constexpr int kVectors = 3;
constexpr int kTileWidth = kVectors * kLanes;

// One tile: kChannels output rows x kTileWidth positions starting at q0.
// `in` is the padded image, `taps` the offsets of the kernel taps on the padded grid, `w` the
// weights of this channel block laid out [ci][tap][kChannels].
inline void tile(const float* in, int64_t plane, const int64_t* taps, int64_t tapCount,
                 int64_t inChannels, const float* w, float* out, int64_t rowStride, int64_t q0,
                 int64_t rows) {
  using namespace Eigen::internal;
  Packet acc[kChannels][kVectors];
  for (auto& row : acc)
    for (auto& a : row) a = pset1<Packet>(0.0f);
  for (int64_t ci = 0; ci < inChannels; ++ci) {
    const float* base = in + ci * plane + q0;
    for (int64_t t = 0; t < tapCount; ++t) {
      const float* src = base + taps[t];
      Packet x[kVectors];
      for (int v = 0; v < kVectors; ++v) x[v] = ploadu<Packet>(src + v * kLanes);
      const float* wt = w + (ci * tapCount + t) * kChannels;
      for (int c = 0; c < kChannels; ++c) {
        const Packet b = pset1<Packet>(wt[c]);
        for (int v = 0; v < kVectors; ++v) acc[c][v] = pmadd(x[v], b, acc[c][v]);
      }
    }
  }
  for (int64_t c = 0; c < rows; ++c)
    for (int v = 0; v < kVectors; ++v) pstoreu(out + c * rowStride + q0 + v * kLanes, acc[c][v]);
}

}  // namespace

bool conv2dDirectApplies(const Conv2dGeometry& g) {
  // 1x1 kernels are a plain GEMM (stride 1) or read a quarter of the image (stride 2): conv2d's
  // GEMM path does better there.
  const bool pointwise = g.kernelH == 1 && g.kernelW == 1;
  return g.strideH <= 2 && g.strideW <= 2 && !pointwise && g.kernelW <= 7 && g.kernelH <= 7 &&
         g.groups == 1 && g.dilationH == 1 && g.dilationW == 1;
}

void finishRow(const float* src, float* dst, int64_t n, float bias, const float* residual,
               bool relu, float upper) {
  if (relu && upper < std::numeric_limits<float>::infinity()) {
    for (int64_t p = 0; p < n; ++p)
      dst[p] = std::min(std::max(src[p] + bias + (residual ? residual[p] : 0.0f), 0.0f), upper);
  } else if (residual) {
    if (relu) {
      for (int64_t p = 0; p < n; ++p) dst[p] = std::max(src[p] + bias + residual[p], 0.0f);
    } else {
      for (int64_t p = 0; p < n; ++p) dst[p] = src[p] + bias + residual[p];
    }
  } else if (relu) {
    for (int64_t p = 0; p < n; ++p) dst[p] = std::max(src[p] + bias, 0.0f);
  } else {
    for (int64_t p = 0; p < n; ++p) dst[p] = src[p] + bias;
  }
}

void conv2dDirect(const Tensor& input, const float* weight, const Conv2dGeometry& g,
                  const ConvEpilogue& epilogue, Tensor& output, Workspace& workspace, int threads) {
  const int64_t N = input.dim(0), C = g.inChannels, H = input.dim(2), W = input.dim(3);
  const int64_t Cout = g.outChannels, Ho = output.dim(2), Wo = output.dim(3);
  const int64_t sH = g.strideH, sW = g.strideW;
  // The zero-padded image split into sH x sW phase planes, phase (a, b) holding padded pixels
  // (sH i + a, sW j + b) at (i, j), rows S apart: every kernel tap then reads one phase at a
  // constant offset from the output position q = oy * S + ox (valid where ox < Wo). With stride
  // 1 this is the padded image itself.
  const int64_t Hp = H + 2 * g.padH, Wp = W + 2 * g.padW;
  const int64_t S = (Wp + sW - 1) / sW, phasePlane = (Hp + sH - 1) / sH * S;
  const int64_t plane = sH * sW * phasePlane;  // per input channel
  const int64_t taps = g.kernelH * g.kernelW;
  const int64_t positions = Ho * S;
  const int64_t rowStride = (positions + kTileWidth - 1) / kTileWidth * kTileWidth;
  const int64_t blocks = (Cout + kChannels - 1) / kChannels;

  std::vector<int64_t> tapOffsets;
  int64_t farthestTap = 0;
  for (int64_t ky = 0; ky < g.kernelH; ++ky)
    for (int64_t kx = 0; kx < g.kernelW; ++kx) {
      tapOffsets.push_back((ky % sH * sW + kx % sW) * phasePlane + ky / sH * S + kx / sW);
      farthestTap = std::max(farthestTap, tapOffsets.back());
    }
  // Reads run past the last plane by at most a tile and the farthest tap.
  const int64_t inputFloats = C * plane + rowStride + farthestTap;
  const int64_t outputFloats = blocks * kChannels * rowStride;
  // Weights regrouped per block of output channels as [ci][tap][kChannels], zero-filled.
  std::vector<float, Eigen::aligned_allocator<float>> packed(blocks * C * taps * kChannels, 0.0f);
  for (int64_t co = 0; co < Cout; ++co)
    for (int64_t ci = 0; ci < C; ++ci)
      for (int64_t t = 0; t < taps; ++t)
        packed[((co / kChannels * C + ci) * taps + t) * kChannels + co % kChannels] =
            weight[(co * C + ci) * taps + t];

  workspace.reserve(threads, outputFloats);
  workspace.reserveKept(threads, inputFloats);
  // Every image writes the same positions, so borders zeroed once for this layout stay zero.
  const Workspace::Layout layout = {2, C, H, W, g.padH, g.padW, sH, sW};
  const float* in = input.data();
  float* out = output.data();
#pragma omp parallel num_threads(threads) if (threads > 1)
  {
    float* padded = workspace.kept(omp_get_thread_num(), inputFloats, layout);
    float* grid = workspace.scratch(omp_get_thread_num());
#pragma omp for schedule(static)
    for (int64_t n = 0; n < N; ++n) {
      for (int64_t c = 0; c < C; ++c)
        for (int64_t y = 0; y < H; ++y) {
          const float* src = in + ((n * C + c) * H + y) * W;
          const int64_t py = y + g.padH;
          float* row = padded + c * plane + py % sH * sW * phasePlane + py / sH * S;
          if (sW == 1) {
            for (int64_t x = 0; x < W; ++x) row[g.padW + x] = src[x];
          } else {
            // sW == 2: value x goes to phase (x + padW) % 2 at column (x + padW) / 2.
            float* const to[2] = {row + g.padW % 2 * phasePlane + g.padW / 2,
                                  row + (g.padW + 1) % 2 * phasePlane + (g.padW + 1) / 2};
            for (int64_t x = phases::splitRow<2>(src, W, to); x < W; ++x) {
              const int64_t px = x + g.padW;
              row[(px & 1) * phasePlane + (px >> 1)] = src[x];
            }
          }
        }
      for (int64_t b = 0; b < blocks; ++b) {
        const int64_t rows = std::min<int64_t>(kChannels, Cout - b * kChannels);
        float* blockOut = grid + b * kChannels * rowStride;
        const float* w = packed.data() + b * C * taps * kChannels;
        for (int64_t q0 = 0; q0 < rowStride; q0 += kTileWidth)
          tile(padded, plane, tapOffsets.data(), taps, C, w, blockOut, rowStride, q0, rows);
      }
      for (int64_t co = 0; co < Cout; ++co) {
        const float bias = epilogue.bias ? epilogue.bias[co] : 0.0f;
        for (int64_t oy = 0; oy < Ho; ++oy) {
          const int64_t at = ((n * Cout + co) * Ho + oy) * Wo;
          finishRow(grid + co * rowStride + oy * S, out + at, Wo, bias,
                    epilogue.residual ? epilogue.residual + at : nullptr, epilogue.relu,
                    epilogue.upper);
        }
      }
    }
  }
}

}  // namespace basin
