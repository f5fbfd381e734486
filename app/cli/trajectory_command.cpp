// basin-cli trajectory: PCA directions of a training run's checkpoints and the path projected
// onto them, in the reference implementation's file layouts.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <memory>

#include "app/cli/commands.h"
#include "app/cli/model_options.h"
#include "core/error.h"
#include "core/landscape/checkpoint_series.h"
#include "core/landscape/trajectory_job.h"

namespace basin::cli {
namespace {

struct TrajectoryArgs {
  ModelArgs model;  // model.model is --final
  std::vector<std::string> checkpoints;
  std::string ignore, dirType = "weights", outDirs, outProj;
  int threads = 2;
  int64_t gridPoints = 51;
};

// An unquoted `model_*.pt` reaches us in the shell's alphabetical order (model_10 before
// model_2): such a list is put in natural order, with a note; any other list is kept as given.
std::vector<std::string> trainingOrder(std::vector<std::string> files) {
  if (files.size() < 2 || !std::is_sorted(files.begin(), files.end()) ||
      std::is_sorted(files.begin(), files.end(), naturalLess))
    return files;
  std::sort(files.begin(), files.end(), naturalLess);
  std::fprintf(stderr,
               "note: the checkpoints came in alphabetical order (as a shell expands a pattern); "
               "sorted them by number, from %s to %s\n",
               files.front().c_str(), files.back().c_str());
  return files;
}

void run(const TrajectoryArgs& a) {
  if (!a.ignore.empty() && a.ignore != "biasbn")
    throw ArgumentError("--ignore takes biasbn or nothing, not '" + a.ignore + "'");
  TrajectoryJob job;
  job.checkpoints = a.checkpoints;
  job.finalModel = a.model.model;
  job.arch = a.model.spec();
  job.dirType = a.dirType;
  job.ignoreBiasBn = a.ignore == "biasbn";
  job.outDirs = a.outDirs;
  job.outProj = a.outProj;
  job.threads = a.threads;
  if (job.outDirs.empty()) throw ArgumentError("give --out-dirs FILE for the PCA directions");
  std::vector<std::string> skipped;
  const std::vector<std::string> files =
      trainingOrder(resolveCheckpointSeries(a.checkpoints, &skipped));
  if (!skipped.empty()) {
    std::string names;
    for (size_t i = 0; i < skipped.size() && i < 6; ++i)
      names += (i ? ", " : "") + std::filesystem::path(skipped[i]).filename().string();
    if (skipped.size() > 6) names += ", and " + std::to_string(skipped.size() - 6) + " more";
    std::fprintf(stderr,
                 "note: %zu checkpoints from the folder; skipped its %zu other files (%s)\n",
                 files.size(), skipped.size(), names.c_str());
  }
  const bool tty = isatty(STDERR_FILENO);
  const TrajectoryRun r = runTrajectory(job, files, [&](int64_t done, int64_t total) {
    if (tty)
      std::fprintf(stderr, "\rloaded %lld/%lld checkpoints ", (long long)done, (long long)total);
    if (tty && done == total) std::fprintf(stderr, "\n");
  });
  const Trajectory& t = r.trajectory;
  const auto& ratio = t.directions.explained->ratio;
  std::printf("checkpoints %zu (final: %s)\n", files.size(), r.finalModel.c_str());
  std::printf("explained   1st PC %.2f %%, 2nd PC %.2f %% of the variance (%.2f %% together)\n",
              100 * ratio[0], 100 * ratio[1], 100 * (ratio[0] + ratio[1]));
  std::printf("path        from (%.4g, %.4g) to (%.4g, %.4g)\n", t.x.front(), t.y.front(),
              t.x.back(), t.y.back());
  std::printf("directions  %s\nprojection  %s\n", a.outDirs.c_str(), r.outProj.c_str());
  const PlaneGrid grid = gridAroundPath(t.x, t.y, a.gridPoints);
  std::printf(
      "next        basin-cli surface --model %s%s%s --dir-file %s --x=%g:%g:%lld --y=%g:%g:%lld "
      "--data ... --out surface.h5\n",
      r.finalModel.c_str(), a.model.arch.empty() ? "" : " --arch ", a.model.arch.c_str(),
      a.outDirs.c_str(), grid.x.min, grid.x.max, (long long)grid.x.num, grid.y.min, grid.y.max,
      (long long)grid.y.num);
}

}  // namespace

void addTrajectoryCommand(CLI::App& app) {
  auto a = std::make_shared<TrajectoryArgs>();
  CLI::App* cmd = app.add_subcommand(
      "trajectory",
      "PCA directions of the offsets of a training run's checkpoints from the final model, and "
      "each checkpoint projected onto them (reference plot_trajectory.py). A surface on that "
      "plane: basin-cli surface --dir-file OUT_DIRS.");
  cmd->add_option("--checkpoints", a->checkpoints,
                  "A folder, a glob pattern ('run/model_*.pt') or a list of files in training "
                  "order; folders, patterns and alphabetical lists are sorted by number; of a "
                  "folder holding model_* files (the reference's), only those")
      ->required();
  cmd->add_option("--final", a->model.model, "Final model theta_n (default: the last checkpoint)");
  a->model.addTo(cmd, "Zoo architecture or ONNX file of PyTorch/safetensors checkpoints");
  cmd->add_option("--ignore", a->ignore, "biasbn: leave biases and BatchNorm out of the PCA");
  cmd->add_option("--dir-type", a->dirType, "weights or states (reference --dir_type)")
      ->capture_default_str();
  cmd->add_option("--out-dirs", a->outDirs, "PCA direction file (reference layout)");
  cmd->add_option("--out-proj", a->outProj,
                  "Projection file proj_xcoord/proj_ycoord (default: OUT_DIRS stem + _proj.h5)");
  cmd->add_option("--grid", a->gridPoints,
                  "Points along the longer side of the suggested surface grid, which covers the "
                  "path and the final model plus a margin of 15 % of the path's longer side, at "
                  "equal spacing along both axes")
      ->check(CLI::Range(2, 10000))
      ->capture_default_str();
  cmd->add_option("--threads", a->threads, "Threads for the PCA")
      ->check(CLI::Range(1, 1024))
      ->capture_default_str();
  cmd->callback([a] { run(*a); });
}

}  // namespace basin::cli
