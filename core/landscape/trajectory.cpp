#include "core/landscape/trajectory.h"

#include <omp.h>

#include <Eigen/Eigenvalues>
#include <algorithm>
#include <cmath>

#include "core/error.h"

namespace basin {
namespace {

constexpr int64_t kChunk = 4096;  // columns per parallel work item (4096 doubles per row)

int64_t chunkCount(int64_t columns) {
  return (columns + kChunk - 1) / kChunk;
}

// rows x rows Gram matrix, accumulated in double over column chunks, one partial sum per thread,
// added in thread order after the loop: the same sum on every run (no critical section, whose
// order depends on timing; libomp's also crashed under ThreadSanitizer).
Eigen::MatrixXd gramMatrix(const OffsetMatrix& rows, int threads) {
  const int64_t m = rows.rows(), n = rows.cols();
  const int team = std::max(threads, 1);
  std::vector<Eigen::MatrixXd> partials(team, Eigen::MatrixXd::Zero(m, m));
#pragma omp parallel num_threads(team)
  {
    Eigen::MatrixXd& partial = partials[omp_get_thread_num()];
    Eigen::MatrixXd block(m, kChunk);
#pragma omp for schedule(static)
    for (int64_t c = 0; c < chunkCount(n); ++c) {
      const int64_t first = c * kChunk, width = std::min(kChunk, n - first);
      block.leftCols(width) = rows.middleCols(first, width).cast<double>();
      partial.selfadjointView<Eigen::Lower>().rankUpdate(block.leftCols(width));
    }
  }
  Eigen::MatrixXd lower = Eigen::MatrixXd::Zero(m, m);
  for (const Eigen::MatrixXd& partial : partials) lower += partial;
  return lower.selfadjointView<Eigen::Lower>();
}

// H G H with H = I - 11^T/m: the Gram matrix of the mean-centred rows.
Eigen::MatrixXd centred(const Eigen::MatrixXd& gram) {
  const Eigen::VectorXd rowMean = gram.rowwise().mean();
  const double mean = rowMean.mean();
  Eigen::MatrixXd c = gram;
  c.colwise() -= rowMean;
  c.rowwise() -= rowMean.transpose();
  c.array() += mean;
  return c;
}

void checkSameLayout(const Network& candidate, const Network& final, const std::string& path) {
  const auto& mine = candidate.state().entries();
  const auto& theirs = final.state().entries();
  for (size_t i = 0; i < std::max(mine.size(), theirs.size()); ++i) {
    if (i >= mine.size())
      throw ShapeError(path + ": has no tensor '" + theirs[i].name + "' (the final model has)");
    if (i >= theirs.size())
      throw ShapeError(path + ": tensor '" + mine[i].name + "' is not in the final model");
    if (mine[i].name != theirs[i].name)
      throw ShapeError(path + ": tensor '" + mine[i].name + "' where the final model has '" +
                       theirs[i].name + "'");
    if (mine[i].shape != theirs[i].shape)
      throw ShapeError(path + ": tensor '" + mine[i].name + "' has shape " +
                       toString(mine[i].shape) + ", the final model's is " +
                       toString(theirs[i].shape));
  }
}

Direction unflatten(const Eigen::VectorXd& flat, const Direction& layout) {
  Direction d{layout.type, layout.entries, {}};
  int64_t offset = 0;
  for (const auto& v : layout.values) {
    std::vector<float> out(v.size());
    for (size_t j = 0; j < v.size(); ++j) out[j] = static_cast<float>(flat[offset + j]);
    offset += static_cast<int64_t>(v.size());
    d.values.push_back(std::move(out));
  }
  return d;
}

}  // namespace

PrincipalPlane principalPlane(const OffsetMatrix& offsets, const PcaOptions& options) {
  const int64_t m = offsets.rows(), n = offsets.cols();
  if (m < 3)
    throw ArgumentError(
        "a trajectory needs at least 3 checkpoints for two principal components, "
        "not " +
        std::to_string(m));
  const Eigen::MatrixXd gram = centred(gramMatrix(offsets, options.threads));
  const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eigen(gram);
  if (eigen.info() != Eigen::Success) throw ArgumentError("the PCA eigensolver did not converge");
  const double total = gram.trace();
  const Eigen::VectorXd& lambda = eigen.eigenvalues();  // ascending
  if (!(total > 0.0) || lambda[m - 2] <= 1e-12 * total)
    throw ArgumentError("the checkpoints do not span a plane (all equal, or on one line)");

  PrincipalPlane plane;
  Eigen::MatrixXd coefficients(m, 2);  // left singular vectors
  for (int k = 0; k < 2; ++k) {
    const double l = lambda[m - 1 - k];
    Eigen::VectorXd v = eigen.eigenvectors().col(m - 1 - k);
    Eigen::Index largest = 0;
    v.cwiseAbs().maxCoeff(&largest);
    if (v[largest] < 0.0) v = -v;
    coefficients.col(k) = v / std::sqrt(l);
    plane.explained.ratio.push_back(l / total);
    plane.explained.singularValues.push_back(std::sqrt(l));
    plane.explained.variance.push_back(l / double(m - 1));
  }

  // Components X^T v / s: the centring term drops out because v is orthogonal to (1, ..., 1).
  Eigen::MatrixXd components(n, 2);
#pragma omp parallel for schedule(static) num_threads(std::max(options.threads, 1))
  for (int64_t c = 0; c < chunkCount(n); ++c) {
    const int64_t first = c * kChunk, width = std::min(kChunk, n - first);
    components.middleRows(first, width).noalias() =
        offsets.middleCols(first, width).transpose().cast<double>() * coefficients;
  }
  components.col(0).normalize();
  components.col(1).normalize();
  plane.pc1 = components.col(0);
  plane.pc2 = components.col(1);

  plane.x.resize(m);
  plane.y.resize(m);
#pragma omp parallel for schedule(static) num_threads(std::max(options.threads, 1))
  for (int64_t i = 0; i < m; ++i) {
    const Eigen::RowVector2d p = offsets.row(i).cast<double>() * components;
    plane.x[i] = p[0];
    plane.y[i] = p[1];
  }
  return plane;
}

Trajectory computeTrajectory(const std::vector<std::string>& checkpoints, const Network& final,
                             const std::function<Checkpoint(const std::string&)>& load,
                             const TrajectoryOptions& options) {
  const Direction theta = currentWeights(final, options.type);
  int64_t columns = 0;
  for (const auto& v : theta.values) columns += static_cast<int64_t>(v.size());
  const int64_t m = static_cast<int64_t>(checkpoints.size());
  OffsetMatrix offsets(m, columns);
  for (int64_t i = 0; i < m; ++i) {
    if (options.cancelled && options.cancelled()) throw Cancelled();
    const Checkpoint c = load(checkpoints[i]);
    checkSameLayout(c.network, final, checkpoints[i]);
    const Direction d = currentWeights(c.network, options.type);
    int64_t col = 0;
    for (size_t k = 0; k < d.values.size(); ++k) {
      const bool zero =
          options.ignoreBiasBn && final.state().entry(theta.entries[k]).shape.size() <= 1;
      for (size_t j = 0; j < d.values[k].size(); ++j, ++col)
        offsets(i, col) = zero ? 0.0f : d.values[k][j] - theta.values[k][j];
    }
    if (options.progress) options.progress(i + 1, m);
  }
  const PrincipalPlane plane = principalPlane(offsets, options.pca);
  Trajectory t;
  t.checkpoints = checkpoints;
  t.directions.x = unflatten(plane.pc1, theta);
  t.directions.y = unflatten(plane.pc2, theta);
  t.directions.explained = plane.explained;
  t.x = plane.x;
  t.y = plane.y;
  return t;
}

}  // namespace basin
