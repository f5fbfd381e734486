// Training trajectories (reference.md "Trajectories"): the plane of the first two principal
// components of the checkpoints' offsets theta_i - theta_n, and each checkpoint's coordinates
// in it.
#pragma once

#include <Eigen/Core>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/io/checkpoint.h"
#include "core/landscape/direction_file.h"

namespace basin {

// Offsets theta_i - theta_n, one row per checkpoint, every direction entry flattened in order.
using OffsetMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

struct PcaOptions {
  int threads = 1;
};

// The first two principal components of the rows (mean-centred), as unit vectors, computed
// through the rows-by-rows Gram matrix: memory is the rows plus O(rows^2 + columns).
// Component k is sign-fixed like sklearn <= 1.4 (used by the reference): the largest-magnitude
// entry of its left singular vector (its coefficients over the centred rows) is positive.
struct PrincipalPlane {
  Eigen::VectorXd pc1, pc2;
  ExplainedVariance explained;  // two values each; ratio = share of the total variance
  std::vector<double> x, y;     // each row projected: row . pc / |pc|
};

// Throws ArgumentError with fewer than three rows, or when the rows span less than a plane.
PrincipalPlane principalPlane(const OffsetMatrix& offsets, const PcaOptions& options);

struct TrajectoryOptions {
  DirectionType type = DirectionType::Weights;
  bool ignoreBiasBn = false;  // zero the rows' 1-D tensors (biases, BatchNorm)
  PcaOptions pca;
  std::function<void(int64_t done, int64_t total)> progress;  // checkpoints loaded
  std::function<bool()> cancelled;                            // polled between checkpoints
};

struct Trajectory {
  std::vector<std::string> checkpoints;
  DirectionPair directions;  // the two components as directions of `final`'s network
  std::vector<double> x, y;  // one per checkpoint
};

// Loads every checkpoint with `load`, checks it against `final` (same entry names and shapes,
// else ShapeError naming the file and the tensor), and computes the principal plane of the
// offsets from `final`. Throws Cancelled when `cancelled` says so.
Trajectory computeTrajectory(const std::vector<std::string>& checkpoints, const Network& final,
                             const std::function<Checkpoint(const std::string&)>& load,
                             const TrajectoryOptions& options);

}  // namespace basin
