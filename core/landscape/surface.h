// Loss and accuracy over a grid of points theta* + x * dx (+ y * dy): resumable (points already
// in the file are skipped), crash-safe (the file is rewritten atomically every few seconds),
// with progress and cancellation as callbacks.
#pragma once

#include <functional>
#include <string>

#include "core/eval/evaluate.h"
#include "core/landscape/direction_file.h"
#include "core/landscape/surface_file.h"

namespace basin {

struct SurfaceProgress {
  int64_t done = 0, total = 0;  // points, including those found already computed
  double elapsedSeconds = 0.0, etaSeconds = 0.0;
};

struct SurfaceOptions {
  EvalOptions eval;             // batch size, threads, loss; its callbacks are not used
  std::string split = "train";  // arrays <split>_loss and <split>_acc
  double flushSeconds = 5.0;
  std::function<void(const SurfaceProgress&)> progress;
  std::function<bool()> cancelled;  // polled between points
};

// Computes the missing points of `surface` (x, y and any computed values already set) and keeps
// `path` up to date. The network's weights are restored afterwards. Throws Cancelled after
// saving what was computed, and what Evaluator throws.
void computeSurface(Network& network, const Dataset& data, const DirectionPair& directions,
                    Surface& surface, const std::string& path, const SurfaceOptions& options);

}  // namespace basin
