#include "core/landscape/torch_randn.h"

#include <bit>
#include <cmath>
#include <numbers>

namespace basin {
namespace {

// Pommier's float log (avx_mathfun.h's log256_ps) for one lane, with the multiply-adds Debian's
// GCC 12 build of PyTorch fused. `x` > 0 here (1 - u with u < 1).
float pommierLog(float x) {
  x = std::max(x, std::bit_cast<float>(0x00800000u));  // no denormals
  int32_t exponent = int32_t(std::bit_cast<uint32_t>(x) >> 23) - 0x7f;
  x = std::bit_cast<float>((std::bit_cast<uint32_t>(x) & ~0x7f800000u) |
                           std::bit_cast<uint32_t>(0.5f));
  float e = float(exponent) + 1.0f;
  const bool small = x < 0.707106781186547524f;
  const float tmp = small ? x : 0.0f;
  x = x - 1.0f;
  e = e - (small ? 1.0f : 0.0f);
  x = x + tmp;
  const float z = x * x;
  float y = 7.0376836292E-2f;
  for (float c : {-1.1514610310E-1f, 1.1676998740E-1f, -1.2420140846E-1f, +1.4249322787E-1f,
                  -1.6668057665E-1f, +2.0000714765E-1f, -2.4999993993E-1f, +3.3333331174E-1f})
    y = std::fma(y, x, c);
  y = std::fma(y * x, z, e * -2.12194440e-4f);
  y = std::fma(-z, 0.5f, y);
  return std::fma(e, 0.693359375f, x + y);
}

// Pommier's sincos (sincos256_ps) for one lane, fused the same way; `x` >= 0 here (2 pi u).
void pommierSinCos(float x, float* sine, float* cosine) {
  const uint32_t signSin = std::bit_cast<uint32_t>(x) & 0x80000000u;
  x = std::fabs(x);
  float y = x * 1.27323954473516f;  // 4 / pi
  int32_t j = int32_t(y);           // truncation, as _mm256_cvttps_epi32
  j = (j + 1) & ~1;
  y = float(j);
  const uint32_t swapSin = uint32_t(j & 4) << 29;
  const bool firstPolynomial = (j & 2) == 0;
  x = std::fma(y, -0.78515625f, x);
  x = std::fma(y, -2.4187564849853515625e-4f, x);
  x = std::fma(y, -3.77489497744594108e-8f, x);
  const uint32_t signCos = uint32_t(~(j - 2) & 4) << 29;
  const float z = x * x;
  float c = std::fma(2.443315711809948E-005f, z, -1.388731625493765E-003f);
  c = std::fma(c, z, 4.166664568298827E-002f);
  c = c * z;
  c = std::fma(c, z, -(z * 0.5f)) + 1.0f;
  float s = std::fma(-1.9515295891E-4f, z, 8.3321608736E-3f);
  s = std::fma(s, z, -1.6666654611E-1f);
  s = s * z;
  s = std::fma(s, x, x);
  const float sinPart = firstPolynomial ? s : c, cosPart = firstPolynomial ? c : s;
  *sine = std::bit_cast<float>(std::bit_cast<uint32_t>(sinPart) ^ (signSin ^ swapSin));
  *cosine = std::bit_cast<float>(std::bit_cast<uint32_t>(cosPart) ^ signCos);
}

// normal_fill_16_AVX2 on 16 uniforms: pairs (j, j + 8) become two normals.
void boxMuller16(float* b) {
  const float twoPi = float(2.0 * std::numbers::pi);
  for (int j = 0; j < 8; ++j) {
    const float u1 = 1.0f - b[j], u2 = b[j + 8];
    const float radius = std::sqrt(-2.0f * pommierLog(u1));
    float s, c;
    pommierSinCos(twoPi * u2, &s, &c);
    // PyTorch stores fma(n, std, mean) with std 1 and mean 0: -0 becomes +0 (r is -0 for u = 0).
    b[j] = std::fma(radius * c, 1.0f, 0.0f);
    b[j + 8] = std::fma(radius * s, 1.0f, 0.0f);
  }
}

}  // namespace

TorchGenerator::TorchGenerator(uint64_t seed) : m_engine(uint32_t(seed & 0xFFFFFFFFu)) {}

float TorchGenerator::uniformFloat() {
  return float(next32() & 0xFFFFFFu) * 0x1p-24f;
}

double TorchGenerator::uniformDouble() {
  const uint64_t high = next32(), low = next32();
  return double(((high << 32) | low) & ((uint64_t(1) << 53) - 1)) * 0x1p-53;
}

void TorchGenerator::skip(int64_t count) {
  m_engine.discard(uint64_t(std::max<int64_t>(count, 0)));
}

double TorchGenerator::normalDouble() {
  // Each value times std (1) plus mean (0), as PyTorch returns it: a -0 comes out +0.
  if (m_cachedNormal) {
    const double v = *m_cachedNormal;
    m_cachedNormal.reset();
    return v * 1.0 + 0.0;
  }
  const double u1 = uniformDouble(), u2 = uniformDouble();
  const double r = std::sqrt(-2.0 * std::log(1.0 - u2));  // 1.13: log(1 - u2), not log1p
  const double theta = 2.0 * std::numbers::pi * u1;
  m_cachedNormal = r * std::sin(theta);
  return r * std::cos(theta) * 1.0 + 0.0;
}

std::vector<float> TorchGenerator::randn(int64_t n) {
  std::vector<float> out(size_t(std::max<int64_t>(n, 0)));
  if (n < 16) {
    for (float& v : out) v = float(normalDouble());
    return out;
  }
  for (float& v : out) v = uniformFloat();
  for (int64_t i = 0; i + 16 <= n; i += 16) boxMuller16(out.data() + i);
  if (n % 16 != 0) {  // 16 fresh uniforms over the last 16 values, one more block
    float* tail = out.data() + n - 16;
    for (int k = 0; k < 16; ++k) tail[k] = uniformFloat();
    boxMuller16(tail);
  }
  return out;
}

}  // namespace basin
