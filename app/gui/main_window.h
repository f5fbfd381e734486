// Basin's main window: the session's files on the left, the views (3-D, contour / heat, 1-D,
// compare) in the middle, render settings on the right, the value under the cursor and the
// computation's progress in the status bar.
#pragma once

#include <QMainWindow>
#include <QPointer>
#include <map>
#include <optional>

#include "app/gui/render_settings.h"
#include "app/gui/surface_worker.h"
#include "core/io/file_kind.h"
#include "core/landscape/trajectory_job.h"
#include "core/session/session.h"

class QCommandLineParser;
class QLabel;
class QMenu;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QThread;

namespace basin::gui {

class CompareView;
class DemoBanner;
class Inspector;
class ProjectPanel;
class SurfaceView;

class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  MainWindow();
  ~MainWindow() override;

  // The command line of `basin` (help texts translated like the rest of the window).
  static void describeCommandLine(QCommandLineParser& parser);

  // Opens each file, read off the GUI thread, one after the other; a file that cannot be
  // opened gets a dialog naming it and the reason. Returns at once; filesOpened() follows.
  void openFiles(const QStringList& paths);
  // Opens one file now; returns the error message instead of showing it (empty on success).
  QString openFile(const QString& path);

  // Starts a surface computation in a worker thread (false if one is running).
  // `prepared`: the job as the compute dialog loaded it; null: loaded by the worker.
  bool startCompute(const SurfaceJob& job, int64_t batch, int threads,
                    std::shared_ptr<PreparedSurface> prepared = nullptr);
  bool computing() const { return m_worker != nullptr; }
  // Computes a trajectory's PCA in a worker thread, then opens its files (false if one runs).
  bool startTrajectory(const TrajectoryJob& job);
  void cancelCompute();
  void compare(const QStringList& surfacePaths);
  // Opens the bundled demo: its models, data, surfaces and trajectories, the residual network
  // and its plain twin side by side. Returns false (after saying why) when it is not there.
  bool openDemo();
  void showSurface(const QString& path);

  // For tests and the screenshots.
  SurfaceView* view3d() const { return m_view3d; }
  SurfaceView* planeView() const { return m_planeView; }
  SurfaceView* curveView() const { return m_curveView; }
  CompareView* compareView() const { return m_compare; }
  DemoBanner* demoBanner() const { return m_banner; }
  QTabWidget* tabs() const { return m_tabs; }
  QString currentSurface() const { return QString::fromStdString(m_session.shown()); }
  const Session& session() const { return m_session; }

 signals:
  void computeFinished(const QString& path, bool complete);
  void computeProgress(qint64 done, qint64 total);
  void trajectoryFinished(const QString& directionFile, bool ok);
  void filesOpened();  // openFiles' files are all read and in the session

 protected:
  void closeEvent(QCloseEvent* event) override;
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;

 private:
  // A file read (on any thread) and not yet in the session: its entry, or why it failed.
  struct OpenedFile {
    QString path, error;
    std::optional<SessionEntry> entry;
  };
  static OpenedFile readFile(const QString& path);  // never throws
  QString addOpened(OpenedFile read);               // GUI thread; returns the error
  void openNext();                                  // reads the next of m_toOpen
  void createActions();
  void openDialog();
  void openFolderDialog();  // a data set's folder (MNIST, Fashion-MNIST, CIFAR)
  void computeDialog();
  void trajectoryDialog();
  void trajectoryDone(const TrajectoryJob& job, const TrajectoryRun& run);
  void exportFigureDialog();   // on the Compare tab: the compare figure
  void exportCompareDialog();  // the compared surfaces side by side with one colorbar
  void exportData();
  void copyImage();
  void resetCamera();
  void preferences();
  void updateTitle();
  void redraw(bool keepCamera);
  void settingsChanged(const RenderSettings& settings);
  void addRecent(const QString& path);
  void updateRecentMenu();
  void showError(const QString& message);
  void offerResume(const QString& path);   // asks, then resumeDialog
  void resumeDialog(const QString& path);  // the compute dialog on the file's saved job
  void computeSimilar(const QString& path);
  // The job saved in a surface's metadata; nullopt (after saying why) for files without one.
  std::optional<SurfaceJob> savedJob(const QString& path);
  // The compute dialog on `job`; `remember`: its fields become the next dialog's defaults.
  void runComputeDialog(const SurfaceJob& job, bool remember);
  void surfaceUpdate(const SurfacePtr& surface, bool finalState);
  // The trajectory drawn over the shown surface: one on its own plane (Session::trajectoryOn).
  std::optional<Projection> shownTrajectory() const;
  // Adds `entry` to the session and its line to the panel; returns its key.
  QString addEntry(SessionEntry entry);
  SurfaceJob defaultJob() const;

  ProjectPanel* m_panel;
  Inspector* m_inspector;
  QTabWidget* m_tabs;
  SurfaceView* m_view3d;
  SurfaceView* m_planeView;
  SurfaceView* m_curveView;
  CompareView* m_compare;
  DemoBanner* m_banner;
  QLabel* m_readout;
  QProgressBar* m_progress;
  QPushButton* m_cancel;
  QMenu* m_recentMenu;

  RenderSettings m_settings;
  Session m_session;
  QString m_computingPath;
  bool m_computeShown = false;  // the computing surface has been shown once
  SurfaceWorker* m_worker = nullptr;
  QThread* m_thread = nullptr;
  QThread* m_trajectoryThread = nullptr;
  QThread* m_opener = nullptr;  // reading the file openFiles is at
  QStringList m_toOpen;         // openFiles' files still to read
};

}  // namespace basin::gui
