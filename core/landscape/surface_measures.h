// Numbers that compare loss surfaces (plain vs skip): the values at the centre, the lowest loss,
// how much of the plane lies below given loss levels, and how non-convex the surface is.
#pragma once

#include <string>
#include <vector>

#include "core/landscape/surface_file.h"

namespace basin {

struct SurfaceMeasures {
  double centerLoss = -1, centerAccuracy = -1;  // at the grid point nearest (0, 0); -1 missing
  double minLoss = -1, minX = 0, minY = 0;      // lowest computed finite loss and where
  int64_t computed = 0, total = 0;
  // For each level: the area (in plane units, x * y; length for 1-D) where the loss is below the
  // level, each point standing for the rectangle half a grid step around it, and that area as a
  // share of the whole plane.
  struct Below {
    double level, area, share;
  };
  std::vector<Below> below;
  // Share of the interior points whose discrete Hessian (central differences on the grid) has
  // a clearly negative eigenvalue: lambda_min < -0.01 * |lambda_max|, i.e. the surface curves
  // down along some direction at least 1 % as strongly as it curves most. 0 for a bowl, 1 for a
  // saddle everywhere. Points next to a missing or non-finite value are left out; -1 when no
  // point qualifies (1-D surfaces, grids under 3 x 3).
  double nonConvexShare = -1;
};

// The split a surface is measured and drawn by: "train" when it has train_loss or no test_loss,
// else "test".
std::string lossSplit(const Surface& surface);

// Measures the arrays <split>_loss and <split>_acc. Throws ArgumentError when they are missing.
SurfaceMeasures measureSurface(const Surface& surface, const std::string& split,
                               const std::vector<double>& levels);

}  // namespace basin
