// MainWindow: computing a surface in a worker thread with progress, live preview and cancel.
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QThread>
#include <filesystem>

#include "app/gui/compute_dialog.h"
#include "app/gui/local_number.h"
#include "app/gui/main_window.h"
#include "app/gui/project_panel.h"
#include "app/gui/trajectory_dialog.h"
#include "core/error.h"
#include "core/io/file_kind.h"

namespace basin::gui {
namespace {

QString duration(double seconds) {
  if (seconds < 90) return QObject::tr("%1 s").arg(int(seconds + 0.5));
  if (seconds < 5400) return QObject::tr("%1 min").arg(int(seconds / 60 + 0.5));
  return QObject::tr("%1 h").arg(localNumber(seconds / 3600, 'f', 1));
}

// A file name beside `near` that does not exist yet: STEM.h5, STEM_2.h5, ... (a folder Basin
// cannot write to, such as an installed demo's, gives the last folder used instead).
QString freeFileBeside(const QString& near, const QString& stem) {
  QString folder = QFileInfo(near).absolutePath();
  if (near.isEmpty() || !QFileInfo(folder).isWritable())
    folder = QSettings().value("folders/last", QDir::homePath()).toString();
  const QDir dir(folder);
  for (int n = 1;; ++n) {
    const QString name = n == 1 ? stem + ".h5" : QString("%1_%2.h5").arg(stem).arg(n);
    if (!QFileInfo::exists(dir.filePath(name))) return dir.filePath(name);
  }
}

// The selected entry, else the remembered one if the session has it open, else the one opened
// last, else the remembered one.
std::string choose(const QStringList& selected, const std::vector<std::string>& open,
                   const std::string& remembered) {
  if (!selected.isEmpty()) return selected.front().toStdString();
  if (!remembered.empty())
    for (const std::string& key : open)
      if (key == sessionKey(remembered)) return key;
  return open.empty() ? remembered : open.back();
}

}  // namespace

SurfaceJob MainWindow::defaultJob() const {
  // The fields of the last compute dialog (accepted or not), else a quick first look.
  SurfaceJob job;
  job.x = {-1, 1, 21};
  job.y = Axis{-1, 1, 21};
  job.data.samples = 1000;
  const QString remembered = QSettings().value("compute/job").toString();
  if (!remembered.isEmpty()) {
    try {
      job = surfaceJobFromJson(remembered.toStdString());
    } catch (const Error&) {  // another version's settings: start afresh
    }
  }
  job.model =
      choose(m_panel->selectedPaths(FileKind::Model), m_session.paths(FileKind::Model), job.model);
  const std::string data = choose(m_panel->selectedPaths(FileKind::Dataset),
                                  m_session.paths(FileKind::Dataset), job.data.data);
  if (sessionKey(data) != sessionKey(job.data.data)) {
    // Another data set than last time: its usual preprocessing.
    job.data.normalize.clear();
    job.data.pad = -1;
    job.data.rgb = false;
    if (data.starts_with("mnist:") || data.starts_with("fashion:")) {
      job.data.normalize = "mnist";
      job.data.pad = 2;  // 28 x 28 digits into 32 x 32 CIFAR-style networks
    } else if (data.starts_with("cifar10:")) {
      job.data.normalize = "cifar10";
    }
  }
  job.data.data = data;
  job.dirFile.clear();  // new random directions unless the user picks a file
  job.model2.clear();
  job.model3.clear();
  const QString model = QString::fromStdString(job.model);
  job.out =
      freeFileBeside(model, (model.isEmpty() ? QString("surface")
                                             : QFileInfo(model).completeBaseName() + "_surface"))
          .toStdString();
  return job;
}

void MainWindow::computeDialog() {
  runComputeDialog(defaultJob(), true);
}

void MainWindow::runComputeDialog(const SurfaceJob& job, bool remember) {
  if (m_worker) {
    showError(tr("A surface is being computed; cancel it first."));
    return;
  }
  QSettings settings;
  ComputeDialog dialog(job, settings.value("compute/batch", 128).toLongLong(),
                       settings.value("compute/threads", QThread::idealThreadCount()).toInt(),
                       this);
  const bool accepted = dialog.exec() == QDialog::Accepted;
  if (remember) {  // Cancel keeps the fields too: the next Ctrl+R starts where this one left
    settings.setValue("compute/job", QString::fromStdString(surfaceJobJson(dialog.job())));
    settings.setValue("compute/batch", qint64(dialog.batch()));
    settings.setValue("compute/threads", dialog.threads());
  }
  if (accepted) startCompute(dialog.job(), dialog.batch(), dialog.threads(), dialog.prepared());
}

void MainWindow::computeSimilar(const QString& path) {
  auto job = savedJob(path);
  if (!job) return;
  // The same plane (its direction file), model and data; a new file beside it.
  job->out = freeFileBeside(path, QFileInfo(path).completeBaseName()).toStdString();
  runComputeDialog(*job, false);
}

bool MainWindow::startCompute(const SurfaceJob& job, int64_t batch, int threads,
                              std::shared_ptr<PreparedSurface> prepared) {
  if (m_worker) return false;
  m_worker = new SurfaceWorker(job, batch, threads, std::move(prepared));
  m_thread = new QThread(this);
  m_worker->moveToThread(m_thread);
  m_computingPath = QString::fromStdString(sessionKey(job.out));
  m_computeShown = false;
  connect(m_thread, &QThread::started, m_worker, &SurfaceWorker::run);
  connect(m_worker, &SurfaceWorker::started, this, [this](const QString&, const QString& dirs) {
    SessionSurface open;
    open.computing = true;
    open.directionFile = dirs.toStdString();
    open.explained = readExplainedVariance(open.directionFile);
    if (const SessionSurface* before = m_session.surface(m_computingPath.toStdString()))
      open.surface = before->surface;  // resuming: what is saved shows until the first update
    addEntry({FileKind::Surface,
              m_computingPath.toStdString(),
              tr("being computed").toStdString(),
              std::move(open),
              {}});
    m_progress->setValue(0);
    m_progress->show();
    m_cancel->show();
  });
  connect(m_worker, &SurfaceWorker::progress, this, [this](qint64 done, qint64 total, double eta) {
    m_progress->setMaximum(int(total));
    m_progress->setValue(int(done));
    const QString left =
        eta < 0 ? tr("estimating the time left") : tr("%1 left").arg(duration(eta));
    m_progress->setToolTip(left);
    statusBar()->showMessage(tr("Computing %1: %2 of %3 points, %4")
                                 .arg(QFileInfo(m_computingPath).fileName())
                                 .arg(done)
                                 .arg(total)
                                 .arg(left));
    emit computeProgress(done, total);
  });
  connect(m_worker, &SurfaceWorker::preview, this,
          [this](const SurfacePtr& s) { surfaceUpdate(s, false); });
  connect(m_worker, &SurfaceWorker::finished, this, [this](const SurfacePtr& s) {
    surfaceUpdate(s, true);
    statusBar()->showMessage(tr("Surface saved to %1").arg(m_computingPath), 10000);
  });
  connect(m_worker, &SurfaceWorker::cancelled, this, [this](const SurfacePtr& s) {
    surfaceUpdate(s, true);
    const int64_t done = s->points() - s->missing();
    statusBar()->showMessage(tr("Stopped: %1 of %2 points are saved in %3; compute again to "
                                "resume.")
                                 .arg(done)
                                 .arg(s->points())
                                 .arg(m_computingPath),
                             15000);
  });
  connect(m_worker, &SurfaceWorker::failed, this, [this](const QString& message) {
    // A computation that failed before it had a point leaves no entry behind.
    if (SessionSurface* open = m_session.surface(m_computingPath.toStdString())) {
      open->computing = false;
      if (open->surface.x.empty()) m_panel->remove(m_computingPath);
    }
    showError(tr("The computation stopped:\n\n%1").arg(message));
  });
  for (auto signal : {&SurfaceWorker::finished, &SurfaceWorker::cancelled})
    connect(m_worker, signal, m_thread, &QThread::quit);
  connect(m_worker, &SurfaceWorker::failed, m_thread, &QThread::quit);
  connect(m_thread, &QThread::finished, this, [this] {
    const SessionSurface* open = m_session.surface(m_computingPath.toStdString());
    const bool complete = open && !open->surface.x.empty() && open->surface.missing() == 0;
    // The worker's thread has ended: deleteLater would post to a dead event loop and leak it.
    delete m_worker;
    m_thread->deleteLater();
    m_worker = nullptr;
    m_thread = nullptr;
    m_progress->hide();
    m_cancel->hide();
    emit computeFinished(m_computingPath, complete);
  });
  m_thread->start();
  return true;
}

void MainWindow::trajectoryDialog() {
  TrajectoryJob job;
  job.threads = QThread::idealThreadCount();
  const QString folder = QSettings().value("folders/last", QDir::homePath()).toString();
  job.outDirs = QDir(folder).filePath("pca_dirs.h5").toStdString();
  TrajectoryDialog dialog(job, this);
  if (dialog.exec() == QDialog::Accepted && !startTrajectory(dialog.job()))
    showError(tr("A trajectory is being computed; wait for it to finish."));
}

bool MainWindow::startTrajectory(const TrajectoryJob& job) {
  if (m_trajectoryThread) return false;
  statusBar()->showMessage(tr("Computing the trajectory's PCA…"));
  // Results come back as queued calls on this window, which waits for the thread when closed.
  m_trajectoryThread = QThread::create([this, job] {
    try {
      const TrajectoryRun run = runTrajectory(job, {}, [this](int64_t done, int64_t total) {
        QMetaObject::invokeMethod(this, [this, done, total] {
          statusBar()->showMessage(tr("Loaded %1 of %2 checkpoints").arg(done).arg(total));
        });
      });
      QMetaObject::invokeMethod(this, [this, job, run] { trajectoryDone(job, run); });
    } catch (const std::exception& error) {
      const QString message = QString::fromUtf8(error.what());
      QMetaObject::invokeMethod(this, [this, job, message] {
        showError(tr("The trajectory could not be computed:\n\n%1").arg(message));
        emit trajectoryFinished(QString::fromStdString(job.outDirs), false);
      });
    }
  });
  m_trajectoryThread->setParent(this);  // freed with the window if it closes first
  connect(m_trajectoryThread, &QThread::finished, this, [this] {
    m_trajectoryThread->deleteLater();
    m_trajectoryThread = nullptr;
  });
  m_trajectoryThread->start();
  return true;
}

void MainWindow::trajectoryDone(const TrajectoryJob& job, const TrajectoryRun& run) {
  const QString dirs = QString::fromStdString(job.outDirs);
  openFile(dirs);
  openFile(QString::fromStdString(run.outProj));
  const auto& ratio = run.trajectory.directions.explained->ratio;
  statusBar()->showMessage(
      tr("Trajectory: %1 checkpoints; the PCA plane holds %2 % of the "
         "variance (%3 % + %4 %)")
          .arg(run.trajectory.x.size())
          .arg(localNumber(100 * (ratio[0] + ratio[1]), 'f', 1),
               localNumber(100 * ratio[0], 'f', 1), localNumber(100 * ratio[1], 'f', 1)),
      15000);
  emit trajectoryFinished(dirs, true);
  if (!isVisible() || m_worker ||
      QMessageBox::question(this, tr("Trajectory"),
                            tr("Compute the loss surface on this PCA plane now?")) !=
          QMessageBox::Yes)
    return;
  SurfaceJob surface = defaultJob();
  surface.model = run.finalModel;
  surface.arch = job.arch;
  surface.dirFile = job.outDirs;
  const PlaneGrid grid = gridAroundPath(run.trajectory.x, run.trajectory.y, 31);
  surface.x = grid.x;
  surface.y = grid.y;
  surface.out = std::filesystem::path(job.outDirs).replace_extension("").string() + "_surface.h5";
  ComputeDialog dialog(surface, 128, QThread::idealThreadCount(), this);
  if (dialog.exec() == QDialog::Accepted)
    startCompute(dialog.job(), dialog.batch(), dialog.threads(), dialog.prepared());
}

void MainWindow::cancelCompute() {
  if (m_worker) m_worker->cancel();
}

void MainWindow::surfaceUpdate(const SurfacePtr& surface, bool finalState) {
  SessionSurface* open = m_session.surface(m_computingPath.toStdString());
  if (!open) return;
  open->surface = *surface;
  open->computing = !finalState;
  if (finalState) {
    m_session.find(m_computingPath.toStdString())->detail.clear();
    m_panel->add(FileKind::Surface, m_computingPath, QString());
  }
  // The new surface is shown at once; once the user shows another, it no longer takes over.
  if (!m_computeShown) {
    m_computeShown = true;
    showSurface(m_computingPath);
  } else if (currentSurface() == m_computingPath) {
    redraw(true);
  }
}

}  // namespace basin::gui
