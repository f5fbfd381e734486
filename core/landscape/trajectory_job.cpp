#include "core/landscape/trajectory_job.h"

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "core/error.h"
#include "core/io/output_file.h"
#include "core/landscape/checkpoint_series.h"
#include "core/landscape/projection_file.h"

namespace basin {

TrajectoryRun runTrajectory(const TrajectoryJob& job, const std::vector<std::string>& given,
                            const std::function<void(int64_t, int64_t)>& progress,
                            const std::function<bool()>& cancelled) {
  if (job.outDirs.empty()) throw ArgumentError("give a file for the PCA directions (--out-dirs)");
  const std::vector<std::string> files =
      given.empty() ? resolveCheckpointSeries(job.checkpoints) : given;
  TrajectoryRun run;
  run.finalModel = job.finalModel.empty() ? files.back() : job.finalModel;
  run.outProj = job.outProj.empty()
                    ? std::filesystem::path(job.outDirs).replace_extension("").string() + "_proj.h5"
                    : job.outProj;
  std::vector<std::pair<std::string, std::string>> inputs = {{"final model", run.finalModel}};
  for (const std::string& f : files) inputs.push_back({"checkpoint", f});
  refuseOutputOverInput("--out-dirs", job.outDirs, inputs);
  refuseOutputOverInput("--out-proj", run.outProj, inputs);
  refuseSameOutput("--out-dirs", job.outDirs, "--out-proj", run.outProj);
  // A second trajectory into the same files stops here instead of racing this one.
  const OutputLock dirsLock(job.outDirs), projLock(run.outProj);
  Checkpoint final = loadModel(run.finalModel, job.arch);

  TrajectoryOptions options;
  options.type = parseDirectionType(job.dirType);
  options.ignoreBiasBn = job.ignoreBiasBn;
  options.pca.threads = job.threads;
  options.progress = progress;
  options.cancelled = cancelled;
  run.trajectory = computeTrajectory(
      files, final.network, [&](const std::string& f) { return loadModel(f, job.arch); }, options);
  const Trajectory& t = run.trajectory;
  writeDirectionFile(job.outDirs, final.network, t.directions);
  // The projection names its direction file relative to its own folder, so the pair can move.
  namespace fs = std::filesystem;
  const std::string dirsFromProj = fs::absolute(job.outDirs)
                                       .lexically_relative(fs::absolute(run.outProj).parent_path())
                                       .string();
  writeProjectionFile(run.outProj, {t.x, t.y, t.checkpoints, dirsFromProj});

  return run;
}

PlaneGrid gridAroundPath(const std::vector<double>& x, const std::vector<double>& y,
                         int64_t longSide) {
  double low[2] = {0.0, 0.0}, high[2] = {0.0, 0.0};  // the final model sits at the origin
  for (size_t i = 0; i < x.size() && i < y.size(); ++i) {
    low[0] = std::min(low[0], x[i]), high[0] = std::max(high[0], x[i]);
    low[1] = std::min(low[1], y[i]), high[1] = std::max(high[1], y[i]);
  }
  const double span = std::max({high[0] - low[0], high[1] - low[1], 1e-12});
  const double margin = 0.15 * span;
  const double decade = std::pow(10.0, std::floor(std::log10(span / 10)));
  double unit = 10 * decade;
  for (double step : {1.0, 2.0, 5.0})
    if (step * decade >= span / 10) {
      unit = step * decade;
      break;
    }
  Axis axes[2];
  for (int a = 0; a < 2; ++a) {
    axes[a].min = std::floor((low[a] - margin) / unit) * unit;
    axes[a].max = std::ceil((high[a] + margin) / unit) * unit;
  }
  const int longer = axes[0].max - axes[0].min >= axes[1].max - axes[1].min ? 0 : 1;
  const double spacing =
      (axes[longer].max - axes[longer].min) / double(std::max<int64_t>(longSide - 1, 1));
  axes[longer].num = std::max<int64_t>(longSide, 2);
  axes[1 - longer].num = std::max<int64_t>(
      3, std::llround((axes[1 - longer].max - axes[1 - longer].min) / spacing) + 1);
  return {axes[0], axes[1]};
}

}  // namespace basin
