// A trajectory computation as a user describes it (checkpoints, final model, direction type,
// output files): shared by `basin-cli trajectory` and the GUI, so both write the same files.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/io/model_file.h"
#include "core/landscape/surface_file.h"
#include "core/landscape/trajectory.h"

namespace basin {

struct TrajectoryJob {
  std::vector<std::string> checkpoints;  // a folder, a glob pattern or files in training order
  std::string finalModel;                // empty: the last checkpoint
  std::optional<ArchSpec> arch;          // for PyTorch / safetensors checkpoints
  std::string dirType = "weights";       // weights or states
  bool ignoreBiasBn = false;
  std::string outDirs;  // PCA direction file
  std::string outProj;  // projection file; empty: <outDirs stem>_proj.h5
  int threads = 2;
};

struct TrajectoryRun {
  Trajectory trajectory;
  std::string finalModel, outProj;
};

// A surface grid on the PCA plane fitted to the path: the bounding box of the checkpoints and
// the final model (the origin), widened on every side by 15 % of its longer side and rounded
// outward to a multiple of a round step (1, 2 or 5 times a power of ten); `longSide` points
// along the longer axis and the same spacing, as near as whole points allow, along the other.
struct PlaneGrid {
  Axis x, y;
};
PlaneGrid gridAroundPath(const std::vector<double>& x, const std::vector<double>& y,
                         int64_t longSide);

// Resolves the checkpoints (`files` if the caller already put them in order), computes the PCA
// and writes both files. Throws ArgumentError, Cancelled and what the readers throw.
TrajectoryRun runTrajectory(const TrajectoryJob& job, const std::vector<std::string>& files,
                            const std::function<void(int64_t, int64_t)>& progress = {},
                            const std::function<bool()>& cancelled = {});

}  // namespace basin
