// The order in which a viewer wants the points of a grid, and what it shows for the points not
// computed yet.
#pragma once

#include <cstdint>
#include <vector>

namespace basin {

// Flat indices (k = j * nx + i) of an nx x ny grid, coarse to fine: first every point whose i and
// j are multiples of the largest power-of-two stride (plus the last row and column), then the
// points new at half that stride, and so on. After the first few points the whole plane is
// covered sparsely; each later level refines it.
std::vector<int64_t> coarseToFineOrder(int64_t nx, int64_t ny);

// `values` (nx x ny, flat, < 0 where not computed) with each missing point given the value of the
// nearest computed point (fewest grid steps, ties to the lower flat index). All stay missing when
// none is computed. For a preview while a surface is being computed.
std::vector<double> fillFromNearest(const std::vector<double>& values, int64_t nx, int64_t ny);

}  // namespace basin
