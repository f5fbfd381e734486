#include "core/landscape/grid_order.h"

#include <algorithm>
#include <deque>

namespace basin {
namespace {

// Whether index i of an axis of n points belongs to the lattice of stride s (the last index
// always does, so the far edges show from the start).
bool onLattice(int64_t i, int64_t n, int64_t s) {
  return i % s == 0 || i == n - 1;
}

}  // namespace

std::vector<int64_t> coarseToFineOrder(int64_t nx, int64_t ny) {
  std::vector<int64_t> order;
  if (nx <= 0 || ny <= 0) return order;
  order.reserve(static_cast<size_t>(nx * ny));
  std::vector<char> taken(static_cast<size_t>(nx * ny), 0);
  int64_t stride = 1;
  while (stride * 2 < std::max(nx, ny)) stride *= 2;
  for (; stride >= 1; stride /= 2)
    for (int64_t j = 0; j < ny; ++j) {
      if (!onLattice(j, ny, stride)) continue;
      for (int64_t i = 0; i < nx; ++i) {
        const int64_t k = j * nx + i;
        if (!onLattice(i, nx, stride) || taken[k]) continue;
        taken[k] = 1;
        order.push_back(k);
      }
    }
  return order;
}

std::vector<double> fillFromNearest(const std::vector<double>& values, int64_t nx, int64_t ny) {
  std::vector<double> filled = values;
  // Breadth-first from every computed point at once: each missing point takes the value of the
  // source that reaches it first.
  std::deque<int64_t> queue;
  std::vector<char> reached(values.size(), 0);
  for (int64_t k = 0; k < static_cast<int64_t>(values.size()); ++k)
    if (!(values[k] < 0.0)) {  // computed (NaN counts as computed: it is a result)
      reached[k] = 1;
      queue.push_back(k);
    }
  while (!queue.empty()) {
    const int64_t k = queue.front();
    queue.pop_front();
    const int64_t i = k % nx, j = k / nx;
    const int64_t next[4][2] = {{i - 1, j}, {i + 1, j}, {i, j - 1}, {i, j + 1}};
    for (const auto& n : next) {
      if (n[0] < 0 || n[0] >= nx || n[1] < 0 || n[1] >= ny) continue;
      const int64_t m = n[1] * nx + n[0];
      if (reached[m]) continue;
      reached[m] = 1;
      filled[m] = filled[k];
      queue.push_back(m);
    }
  }
  return filled;
}

}  // namespace basin
