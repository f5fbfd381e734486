// basin-cli surface: a 1-D or 2-D loss/accuracy surface in the reference's file layout.
#include <unistd.h>

#include <atomic>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>

#include "app/cli/commands.h"
#include "app/cli/data_options.h"
#include "app/cli/model_options.h"
#include "core/error.h"
#include "core/landscape/surface_job.h"
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
  SurfaceJob job;  // model and data are filled in from the two above
  std::string x = "-1:1:51", y;
  bool jsonProgress = false, wait = false;
  int64_t batch = 128;
  int threads = 2;
  double flushSeconds = 5.0;
};

void run(SurfaceArgs& a) {
  SurfaceJob& job = a.job;
  job.model = a.model.model;
  job.arch = a.model.spec();
  job.data = a.data;
  job.x = parseAxis(a.x, "--x");
  if (!a.y.empty()) job.y = parseAxis(a.y, "--y");
  // Every rank draws the same seeded directions; only rank 0 writes them.
  PreparedSurface prepared = [&] {
    try {
      return prepareSurface(job, processRank() == 0, a.wait);
    } catch (const OutputBusyError& e) {
      throw OutputBusyError(std::string(e.what()) + " (or pass --wait)");
    }
  }();
  Network& network = prepared.checkpoint.network;
  const Dataset& data = prepared.data;
  const DirectionPair& dirs = prepared.directions;
  Surface& surface = prepared.surface;
  const std::string& dirFile = prepared.dirFile;
  const std::string split = job.data.split;

  SurfaceOptions options = surfaceOptions(job, a.batch, a.threads);
  options.flushSeconds = a.flushSeconds;
  options.cancelled = [] { return g_interrupted.load(); };
  const bool tty = isatty(STDERR_FILENO);
  int64_t lastTenth = -1;
  options.progress = [&](const SurfaceProgress& p) {
    if (a.jsonProgress) {
      std::printf("%s\n",
                  nlohmann::json{{"done", p.done},
                                 {"total", p.total},
                                 {"elapsed_seconds", p.elapsedSeconds},
                                 {"eta_seconds",
                                  p.etaSeconds ? nlohmann::json(*p.etaSeconds) : nlohmann::json()}}
                      .dump()
                      .c_str());
      std::fflush(stdout);
    } else if (tty) {
      const int width = 30, filled = int(width * p.done / std::max<int64_t>(p.total, 1));
      const std::string left =
          p.etaSeconds ? std::to_string(std::lround(*p.etaSeconds)) + " s left" : "estimating";
      std::fprintf(stderr, "\r[%s%s] %lld/%lld points, %s   ", std::string(filled, '#').c_str(),
                   std::string(width - filled, '.').c_str(), static_cast<long long>(p.done),
                   static_cast<long long>(p.total), left.c_str());
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
      computeSurfaceMpi(network, data, dirs, surface, job.out, options, prepared.seedDirections);
      if (!root) return;
    } else {
      computeSurface(network, data, dirs, surface, job.out, options, prepared.seedDirections);
    }
#else
    computeSurface(network, data, dirs, surface, job.out, options, prepared.seedDirections);
#endif
  } catch (const Cancelled&) {
    const int64_t total = surface.totalPoints();
    std::fprintf(stderr, "\nstopped: %lld of %lld points are saved in %s; run again to resume\n",
                 static_cast<long long>(total - surface.missing()), static_cast<long long>(total),
                 job.out.c_str());
    throw;
  }
  const auto& loss = surface.arrays[split + "_loss"];
  // The lowest computed loss; NaN (e.g. negative interpolated BatchNorm variances) never wins.
  int64_t best = 0;
  for (int64_t k = 1; k < static_cast<int64_t>(loss.size()); ++k)
    if (std::isnan(loss[best]) || loss[k] < loss[best]) best = k;
  const int64_t nx = static_cast<int64_t>(surface.x.size());
  if (a.jsonProgress) return;
  std::printf("surface   %s (%lld points, directions in %s)\n", job.out.c_str(),
              static_cast<long long>(surface.points()), dirFile.c_str());
  std::printf("minimum   %s_loss %.6f at x=%g", split.c_str(), loss[best], surface.x[best % nx]);
  if (!surface.y.empty()) std::printf(", y=%g", surface.y[best / nx]);
  std::printf("\n");
  if (!surface.seeds.empty()) {
    std::string files = seedDirectionFile(job, 0);
    files.replace(files.rfind("_seed0"), 6, "_seed<S>");
    std::printf(
        "seeds     %lld (%lld to %lld, directions in %s); basin-cli measure "
        "prints their spread\n",
        static_cast<long long>(1 + surface.seeds.size()), static_cast<long long>(job.seed),
        static_cast<long long>(surface.seeds.back().seed), files.c_str());
  }
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
  cmd->add_option("--dir-type", a->job.dirType, "weights or states (reference --dir_type)")
      ->capture_default_str();
  cmd->add_option("--xnorm", a->job.xnorm, "filter, layer, weight, dfilter, dlayer or none")
      ->capture_default_str();
  cmd->add_option("--ynorm", a->job.ynorm, "Like --xnorm, for y")->capture_default_str();
  cmd->add_option("--xignore", a->job.xignore,
                  "biasbn: zero for biases and BN (reference --xignore)")
      ->capture_default_str();
  cmd->add_option("--yignore", a->job.yignore, "Like --xignore, for y")->capture_default_str();
  cmd->add_option("--dir-file", a->job.dirFile,
                  "Direction file to use (if it exists) or write (default: OUT_dirs.h5)");
  cmd->add_option("--model2", a->job.model2,
                  "x direction = model2 - model (reference --model_file2)");
  cmd->add_option("--model3", a->job.model3,
                  "y direction = model3 - model (reference --model_file3)");
  cmd->add_flag("--same-dir", a->job.sameDir, "y direction = x direction");
  cmd->add_option("--rng", a->job.rng,
                  "Generator of the random directions: torch draws the reference's own, bit for "
                  "bit (torch.manual_seed(--seed), the draws of PyTorch's initialisation of the "
                  "network, then torch.randn per tensor, x then y); mt19937_64 is Basin's older "
                  "generator (x from --seed, y from --seed + 1)")
      ->capture_default_str();
  cmd->add_option("--seed", a->job.seed, "Seed of the random directions (the reference's: 123)")
      ->capture_default_str();
  cmd->add_option("--skip-draws", a->job.skipDraws,
                  "torch: uniform draws to skip after the seed instead of what PyTorch's default "
                  "initialisation of the network draws (one per element of its Conv/Linear "
                  "weights and biases; other initialisations need this)");
  cmd->add_option("--seeds", a->job.seeds,
                  "Compute the surface along the directions of this many seeds (--seed, --seed + "
                  "1, ...; --rng torch) to see how much its measures depend on the random "
                  "directions: the first seed's values stay where the reference's tools read "
                  "them, the others go to the group seeds/<seed> of --out, their directions to "
                  "DIRFILE_seed<S>.h5; basin-cli measure and compare print the spread")
      ->capture_default_str();
  cmd->add_option("--out", a->job.out, "Surface file (reference --surf_file)");
  cmd->add_option("--loss", a->job.loss, "ce or mse (reference --loss_name)")
      ->capture_default_str();
  addComputeOptions(cmd, a->batch, a->threads);
  cmd->add_option("--flush-seconds", a->flushSeconds, "Rewrite --out at least this often")
      ->check(atLeast(0))
      ->capture_default_str();
  cmd->add_flag("--wait", a->wait,
                "When another process is writing --out, wait for it to finish (then resume its "
                "file) instead of exiting with 1");
  cmd->add_flag("--json-progress", a->jsonProgress, "One JSON progress line per point on stdout");
  cmd->callback([a] { run(*a); });
}

}  // namespace basin::cli
