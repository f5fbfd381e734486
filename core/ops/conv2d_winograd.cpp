#include "core/ops/conv2d_winograd.h"

#include <omp.h>

#include <Eigen/Core>
#include <algorithm>
#include <vector>

#include "core/ops/conv2d_direct.h"
#include "core/ops/phase_shuffle.h"
#include "core/ops/winograd_transforms.h"

namespace basin {
namespace {

using winograd::HalfPacket;
using winograd::Packet;
using winograd::Transforms;
constexpr int64_t kLanes = static_cast<int64_t>(sizeof(Packet) / sizeof(float));

// Tile columns per chunk: the chunk's transformed inputs stay in the core's L2.
constexpr int64_t kTargetTiles = 256;
// Register tile of the products: output channels x vectors of tile columns (24 accumulators
// with AVX-512's 32 registers, 12 with AVX2's 16), as in the direct kernel.
constexpr int64_t kChannels = kLanes >= 16 ? 8 : 4;
// F(4x4)'s 36 products of a 3-vector tile would not fit L1 (55 KB) before the output
// transform reads them back: it uses 2 vectors (37 KB); F(2x2) 3 (25 KB).
template <int M>
constexpr int64_t kVectors = M == 4 ? 2 : 3;
template <int M>
constexpr int64_t kBlockColumns = kVectors<M>* kLanes;

// F(4x4, 3x3) needs 4x fewer multiplications than the direct sum, F(2x2, 3x3) 2.25x, but its
// transforms cost more per tile, and its 4x4 tiles leave more of the tile grid empty on small
// images (see TileGrid). Measured per surface point (1,000 images, 2 threads): F(4x4) on 32 x 32
// layers makes ResNet-20-noshort 8 % faster; on 16 x 16 layers too, no faster; on
// DenseNet-BC's 12-output layers, 10 % slower. Hence 32 x 32 and up, 16 outputs and up.
constexpr int64_t kMinExtentForLargeTiles = 32;
constexpr int64_t kMinOutputsForLargeTiles = 16;
// Below 8 x 8 outputs an image has at most 4 F(2x2) tiles and the transforms cost more than
// they save: torchvision's ResNet-18 at 32 x 32 (3x3 layers of 128-512 channels on 4 x 4 to
// 1 x 1 maps) runs faster through conv2d's GEMM over several images.
constexpr int64_t kMinWinogradPositions = 64;

int64_t filterBlocks(const Conv2dGeometry& g) {
  return (g.outChannels + kChannels - 1) / kChannels;
}

// One image on the tile grid of F(MxM, 3x3): tiles of (M + 2)^2 inputs, M apart. The
// zero-padded image is kept as M x M phase planes P[rho][gamma][i][j] = padded[Mi + rho][Mj +
// gamma] with row stride S = tilesW + 1, so that tile (i, j) reads each plane at flat index
// f = i * S + j and f + 1, f + S, f + S + 1. Transforms then run over f in whole SIMD vectors;
// f = i * S + tilesW is a padding column whose results are computed and ignored (S / tilesW more
// GEMM columns: 1.25x for 4 tiles a row, 1.5x for 2).
struct TileGrid {
  int64_t tilesH, tilesW, stride;  // stride S
  int64_t flat;                    // tilesH * S: columns per image in V and M
  int64_t plane;                   // floats per phase plane, with room for reads past the end
};

TileGrid tileGrid(int64_t Ho, int64_t Wo, int64_t M) {
  TileGrid g;
  g.tilesH = (Ho + M - 1) / M;
  g.tilesW = (Wo + M - 1) / M;
  g.stride = g.tilesW + 1;
  g.flat = g.tilesH * g.stride;
  g.plane = ((g.tilesH + 1) * g.stride + 3 * kLanes) / kLanes * kLanes;  // whole vectors
  return g;
}

// U = G g G^T for every filter g = weight[k][c], laid out [xi][k / kChannels][c][k % kChannels]
// for the product kernel (`u` zero-filled, K rounded up to whole blocks). Computed filter by
// filter into `t` ([k][c][xi], contiguous), then regrouped: writing the xi streams directly
// would thrash L1.
template <int M>
void transformFilters(const float* weight, int64_t K, int64_t C, float* t, float* u) {
  constexpr int N = M + 2;
  for (int64_t f = 0; f < K * C; ++f) {
    const float* g = weight + f * 9;
    double gg[N][3];  // G g, column by column
    for (int col = 0; col < 3; ++col) {
      const double taps[3] = {g[col], g[3 + col], g[6 + col]};
      double out[N];
      Transforms<M>::filter(taps, out);
      for (int row = 0; row < N; ++row) gg[row][col] = out[row];
    }
    for (int row = 0; row < N; ++row) {  // (G g) G^T
      double out[N];
      Transforms<M>::filter(gg[row], out);
      for (int col = 0; col < N; ++col) t[f * N * N + row * N + col] = static_cast<float>(out[col]);
    }
  }
  const int64_t blocks = (K + kChannels - 1) / kChannels;
  for (int xi = 0; xi < N * N; ++xi)
    for (int64_t b = 0; b < blocks; ++b)
      for (int64_t c = 0; c < C; ++c) {
        float* out = u + ((xi * blocks + b) * C + c) * kChannels;
        for (int64_t ch = 0; ch < kChannels && b * kChannels + ch < K; ++ch)
          out[ch] = t[((b * kChannels + ch) * C + c) * N * N + xi];
      }
}

// Scatters one image into its channels' phase planes. Every image writes the same positions, so
// the borders, zeroed once, stay zero.
template <int M>
void padImage(const float* image, int64_t C, int64_t H, int64_t W, const TileGrid& g,
              float* planes) {
  for (int64_t c = 0; c < C; ++c)
    for (int64_t y = 0; y < H; ++y) {
      const float* src = image + (c * H + y) * W;
      float* row = planes + (c * M * M + (y + 1) % M * M) * g.plane + (y + 1) / M * g.stride;
      // Padded column x + 1 = M j + t + 1 lies in phase t + 1 at column j, the last one in
      // phase 0 at j + 1.
      float* to[M];
      for (int t = 0; t < M; ++t) to[t] = row + (t + 1) % M * g.plane + (t + 1) / M;
      for (int64_t x = phases::splitRow<M>(src, W, to); x < W; ++x)
        row[(x + 1) % M * g.plane + (x + 1) / M] = src[x];
    }
}

// V[xi][f..] = (B^T d B)[xi] for the vector of tiles from column f of one channel; `v` points
// at V[0] for this channel and image, rows of V[xi] are `xiStride` apart.
template <int M, class P>
void transformTiles(const float* planes, const TileGrid& g, int64_t f, float* v, int64_t xiStride) {
  using namespace Eigen::internal;
  constexpr int N = M + 2;
  P t[N][N];  // d B: each tile row transformed as it is loaded
#pragma GCC unroll 36
  for (int r = 0; r < N; ++r) {
    P d[N];
#pragma GCC unroll 36
    for (int s = 0; s < N; ++s)
      d[s] = ploadu<P>(planes + (r % M * M + s % M) * g.plane + f + r / M * g.stride + s / M);
    Transforms<M>::input(d, t[r]);
  }
#pragma GCC unroll 36
  for (int col = 0; col < N; ++col) {  // B^T (d B)
    P d[N], out[N];
#pragma GCC unroll 36
    for (int r = 0; r < N; ++r) d[r] = t[r][col];
    Transforms<M>::input(d, out);
#pragma GCC unroll 36
    for (int r = 0; r < N; ++r) pstoreu(v + (r * N + col) * xiStride + f, out[r]);
  }
}

// All tiles of one channel of one image, in whole vectors, the last one half as wide where
// that covers the rest (8 x 8 images have 20 columns: 16 + 8 rather than 32). Writes up to a
// vector past the image's last column (the next image, or the slack, takes it).
template <int M>
void transformInput(const float* planes, const TileGrid& g, float* v, int64_t xiStride) {
  constexpr int64_t kHalf = kLanes / 2;
  int64_t f = 0;
  for (; f + kHalf < g.flat; f += kLanes) transformTiles<M, Packet>(planes, g, f, v, xiStride);
  if (f < g.flat) transformTiles<M, HalfPacket>(planes, g, f, v, xiStride);
}

// For one block of output channels and kBlockColumns tile columns from `f0`: the (M + 2)^2
// products M[xi] = U[xi] V[xi] in registers, one xi at a time, kept in `m` (L1), then
// Y = A^T M A into the M^2 output phases y[r][s][channel][column] (rows `yStride` apart, phases
// `phaseStride`).
template <int M, int64_t kUsed>
void productAndTransformOutput(const float* u, int64_t uStride, const float* v, int64_t C,
                               int64_t vColumns, int64_t vXiStride, int64_t f0, float* m, float* y,
                               int64_t yStride, int64_t phaseStride) {
  using namespace Eigen::internal;
  constexpr int N = M + 2;
  for (int xi = 0; xi < N * N; ++xi) {
    Packet acc[kChannels][kUsed];
    for (auto& row : acc)
      for (auto& a : row) a = pset1<Packet>(0.0f);
    const float* vx = v + xi * vXiStride + f0;
    const float* ux = u + xi * uStride;
    for (int64_t c = 0; c < C; ++c) {
      Packet x[kUsed];
      for (int64_t k = 0; k < kUsed; ++k) x[k] = ploadu<Packet>(vx + c * vColumns + k * kLanes);
      for (int64_t ch = 0; ch < kChannels; ++ch) {
        const Packet w = pset1<Packet>(ux[c * kChannels + ch]);
        for (int64_t k = 0; k < kUsed; ++k) acc[ch][k] = pmadd(x[k], w, acc[ch][k]);
      }
    }
    for (int64_t ch = 0; ch < kChannels; ++ch)
      for (int64_t k = 0; k < kUsed; ++k)
        pstore(m + (xi * kChannels + ch) * kBlockColumns<M> + k * kLanes, acc[ch][k]);
  }
  for (int64_t ch = 0; ch < kChannels; ++ch)
    for (int64_t k = 0; k < kUsed; ++k) {
      Packet s[M][N];  // A^T M, column by column
#pragma GCC unroll 36
      for (int col = 0; col < N; ++col) {
        Packet q[N], out[M];
#pragma GCC unroll 36
        for (int r = 0; r < N; ++r)
          q[r] =
              pload<Packet>(m + ((r * N + col) * kChannels + ch) * kBlockColumns<M> + k * kLanes);
        Transforms<M>::output(q, out);
#pragma GCC unroll 36
        for (int r = 0; r < M; ++r) s[r][col] = out[r];
      }
      float* out = y + ch * yStride + f0 + k * kLanes;
#pragma GCC unroll 36
      for (int r = 0; r < M; ++r) {  // (A^T M) A
        Packet row[M];
        Transforms<M>::output(s[r], row);
#pragma GCC unroll 36
        for (int col = 0; col < M; ++col) pstoreu(out + (r * M + col) * phaseStride, row[col]);
      }
    }
}

// Output values x.. of one row from its M column phases, with the epilogue, as many as whole
// vectors V allow; returns where it stopped.
template <int M, class V, bool kResidual, bool kRelu>
int64_t mergeRow(const float* phaseRow, int64_t phaseStride, float bias, const float* residual,
                 float* out, int64_t x, int64_t Wo) {
  constexpr int64_t kLanesV = sizeof(V) / sizeof(float), kGroup = M * kLanesV;
  for (; x + kGroup <= Wo; x += kGroup) {
    V in[M], merged[M];
    for (int s = 0; s < M; ++s) in[s] = phases::load<V>(phaseRow + s * phaseStride + x / M);
    phases::merge<M>(in, merged);
    for (int k = 0; k < M; ++k) {
      V v = merged[k] + bias;
      if constexpr (kResidual) v += phases::load<V>(residual + x + kLanesV * k);
      if constexpr (kRelu) v = phases::relu(v);
      phases::store(out + x + kLanesV * k, v);
    }
  }
  return x;
}

// One output row from its M column phases, with the epilogue, in a single pass.
template <int M, bool kResidual, bool kRelu>
void finishInterleaved(const float* phaseRow, int64_t phaseStride, float bias,
                       const float* residual, float* out, int64_t Wo) {
  int64_t x =
      mergeRow<M, phases::V8, kResidual, kRelu>(phaseRow, phaseStride, bias, residual, out, 0, Wo);
  x = mergeRow<M, phases::V4, kResidual, kRelu>(phaseRow, phaseStride, bias, residual, out, x, Wo);
  for (; x < Wo; ++x) {
    float v = phaseRow[x % M * phaseStride + x / M] + bias;
    if constexpr (kResidual) v += residual[x];
    if constexpr (kRelu) v = std::max(v, 0.0f);
    out[x] = v;
  }
}

// Interleaves the output phases of one channel of one image into rows and applies the epilogue.
template <int M>
void finishChannel(const float* y, int64_t phaseStride, const TileGrid& g, int64_t Ho, int64_t Wo,
                   float bias, const float* residual, bool relu, float* out) {
  for (int64_t oy = 0; oy < Ho; ++oy) {
    const float* phases = y + (oy % M * M) * phaseStride + (oy / M) * g.stride;
    const float* r = residual ? residual + oy * Wo : nullptr;
    float* o = out + oy * Wo;
    if (r) {
      if (relu)
        finishInterleaved<M, true, true>(phases, phaseStride, bias, r, o, Wo);
      else
        finishInterleaved<M, true, false>(phases, phaseStride, bias, r, o, Wo);
    } else if (relu) {
      finishInterleaved<M, false, true>(phases, phaseStride, bias, r, o, Wo);
    } else {
      finishInterleaved<M, false, false>(phases, phaseStride, bias, r, o, Wo);
    }
  }
}

template <int M>
void run(const Tensor& input, const float* u, const Conv2dGeometry& g, const ConvEpilogue& epilogue,
         Tensor& output, Workspace& workspace, int threads) {
  constexpr int N = M + 2;
  const int64_t batch = input.dim(0), C = g.inChannels, H = input.dim(2), W = input.dim(3);
  const int64_t K = g.outChannels, Ho = output.dim(2), Wo = output.dim(3);
  const TileGrid grid = tileGrid(Ho, Wo, M);
  // Chunks of about kTargetTiles tiles, as many as a multiple of the threads where the batch
  // allows, so no thread waits for another's last chunk. Every output is computed the same way
  // whatever chunk it falls in, so results do not depend on the thread count.
  const int64_t target = std::clamp<int64_t>(kTargetTiles / grid.flat, 1, batch);
  int64_t chunks = (batch + target - 1) / target;
  chunks = std::min(batch, (chunks + threads - 1) / threads * threads);
  const int64_t perChunk = (batch + chunks - 1) / chunks;
  chunks = (batch + perChunk - 1) / perChunk;
  // Columns of V and y: the chunk's tiles, whole register tiles, and a vector of slack for the
  // input transform's last store.
  const int64_t columns =
      ((perChunk * grid.flat + kBlockColumns<M> - 1) / kBlockColumns<M>)*kBlockColumns<M> + kLanes;
  const int64_t blocks = filterBlocks(g), uStride = blocks * C * kChannels;

  // Per thread: phase planes, V[xi][c][column], the products of one register tile, and the
  // output phases y[r][s][channel][column].
  const int64_t planeFloats = M * M * C * grid.plane;
  // Strides between the V[xi] and the output phases: one vector more than the data, so that
  // the streams do not start 4 KiB apart and fight over the same L1 sets.
  const int64_t vXiStride = C * columns + kLanes;
  const int64_t vFloats = N * N * vXiStride;
  const int64_t mFloats = N * N * kChannels * kBlockColumns<M>;
  const int64_t phaseStride = blocks * kChannels * columns + kLanes, yFloats = M * M * phaseStride;
  workspace.reserve(threads, vFloats + mFloats + yFloats);
  workspace.reserveKept(threads, planeFloats);
  // Planes of the same tiling, channel count and image size have the same zero borders.
  const Workspace::Layout layout = {1, M, C, H, W};
  const float* in = input.data();
  float* out = output.data();
#pragma omp parallel num_threads(threads) if (threads > 1)
  {
    float* planes = workspace.kept(omp_get_thread_num(), planeFloats, layout);
    float* v = workspace.scratch(omp_get_thread_num());
    float* m = v + vFloats;  // aligned: vFloats is a multiple of kLanes
    float* y = m + mFloats;
#pragma omp for schedule(static)
    for (int64_t chunk = 0; chunk < chunks; ++chunk) {
      const int64_t n0 = chunk * perChunk, count = std::min(perChunk, batch - n0);
      const int64_t cols = count * grid.flat;
      for (int64_t j = 0; j < count; ++j) {
        padImage<M>(in + (n0 + j) * C * H * W, C, H, W, grid, planes);
        for (int64_t c = 0; c < C; ++c)
          transformInput<M>(planes + M * M * c * grid.plane, grid, v + c * columns + j * grid.flat,
                            vXiStride);
      }
      for (int64_t b = 0; b < blocks; ++b)
        for (int64_t f0 = 0; f0 < cols; f0 += kBlockColumns<M>) {
          // The last block of columns uses only the vectors it needs.
          const int64_t vectors = std::min(kVectors<M>, (cols - f0 + kLanes - 1) / kLanes);
          // (kVectors<M> at most: F(4x4) has no 3-vector kernel.)
          auto product = vectors == 1   ? productAndTransformOutput<M, 1>
                         : vectors == 2 ? productAndTransformOutput<M, 2>
                                        : productAndTransformOutput<M, kVectors<M>>;
          product(u + b * C * kChannels, uStride, v, C, columns, vXiStride, f0, m,
                  y + b * kChannels * columns, columns, phaseStride);
        }
      for (int64_t j = 0; j < count; ++j)
        for (int64_t k = 0; k < K; ++k) {
          const int64_t base = ((n0 + j) * K + k) * Ho * Wo;
          finishChannel<M>(y + k * columns + j * grid.flat, phaseStride, grid, Ho, Wo,
                           epilogue.bias ? epilogue.bias[k] : 0.0f,
                           epilogue.residual ? epilogue.residual + base : nullptr, epilogue.relu,
                           out + base);
        }
    }
  }
}

}  // namespace

namespace {

// 3x3, stride 1, padding 1, dense, not dilated: the geometry the transforms are for.
bool conv2dWinogradApplies(const Conv2dGeometry& g) {
  return g.kernelH == 3 && g.kernelW == 3 && g.strideH == 1 && g.strideW == 1 && g.padH == 1 &&
         g.padW == 1 && g.groups == 1 && g.dilationH == 1 && g.dilationW == 1;
}

// The tiling the kernel runs at this output size (the rule above).
int tilingFor(const Conv2dGeometry& g, int64_t outH, int64_t outW) {
  return std::min(outH, outW) >= kMinExtentForLargeTiles &&
                 g.outChannels >= kMinOutputsForLargeTiles
             ? 4
             : 2;
}

int64_t filterFloats(const Conv2dGeometry& g, int tile) {
  return (tile + 2) * (tile + 2) * filterBlocks(g) * kChannels * g.inChannels;
}

void transformFor(const float* weight, const Conv2dGeometry& g, int tile, float* out) {
  std::fill(out, out + filterFloats(g, tile), 0.0f);
  const int64_t K = g.outChannels, C = g.inChannels;
  std::vector<float> t(36 * K * C);
  if (tile == 4) transformFilters<4>(weight, K, C, t.data(), out);
  if (tile == 2) transformFilters<2>(weight, K, C, t.data(), out);
}

}  // namespace

int winogradTile(const Conv2dGeometry& g, int64_t outH, int64_t outW) {
  if (!conv2dWinogradApplies(g) || outH * outW < kMinWinogradPositions) return 0;
  return tilingFor(g, outH, outW);
}

int64_t winogradFilterFloats(const Conv2dGeometry& g, int64_t outH, int64_t outW) {
  const int tile = winogradTile(g, outH, outW);
  return tile ? filterFloats(g, tile) : 0;
}

void winogradTransformFilters(const float* weight, const Conv2dGeometry& g, int64_t outH,
                              int64_t outW, float* out) {
  if (const int tile = winogradTile(g, outH, outW)) transformFor(weight, g, tile, out);
}

void conv2dWinograd(const Tensor& input, const float* weight, const float* transformedFilters,
                    const Conv2dGeometry& g, const ConvEpilogue& epilogue, Tensor& output,
                    Workspace& workspace, int threads) {
  const int tile = tilingFor(g, output.dim(2), output.dim(3));
  const float* u = transformedFilters;
  if (!u) {
    float* area = workspace.shared(filterFloats(g, tile));
    transformFor(weight, g, tile, area);
    u = area;
  }
  if (tile == 4)
    run<4>(input, u, g, epilogue, output, workspace, threads);
  else
    run<2>(input, u, g, epilogue, output, workspace, threads);
}

}  // namespace basin
