#include "core/landscape/surface.h"

#include <chrono>

#include "core/error.h"

namespace basin {

void computeSurface(Network& network, const Dataset& data, const DirectionPair& directions,
                    Surface& surface, const std::string& path, const SurfaceOptions& options) {
  if (!surface.y.empty() && !directions.y) throw ArgumentError("a 2-D surface needs a y direction");
  using Clock = std::chrono::steady_clock;
  std::vector<double>& loss = surface.array(options.split + "_loss");
  std::vector<double>& accuracy = surface.array(options.split + "_acc");
  const int64_t nx = static_cast<int64_t>(surface.x.size()), total = surface.points();
  const Direction base = currentWeights(network, directions.x.type);
  Evaluator evaluator(network, data, options.eval);

  const auto start = Clock::now();
  auto lastWrite = start;
  int64_t done = 0, computed = 0;
  for (int64_t k = 0; k < total; ++k) done += loss[k] >= 0.0;
  const int64_t already = done;
  auto report = [&] {
    if (!options.progress) return;
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    const double perPoint = computed ? elapsed / double(computed) : 0.0;
    options.progress({done, total, elapsed, perPoint * double(total - done)});
  };
  auto restore = [&] { applyDirections(network, base, directions.x, 0.0, nullptr, 0.0); };
  report();
  try {
    for (int64_t k = 0; k < total; ++k) {
      if (loss[k] >= 0.0) continue;
      if (options.cancelled && options.cancelled()) throw Cancelled();
      const double a = surface.x[k % nx];
      const double b = surface.y.empty() ? 0.0 : surface.y[k / nx];
      applyDirections(network, base, directions.x, a, directions.y ? &*directions.y : nullptr, b);
      const EvalResult r = evaluator.run();
      loss[k] = r.loss;
      accuracy[k] = r.accuracy;
      ++done;
      ++computed;
      if (std::chrono::duration<double>(Clock::now() - lastWrite).count() >= options.flushSeconds) {
        writeSurfaceFile(path, surface);
        lastWrite = Clock::now();
      }
      report();
    }
  } catch (...) {
    restore();
    if (done > already) writeSurfaceFile(path, surface);
    throw;
  }
  restore();
  writeSurfaceFile(path, surface);
}

}  // namespace basin
