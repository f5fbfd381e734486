#include "core/landscape/surface.h"

#include <algorithm>
#include <chrono>
#include <filesystem>

#include "core/error.h"
#include "core/landscape/grid_order.h"

namespace basin {

using Clock = std::chrono::steady_clock;

SurfaceRun::SurfaceRun(Network& network, const Dataset& data, const DirectionPair& directions,
                       Surface& surface, std::string path, const SurfaceOptions& options)
    : m_network(network),
      m_directions(directions),
      m_surface(surface),
      m_path(std::move(path)),
      m_options(options),
      m_base(currentWeights(network, directions.x.type)),
      m_evaluator(network, data, options.eval),
      m_loss(surface.array(options.split + "_loss")),
      m_accuracy(surface.array(options.split + "_acc")),
      m_start(Clock::now()),
      m_lastWrite(m_start) {
  if (!surface.y.empty() && !directions.y) throw ArgumentError("a 2-D surface needs a y direction");
  for (double v : m_loss) m_done += v >= 0.0;
  record(-1, 0.0, 0.0);  // the starting state
}

SurfaceRun::~SurfaceRun() {
  applyDirections(m_network, m_base, m_directions.x, 0.0, nullptr, 0.0);
}

std::vector<int64_t> SurfaceRun::missingPoints() const {
  std::vector<int64_t> missing;
  if (m_options.coarseToFine) {
    const int64_t nx = static_cast<int64_t>(m_surface.x.size());
    for (int64_t k : coarseToFineOrder(nx, m_surface.points() / std::max<int64_t>(nx, 1)))
      if (m_loss[k] < 0.0) missing.push_back(k);
    return missing;
  }
  for (int64_t k = 0; k < m_surface.points(); ++k)
    if (m_loss[k] < 0.0) missing.push_back(k);
  return missing;
}

EvalResult SurfaceRun::evaluate(int64_t k) {
  const int64_t nx = static_cast<int64_t>(m_surface.x.size());
  const double a = m_surface.x[k % nx];
  const double b = m_surface.y.empty() ? 0.0 : m_surface.y[k / nx];
  applyDirections(m_network, m_base, m_directions.x, a, m_directions.y ? &*m_directions.y : nullptr,
                  b);
  return m_evaluator.run();
}

void SurfaceRun::record(int64_t k, double loss, double accuracy) {
  if (k >= 0) {
    m_loss[k] = loss;
    m_accuracy[k] = accuracy;
    ++m_done;
    ++m_computed;
    m_unsaved = true;
    if (std::chrono::duration<double>(Clock::now() - m_lastWrite).count() >= m_options.flushSeconds)
      save();
  }
  if (!m_options.progress) return;
  const double elapsed = std::chrono::duration<double>(Clock::now() - m_start).count();
  const int64_t total = m_surface.points();
  SurfaceProgress progress{m_done, total, elapsed, std::nullopt};
  if (m_computed >= SurfaceProgress::kMinPointsForEta)
    progress.etaSeconds = elapsed / double(m_computed) * double(total - m_done);
  m_options.progress(progress);
}

void SurfaceRun::save() {
  if (!m_unsaved) return;
  writeSurfaceFile(m_path, m_surface);
  m_unsaved = false;
  m_lastWrite = Clock::now();
}

void computeSurface(Network& network, const Dataset& data, const DirectionPair& directions,
                    Surface& surface, const std::string& path, const SurfaceOptions& options) {
  SurfaceRun run(network, data, directions, surface, path, options);
  try {
    for (int64_t k : run.missingPoints()) {
      if (run.cancelRequested()) throw Cancelled();
      const EvalResult r = run.evaluate(k);
      run.record(k, r.loss, r.accuracy);
    }
  } catch (...) {
    run.save();
    throw;
  }
  run.save();
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) writeSurfaceFile(path, surface);  // nothing was missing
}

}  // namespace basin
