// basin-cli render and export: figures and data files from a surface file, through viz.
#include <cstdio>
#include <filesystem>
#include <memory>
#include <vector>

#include "app/cli/commands.h"
#include "core/error.h"
#include "core/io/output_file.h"
#include "core/landscape/direction_file.h"
#include "viz/compare_figure.h"
#include "viz/data_export.h"
#include "viz/figure.h"

namespace basin::cli {
namespace {

struct RenderArgs {
  std::string surface, out, kind = "surface3d", array, proj, dirs, levels = "0.1:10:0.5";
  std::string colormap = "viridis", size = "1000x800", title;
  std::vector<std::string> overlays, compare, labels;
  bool log = false, levelsGiven = false, whiteAbove = false;
  double zmax = 0.0, scale = 1.0;
  int dpi = 100;
};

// The loss array to show: the one asked for, else train_loss, else test_loss.
std::string arrayToShow(const Surface& s, const std::string& asked) {
  if (!asked.empty()) return asked;
  for (const char* name : {"train_loss", "test_loss"})
    if (s.arrays.count(name)) return name;
  return s.arrays.empty() ? "train_loss" : s.arrays.begin()->first;
}

// The options every figure of the command shares: kind, levels, colors, size, title.
viz::FigureOptions sharedOptions(const RenderArgs& a) {
  viz::FigureOptions o;
  o.kind = viz::parseFigureKind(a.kind);
  o.height = {a.log, a.zmax};
  o.colormap = viz::parseColormap(a.colormap);
  o.dpi = a.dpi;
  viz::setFigureSize(o, a.size);
  o.verticalScale = a.scale;
  o.whiteAboveLevels = a.whiteAbove;
  o.title = a.title;
  return o;
}

// One surface's figure options: its array and levels, PCA axis titles from its direction file.
viz::FigureOptions surfaceOptions(const RenderArgs& a, const Surface& s, const std::string& dirs) {
  viz::FigureOptions o = sharedOptions(a);
  o.array = arrayToShow(s, a.array);
  // Accuracy (percent) needs other levels than the reference's loss default.
  const bool accuracy = o.array.size() > 4 && o.array.ends_with("_acc");
  o.levels = viz::parseLevels(accuracy && !a.levelsGiven ? "10:100:10" : a.levels);
  if (o.kind == viz::FigureKind::Curve1d) o.xTitle = "x";
  viz::setPcaAxisTitles(o, readExplainedVariance(dirs));
  return o;
}

void checkOut(const std::string& out) {
  const std::string ext = std::filesystem::path(out).extension().string();
  if (ext != ".png" && ext != ".svg" && ext != ".pdf")
    throw ArgumentError("--out must end in .png, .svg or .pdf, not '" + ext + "'");
}

void printWritten(const RenderArgs& a, const viz::FigureOptions& o, const std::string& what) {
  std::printf("figure    %s (%s of %s, %dx%d px at %d dpi = %.2f x %.2f in)\n", a.out.c_str(),
              a.kind.c_str(), what.c_str(), o.width, o.heightPixels, o.dpi, double(o.width) / o.dpi,
              double(o.heightPixels) / o.dpi);
}

void renderCompare(const RenderArgs& a) {
  if (a.out.empty()) throw ArgumentError("give --compare A.h5 B.h5 ... and --out FIG.png");
  if (!a.surface.empty() || !a.proj.empty() || !a.dirs.empty() || !a.overlays.empty())
    throw ArgumentError(
        "--compare takes the surfaces itself: give no other SURFACE.h5, --proj, --dirs or "
        "--overlay with it");
  if (!a.labels.empty() && a.labels.size() != a.compare.size())
    throw ArgumentError("--label: give one per compared surface (" +
                        std::to_string(a.compare.size()) + "), not " +
                        std::to_string(a.labels.size()));
  checkOut(a.out);
  const viz::FigureOptions figure = sharedOptions(a);
  if (figure.kind == viz::FigureKind::Curve1d)
    throw ArgumentError(
        "--compare draws 2-D surfaces side by side; 1-D runs go in one figure "
        "with --overlay");
  std::vector<std::pair<std::string, std::string>> inputs;
  for (const std::string& f : a.compare) inputs.push_back({"--compare", f});
  refuseOutputOverInput("--out", a.out, inputs);
  std::vector<Surface> surfaces;
  std::vector<std::string> dirs;
  for (const std::string& f : a.compare) {
    surfaces.push_back(readSurfaceFile(f));
    dirs.push_back(directionFileOf(surfaces.back(), f));
    refuseOutputOverInput("--out", a.out, {{"surface's direction", dirs.back()}});
  }
  std::vector<viz::ComparePane> panes;
  for (size_t i = 0; i < surfaces.size(); ++i) {
    viz::ComparePane pane{&surfaces[i], surfaceOptions(a, surfaces[i], dirs[i])};
    pane.options.title =
        a.labels.empty() ? std::filesystem::path(a.compare[i]).stem().string() : a.labels[i];
    panes.push_back(std::move(pane));
  }
  viz::renderCompareFigure(panes, figure, a.out);
  printWritten(a, figure, std::to_string(panes.size()) + " surfaces");
}

void render(const RenderArgs& a) {
  if (!a.compare.empty()) return renderCompare(a);
  if (a.surface.empty() || a.out.empty()) throw ArgumentError("give SURFACE.h5 and --out FIG.png");
  checkOut(a.out);
  std::vector<std::pair<std::string, std::string>> inputs = {
      {"surface", a.surface}, {"--proj", a.proj}, {"--dirs", a.dirs}};
  for (const std::string& f : a.overlays) inputs.push_back({"--overlay", f});
  refuseOutputOverInput("--out", a.out, inputs);
  const Surface s = readSurfaceFile(a.surface);
  const std::string dirs = a.dirs.empty() ? directionFileOf(s, a.surface) : a.dirs;
  refuseOutputOverInput("--out", a.out, {{"surface's direction", dirs}});
  viz::FigureOptions o = surfaceOptions(a, s, dirs);
  if (!a.proj.empty()) o.trajectory = readProjectionFile(a.proj);
  if (!a.overlays.empty() && o.kind != viz::FigureKind::Curve1d)
    throw ArgumentError("--overlay draws more runs on 1d figures only");
  if (a.labels.size() > 1) throw ArgumentError("--label: one for a 1d figure's main run");
  o.label = a.labels.empty() ? std::filesystem::path(a.surface).stem().string() : a.labels[0];
  for (const std::string& f : a.overlays)
    o.overlays.push_back({std::filesystem::path(f).stem().string(), readSurfaceFile(f)});
  viz::renderFigure(s, o, a.out);
  printWritten(a, o, o.array);
}

struct ExportArgs {
  std::string surface, out, array;
  bool log = false;
  double zmax = 0.0;
};

void exportData(const ExportArgs& a) {
  if (a.surface.empty() || a.out.empty()) throw ArgumentError("give SURFACE.h5 and --out FILE");
  refuseOutputOverInput("--out", a.out, {{"surface", a.surface}});
  const Surface s = readSurfaceFile(a.surface);
  viz::exportSurface(s, a.out, arrayToShow(s, a.array), {a.log, a.zmax});
  std::printf("exported  %s (%lld points, arrays:", a.out.c_str(),
              static_cast<long long>(s.points()));
  for (const auto& [name, _] : s.arrays) std::printf(" %s", name.c_str());
  std::printf(")\n");
}

}  // namespace

void addRenderCommand(CLI::App& app) {
  auto a = std::make_shared<RenderArgs>();
  CLI::App* cmd = app.add_subcommand(
      "render",
      "A figure of a surface file (Basin's or the reference's): 3-D surface, contour lines, "
      "filled contours, heat map or 1-D curves as PNG (with its DPI), PDF or SVG (vectors, "
      "fonts embedded). 2-D and 1-D kinds need no display; 3-D figures need an X display "
      "(xvfb-run -a on servers) and are an image in PDF and SVG. --proj draws a trajectory on "
      "contour, filled and heat figures; --compare puts several surfaces side by side with one "
      "colorbar.");
  cmd->add_option("surface", a->surface, "Surface file (.h5)");
  cmd->add_option("--kind", a->kind, "surface3d, contour, filled, heat or 1d")
      ->capture_default_str();
  cmd->add_option("--surface-name", a->array, "Array to show (default train_loss or test_loss)");
  cmd->add_option("--proj", a->proj, "Projection file of a trajectory (basin-cli trajectory)");
  cmd->add_option("--dirs", a->dirs,
                  "PCA direction file for the axis titles (default: the surface's dir_file)");
  cmd->add_flag("--log", a->log,
                "Show log(loss + 0.1), as the reference's --log; colorbars and contour labels "
                "stay in loss units, the levels become the round losses 0.1, 0.2, 0.5, 1, 2, 5, "
                "10, ... between --levels' first and last");
  cmd->add_flag("--white-above", a->whiteAbove,
                "filled: leave what lies above the last level white, as the reference does "
                "(default: the top color, so the plane is covered)");
  cmd->add_option("--zmax", a->zmax, "Clip values above this (reference --vmax); 0: no clip")
      ->capture_default_str();
  cmd->add_option("--levels", a->levels,
                  "Contour levels first:last:step in the array's units (accuracy arrays: "
                  "10:100:10 unless given)")
      ->capture_default_str();
  cmd->add_option("--colormap", a->colormap, "viridis, magma, coolwarm, summer or grey")
      ->capture_default_str();
  cmd->add_option("--size", a->size,
                  "WIDTHxHEIGHT in pixels (1000x800), inches (3.25x2.6in) or cm (8x6cm), or a "
                  "column preset: single (3.25x2.6in) or double (6.75x5in)")
      ->capture_default_str();
  cmd->add_option("--dpi", a->dpi,
                  "Dots per inch: sets the pixels of sizes in inches or cm and is written into "
                  "the PNG; text is sized in points")
      ->capture_default_str();
  cmd->add_option("--scale", a->scale, "3-D: vertical exaggeration")->capture_default_str();
  cmd->add_option("--title", a->title, "Figure title");
  cmd->add_option("--overlay", a->overlays,
                  "1d: another run's surface file drawn over this one (repeat for more; the "
                  "legend names them by file name)");
  cmd->add_option("--compare", a->compare,
                  "Draw 2 to 8 surface files side by side (a grid for more than three) with one "
                  "colorbar and, for 3-D and heat maps, one color range for all: --compare "
                  "plain.h5 skip.h5")
      ->expected(2, 8);
  cmd->add_option("--label", a->labels,
                  "1d: legend name of this run; --compare: the panes' titles, one per surface "
                  "(default: the file names)");
  cmd->add_option("--out", a->out, "Figure file: .png, .svg or .pdf");
  cmd->callback([a, cmd] {
    a->levelsGiven = cmd->count("--levels") > 0;
    render(*a);
  });

  auto e = std::make_shared<ExportArgs>();
  CLI::App* ex = app.add_subcommand(
      "export",
      "A surface file as data for other tools: .vts (VTK structured grid, every array), .vtp "
      "(the reference's ParaView polydata: heights, zvalue, quads) or .csv.");
  ex->add_option("surface", e->surface, "Surface file (.h5)");
  ex->add_option("--surface-name", e->array, ".vtp: array giving the heights");
  ex->add_flag("--log", e->log, ".vtp: heights log(loss + 0.1)");
  ex->add_option("--zmax", e->zmax, ".vtp: clip heights above this; 0: no clip");
  ex->add_option("--out", e->out, "Output file (.vts, .vtp or .csv)");
  ex->callback([e] { exportData(*e); });
}

}  // namespace basin::cli
