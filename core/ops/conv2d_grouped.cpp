#include "core/ops/conv2d_grouped.h"

#include <omp.h>

#include <algorithm>

#include "core/ops/conv2d_direct.h"

namespace basin {
namespace {

void depthwise(const Tensor& input, const float* weight, const Conv2dGeometry& g,
               const ConvEpilogue& epilogue, Tensor& output, Workspace& workspace, int threads) {
  const int64_t N = input.dim(0), C = input.dim(1), H = input.dim(2), W = input.dim(3);
  const int64_t Ho = output.dim(2), Wo = output.dim(3);
  const int64_t Hp = H + 2 * g.padH, Wp = W + 2 * g.padW, taps = g.kernelH * g.kernelW;
  // The padded plane's zero border is the same for every plane of this shape: zeroed once per
  // layout (Workspace::kept), then only the interior is copied per plane.
  const size_t floats = static_cast<size_t>(Hp * Wp);
  workspace.reserveKept(threads, floats);
  const Workspace::Layout layout = {3, H, W, g.padH, g.padW};
  const float* in = input.data();
  float* out = output.data();
#pragma omp parallel for num_threads(threads) schedule(static) if (threads > 1)
  for (int64_t plane = 0; plane < N * C; ++plane) {
    const int64_t c = plane % C;
    float* padded = workspace.kept(omp_get_thread_num(), floats, layout);
    for (int64_t y = 0; y < H; ++y)
      std::copy_n(in + (plane * H + y) * W, W, padded + (y + g.padH) * Wp + g.padW);
    const float* w = weight + c * taps;
    for (int64_t oy = 0; oy < Ho; ++oy) {
      float* row = out + (plane * Ho + oy) * Wo;
      std::fill(row, row + Wo, 0.0f);
      for (int64_t ky = 0; ky < g.kernelH; ++ky)
        for (int64_t kx = 0; kx < g.kernelW; ++kx) {
          const float v = w[ky * g.kernelW + kx];
          const float* src = padded + (oy * g.strideH + ky * g.dilationH) * Wp + kx * g.dilationW;
          if (g.strideW == 1) {
            for (int64_t ox = 0; ox < Wo; ++ox) row[ox] += v * src[ox];
          } else {
            for (int64_t ox = 0; ox < Wo; ++ox) row[ox] += v * src[ox * g.strideW];
          }
        }
      const int64_t at = (plane * Ho + oy) * Wo;
      finishRow(row, row, Wo, epilogue.bias ? epilogue.bias[c] : 0.0f,
                epilogue.residual ? epilogue.residual + at : nullptr, epilogue.relu);
    }
  }
}

// Copies channels [first, first + count) of every image of `from` (C channels) into channels
// [to, to + count) of `into` (D channels); planes of P values.
void copyChannels(const float* from, int64_t C, int64_t first, float* into, int64_t D, int64_t to,
                  int64_t count, int64_t N, int64_t P) {
  for (int64_t n = 0; n < N; ++n)
    std::copy_n(from + (n * C + first) * P, count * P, into + (n * D + to) * P);
}

}  // namespace

void conv2dGrouped(const Tensor& input, const float* weight, const Conv2dGeometry& g,
                   const ConvEpilogue& epilogue, Tensor& output, Workspace& workspace,
                   int threads) {
  const int64_t Cg = g.inChannels / g.groups, Kg = g.outChannels / g.groups;
  if (Cg == 1 && Kg == 1) {
    depthwise(input, weight, g, epilogue, output, workspace, threads);
    return;
  }
  const int64_t N = input.dim(0), P = input.dim(2) * input.dim(3);
  const int64_t Q = output.dim(2) * output.dim(3);
  Conv2dGeometry one = g;
  one.groups = 1;
  one.inChannels = Cg;
  one.outChannels = Kg;
  Tensor part({N, Cg, input.dim(2), input.dim(3)}), result;
  for (int64_t k = 0; k < g.groups; ++k) {
    copyChannels(input.data(), g.inChannels, k * Cg, part.data(), Cg, 0, Cg, N, P);
    conv2d(part, weight + k * Kg * Cg * g.kernelH * g.kernelW, one,
           {epilogue.bias ? epilogue.bias + k * Kg : nullptr, nullptr, false}, result, workspace,
           threads);
    copyChannels(result.data(), Kg, 0, output.data(), g.outChannels, k * Kg, Kg, N, Q);
  }
  if (!epilogue.residual && !epilogue.relu) return;
  float* out = output.data();
  for (int64_t i = 0; i < output.size(); i += Q)
    finishRow(out + i, out + i, Q, 0.0f, epilogue.residual ? epilogue.residual + i : nullptr,
              epilogue.relu);
}

}  // namespace basin
