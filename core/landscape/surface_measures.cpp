#include "core/landscape/surface_measures.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/error.h"

namespace basin {
namespace {

const std::vector<double>& requiredArray(const Surface& surface, const std::string& name) {
  auto it = surface.arrays.find(name);
  if (it == surface.arrays.end()) throw ArgumentError("the surface has no array '" + name + "'");
  return it->second;
}

// The three-point second difference of f at axis[i] (any spacing); NaN at the edge or when a
// value is missing (< 0) or not finite.
double secondDifference(const std::vector<double>& axis, int64_t i, double left, double mid,
                        double right) {
  if (i <= 0 || i + 1 >= int64_t(axis.size())) return NAN;
  for (double v : {left, mid, right})
    if (!(v >= 0.0) || !std::isfinite(v)) return NAN;
  const double hl = axis[i] - axis[i - 1], hr = axis[i + 1] - axis[i];
  return 2.0 * (hl * right - (hl + hr) * mid + hr * left) / (hl * hr * (hl + hr));
}

// The share of the domain each point stands for: half a step to each side, clipped at the ends.
std::vector<double> pointWidths(const std::vector<double>& axis) {
  std::vector<double> w(axis.size(), 1.0);
  if (axis.size() < 2) return w;
  for (size_t i = 0; i < axis.size(); ++i) {
    const double left = i > 0 ? (axis[i] - axis[i - 1]) / 2 : 0.0;
    const double right = i + 1 < axis.size() ? (axis[i + 1] - axis[i]) / 2 : 0.0;
    w[i] = left + right;
  }
  return w;
}

}  // namespace

std::string lossSplit(const Surface& surface) {
  return surface.arrays.count("train_loss") || !surface.arrays.count("test_loss") ? "train"
                                                                                  : "test";
}

SurfaceMeasures measureSurface(const Surface& surface, const std::string& split,
                               const std::vector<double>& levels) {
  const std::vector<double>& loss = requiredArray(surface, split + "_loss");
  const std::vector<double>& acc = requiredArray(surface, split + "_acc");
  const int64_t nx = static_cast<int64_t>(surface.x.size());
  const int64_t ny = surface.y.empty() ? 1 : static_cast<int64_t>(surface.y.size());
  SurfaceMeasures m;
  m.total = nx * ny;
  if (static_cast<int64_t>(loss.size()) != m.total || static_cast<int64_t>(acc.size()) != m.total)
    throw ArgumentError("the surface's " + split + " arrays do not match its grid");

  const int64_t centre =
      (surface.y.empty() ? 0 : nearestIndex(surface.y, 0.0) * nx) + nearestIndex(surface.x, 0.0);
  m.centerLoss = loss[centre];
  m.centerAccuracy = acc[centre];
  const int64_t ci = centre % nx, cj = centre / nx;
  m.curvatureX = secondDifference(surface.x, ci, ci > 0 ? loss[centre - 1] : -1, loss[centre],
                                  ci + 1 < nx ? loss[centre + 1] : -1);
  std::vector<double> neighbours;
  if (ci > 0 && ci + 1 < nx) neighbours = {loss[centre - 1], loss[centre + 1]};
  if (!surface.y.empty()) {
    m.curvatureY = secondDifference(surface.y, cj, cj > 0 ? loss[centre - nx] : -1, loss[centre],
                                    cj + 1 < ny ? loss[centre + nx] : -1);
    if (cj > 0 && cj + 1 < ny && !neighbours.empty()) {
      neighbours.push_back(loss[centre - nx]);
      neighbours.push_back(loss[centre + nx]);
    } else {
      neighbours.clear();
    }
  }
  if (!neighbours.empty() && std::all_of(neighbours.begin(), neighbours.end(),
                                         [](double v) { return v >= 0.0 && std::isfinite(v); })) {
    double sum = 0;
    for (double v : neighbours) sum += v;
    m.neighbourLoss = sum / double(neighbours.size());
  }
  for (int64_t k = 0; k < m.total; ++k) {
    if (loss[k] < 0.0) continue;
    ++m.computed;
    if (std::isfinite(loss[k]) && (m.minLoss < 0.0 || loss[k] < m.minLoss)) {
      m.minLoss = loss[k];
      m.minX = surface.x[k % nx];
      m.minY = surface.y.empty() ? 0.0 : surface.y[k / nx];
    }
  }

  const std::vector<double> wx = pointWidths(surface.x);
  const std::vector<double> wy =
      surface.y.empty() ? std::vector<double>{1.0} : pointWidths(surface.y);
  double whole = 0.0;
  for (double a : wx)
    for (double b : wy) whole += a * b;
  for (double level : levels) {
    double area = 0.0;
    for (int64_t k = 0; k < m.total; ++k)
      if (loss[k] >= 0.0 && loss[k] < level) area += wx[k % nx] * wy[k / nx];
    m.below.push_back({level, area, whole > 0 ? area / whole : 0.0});
  }

  if (surface.y.empty() || nx < 3 || ny < 3) return m;
  auto at = [&](int64_t i, int64_t j) { return loss[j * nx + i]; };
  int64_t counted = 0, negative = 0;
  for (int64_t j = 1; j + 1 < ny; ++j)
    for (int64_t i = 1; i + 1 < nx; ++i) {
      bool usable = true;
      for (int64_t dj = -1; dj <= 1; ++dj)
        for (int64_t di = -1; di <= 1; ++di) {
          const double v = at(i + di, j + dj);
          usable = usable && v >= 0.0 && std::isfinite(v);
        }
      if (!usable) continue;
      const double hx = (surface.x[i + 1] - surface.x[i - 1]) / 2;
      const double hy = (surface.y[j + 1] - surface.y[j - 1]) / 2;
      const double fxx = (at(i + 1, j) - 2 * at(i, j) + at(i - 1, j)) / (hx * hx);
      const double fyy = (at(i, j + 1) - 2 * at(i, j) + at(i, j - 1)) / (hy * hy);
      const double fxy =
          (at(i + 1, j + 1) - at(i + 1, j - 1) - at(i - 1, j + 1) + at(i - 1, j - 1)) /
          (4 * hx * hy);
      const double mean = (fxx + fyy) / 2, radius = std::hypot((fxx - fyy) / 2, fxy);
      const double low = mean - radius, high = mean + radius;
      const double strongest = std::max(std::abs(low), std::abs(high));
      ++counted;
      negative += low < -0.01 * strongest;
    }
  if (counted > 0) m.nonConvexShare = double(negative) / double(counted);
  return m;
}

SeedMeasures measureSeeds(const Surface& surface, const std::string& split,
                          const std::vector<double>& levels) {
  SeedMeasures out;
  out.seeds = int(1 + surface.seeds.size());
  for (int i = 0; i < out.seeds; ++i)
    out.each.push_back(measureSurface(seedSurface(surface, size_t(i)), split, levels));
  // Each measure over the seeds; -1 (not measurable) becomes NaN, which seedSpread leaves out.
  auto spread = [&](auto value, bool negativeIsMissing) {
    std::vector<double> values;
    for (const SurfaceMeasures& m : out.each) {
      const double v = value(m);
      values.push_back(negativeIsMissing && v < 0 ? NAN : v);
    }
    return seedSpread(values);
  };
  out.centerLoss = spread([](const SurfaceMeasures& m) { return m.centerLoss; }, true);
  out.neighbourLoss = spread([](const SurfaceMeasures& m) { return m.neighbourLoss; }, true);
  out.curvatureX = spread([](const SurfaceMeasures& m) { return m.curvatureX; }, false);
  out.curvatureY = spread([](const SurfaceMeasures& m) { return m.curvatureY; }, false);
  out.nonConvexShare = spread([](const SurfaceMeasures& m) { return m.nonConvexShare; }, true);
  for (size_t l = 0; l < levels.size(); ++l) {
    out.belowArea.push_back(
        spread([&](const SurfaceMeasures& m) { return m.below[l].area; }, false));
    out.belowShare.push_back(
        spread([&](const SurfaceMeasures& m) { return m.below[l].share; }, false));
  }
  return out;
}

std::vector<SpreadRow> spreadRows(const SeedMeasures& m, const std::vector<double>& levels,
                                  bool plane) {
  std::vector<SpreadRow> rows = {
      {"neighbour_loss", "loss at the centre's neighbours", "", 1, m.neighbourLoss},
      {"curvature_x", "curvature along x", "", 1, m.curvatureX}};
  if (plane) rows.push_back({"curvature_y", "curvature along y", "", 1, m.curvatureY});
  for (size_t l = 0; l < levels.size() && l < m.belowArea.size(); ++l) {
    char level[32];
    std::snprintf(level, sizeof level, "%g", levels[l]);
    rows.push_back(
        {std::string("below_") + level, std::string("area below ") + level, "", 1, m.belowArea[l]});
  }
  if (plane) rows.push_back({"non_convex_share", "non-convex share", " %", 100, m.nonConvexShare});
  return rows;
}

}  // namespace basin
