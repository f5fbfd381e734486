// basin-cli measure and compare: the numbers the GUI's Compare tab shows for surface files, with
// their spread over seeds when a file holds several (--seeds K).
#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "app/cli/commands.h"
#include "core/error.h"
#include "core/io/json_text.h"
#include "core/landscape/surface_measures.h"

namespace basin::cli {
namespace {

struct MeasureArgs {
  std::vector<std::string> surfaces;
  std::string split;
  std::vector<double> levels{0.5, 1, 2};
  bool json = false;
};

// -1 (not measurable) and NaN as JSON null.
nlohmann::json orNull(double v) {
  return v < 0 || !std::isfinite(v) ? nlohmann::json() : nlohmann::json(v);
}

nlohmann::json spreadJson(const SeedSpread& s) {
  if (s.count == 0) return nullptr;
  return {{"mean", s.mean}, {"sd", s.sd}, {"min", s.min}, {"max", s.max}, {"count", s.count}};
}

// "38.9 +- 3.1 % [35, 42.1]" over several seeds, "38.9 %" for one.
std::string spreadText(const SpreadRow& row) {
  const SeedSpread& s = row.spread;
  if (s.count == 0) return "not measurable";
  char text[160];
  if (s.count == 1)
    std::snprintf(text, sizeof text, "%.4g%s", s.mean * row.scale, row.unit.c_str());
  else
    std::snprintf(text, sizeof text, "%.4g +- %.2g%s [%.4g, %.4g]", s.mean * row.scale,
                  s.sd * row.scale, row.unit.c_str(), s.min * row.scale, s.max * row.scale);
  return text;
}

struct Measured {
  std::string path, split;
  Surface surface;
  SeedMeasures seeds;
  std::vector<SpreadRow> rows;
};

Measured measured(const std::string& path, const MeasureArgs& a) {
  Measured m{path, "", readSurfaceFile(path), {}, {}};
  m.split = a.split.empty() ? lossSplit(m.surface) : a.split;
  m.seeds = measureSeeds(m.surface, m.split, a.levels);
  m.rows = spreadRows(m.seeds, a.levels, !m.surface.y.empty());
  return m;
}

std::vector<int64_t> seedNumbers(const Measured& m) {
  const nlohmann::json meta = parseFileJsonOrDiscarded(m.surface.metadataJson);
  std::vector<int64_t> seeds{meta.is_object() && meta.contains("seed") &&
                                     meta["seed"].is_number_integer()
                                 ? meta["seed"].get<int64_t>()
                                 : int64_t(-1)};
  for (const SeedSurface& s : m.surface.seeds) seeds.push_back(s.seed);
  return seeds;
}

nlohmann::json measureJson(const Measured& d) {
  const SurfaceMeasures& m = d.seeds.each.front();
  nlohmann::json below = nlohmann::json::array();
  for (const SurfaceMeasures::Below& b : m.below)
    below.push_back({{"level", b.level}, {"area", b.area}, {"share", b.share}});
  nlohmann::json j{{"surface", d.path},
                   {"split", d.split},
                   {"points", m.total},
                   {"computed", m.computed},
                   {"center_loss", orNull(m.centerLoss)},
                   {"center_accuracy", orNull(m.centerAccuracy)},
                   {"min_loss", orNull(m.minLoss)},
                   {"min_x", m.minX},
                   {"min_y", m.minY},
                   {"below", below},
                   {"non_convex_share", orNull(m.nonConvexShare)},
                   {"neighbour_loss", orNull(m.neighbourLoss)},
                   {"curvature_x", orNull(m.curvatureX)},
                   {"curvature_y", orNull(m.curvatureY)}};
  if (d.seeds.seeds > 1) {
    nlohmann::json spread{{"count", d.seeds.seeds}, {"seeds", seedNumbers(d)}};
    for (const SpreadRow& row : d.rows) spread[row.key] = spreadJson(row.spread);
    j["over_seeds"] = spread;
  }
  return j;
}

void printMeasures(const Measured& d) {
  const SurfaceMeasures& m = d.seeds.each.front();
  const std::string loss = d.split + "_loss";
  int64_t computed = 0;
  for (const SurfaceMeasures& e : d.seeds.each) computed += e.computed;
  std::printf("surface     %s (%lld of %lld points computed", d.path.c_str(),
              static_cast<long long>(computed), static_cast<long long>(d.surface.totalPoints()));
  if (d.seeds.seeds > 1) {
    const std::vector<int64_t> seeds = seedNumbers(d);
    std::printf(", %d seeds: %lld to %lld", d.seeds.seeds, static_cast<long long>(seeds.front()),
                static_cast<long long>(seeds.back()));
  }
  std::printf(")\n");
  if (m.centerLoss >= 0) {
    std::printf("centre      %s %.6g", loss.c_str(), m.centerLoss);
    if (m.centerAccuracy >= 0) std::printf(", %s_acc %.2f %%", d.split.c_str(), m.centerAccuracy);
    std::printf("\n");
  }
  if (m.minLoss >= 0)
    std::printf("minimum     %s %.6g at x=%g, y=%g%s\n", loss.c_str(), m.minLoss, m.minX, m.minY,
                d.seeds.seeds > 1 ? " (first seed)" : "");
  if (d.seeds.seeds > 1) {
    std::printf("over %d seeds (mean +- sample sd [min, max]):\n", d.seeds.seeds);
    for (const SpreadRow& row : d.rows)
      std::printf("  %-32s %s\n", row.label.c_str(), spreadText(row).c_str());
    return;
  }
  for (const SurfaceMeasures::Below& b : m.below)
    std::printf("below %-5g %.4g (%.1f %% of the %s)\n", b.level, b.area, 100 * b.share,
                d.surface.y.empty() ? "line" : "plane");
  if (m.nonConvexShare >= 0)
    std::printf("non-convex  %.1f %% of the interior points curve down along some direction\n",
                100 * m.nonConvexShare);
  else if (!d.surface.y.empty())
    std::printf("non-convex  not measurable (needs a 2-D grid of at least 3 x 3 points)\n");
  if (m.neighbourLoss >= 0)
    std::printf("neighbours  %s %.6g (mean over the centre's %d grid neighbours)\n", loss.c_str(),
                m.neighbourLoss, d.surface.y.empty() ? 2 : 4);
  if (std::isfinite(m.curvatureX)) {
    std::printf("curvature   d2L/dx2 %.4g", m.curvatureX);
    if (std::isfinite(m.curvatureY)) std::printf(", d2L/dy2 %.4g", m.curvatureY);
    std::printf(" at the centre\n");
  }
}

void measure(const MeasureArgs& a) {
  if (a.surfaces.size() != 1) throw ArgumentError("give one SURFACE.h5");
  const Measured d = measured(a.surfaces.front(), a);
  if (a.json)
    std::cout << measureJson(d).dump(2) << "\n";
  else
    printMeasures(d);
}

// Each measure of two surfaces side by side, and whether they differ by more than the spread
// between seeds.
void compare(const MeasureArgs& a) {
  if (a.surfaces.size() != 2) throw ArgumentError("give two surface files: A.h5 B.h5");
  const Measured one = measured(a.surfaces[0], a), two = measured(a.surfaces[1], a);
  if (one.surface.y.empty() != two.surface.y.empty())
    throw ArgumentError(one.path + " and " + two.path +
                        " are not both lines or both planes; compare like with like");
  nlohmann::json rows = nlohmann::json::array();
  if (!a.json)
    std::printf("%s (%d seeds) vs %s (%d seeds)\n", one.path.c_str(), one.seeds.seeds,
                two.path.c_str(), two.seeds.seeds);
  for (size_t r = 0; r < one.rows.size() && r < two.rows.size(); ++r) {
    const SpreadRow &x = one.rows[r], &y = two.rows[r];
    const double sds = separation(x.spread, y.spread);
    if (a.json) {
      rows.push_back(
          {{"measure", x.key},
           {"a", spreadJson(x.spread)},
           {"b", spreadJson(y.spread)},
           {"separation_sds", sds < 0 || std::isinf(sds) ? nlohmann::json() : nlohmann::json(sds)},
           {"separated", sds >= kSeparatedSds}});
      continue;
    }
    std::string verdict;
    char text[120];
    if (sds < 0)
      verdict = "no spread to compare with (compute them with --seeds 2 or more)";
    else if (std::isinf(sds))
      verdict = "different, with no spread between seeds";
    else if (std::snprintf(text, sizeof text, "%.1f pooled standard deviations", sds);
             sds >= kSeparatedSds)
      verdict = std::string("separated by ") + text;
    else
      verdict = std::string("within the spread between seeds (") + text + ")";
    std::printf("  %s: %s vs %s, %s\n", x.label.c_str(), spreadText(x).c_str(),
                spreadText(y).c_str(), verdict.c_str());
  }
  if (a.json)
    std::cout << nlohmann::json{{"a", a.surfaces[0]},
                                {"b", a.surfaces[1]},
                                {"a_seeds", one.seeds.seeds},
                                {"b_seeds", two.seeds.seeds},
                                {"separated_at_sds", kSeparatedSds},
                                {"measures", rows}}
                     .dump(2)
              << "\n";
}

void addCommonOptions(CLI::App* cmd, MeasureArgs& a) {
  cmd->add_option("--split", a.split, "train or test (default: train if the file has it)");
  cmd->add_option("--levels", a.levels, "Loss levels for the area below, e.g. 0.5,1,2")
      ->delimiter(',')
      ->capture_default_str();
  cmd->add_flag("--json", a.json, "Print JSON");
}

}  // namespace

void addMeasureCommand(CLI::App& app) {
  auto a = std::make_shared<MeasureArgs>();
  CLI::App* cmd = app.add_subcommand(
      "measure",
      "The numbers that compare surfaces (the GUI's Compare tab): loss and accuracy at the "
      "centre, the lowest loss and where, the area below loss levels, the non-convex share "
      "(interior points whose discrete Hessian has an eigenvalue below -1 % of its largest in "
      "magnitude), the mean loss at the centre's grid neighbours and the curvature along each "
      "axis at the centre (three-point second difference). For a file computed with --seeds K "
      "also each measure's mean, sample standard deviation and range over the seeds.");
  cmd->add_option("surface", a->surfaces, "Surface file (.h5, Basin's or the reference's)")
      ->expected(1);
  addCommonOptions(cmd, *a);
  cmd->callback([a] { measure(*a); });

  auto c = std::make_shared<MeasureArgs>();
  CLI::App* cmp = app.add_subcommand(
      "compare",
      "Two surfaces' measures side by side (mean +- sd [min, max] over their seeds), and for "
      "each whether the two networks differ by more than the spread between seeds: separated "
      "when the means are at least 2 pooled standard deviations apart. Needs files computed "
      "with --seeds 2 or more for a verdict.");
  cmp->add_option("surfaces", c->surfaces, "A.h5 B.h5")->expected(2);
  addCommonOptions(cmp, *c);
  cmp->callback([c] { compare(*c); });
}

}  // namespace basin::cli
