#include "core/landscape/surface.h"

#include <algorithm>
#include <chrono>
#include <filesystem>

#include "core/error.h"
#include "core/landscape/grid_order.h"

namespace basin {

using Clock = std::chrono::steady_clock;

SurfaceRun::SurfaceRun(Network& network, const Dataset& data, const DirectionPair& directions,
                       Surface& surface, std::string path, const SurfaceOptions& options,
                       const std::vector<DirectionPair>& seedDirections)
    : m_network(network),
      m_surface(surface),
      m_path(std::move(path)),
      m_options(options),
      m_base(currentWeights(network, directions.x.type)),
      m_evaluator(network, data, options.eval),
      m_start(Clock::now()),
      m_lastWrite(m_start) {
  if (seedDirections.size() != surface.seeds.size())
    throw ArgumentError("the surface has " + std::to_string(surface.seeds.size()) +
                        " further seeds but " + std::to_string(seedDirections.size()) +
                        " direction pairs were given for them");
  m_directions.push_back(&directions);
  for (const DirectionPair& d : seedDirections) m_directions.push_back(&d);
  for (const DirectionPair* d : m_directions)
    if (!surface.y.empty() && !d->y) throw ArgumentError("a 2-D surface needs a y direction");
  const std::string loss = options.split + "_loss", acc = options.split + "_acc";
  m_loss.push_back(&surface.array(loss));
  m_accuracy.push_back(&surface.array(acc));
  for (SeedSurface& seed : surface.seeds) {
    m_loss.push_back(&arrayOf(seed.arrays, loss, surface.points()));
    m_accuracy.push_back(&arrayOf(seed.arrays, acc, surface.points()));
  }
  for (const auto* values : m_loss)
    for (double v : *values) m_done += v >= 0.0;
  record(-1, 0.0, 0.0);  // the starting state
}

SurfaceRun::~SurfaceRun() {
  applyDirections(m_network, m_base, m_directions[0]->x, 0.0, nullptr, 0.0);
}

std::vector<int64_t> SurfaceRun::missingPoints() const {
  std::vector<int64_t> order;
  const int64_t points = m_surface.points();
  if (m_options.coarseToFine) {
    const int64_t nx = static_cast<int64_t>(m_surface.x.size());
    order = coarseToFineOrder(nx, points / std::max<int64_t>(nx, 1));
  } else {
    for (int64_t k = 0; k < points; ++k) order.push_back(k);
  }
  // Seed by seed: the first seed's surface is whole (and previewed) before the next begins.
  std::vector<int64_t> missing;
  for (size_t s = 0; s < m_loss.size(); ++s)
    for (int64_t k : order)
      if ((*m_loss[s])[k] < 0.0) missing.push_back(int64_t(s) * points + k);
  return missing;
}

EvalResult SurfaceRun::evaluate(int64_t k) {
  const int64_t nx = static_cast<int64_t>(m_surface.x.size()), points = m_surface.points();
  const DirectionPair& d = *m_directions.at(k / points);
  const int64_t point = k % points;
  const double a = m_surface.x[point % nx];
  const double b = m_surface.y.empty() ? 0.0 : m_surface.y[point / nx];
  applyDirections(m_network, m_base, d.x, a, d.y ? &*d.y : nullptr, b);
  return m_evaluator.run();
}

void SurfaceRun::record(int64_t k, double loss, double accuracy) {
  if (k >= 0) {
    const int64_t points = m_surface.points();
    (*m_loss.at(k / points))[k % points] = loss;
    (*m_accuracy.at(k / points))[k % points] = accuracy;
    ++m_done;
    ++m_computed;
    m_unsaved = true;
    if (std::chrono::duration<double>(Clock::now() - m_lastWrite).count() >= m_options.flushSeconds)
      save();
  }
  if (!m_options.progress) return;
  const double elapsed = std::chrono::duration<double>(Clock::now() - m_start).count();
  const int64_t total = m_surface.totalPoints();
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
                    Surface& surface, const std::string& path, const SurfaceOptions& options,
                    const std::vector<DirectionPair>& seedDirections) {
  SurfaceRun run(network, data, directions, surface, path, options, seedDirections);
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
