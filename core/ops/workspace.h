// Per-thread scratch memory that fast ops reuse across calls, so the hot loop never allocates.
#pragma once

#include <Eigen/Core>
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace basin {

class Workspace {
 public:
  // Ensures `threads` scratch areas of at least `floats` values each. Call outside parallel
  // regions.
  void reserve(int threads, size_t floats) {
    if (m_areas.size() < static_cast<size_t>(threads)) m_areas.resize(threads);
    for (auto& a : m_areas)
      if (a.size() < floats) a.resize(floats);
  }
  float* scratch(int thread) { return m_areas[thread].data(); }
  // What a kept area holds: the kernel (non-zero) and the sizes that fix its layout.
  using Layout = std::array<int64_t, 8>;
  // A second per-thread area that keeps its contents between calls made with the same `layout`
  // and is zeroed when the layout changes: padded images and phase planes, whose zero borders
  // every image of the same shape leaves untouched. Reserve outside parallel regions; `kept`
  // inside them, each thread its own.
  void reserveKept(int threads, size_t floats) {
    if (m_kept.size() < static_cast<size_t>(threads)) m_kept.resize(threads);
    for (Kept& k : m_kept)
      if (k.values.size() < floats) {
        k.values.resize(floats);
        k.layout = {};
      }
  }
  float* kept(int thread, size_t floats, const Layout& layout) {
    Kept& k = m_kept[thread];
    if (k.layout != layout) {
      std::fill(k.values.begin(), k.values.begin() + floats, 0.0f);
      k.layout = layout;
    }
    return k.values.data();
  }
  // One area all threads use (e.g. transformed weights), at least `floats` values, zeroed unless
  // the caller overwrites all of it. Call outside parallel regions.
  float* shared(size_t floats, bool zeroed = true) {
    if (m_shared.size() < floats) m_shared.resize(floats);
    if (zeroed) std::fill(m_shared.begin(), m_shared.begin() + floats, 0.0f);
    return m_shared.data();
  }

 private:
  std::vector<std::vector<float, Eigen::aligned_allocator<float>>> m_areas;
  std::vector<float, Eigen::aligned_allocator<float>> m_shared;
  struct Kept {
    std::vector<float, Eigen::aligned_allocator<float>> values;
    Layout layout = {};
  };
  std::vector<Kept> m_kept;
};

}  // namespace basin
