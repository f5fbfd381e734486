// basin-cli surface: a 1-D or 2-D loss/accuracy surface in the reference's file layout.
#include <unistd.h>

#include <atomic>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>

#include "app/cli/commands.h"
#include "app/cli/data_options.h"
#include "app/cli/model_options.h"
#include "core/error.h"
#include "core/landscape/surface.h"
#ifdef BASIN_WITH_MPI
#include "core/dist/mpi_surface.h"
#endif

namespace basin::cli {
namespace {

std::atomic<bool> g_interrupted{false};  // set by SIGINT only; read as the cancel callback

#ifdef BASIN_WITH_MPI
int processRank() {
  return mpiRank();
}
int processCount() {
  return mpiSize();
}
#else
int processRank() {
  return 0;
}
#endif

struct SurfaceArgs {
  ModelArgs model;
  DataArgs data;
  std::string x = "-1:1:51", y, dirType = "weights", xnorm = "filter", ynorm = "filter";
  std::string xignore = "biasbn", yignore = "biasbn", dirFile, model2, model3, out, loss = "ce";
  bool sameDir = false, jsonProgress = false;
  int64_t seed = 0, batch = 128;
  int threads = 2;
  double flushSeconds = 5.0;
};

Direction makeDirection(const SurfaceArgs& a, Network& network, const std::string& other,
                        const std::string& norm, const std::string& ignore, uint64_t seed) {
  const DirectionType type = parseDirectionType(a.dirType);
  if (!other.empty()) return targetDirection(network, a.model.withPath(other).load().network, type);
  if (ignore != "biasbn" && !ignore.empty())
    throw ArgumentError("--xignore/--yignore take biasbn or nothing, not '" + ignore + "'");
  return randomDirection(network, type, parseNormalization(norm), ignore == "biasbn", seed);
}

void run(const SurfaceArgs& a) {
  if (a.model.model.empty() || a.data.data.empty()) throw ArgumentError("give --model and --data");
  if (a.out.empty()) throw ArgumentError("give --out FILE for the surface");
  if (a.loss != "ce" && a.loss != "mse") throw ArgumentError("--loss must be ce or mse");
  const Axis xAxis = parseAxis(a.x, "--x");
  const std::optional<Axis> yAxis =
      a.y.empty() ? std::nullopt : std::optional(parseAxis(a.y, "--y"));
  if (xAxis.num * (yAxis ? yAxis->num : 1) > 1000000)
    throw ArgumentError("--x and --y ask for more than 1,000,000 points");

  Checkpoint checkpoint = a.model.load();
  Network& network = checkpoint.network;
  const Dataset data = a.data.open();

  // Directions: reuse --dir-file if it exists, else make them and write it.
  const std::string dirFile =
      a.dirFile.empty() ? std::filesystem::path(a.out).replace_extension("").string() + "_dirs.h5"
                        : a.dirFile;
  DirectionPair dirs;
  if (std::filesystem::exists(dirFile)) {
    dirs = readDirectionFile(dirFile, network);
    if (yAxis && !dirs.y) throw ArgumentError(dirFile + " has no ydirection for --y");
  } else {
    dirs.x = makeDirection(a, network, a.model2, a.xnorm, a.xignore, a.seed);
    if (yAxis)
      dirs.y =
          a.sameDir ? dirs.x : makeDirection(a, network, a.model3, a.ynorm, a.yignore, a.seed + 1);
    // Every rank draws the same seeded directions; only rank 0 writes them.
    if (processRank() == 0) writeDirectionFile(dirFile, network, dirs);
  }

  const std::string split = a.data.split;
  Surface surface;
  if (std::filesystem::exists(a.out)) {
    surface = readSurfaceFile(a.out);
    if (surface.x != xAxis.coordinates() ||
        surface.y != (yAxis ? yAxis->coordinates() : std::vector<double>{}))
      throw ArgumentError(a.out + " already holds a surface on another grid; give another --out");
  } else {
    surface.x = xAxis.coordinates();
    if (yAxis) surface.y = yAxis->coordinates();
  }
  surface.dirFile = dirFile;
  surface.metadataJson = nlohmann::json{
      {"basin_version", BASIN_VERSION},
      {"model", a.model.model},
      {"architecture", checkpoint.arch.name},
      {"data", data.source()},
      {"samples", data.size()},
      {"direction_type", a.dirType},
      {"xnorm", a.xnorm},
      {"ynorm", a.ynorm},
      {"ignore", a.xignore},
      {"seed", a.seed},
      {"loss", a.loss}}.dump();

  SurfaceOptions options;
  options.eval.batchSize = a.batch;
  options.eval.threads = a.threads;
  options.eval.loss = a.loss == "mse" ? LossKind::MseSoftmax : LossKind::CrossEntropy;
  options.split = split;
  options.flushSeconds = a.flushSeconds;
  options.cancelled = [] { return g_interrupted.load(); };
  const bool tty = isatty(STDERR_FILENO);
  int64_t lastTenth = -1;
  options.progress = [&](const SurfaceProgress& p) {
    if (a.jsonProgress) {
      std::printf("%s\n", nlohmann::json{{"done", p.done},
                                         {"total", p.total},
                                         {"elapsed_seconds", p.elapsedSeconds},
                                         {"eta_seconds", p.etaSeconds}}
                              .dump()
                              .c_str());
      std::fflush(stdout);
    } else if (tty) {
      const int width = 30, filled = int(width * p.done / std::max<int64_t>(p.total, 1));
      std::fprintf(stderr, "\r[%s%s] %lld/%lld points, %.0f s left ",
                   std::string(filled, '#').c_str(), std::string(width - filled, '.').c_str(),
                   static_cast<long long>(p.done), static_cast<long long>(p.total), p.etaSeconds);
      if (p.done == p.total) std::fprintf(stderr, "\n");
    } else if (p.done * 10 / std::max<int64_t>(p.total, 1) != lastTenth) {
      lastTenth = p.done * 10 / std::max<int64_t>(p.total, 1);
      std::fprintf(stderr, "%lld/%lld points\n", static_cast<long long>(p.done),
                   static_cast<long long>(p.total));
    }
  };
  std::signal(SIGINT, [](int) { g_interrupted = true; });
  const bool root = processRank() == 0;
  if (!root) options.progress = nullptr;
  try {
#ifdef BASIN_WITH_MPI
    if (processCount() > 1) {
      computeSurfaceMpi(network, data, dirs, surface, a.out, options);
      if (!root) return;
    } else {
      computeSurface(network, data, dirs, surface, a.out, options);
    }
#else
    computeSurface(network, data, dirs, surface, a.out, options);
#endif
  } catch (const Cancelled&) {
    int64_t done = 0;
    for (double v : surface.arrays[split + "_loss"]) done += v >= 0.0;
    std::fprintf(stderr, "\nstopped: %lld of %lld points are saved in %s; run again to resume\n",
                 static_cast<long long>(done), static_cast<long long>(surface.points()),
                 a.out.c_str());
    throw;
  }
  const auto& loss = surface.arrays[split + "_loss"];
  // The lowest computed loss; NaN (e.g. negative interpolated BatchNorm variances) never wins.
  int64_t best = 0;
  for (int64_t k = 1; k < static_cast<int64_t>(loss.size()); ++k)
    if (std::isnan(loss[best]) || loss[k] < loss[best]) best = k;
  const int64_t nx = static_cast<int64_t>(surface.x.size());
  if (a.jsonProgress) return;
  std::printf("surface   %s (%lld points, directions in %s)\n", a.out.c_str(),
              static_cast<long long>(surface.points()), dirFile.c_str());
  std::printf("minimum   %s_loss %.6f at x=%g", split.c_str(), loss[best], surface.x[best % nx]);
  if (!surface.y.empty()) std::printf(", y=%g", surface.y[best / nx]);
  std::printf("\n");
}

}  // namespace

void addSurfaceCommand(CLI::App& app) {
  auto a = std::make_shared<SurfaceArgs>();
  CLI::App* cmd = app.add_subcommand(
      "surface",
      "Loss and accuracy at theta + x*dx (+ y*dy) over a grid, in the reference implementation's "
      "surface-file layout. Resumes an existing --out; Ctrl-C saves what is done.");
  cmd->add_option("--model", a->model.model, "Model file (the centre theta)");
  a->model.addTo(cmd, "Zoo architecture of a PyTorch or safetensors --model");
  a->data.addTo(cmd);
  cmd->add_option("--x", a->x, "x grid min:max:num (reference --x)")->capture_default_str();
  cmd->add_option("--y", a->y, "y grid min:max:num for a 2-D surface (reference --y)");
  cmd->add_option("--dir-type", a->dirType, "weights or states (reference --dir_type)")
      ->capture_default_str();
  cmd->add_option("--xnorm", a->xnorm, "filter, layer, weight, dfilter, dlayer or none")
      ->capture_default_str();
  cmd->add_option("--ynorm", a->ynorm, "Like --xnorm, for y")->capture_default_str();
  cmd->add_option("--xignore", a->xignore, "biasbn: zero for biases and BN (reference --xignore)")
      ->capture_default_str();
  cmd->add_option("--yignore", a->yignore, "Like --xignore, for y")->capture_default_str();
  cmd->add_option("--dir-file", a->dirFile,
                  "Direction file to use (if it exists) or write (default: OUT_dirs.h5)");
  cmd->add_option("--model2", a->model2, "x direction = model2 - model (reference --model_file2)");
  cmd->add_option("--model3", a->model3, "y direction = model3 - model (reference --model_file3)");
  cmd->add_flag("--same-dir", a->sameDir, "y direction = x direction");
  cmd->add_option("--seed", a->seed, "Seed of the random directions (y uses seed + 1)")
      ->capture_default_str();
  cmd->add_option("--out", a->out, "Surface file (reference --surf_file)");
  cmd->add_option("--loss", a->loss, "ce or mse (reference --loss_name)")->capture_default_str();
  addComputeOptions(cmd, a->batch, a->threads);
  cmd->add_option("--flush-seconds", a->flushSeconds, "Rewrite --out at least this often")
      ->capture_default_str();
  cmd->add_flag("--json-progress", a->jsonProgress, "One JSON progress line per point on stdout");
  cmd->callback([a] { run(*a); });
}

}  // namespace basin::cli
