// PyTorch 1.13's CPU random numbers, bit for bit (../shared/docs/torch-randn.md): what
// `torch.manual_seed(s)` then `torch.randn(n)` give, so that Basin draws the reference's random
// directions from the reference's seed. Written by hand: no library reproduces PyTorch's stream
// (its AVX2 Box-Muller with Pommier's float log / sincos and their fused multiply-adds).
#pragma once

#include <cstdint>
#include <optional>
#include <random>
#include <vector>

namespace basin {

class TorchGenerator {
 public:
  // torch.manual_seed(seed): a fresh MT19937 seeded with seed mod 2^32, no cached normal.
  explicit TorchGenerator(uint64_t seed);

  uint32_t next32() { return m_engine(); }
  float uniformFloat();    // one 32-bit draw: its low 24 bits * 2^-24
  double uniformDouble();  // two draws: the low 53 bits of (first << 32 | second) * 2^-53
  // `count` float uniforms thrown away: what PyTorch's default initialisation of a network
  // draws before the directions (one per element of every Conv/Linear weight and bias).
  void skip(int64_t count);

  // torch.randn(n) of float32: n >= 16 through the 16-wide Box-Muller blocks (n + 16 draws when
  // n is not a multiple of 16), n < 16 element by element from double normals (with PyTorch's
  // cache of the second value). n = 1 is also what a 0-dim tensor draws.
  std::vector<float> randn(int64_t n);

 private:
  double normalDouble();
  std::mt19937 m_engine;
  std::optional<double> m_cachedNormal;
};

}  // namespace basin
