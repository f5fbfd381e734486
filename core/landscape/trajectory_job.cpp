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

  double reach = 0.0;
  for (size_t i = 0; i < t.x.size(); ++i)
    reach = std::max({reach, std::abs(t.x[i]), std::abs(t.y[i])});
  const double unit = std::pow(10.0, std::floor(std::log10(std::max(1.2 * reach, 1e-12))));
  run.extent = 10 * unit;
  for (double step : {1.0, 2.0, 5.0, 10.0})
    if (step * unit >= 1.2 * reach) {
      run.extent = step * unit;
      break;
    }
  return run;
}

}  // namespace basin
