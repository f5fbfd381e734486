// basin-cli demo: the bundled demo's story as figures, without a window: the residual network
// and its plain twin side by side on one color scale, each network's training path on its PCA
// plane, and the numbers that compare the surfaces.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <memory>

#include "app/cli/commands.h"
#include "core/error.h"
#include "core/io/demo_bundle.h"
#include "core/landscape/projection_file.h"
#include "core/landscape/surface_measures.h"
#include "viz/figure.h"

namespace basin::cli {
namespace {

struct DemoArgs {
  std::string out = "basin-demo";
  int dpi = 100;
};

void run(const DemoArgs& a) {
  const DemoBundle demo = demoBundle(demoFolder());
  for (const DemoModel& m : demo.models)
    for (const std::string& f : {m.surface, m.pcaSurface, m.projection})
      if (!std::filesystem::exists(f))
        throw IoError(f +
                      " is missing: compute the demo's surfaces with "
                      "resources/demo/make_surfaces.sh");
  namespace fs = std::filesystem;
  fs::create_directories(a.out);
  auto file = [&](const std::string& name) { return (fs::path(a.out) / name).string(); };

  // Plain vs skip: one height range and color scale, log(loss + 0.1) as the paper's figures.
  std::vector<Surface> surfaces;
  for (const DemoModel& m : demo.models) surfaces.push_back(readSurfaceFile(m.surface));
  viz::FigureOptions o;
  o.array = "test_loss";
  o.height.log = true;
  o.width = 800;
  o.heightPixels = 700;
  o.dpi = a.dpi;
  double low = INFINITY, high = -INFINITY;
  for (const Surface& s : surfaces) {
    const auto [l, h] = viz::heightRange(s, o.array, o.height);
    low = std::min(low, l);
    high = std::max(high, h);
  }
  o.valueRange = std::array<double, 2>{low, high};
  std::vector<std::string> written;
  std::vector<viz::RgbImage> sideBySide;
  for (size_t i = 0; i < demo.models.size(); ++i) {
    o.title = demo.models[i].label;
    written.push_back(file(demo.models[i].arch + "_3d.png"));
    viz::RgbImage image = viz::renderFigureImage(surfaces[i], o);
    viz::writeFigureImage(image, o.dpi, written.back());
    if (i < 2) sideBySide.push_back(std::move(image));
  }
  written.insert(written.begin(), file("plain_vs_skip_3d.png"));
  viz::writeFigureImage(viz::sideBySide(sideBySide), o.dpi, written.front());

  // Each training path on its PCA plane, as PNG and as vector SVG.
  for (const DemoModel& m : demo.models) {
    const Surface s = readSurfaceFile(m.pcaSurface);
    viz::FigureOptions t;
    t.kind = viz::FigureKind::Filled;
    t.array = "test_loss";
    t.trajectory = readProjectionFile(m.projection);
    t.title = m.label + ": training path";
    t.width = 800;
    t.heightPixels = 700;
    t.dpi = a.dpi;
    viz::setPcaAxisTitles(t, readExplainedVariance(directionFileOf(s, m.pcaSurface)));
    written.push_back(file(m.arch + "_trajectory.png"));
    viz::renderFigure(s, t, written.back());
    written.push_back(file(m.arch + "_trajectory.svg"));
    viz::renderFigure(s, t, written.back());
  }

  std::printf("%-26s %7s %8s %8s %9s %9s %10s\n", "surface (1,000 test images)", "grid", "centre",
              "minimum", "accuracy", "loss < 1", "non-convex");
  for (size_t i = 0; i < demo.models.size(); ++i) {
    const SurfaceMeasures m = measureSurface(surfaces[i], "test", {1.0});
    const std::string grid =
        std::to_string(surfaces[i].x.size()) + "x" + std::to_string(surfaces[i].y.size());
    std::printf("%-26s %7s %8.4f %8.4f %8.2f%% %8.1f%% %9.1f%%\n", demo.models[i].label.c_str(),
                grid.c_str(), m.centerLoss, m.minLoss, m.centerAccuracy, 100 * m.below[0].share,
                100 * m.nonConvexShare);
  }
  std::printf(
      "\nnon-convex: share of grid points where the surface curves down along some "
      "direction\n(discrete Hessian eigenvalue below -1 %% of the largest); lower is "
      "smoother.\n\n");
  for (const std::string& f : written) std::printf("wrote     %s\n", f.c_str());
}

}  // namespace

void addDemoCommand(CLI::App& app) {
  auto a = std::make_shared<DemoArgs>();
  CLI::App* cmd = app.add_subcommand(
      "demo",
      "The bundled demo as figures, without a window: a ResNet-20 and its plain twin side by "
      "side on one color scale, each demo network's training path on its PCA plane, and the "
      "numbers that compare the surfaces. Needs an X display for PNGs (xvfb-run -a on servers).");
  cmd->add_option("--out", a->out, "Folder for the figures")->capture_default_str();
  cmd->add_option("--dpi", a->dpi, "Resolution of the PNG figures (text is sized in points)")
      ->check(CLI::Range(36, 1200))
      ->capture_default_str();
  cmd->callback([a] { run(*a); });
}

}  // namespace basin::cli
