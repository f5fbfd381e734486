#include "core/ops/conv2d_small_map.h"

#include <algorithm>
#include <vector>

namespace basin {
namespace {

using RowMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using Block = Eigen::Map<RowMatrix, 0, Eigen::OuterStride<>>;
using ConstBlock = Eigen::Map<const RowMatrix, 0, Eigen::OuterStride<>>;

// Below this many output positions the direct kernel's register tiles (2-3 vectors of
// positions) are mostly empty and this kernel is faster.
constexpr int64_t kMaxPositions = 63;
// Output channels per task: tasks (output position x channel block) keep both threads busy on a
// 1 x 1 map; fixed, so that Eigen's blocking, and the rounding, do not depend on the threads.
constexpr int64_t kChannelsPerTask = 64;

struct TapRead {
  int64_t tap, inputPosition;
};

// Per output position (oy * Wo + ox), the taps that read inside the image, in kernel order:
// reads[first[p]] .. reads[first[p + 1] - 1].
struct ReadPlan {
  std::vector<TapRead> reads;
  std::vector<int64_t> first;
};

ReadPlan planReads(const Conv2dGeometry& g, int64_t H, int64_t W, int64_t Ho, int64_t Wo) {
  ReadPlan plan;
  for (int64_t oy = 0; oy < Ho; ++oy)
    for (int64_t ox = 0; ox < Wo; ++ox) {
      plan.first.push_back(static_cast<int64_t>(plan.reads.size()));
      for (int64_t ky = 0; ky < g.kernelH; ++ky) {
        const int64_t iy = oy * g.strideH - g.padH + ky * g.dilationH;
        if (iy < 0 || iy >= H) continue;
        for (int64_t kx = 0; kx < g.kernelW; ++kx) {
          const int64_t ix = ox * g.strideW - g.padW + kx * g.dilationW;
          if (ix >= 0 && ix < W) plan.reads.push_back({ky * g.kernelW + kx, iy * W + ix});
        }
      }
    }
  plan.first.push_back(static_cast<int64_t>(plan.reads.size()));
  return plan;
}

}  // namespace

bool conv2dSmallMapApplies(const Conv2dGeometry& g, int64_t outH, int64_t outW) {
  return g.groups == 1 && outH * outW <= kMaxPositions;
}

void smallMapArrangeFilters(const float* weight, const Conv2dGeometry& g, float* out) {
  const int64_t C = g.inChannels, Co = g.outChannels, taps = g.kernelH * g.kernelW;
  for (int64_t t = 0; t < taps; ++t)
    for (int64_t ci = 0; ci < C; ++ci)
      for (int64_t co = 0; co < Co; ++co)
        out[(t * C + ci) * Co + co] = weight[(co * C + ci) * taps + t];
}

void conv2dSmallMap(const Tensor& input, const float* weight, const float* arrangedFilters,
                    const Conv2dGeometry& g, const ConvEpilogue& epilogue, Tensor& output,
                    Workspace& workspace, int threads) {
  const int64_t N = input.dim(0), C = g.inChannels, H = input.dim(2), W = input.dim(3);
  const int64_t Ho = output.dim(2), Wo = output.dim(3), Co = g.outChannels;
  const int64_t inPositions = H * W, outPositions = Ho * Wo;
  const ReadPlan plan = planReads(g, H, W, Ho, Wo);

  // Position-major copies (position, image, channel) of the input and the output, except where
  // the map is 1 x 1 and the NCHW tensor already is that layout.
  // Each part starts on a 64-byte boundary: Eigen's small products round differently on
  // operands of another alignment, and results must not depend on where a buffer begins.
  auto aligned = [](int64_t floats) { return (floats + 15) / 16 * 16; };
  const int64_t filterFloats = arrangedFilters ? 0 : aligned(C * Co * g.kernelH * g.kernelW);
  const int64_t inFloats = inPositions > 1 ? aligned(N * C * inPositions) : 0;
  const int64_t outFloats = outPositions > 1 ? N * Co * outPositions : 0;
  float* area = workspace.shared(filterFloats + inFloats + outFloats, false);
  const float* filters = arrangedFilters;
  if (!filters) {
    smallMapArrangeFilters(weight, g, area);
    filters = area;
  }
  float* xs = inPositions > 1 ? area + filterFloats : nullptr;
  float* ys = outPositions > 1 ? area + filterFloats + inFloats : output.data();
  const float* x = xs ? xs : input.data();
  const float* in = input.data();
  float* out = output.data();
  const int64_t blocks = (Co + kChannelsPerTask - 1) / kChannelsPerTask;
  const int64_t tasks = outPositions * blocks;

#pragma omp parallel num_threads(threads) if (threads > 1)
  {
    if (xs) {
#pragma omp for schedule(static)
      for (int64_t n = 0; n < N; ++n)
        for (int64_t q = 0; q < inPositions; ++q)
          for (int64_t ci = 0; ci < C; ++ci)
            xs[(q * N + n) * C + ci] = in[(n * C + ci) * inPositions + q];
    }
#pragma omp for schedule(dynamic)
    for (int64_t task = 0; task < tasks; ++task) {
      const int64_t p = task / blocks, co0 = task % blocks * kChannelsPerTask;
      const int64_t width = std::min(kChannelsPerTask, Co - co0);
      Block y(ys + p * N * Co + co0, N, width, Eigen::OuterStride<>(Co));
      if (plan.first[p] == plan.first[p + 1]) y.setZero();  // every tap in the padding
      for (int64_t r = plan.first[p]; r < plan.first[p + 1]; ++r) {
        const TapRead& read = plan.reads[r];
        ConstBlock xq(x + read.inputPosition * N * C, N, C, Eigen::OuterStride<>(C));
        ConstBlock wt(filters + read.tap * C * Co + co0, C, width, Eigen::OuterStride<>(Co));
        if (r == plan.first[p]) {
          y.noalias() = xq * wt;
        } else {
          y.noalias() += xq * wt;
        }
      }
      if (outPositions == 1)
        for (int64_t n = 0; n < N; ++n)
          for (int64_t c = 0; c < width; ++c)
            y(n, c) = epilogue.apply(y(n, c), co0 + c, n * Co + co0 + c);
    }
    if (outPositions > 1) {
#pragma omp for schedule(static)
      for (int64_t n = 0; n < N; ++n)
        for (int64_t co = 0; co < Co; ++co)
          for (int64_t p = 0; p < outPositions; ++p) {
            const int64_t index = (n * Co + co) * outPositions + p;
            out[index] = epilogue.apply(ys[(p * N + n) * Co + co], co, index);
          }
    }
  }
}

}  // namespace basin
