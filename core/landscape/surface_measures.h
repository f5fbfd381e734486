// Numbers that compare loss surfaces (plain vs skip): the values at the centre, the lowest loss,
// how much of the plane lies below given loss levels, and how non-convex the surface is.
#pragma once

#include <cmath>
#include <string>
#include <vector>

#include "core/landscape/seed_spread.h"
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
  // Mean loss at the centre's grid neighbours (two on a line, four on a plane); -1 when one is
  // missing or the centre lies on the edge.
  double neighbourLoss = -1;
  // Curvature of the loss along each axis at the centre: the three-point second difference
  // d2L/dx2 (and d2L/dy2); NaN when a point is missing or the centre lies on the edge.
  double curvatureX = NAN, curvatureY = NAN;
};

// A measure over the seeds of a surface (--seeds K): its spread and each seed's value.
struct SeedMeasures {
  int seeds = 0;
  std::vector<SurfaceMeasures> each;  // per seed, the first seed's first
  SeedSpread centerLoss, neighbourLoss, curvatureX, curvatureY, nonConvexShare;
  std::vector<SeedSpread> belowArea, belowShare;  // per level
};

// The split a surface is measured and drawn by: "train" when it has train_loss or no test_loss,
// else "test".
std::string lossSplit(const Surface& surface);

// Measures the arrays <split>_loss and <split>_acc. Throws ArgumentError when they are missing.
SurfaceMeasures measureSurface(const Surface& surface, const std::string& split,
                               const std::vector<double>& levels);

// One measure over the seeds, as the CLI's measure and compare and the GUI's Compare tab report
// it: `key` names it in JSON (and for translations), `label` in English; shown times `scale`
// (100 for percent) with `unit`.
struct SpreadRow {
  std::string key, label, unit;
  double scale = 1;
  SeedSpread spread;
};

// The measures that vary with the directions (not the centre's loss), in the order Basin
// reports them: neighbour_loss, curvature_x, curvature_y (planes), below_<level> (area),
// non_convex_share (planes).
std::vector<SpreadRow> spreadRows(const SeedMeasures& m, const std::vector<double>& levels,
                                  bool plane);

// Whether two networks differ by more than the spread between seeds: at least this many
// pooled standard deviations apart (about a 95 % two-sided margin for normal spreads).
constexpr double kSeparatedSds = 2.0;

// The measures of every seed of `surface` (the first and surface.seeds) and their spread; for a
// surface of one seed, its measures with sd 0. Measures a seed cannot take are left out of the
// spread. Throws like measureSurface.
SeedMeasures measureSeeds(const Surface& surface, const std::string& split,
                          const std::vector<double>& levels);

}  // namespace basin
