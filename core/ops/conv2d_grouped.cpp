#include "core/ops/conv2d_grouped.h"

#include <omp.h>

#include <Eigen/Core>
#include <algorithm>

#include "core/ops/conv2d_direct.h"

namespace basin {
namespace {

using Packet = Eigen::internal::packet_traits<float>::type;
constexpr int64_t kLanes = static_cast<int64_t>(sizeof(Packet) / sizeof(float));
// Output rows up to this width run the channel-vectorized kernel: a row of 1-8 values leaves the
// plane kernel's vectors mostly empty (MobileNetV2 at 32 x 32 has its depthwise layers on
// 8 x 8 to 1 x 1 maps).
constexpr int64_t kMaxNarrowWidth = 8;

// Depthwise convolution of kLanes channels at a time, each lane one channel: the block's padded
// planes interleaved as [y][x][lane], every tap one fused multiply-add of whole vectors, the
// results de-interleaved into the output planes with the epilogue.
void depthwiseNarrow(const Tensor& input, const float* weight, const Conv2dGeometry& g,
                     const ConvEpilogue& epilogue, Tensor& output, Workspace& workspace,
                     int threads) {
  using namespace Eigen::internal;
  const int64_t N = input.dim(0), C = input.dim(1), H = input.dim(2), W = input.dim(3);
  const int64_t Ho = output.dim(2), Wo = output.dim(3), P = Ho * Wo;
  const int64_t Hp = H + 2 * g.padH, Wp = W + 2 * g.padW, taps = g.kernelH * g.kernelW;
  const int64_t blocks = (C + kLanes - 1) / kLanes;
  const size_t paddedFloats = static_cast<size_t>(Hp * Wp * kLanes);
  workspace.reserveKept(threads, paddedFloats);  // zero border kept between blocks
  workspace.reserve(threads, static_cast<size_t>((P + taps) * kLanes));
  const Workspace::Layout layout = {4, H, W, g.padH, g.padW, kLanes};
  const float* in = input.data();
  float* out = output.data();
#pragma omp parallel for num_threads(threads) schedule(static) if (threads > 1)
  for (int64_t job = 0; job < N * blocks; ++job) {
    const int thread = omp_get_thread_num();
    const int64_t n = job / blocks, c0 = job % blocks * kLanes;
    const int64_t lanes = std::min(kLanes, C - c0);
    float* padded = workspace.kept(thread, paddedFloats, layout);
    float* result = workspace.scratch(thread);
    float* w = result + P * kLanes;
    for (int64_t l = 0; l < kLanes; ++l)
      for (int64_t t = 0; t < taps; ++t)
        w[t * kLanes + l] = l < lanes ? weight[(c0 + l) * taps + t] : 0.0f;
    for (int64_t l = 0; l < lanes; ++l) {
      const float* plane = in + ((n * C + c0 + l) * H) * W;
      for (int64_t y = 0; y < H; ++y)
        for (int64_t x = 0; x < W; ++x)
          padded[((y + g.padH) * Wp + x + g.padW) * kLanes + l] = plane[y * W + x];
    }
    for (int64_t oy = 0; oy < Ho; ++oy)
      for (int64_t ox = 0; ox < Wo; ++ox) {
        Packet acc = pset1<Packet>(0.0f);
        for (int64_t ky = 0; ky < g.kernelH; ++ky) {
          const float* row =
              padded + ((oy * g.strideH + ky * g.dilationH) * Wp + ox * g.strideW) * kLanes;
          for (int64_t kx = 0; kx < g.kernelW; ++kx)
            acc = pmadd(ploadu<Packet>(row + kx * g.dilationW * kLanes),
                        ploadu<Packet>(w + (ky * g.kernelW + kx) * kLanes), acc);
        }
        pstoreu(result + (oy * Wo + ox) * kLanes, acc);
      }
    for (int64_t l = 0; l < lanes; ++l) {
      const int64_t at = (n * C + c0 + l) * P;
      float* o = out + at;
      for (int64_t p = 0; p < P; ++p) o[p] = result[p * kLanes + l];
      finishRow(o, o, P, epilogue.bias ? epilogue.bias[c0 + l] : 0.0f,
                epilogue.residual ? epilogue.residual + at : nullptr, epilogue.relu,
                epilogue.upper);
    }
  }
}

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
                epilogue.residual ? epilogue.residual + at : nullptr, epilogue.relu,
                epilogue.upper);
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
    if (output.dim(3) <= kMaxNarrowWidth) {
      depthwiseNarrow(input, weight, g, epilogue, output, workspace, threads);
    } else {
      depthwise(input, weight, g, epilogue, output, workspace, threads);
    }
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
              epilogue.relu, epilogue.upper);
}

}  // namespace basin
