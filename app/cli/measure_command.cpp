// basin-cli measure: the numbers the GUI's Compare tab shows for a surface file.
#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "app/cli/commands.h"
#include "core/error.h"
#include "core/landscape/surface_measures.h"

namespace basin::cli {
namespace {

struct MeasureArgs {
  std::string surface, split;
  std::vector<double> levels{0.5, 1, 2};
  bool json = false;
};

// -1 (not measurable) as JSON null.
nlohmann::json orNull(double v) {
  return v < 0 ? nlohmann::json() : nlohmann::json(v);
}

void measure(const MeasureArgs& a) {
  if (a.surface.empty()) throw ArgumentError("give SURFACE.h5");
  const Surface s = readSurfaceFile(a.surface);
  const std::string split = a.split.empty() ? lossSplit(s) : a.split;
  const SurfaceMeasures m = measureSurface(s, split, a.levels);
  if (a.json) {
    nlohmann::json below = nlohmann::json::array();
    for (const SurfaceMeasures::Below& b : m.below)
      below.push_back({{"level", b.level}, {"area", b.area}, {"share", b.share}});
    std::cout << nlohmann::json{{"surface", a.surface},
                                {"split", split},
                                {"points", m.total},
                                {"computed", m.computed},
                                {"center_loss", orNull(m.centerLoss)},
                                {"center_accuracy", orNull(m.centerAccuracy)},
                                {"min_loss", orNull(m.minLoss)},
                                {"min_x", m.minX},
                                {"min_y", m.minY},
                                {"below", below},
                                {"non_convex_share", orNull(m.nonConvexShare)}}
                     .dump(2)
              << "\n";
    return;
  }
  const std::string loss = split + "_loss";
  std::printf("surface     %s (%lld of %lld points computed)\n", a.surface.c_str(),
              static_cast<long long>(m.computed), static_cast<long long>(m.total));
  if (m.centerLoss >= 0) {
    std::printf("centre      %s %.6g", loss.c_str(), m.centerLoss);
    if (m.centerAccuracy >= 0) std::printf(", %s_acc %.2f %%", split.c_str(), m.centerAccuracy);
    std::printf("\n");
  }
  if (m.minLoss >= 0)
    std::printf("minimum     %s %.6g at x=%g, y=%g\n", loss.c_str(), m.minLoss, m.minX, m.minY);
  for (const SurfaceMeasures::Below& b : m.below)
    std::printf("below %-5g %.4g (%.1f %% of the %s)\n", b.level, b.area, 100 * b.share,
                s.y.empty() ? "line" : "plane");
  if (m.nonConvexShare >= 0)
    std::printf("non-convex  %.1f %% of the interior points curve down along some direction\n",
                100 * m.nonConvexShare);
  else
    std::printf("non-convex  not measurable (needs a 2-D grid of at least 3 x 3 points)\n");
}

}  // namespace

void addMeasureCommand(CLI::App& app) {
  auto a = std::make_shared<MeasureArgs>();
  CLI::App* cmd = app.add_subcommand(
      "measure",
      "The numbers that compare surfaces (the GUI's Compare tab): loss and accuracy at the "
      "centre, the lowest loss and where, the area below loss levels and the non-convex share "
      "(interior points whose discrete Hessian has an eigenvalue below -1 % of its largest in "
      "magnitude).");
  cmd->add_option("surface", a->surface, "Surface file (.h5, Basin's or the reference's)");
  cmd->add_option("--split", a->split, "train or test (default: train if the file has it)");
  cmd->add_option("--levels", a->levels, "Loss levels for the area below, e.g. 0.5,1,2")
      ->delimiter(',')
      ->capture_default_str();
  cmd->add_flag("--json", a->json, "Print JSON");
  cmd->callback([a] { measure(*a); });
}

}  // namespace basin::cli
