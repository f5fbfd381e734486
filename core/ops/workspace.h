// Per-thread scratch memory that fast ops reuse across calls, so the hot loop never allocates.
#pragma once

#include <Eigen/Core>
#include <algorithm>
#include <cstddef>
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
  // One area all threads read (e.g. transformed weights), at least `floats` values, zeroed.
  // Call outside parallel regions.
  float* shared(size_t floats) {
    if (m_shared.size() < floats) m_shared.resize(floats);
    std::fill(m_shared.begin(), m_shared.begin() + floats, 0.0f);
    return m_shared.data();
  }

 private:
  std::vector<std::vector<float, Eigen::aligned_allocator<float>>> m_areas;
  std::vector<float, Eigen::aligned_allocator<float>> m_shared;
};

}  // namespace basin
