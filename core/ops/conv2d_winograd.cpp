#include "core/ops/conv2d_winograd.h"

#include <omp.h>

#include <Eigen/Core>
#include <algorithm>
#include <vector>

#include "core/ops/conv2d_direct.h"

namespace basin {
namespace {

using Packet = Eigen::internal::packet_traits<float>::type;
constexpr int64_t kLanes = static_cast<int64_t>(sizeof(Packet) / sizeof(float));

// Tile columns per chunk: the chunk's transformed inputs stay in the core's L2.
constexpr int64_t kTargetTiles = 256;
// Register tile of the 16 products: output channels x vectors of tile columns (24 accumulators
// with AVX-512's 32 registers, 12 with AVX2's 16), as in the direct kernel.
constexpr int64_t kChannels = kLanes >= 16 ? 8 : 4;
constexpr int64_t kVectors = 3;
constexpr int64_t kBlockColumns = kVectors * kLanes;
static_assert(kVectors == 3, "the product kernel is instantiated for 3, 2 and 1 vectors");

// One image on the tile grid. The zero-padded image is kept as four phase planes
// P[rho][gamma][i][j] = padded[2i + rho][2j + gamma] with row stride S = tilesW + 1, so that tile
// (i, j) reads each plane at flat index f = i * S + j and f + 1, f + S, f + S + 1. Transforms
// then run over f in whole SIMD vectors; f = i * S + tilesW is a padding column whose results
// are computed and ignored (S / tilesW more GEMM columns, at most 1.25x for 8 x 8 images).
struct TileGrid {
  int64_t tilesH, tilesW, stride;  // stride S
  int64_t flat;                    // tilesH * S: columns per image in V and M
  int64_t plane;                   // floats per phase plane, with room for reads past the end
};

TileGrid tileGrid(int64_t Ho, int64_t Wo) {
  TileGrid g;
  g.tilesH = (Ho + 1) / 2;
  g.tilesW = (Wo + 1) / 2;
  g.stride = g.tilesW + 1;
  g.flat = g.tilesH * g.stride;
  g.plane = ((g.tilesH + 1) * g.stride + 3 * kLanes) / kLanes * kLanes;  // whole vectors
  return g;
}

// U = G g G^T for every filter g = weight[k][c], laid out [xi][k / kChannels][c][k % kChannels]
// for the product kernel (`u` zero-filled, K rounded up to whole blocks). Computed filter by
// filter into `t` ([k][c][xi], contiguous), then regrouped: writing 16 far-apart streams directly
// would thrash L1.
void transformFilters(const float* weight, int64_t K, int64_t C, float* t, float* u) {
  for (int64_t f = 0; f < K * C; ++f) {
    const float* g = weight + f * 9;
    float gg[4][3];  // G g
    for (int col = 0; col < 3; ++col) {
      const float g0 = g[col], g1 = g[3 + col], g2 = g[6 + col];
      gg[0][col] = g0;
      gg[1][col] = 0.5f * (g0 + g1 + g2);
      gg[2][col] = 0.5f * (g0 - g1 + g2);
      gg[3][col] = g2;
    }
    float* out = t + f * 16;
    for (int row = 0; row < 4; ++row) {  // (G g) G^T
      const float a = gg[row][0], b = gg[row][1], d = gg[row][2];
      out[row * 4 + 0] = a;
      out[row * 4 + 1] = 0.5f * (a + b + d);
      out[row * 4 + 2] = 0.5f * (a - b + d);
      out[row * 4 + 3] = d;
    }
  }
  const int64_t blocks = (K + kChannels - 1) / kChannels;
  for (int xi = 0; xi < 16; ++xi)
    for (int64_t b = 0; b < blocks; ++b)
      for (int64_t c = 0; c < C; ++c) {
        float* out = u + ((xi * blocks + b) * C + c) * kChannels;
        for (int64_t ch = 0; ch < kChannels && b * kChannels + ch < K; ++ch)
          out[ch] = t[((b * kChannels + ch) * C + c) * 16 + xi];
      }
}

// Scatters one image into its channels' phase planes. Every image writes the same positions, so
// the borders, zeroed once, stay zero.
void padImage(const float* image, int64_t C, int64_t H, int64_t W, const TileGrid& g,
              float* planes) {
  for (int64_t c = 0; c < C; ++c)
    for (int64_t y = 0; y < H; ++y) {
      const float* src = image + (c * H + y) * W;
      const int64_t rho = (y + 1) & 1, row = (y + 1) >> 1;
      float* __restrict even = planes + (c * 4 + rho * 2) * g.plane + row * g.stride + 1;
      float* __restrict odd = even - 1 + g.plane;
      // Padded column x + 1: odd (gamma 1) for even x, even (gamma 0) for odd x. Written as a
      // pair loop so the compiler turns it into vector loads and permutes.
      const int64_t pairs = W / 2;
      for (int64_t j = 0; j < pairs; ++j) {
        odd[j] = src[2 * j];
        even[j] = src[2 * j + 1];
      }
      if (W % 2) odd[pairs] = src[W - 1];
    }
}

// V[xi][column] = (B^T d B)[xi] for the tiles of one channel, column = f; `v` points at V[0]
// for this channel and image, rows of V[xi] are `xiStride` apart. Writes up to a vector past
// the image's last column (the next image, or the slack, takes it).
void transformInput(const float* planes, const TileGrid& g, float* v, int64_t xiStride) {
  using namespace Eigen::internal;
  const float* p[2][2] = {{planes, planes + g.plane}, {planes + 2 * g.plane, planes + 3 * g.plane}};
  const int64_t S = g.stride;
  for (int64_t f = 0; f < g.flat; f += kLanes) {
    Packet d[4][4];  // tile rows 0..3 x columns 0..3
    for (int r = 0; r < 4; ++r) {
      const int64_t at = f + (r >> 1) * S;
      const float* even = p[r & 1][0] + at;
      const float* odd = p[r & 1][1] + at;
      d[r][0] = ploadu<Packet>(even);
      d[r][1] = ploadu<Packet>(odd);
      d[r][2] = ploadu<Packet>(even + 1);
      d[r][3] = ploadu<Packet>(odd + 1);
    }
    Packet t[4][4];  // B^T d
    for (int col = 0; col < 4; ++col) {
      t[0][col] = psub(d[0][col], d[2][col]);
      t[1][col] = padd(d[1][col], d[2][col]);
      t[2][col] = psub(d[2][col], d[1][col]);
      t[3][col] = psub(d[1][col], d[3][col]);
    }
    for (int row = 0; row < 4; ++row) {  // (B^T d) B
      float* out = v + row * 4 * xiStride + f;
      pstoreu(out, psub(t[row][0], t[row][2]));
      pstoreu(out + xiStride, padd(t[row][1], t[row][2]));
      pstoreu(out + 2 * xiStride, psub(t[row][2], t[row][1]));
      pstoreu(out + 3 * xiStride, psub(t[row][1], t[row][3]));
    }
  }
}

// For one block of output channels and kBlockColumns tile columns from `f0`: the 16 products
// M[xi] = U[xi] V[xi] in registers, one xi at a time, kept in `m` (L1), then Y = A^T M A into the
// four output phases y[r][s][channel][column] (rows `yStride` apart, phases `phaseStride`).
template <int64_t kUsed>
void productAndTransformOutput(const float* u, int64_t uStride, const float* v, int64_t C,
                               int64_t vColumns, int64_t vXiStride, int64_t f0, float* m, float* y,
                               int64_t yStride, int64_t phaseStride) {
  using namespace Eigen::internal;
  for (int xi = 0; xi < 16; ++xi) {
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
        pstore(m + (xi * kChannels + ch) * kBlockColumns + k * kLanes, acc[ch][k]);
  }
  for (int64_t ch = 0; ch < kChannels; ++ch)
    for (int64_t k = 0; k < kUsed; ++k) {
      Packet q[4][4];
      for (int xi = 0; xi < 16; ++xi)
        q[xi / 4][xi % 4] = pload<Packet>(m + (xi * kChannels + ch) * kBlockColumns + k * kLanes);
      Packet s[2][4];  // A^T M
      for (int col = 0; col < 4; ++col) {
        s[0][col] = padd(padd(q[0][col], q[1][col]), q[2][col]);
        s[1][col] = psub(psub(q[1][col], q[2][col]), q[3][col]);
      }
      float* out = y + ch * yStride + f0 + k * kLanes;
      for (int r = 0; r < 2; ++r) {  // (A^T M) A
        pstoreu(out + (2 * r) * phaseStride, padd(padd(s[r][0], s[r][1]), s[r][2]));
        pstoreu(out + (2 * r + 1) * phaseStride, psub(psub(s[r][1], s[r][2]), s[r][3]));
      }
    }
}

// Interleaves the output phases of one channel of one image into rows and applies the epilogue.
// One output row from its even and odd columns, with the epilogue, in a single pass.
template <bool kResidual, bool kRelu>
void finishInterleaved(const float* __restrict even, const float* __restrict odd, float bias,
                       const float* __restrict residual, float* __restrict out, int64_t Wo) {
  auto finish = [&](float v, int64_t x) {
    if constexpr (kResidual) v += residual[x];
    if constexpr (kRelu) v = std::max(v, 0.0f);
    return v;
  };
  const int64_t pairs = Wo / 2;
  for (int64_t j = 0; j < pairs; ++j) {
    out[2 * j] = finish(even[j] + bias, 2 * j);
    out[2 * j + 1] = finish(odd[j] + bias, 2 * j + 1);
  }
  if (Wo % 2) out[Wo - 1] = finish(even[pairs] + bias, Wo - 1);
}

// Interleaves the output phases of one channel of one image into rows and applies the epilogue.
void finishChannel(const float* y, int64_t phaseStride, const TileGrid& g, int64_t Ho, int64_t Wo,
                   float bias, const float* residual, bool relu, float* out) {
  for (int64_t oy = 0; oy < Ho; ++oy) {
    const float* even = y + (2 * (oy & 1)) * phaseStride + (oy >> 1) * g.stride;
    const float* odd = even + phaseStride;
    const float* r = residual ? residual + oy * Wo : nullptr;
    float* o = out + oy * Wo;
    if (r) {
      if (relu)
        finishInterleaved<true, true>(even, odd, bias, r, o, Wo);
      else
        finishInterleaved<true, false>(even, odd, bias, r, o, Wo);
    } else if (relu) {
      finishInterleaved<false, true>(even, odd, bias, r, o, Wo);
    } else {
      finishInterleaved<false, false>(even, odd, bias, r, o, Wo);
    }
  }
}

}  // namespace

bool conv2dWinogradApplies(const Conv2dGeometry& g) {
  return g.kernelH == 3 && g.kernelW == 3 && g.strideH == 1 && g.strideW == 1 && g.padH == 1 &&
         g.padW == 1;
}

int64_t winogradFilterFloats(const Conv2dGeometry& g) {
  if (!conv2dWinogradApplies(g)) return 0;
  const int64_t blocks = (g.outChannels + kChannels - 1) / kChannels;
  return 16 * blocks * kChannels * g.inChannels;
}

void winogradTransformFilters(const float* weight, const Conv2dGeometry& g, float* out) {
  std::fill(out, out + winogradFilterFloats(g), 0.0f);
  std::vector<float> t(16 * g.outChannels * g.inChannels);
  transformFilters(weight, g.outChannels, g.inChannels, t.data(), out);
}

void conv2dWinograd(const Tensor& input, const float* weight, const float* transformedFilters,
                    const Conv2dGeometry& g, const ConvEpilogue& epilogue, Tensor& output,
                    Workspace& workspace, int threads) {
  const int64_t N = input.dim(0), C = g.inChannels, H = input.dim(2), W = input.dim(3);
  const int64_t K = g.outChannels, Ho = output.dim(2), Wo = output.dim(3);
  const TileGrid grid = tileGrid(Ho, Wo);
  // Chunks of about kTargetTiles tiles, as many as a multiple of the threads where the batch
  // allows, so no thread waits for another's last chunk. Every output is computed the same way
  // whatever chunk it falls in, so results do not depend on the thread count.
  const int64_t target = std::clamp<int64_t>(kTargetTiles / grid.flat, 1, N);
  int64_t chunks = (N + target - 1) / target;
  chunks = std::min(N, (chunks + threads - 1) / threads * threads);
  const int64_t perChunk = (N + chunks - 1) / chunks;
  chunks = (N + perChunk - 1) / perChunk;
  // Columns of V and y: the chunk's tiles, whole register tiles, and a vector of slack for the
  // input transform's last store.
  const int64_t columns =
      ((perChunk * grid.flat + kBlockColumns - 1) / kBlockColumns) * kBlockColumns + kLanes;

  const int64_t blocks = (K + kChannels - 1) / kChannels, uStride = blocks * C * kChannels;
  const float* u = transformedFilters;
  if (!u) {
    float* area = workspace.shared(16 * uStride + 16 * K * C);
    transformFilters(weight, K, C, area + 16 * uStride, area);
    u = area;
  }

  // Per thread: phase planes, V[xi][c][column], the products of one register tile, and the
  // output phases y[r][s][channel][column].
  const int64_t planeFloats = 4 * C * grid.plane;
  // Strides between the 16 V[xi] and the 4 output phases: one vector more than the data, so that
  // the streams do not start 4 KiB apart and fight over the same L1 sets.
  const int64_t vXiStride = C * columns + kLanes;
  const int64_t vFloats = 16 * vXiStride;
  const int64_t mFloats = 16 * kChannels * kBlockColumns;
  const int64_t phaseStride = blocks * kChannels * columns + kLanes, yFloats = 4 * phaseStride;
  workspace.reserve(threads, vFloats + mFloats + yFloats);
  workspace.reserveKept(threads, planeFloats);
  // Planes of the same channel count and image size have the same zero borders.
  const uint64_t planesTag = 1 + (uint64_t(C) << 40) + (uint64_t(H) << 20) + uint64_t(W);
  const float* in = input.data();
  float* out = output.data();
#pragma omp parallel num_threads(threads) if (threads > 1)
  {
    float* planes = workspace.kept(omp_get_thread_num(), planeFloats, planesTag);
    float* v = workspace.scratch(omp_get_thread_num());
    float* m = v + vFloats;  // aligned: vFloats is a multiple of kLanes
    float* y = m + mFloats;
#pragma omp for schedule(static)
    for (int64_t chunk = 0; chunk < chunks; ++chunk) {
      const int64_t n0 = chunk * perChunk, count = std::min(perChunk, N - n0);
      const int64_t cols = count * grid.flat;
      for (int64_t j = 0; j < count; ++j) {
        padImage(in + (n0 + j) * C * H * W, C, H, W, grid, planes);
        for (int64_t c = 0; c < C; ++c)
          transformInput(planes + 4 * c * grid.plane, grid, v + c * columns + j * grid.flat,
                         vXiStride);
      }
      for (int64_t b = 0; b < blocks; ++b)
        for (int64_t f0 = 0; f0 < cols; f0 += kBlockColumns) {
          // The last block of columns uses only the vectors it needs.
          const int64_t vectors = std::min(kVectors, (cols - f0 + kLanes - 1) / kLanes);
          auto product = vectors == 3   ? productAndTransformOutput<3>
                         : vectors == 2 ? productAndTransformOutput<2>
                                        : productAndTransformOutput<1>;
          product(u + b * C * kChannels, uStride, v, C, columns, vXiStride, f0, m,
                  y + b * kChannels * columns, columns, phaseStride);
        }
      for (int64_t j = 0; j < count; ++j)
        for (int64_t k = 0; k < K; ++k) {
          const int64_t base = ((n0 + j) * K + k) * Ho * Wo;
          finishChannel(y + k * columns + j * grid.flat, phaseStride, grid, Ho, Wo,
                        epilogue.bias ? epilogue.bias[k] : 0.0f,
                        epilogue.residual ? epilogue.residual + base : nullptr, epilogue.relu,
                        out + base);
        }
    }
  }
}

}  // namespace basin
