// Loss and accuracy over a grid of points theta* + x * dx (+ y * dy): resumable (points already
// in the file are skipped), crash-safe (the file is rewritten atomically every few seconds),
// with progress and cancellation as callbacks.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/eval/evaluate.h"
#include "core/landscape/direction_file.h"
#include "core/landscape/surface_file.h"

namespace basin {

struct SurfaceProgress {
  int64_t done = 0, total = 0;  // points, including those found already computed
  double elapsedSeconds = 0.0;
  // Time left; unknown until this run has timed kMinPointsForEta points (one point's time says
  // too little: the first includes warm-up).
  std::optional<double> etaSeconds;
  static constexpr int64_t kMinPointsForEta = 3;
};

struct SurfaceOptions {
  EvalOptions eval;             // batch size, threads, loss; its callbacks are not used
  std::string split = "train";  // arrays <split>_loss and <split>_acc
  double flushSeconds = 5.0;
  bool coarseToFine = false;  // points in grid_order.h's order (a viewer's live preview)
  std::function<void(const SurfaceProgress&)> progress;
  std::function<bool()> cancelled;  // polled between points
};

// One surface computation, in pieces a scheduler can drive (computeSurface below, or the MPI
// runner in core/dist): evaluate a point, record a result (from this process or another),
// save. Restores the network's weights when destroyed. With further seeds (surface.seeds, their
// directions in `seedDirections`, same order) a point index k runs over all seeds' grids:
// seed k / points(), grid point k % points(); all share one evaluator (one data conversion).
class SurfaceRun {
 public:
  SurfaceRun(Network& network, const Dataset& data, const DirectionPair& directions,
             Surface& surface, std::string path, const SurfaceOptions& options,
             const std::vector<DirectionPair>& seedDirections = {});
  ~SurfaceRun();
  SurfaceRun(const SurfaceRun&) = delete;
  SurfaceRun& operator=(const SurfaceRun&) = delete;

  // Flat indices of the points not computed yet, in flat order or coarse to fine.
  std::vector<int64_t> missingPoints() const;
  // Loss and accuracy at point k (sets the weights for it).
  EvalResult evaluate(int64_t k);
  // Stores point k's result, reports progress, rewrites the file when flushSeconds have passed.
  void record(int64_t k, double loss, double accuracy);
  // Rewrites the file now if anything new was recorded.
  void save();
  bool cancelRequested() const { return m_options.cancelled && m_options.cancelled(); }

 private:
  Network& m_network;
  std::vector<const DirectionPair*> m_directions;  // per seed
  Surface& m_surface;
  std::string m_path;
  SurfaceOptions m_options;
  Direction m_base;
  Evaluator m_evaluator;
  std::vector<std::vector<double>*> m_loss, m_accuracy;  // per seed
  std::chrono::steady_clock::time_point m_start, m_lastWrite;
  int64_t m_done = 0, m_computed = 0;
  bool m_unsaved = false;
};

// Computes the missing points of `surface` (x, y and any computed values already set) and keeps
// `path` up to date. The network's weights are restored afterwards. Throws Cancelled after
// saving what was computed, and what Evaluator throws.
void computeSurface(Network& network, const Dataset& data, const DirectionPair& directions,
                    Surface& surface, const std::string& path, const SurfaceOptions& options,
                    const std::vector<DirectionPair>& seedDirections = {});

}  // namespace basin
