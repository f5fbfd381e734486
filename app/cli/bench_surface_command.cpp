// basin-cli bench surface: seconds per grid point of a whole surface computation, the figure
// tests/benchmarks/surface_pytorch.py measures for the reference's loop in PyTorch.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "app/cli/commands.h"
#include "app/cli/data_options.h"
#include "core/error.h"
#include "core/landscape/surface.h"
#include "core/zoo/zoo.h"

namespace basin::cli {
namespace {

struct BenchSurfaceArgs {
  std::string arch = "resnet20";
  DataArgs data;
  int64_t grid = 5, batch = 128;
  int threads = 2;
  bool json = false;
};

void run(BenchSurfaceArgs a) {
  if (a.grid < 1 || a.grid > 100) throw ArgumentError("--grid must be 1-100");
  if (a.data.data.empty()) {  // the benchmark of the issue: 1,000 MNIST images as 3 x 32 x 32
    a.data.useDemoDefaults(demoFolder());
    a.data.rgb = true;
  }
  Network network = buildModel({a.arch});
  initializeWeights(network, 0);
  const Dataset data = a.data.open();
  DirectionPair dirs;
  dirs.x = randomDirection(network, DirectionType::Weights, Normalization::Filter, true, 0);
  dirs.y = randomDirection(network, DirectionType::Weights, Normalization::Filter, true, 1);
  Surface surface;
  surface.x = surface.y = Axis{-1.0, 1.0, a.grid}.coordinates();
  const std::string path = (std::filesystem::temp_directory_path() /
                            ("basin-bench-surface-" + std::to_string(getpid()) + ".h5"))
                               .string();
  SurfaceOptions options;
  options.eval.batchSize = a.batch;
  options.eval.threads = a.threads;
  options.flushSeconds = 1e9;  // measure computing, not writing
  std::vector<double> stamps;
  options.progress = [&](const SurfaceProgress& p) { stamps.push_back(p.elapsedSeconds); };
  const auto start = std::chrono::steady_clock::now();
  computeSurface(network, data, dirs, surface, path, options);
  const double total =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::filesystem::remove(path);
  std::vector<double> perPoint;
  for (size_t i = 1; i < stamps.size(); ++i) perPoint.push_back(stamps[i] - stamps[i - 1]);
  std::sort(perPoint.begin(), perPoint.end());
  const double median = perPoint.empty() ? total : perPoint[perPoint.size() / 2];
  if (a.json) {
    std::cout << nlohmann::json{{"architecture", a.arch},
                                {"points", surface.points()},
                                {"samples", data.size()},
                                {"threads", a.threads},
                                {"median_seconds_per_point", median},
                                {"total_seconds", total},
                                {"images_per_second", double(data.size()) / median},
                                {"peak_rss_mib", peakRssMiB()}}
                     .dump(2)
              << "\n";
    return;
  }
  std::printf(
      "%s surface: %lld points x %lld images, %d threads: median %.3f s per point "
      "(%.0f images/s), %.2f s in all, peak memory %.0f MiB\n",
      a.arch.c_str(), static_cast<long long>(surface.points()), static_cast<long long>(data.size()),
      a.threads, median, data.size() / median, total, peakRssMiB());
}

}  // namespace

void addBenchSurfaceCommand(CLI::App& bench) {
  auto a = std::make_shared<BenchSurfaceArgs>();
  CLI::App* cmd = bench.add_subcommand(
      "surface",
      "Seconds per point of a GRID x GRID filter-normalized surface of a zoo model "
      "(seeded weights and directions), and the process's peak memory. Default data: the bundled "
      "1,000 MNIST test "
      "images as 3 x 32 x 32.");
  cmd->add_option("--arch", a->arch, "Zoo architecture")->capture_default_str();
  a->data.addTo(cmd);
  cmd->add_option("--grid", a->grid, "Points per axis")->capture_default_str();
  addComputeOptions(cmd, a->batch, a->threads);
  cmd->add_flag("--json", a->json, "Print as JSON");
  cmd->footer("Compare: tests/benchmarks/surface_pytorch.py --arch ARCH --grid GRID");
  cmd->callback([a] { run(*a); });
}

}  // namespace basin::cli
