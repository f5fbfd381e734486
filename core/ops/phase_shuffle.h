// Splitting image rows into M column phases (phase t holds columns t, t + M, ...) and merging
// them back, eight values per phase at a time, for the Winograd kernel's phase planes. Written
// with GCC/Clang vector extensions (two permutes per value on AVX-512 and AVX2 alike): the
// compilers' own vectorization of these scatter loops spent most of its time in run-time alias
// checks on 8- to 32-wide rows.
#pragma once

#include <cstdint>
#include <cstring>
#include <type_traits>

namespace basin::phases {

using V8 = float __attribute__((vector_size(32)));
using V4 = float __attribute__((vector_size(16)));

// Unaligned access (memcpy compiles to one vector move).
template <class V = V8>
V load(const float* p) {
  V v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
template <class V>
void store(float* p, V v) {
  std::memcpy(p, &v, sizeof v);
}

// max(v, 0) that, like std::max(v, 0.0f), keeps NaN and -0.
template <class V>
V relu(V v) {
  using Mask = decltype(v < 0);
  return reinterpret_cast<V>(~(v < 0) & reinterpret_cast<Mask>(v));
}

// The M phases of L * M consecutive values (V holds L = 8 or 4 values).
template <int M, class V>
void split(const float* src, V (&out)[M]) {
  static_assert(M == 2 || M == 4);
  constexpr bool kWide = sizeof(V) == sizeof(V8);
  if constexpr (M == 2 && kWide) {
    const V8 a = load(src), b = load(src + 8);
    out[0] = __builtin_shufflevector(a, b, 0, 2, 4, 6, 8, 10, 12, 14);
    out[1] = __builtin_shufflevector(a, b, 1, 3, 5, 7, 9, 11, 13, 15);
  } else if constexpr (M == 2) {
    const V4 a = load<V4>(src), b = load<V4>(src + 4);
    out[0] = __builtin_shufflevector(a, b, 0, 2, 4, 6);
    out[1] = __builtin_shufflevector(a, b, 1, 3, 5, 7);
  } else {
    constexpr int L = kWide ? 8 : 4;
    const V a = load<V>(src), b = load<V>(src + L), c = load<V>(src + 2 * L),
            d = load<V>(src + 3 * L);
    // Phase t of a|b in the low half, of c|d in the high half.
    auto phase = [&](auto t) -> V {
      constexpr int k = decltype(t)::value;
      if constexpr (kWide) {
        const V8 ab =
            __builtin_shufflevector(a, b, k, k + 4, k + 8, k + 12, k, k + 4, k + 8, k + 12);
        const V8 cd =
            __builtin_shufflevector(c, d, k, k + 4, k + 8, k + 12, k, k + 4, k + 8, k + 12);
        return __builtin_shufflevector(ab, cd, 0, 1, 2, 3, 8, 9, 10, 11);
      } else {
        const V4 ab = __builtin_shufflevector(a, b, k, k + 4, k, k + 4);
        const V4 cd = __builtin_shufflevector(c, d, k, k + 4, k, k + 4);
        return __builtin_shufflevector(ab, cd, 0, 1, 4, 5);
      }
    };
    out[0] = phase(std::integral_constant<int, 0>());
    out[1] = phase(std::integral_constant<int, 1>());
    out[2] = phase(std::integral_constant<int, 2>());
    out[3] = phase(std::integral_constant<int, 3>());
  }
}

// L * M consecutive values from their M phases: the inverse of split.
template <int M, class V>
void merge(const V (&in)[M], V (&out)[M]) {
  static_assert(M == 2 || M == 4);
  if constexpr (sizeof(V) == sizeof(V8)) {
    const V8 lo01 = __builtin_shufflevector(in[0], in[1], 0, 8, 1, 9, 2, 10, 3, 11);
    const V8 hi01 = __builtin_shufflevector(in[0], in[1], 4, 12, 5, 13, 6, 14, 7, 15);
    if constexpr (M == 2) {
      out[0] = lo01;
      out[1] = hi01;
    } else {
      const V8 lo23 = __builtin_shufflevector(in[2], in[3], 0, 8, 1, 9, 2, 10, 3, 11);
      const V8 hi23 = __builtin_shufflevector(in[2], in[3], 4, 12, 5, 13, 6, 14, 7, 15);
      out[0] = __builtin_shufflevector(lo01, lo23, 0, 1, 8, 9, 2, 3, 10, 11);
      out[1] = __builtin_shufflevector(lo01, lo23, 4, 5, 12, 13, 6, 7, 14, 15);
      out[2] = __builtin_shufflevector(hi01, hi23, 0, 1, 8, 9, 2, 3, 10, 11);
      out[3] = __builtin_shufflevector(hi01, hi23, 4, 5, 12, 13, 6, 7, 14, 15);
    }
  } else {
    const V4 lo01 = __builtin_shufflevector(in[0], in[1], 0, 4, 1, 5);
    const V4 hi01 = __builtin_shufflevector(in[0], in[1], 2, 6, 3, 7);
    if constexpr (M == 2) {
      out[0] = lo01;
      out[1] = hi01;
    } else {
      const V4 lo23 = __builtin_shufflevector(in[2], in[3], 0, 4, 1, 5);
      const V4 hi23 = __builtin_shufflevector(in[2], in[3], 2, 6, 3, 7);
      out[0] = __builtin_shufflevector(lo01, lo23, 0, 1, 4, 5);
      out[1] = __builtin_shufflevector(lo01, lo23, 2, 3, 6, 7);
      out[2] = __builtin_shufflevector(hi01, hi23, 0, 1, 4, 5);
      out[3] = __builtin_shufflevector(hi01, hi23, 2, 3, 6, 7);
    }
  }
}

// Splits src[0..W) into phases, phase t (values t, t + M, ...) going to to[t][0..]: as many
// values as whole vectors allow. Returns how many; the caller places the rest.
template <int M>
int64_t splitRow(const float* src, int64_t W, float* const (&to)[M]) {
  int64_t x = 0;
  auto step = [&](auto vector) {
    using V = decltype(vector);
    constexpr int64_t kGroup = M * sizeof(V) / sizeof(float);
    for (; x + kGroup <= W; x += kGroup) {
      V split[M];
      phases::split<M>(src + x, split);
      for (int t = 0; t < M; ++t) store(to[t] + x / M, split[t]);
    }
  };
  step(V8{});
  step(V4{});
  return x;
}

}  // namespace basin::phases
