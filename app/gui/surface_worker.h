// A surface computation off the GUI thread: prepares the job, computes the points coarse to fine
// (so an early preview covers the whole plane), reports progress and previews, stops on cancel
// with everything computed saved.
#pragma once

#include <QObject>
#include <QString>
#include <atomic>
#include <memory>

#include "core/landscape/surface_job.h"

namespace basin::gui {

using SurfacePtr = std::shared_ptr<const Surface>;

class SurfaceWorker : public QObject {
  Q_OBJECT

 public:
  // `prepared`: the job as ComputeDialog loaded it; null: the worker prepares it first.
  SurfaceWorker(SurfaceJob job, int64_t batch, int threads,
                std::shared_ptr<PreparedSurface> prepared = nullptr);
  // Thread-safe: the computation stops after the point in flight and saves.
  void cancel() { m_cancel = true; }
  const SurfaceJob& job() const { return m_job; }

 public slots:
  void run();

 signals:
  void started(const QString& path, const QString& directionFile);
  void progress(qint64 done, qint64 total, double etaSeconds);  // eta < 0: not known yet
  void preview(basin::gui::SurfacePtr surface);                 // at most four times a second
  void finished(basin::gui::SurfacePtr surface);
  void cancelled(basin::gui::SurfacePtr surface);
  void failed(const QString& message);

 private:
  SurfaceJob m_job;
  int64_t m_batch;
  int m_threads;
  std::shared_ptr<PreparedSurface> m_prepared;
  std::atomic<bool> m_cancel{false};
};

}  // namespace basin::gui

Q_DECLARE_METATYPE(basin::gui::SurfacePtr)
