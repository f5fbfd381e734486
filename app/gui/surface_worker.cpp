#include "app/gui/surface_worker.h"

#include <chrono>

#include "core/error.h"

namespace basin::gui {

SurfaceWorker::SurfaceWorker(SurfaceJob job, int64_t batch, int threads)
    : m_job(std::move(job)), m_batch(batch), m_threads(threads) {
  qRegisterMetaType<SurfacePtr>();
}

void SurfaceWorker::run() {
  try {
    PreparedSurface p = prepareSurface(m_job, true);
    emit started(QString::fromStdString(m_job.out), QString::fromStdString(p.dirFile));
    SurfaceOptions options = surfaceOptions(m_job, m_batch, m_threads);
    options.coarseToFine = true;
    options.flushSeconds = 2.0;
    options.cancelled = [this] { return m_cancel.load(); };
    using Clock = std::chrono::steady_clock;
    Clock::time_point lastPreview{};
    options.progress = [&](const SurfaceProgress& progress) {
      emit this->progress(progress.done, progress.total, progress.etaSeconds);
      const Clock::time_point now = Clock::now();
      if (now - lastPreview >= std::chrono::milliseconds(250) || progress.done == progress.total) {
        lastPreview = now;
        emit preview(std::make_shared<const Surface>(p.surface));
      }
    };
    try {
      computeSurface(p.checkpoint.network, p.data, p.directions, p.surface, m_job.out, options);
    } catch (const Cancelled&) {
      emit cancelled(std::make_shared<const Surface>(p.surface));
      return;
    }
    emit finished(std::make_shared<const Surface>(p.surface));
  } catch (const InputShapeError& error) {
    // The compute dialog's own field names, not the CLI's flags.
    const QString pad = tr("set “Zero padding” to %1 px").arg(error.pad);
    const QString rgb = tr("tick “Repeat a grey channel as RGB”");
    QString advice = tr("Choose a data set whose images fit this model.");
    if (error.pad > 0 && error.rgb)
      advice = tr("In the compute dialog, %1 and %2.").arg(pad, rgb);
    else if (error.pad > 0)
      advice = tr("In the compute dialog, %1.").arg(pad);
    else if (error.rgb)
      advice = tr("In the compute dialog, %1.").arg(rgb);
    emit failed(QString::fromUtf8(error.what()) + ".\n\n" + advice);
  } catch (const std::exception& error) {
    emit failed(QString::fromUtf8(error.what()));
  }
}

}  // namespace basin::gui
