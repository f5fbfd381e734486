#include "app/gui/surface_worker.h"

#include <chrono>

#include "app/gui/compute_dialog.h"
#include "core/error.h"

namespace basin::gui {

SurfaceWorker::SurfaceWorker(SurfaceJob job, int64_t batch, int threads,
                             std::shared_ptr<PreparedSurface> prepared)
    : m_job(std::move(job)), m_batch(batch), m_threads(threads), m_prepared(std::move(prepared)) {
  qRegisterMetaType<SurfacePtr>();
}

void SurfaceWorker::run() {
  try {
    PreparedSurface p = m_prepared ? std::move(*m_prepared) : prepareSurface(m_job, true);
    m_prepared.reset();
    emit started(QString::fromStdString(m_job.out), QString::fromStdString(p.dirFile));
    SurfaceOptions options = surfaceOptions(m_job, m_batch, m_threads);
    options.coarseToFine = true;
    options.flushSeconds = 2.0;
    options.cancelled = [this] { return m_cancel.load(); };
    using Clock = std::chrono::steady_clock;
    // Coalesced: a fast network finishes hundreds of points a second, and a signal per point
    // would queue work on the GUI thread faster than it can draw. Progress goes out at most
    // 10 times a second, the preview (a redraw) at most 4 times, the last point always.
    Clock::time_point lastProgress{}, lastPreview{};
    options.progress = [&](const SurfaceProgress& progress) {
      const Clock::time_point now = Clock::now();
      const bool last = progress.done == progress.total;
      if (now - lastProgress >= std::chrono::milliseconds(100) || last) {
        lastProgress = now;
        emit this->progress(progress.done, progress.total, progress.etaSeconds.value_or(-1.0));
      }
      if (now - lastPreview >= std::chrono::milliseconds(250) || last) {
        lastPreview = now;
        emit preview(std::make_shared<const Surface>(p.surface));
      }
    };
    try {
      computeSurface(p.checkpoint.network, p.data, p.directions, p.surface, m_job.out, options,
                     p.seedDirections);
    } catch (const Cancelled&) {
      emit cancelled(std::make_shared<const Surface>(p.surface));
      return;
    }
    emit finished(std::make_shared<const Surface>(p.surface));
  } catch (const InputShapeError& error) {
    // The compute dialog's own field names, not the CLI's flags.
    emit failed(QString::fromUtf8(error.what()) + ".\n\n" + ComputeDialog::inputShapeAdvice(error));
  } catch (const std::exception& error) {
    emit failed(QString::fromUtf8(error.what()));
  }
}

}  // namespace basin::gui
