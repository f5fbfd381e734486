// MainWindow: opening files (dialog, command line, drag-and-drop, recent files) and exporting.
#include <QCommandLineParser>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QThread>

#include "app/gui/compare_view.h"
#include "app/gui/compute_dialog.h"
#include "app/gui/export_dialog.h"
#include "app/gui/help.h"
#include "app/gui/inspector.h"
#include "app/gui/local_number.h"
#include "app/gui/main_window.h"
#include "app/gui/project_panel.h"
#include "app/gui/surface_view.h"
#include "core/error.h"
#include "core/io/demo_bundle.h"
#include "core/io/model_file.h"
#include "core/io/output_file.h"
#include "core/landscape/projection_file.h"
#include "viz/compare_figure.h"
#include "viz/data_export.h"

namespace basin::gui {
namespace {

QString lastFolder() {
  return QSettings().value("folders/last").toString();
}

void rememberFolder(const QString& path) {
  QSettings().setValue("folders/last", QFileInfo(path).absolutePath());
}

}  // namespace

void MainWindow::describeCommandLine(QCommandLineParser& parser) {
  parser.setApplicationDescription(tr("Basin: explore the loss landscapes of neural networks."));
  parser.addHelpOption();
  parser.addVersionOption();
  parser.addOption({"demo", tr("Open the bundled demo: a residual network and its plain twin "
                               "side by side.")});
  parser.addPositionalArgument(
      "files", tr("Models, data sets, surface, direction or projection files to open."),
      "[FILES...]");
}

void MainWindow::openDialog() {
  const QStringList paths = QFileDialog::getOpenFileNames(
      this, tr("Open"), lastFolder(),
      tr("Basin files (*.h5 *.hdf5 *.onnx *.pt *.pth *.t7 *.safetensors *-ubyte *-ubyte.gz *.bin);;"
         "All files (*)"));
  if (!paths.isEmpty()) rememberFolder(paths.front());
  openFiles(paths);
}

void MainWindow::openFolderDialog() {
  const QString folder = QFileDialog::getExistingDirectory(
      this, tr("Folder with MNIST / Fashion-MNIST (IDX) or CIFAR (.bin) files"), lastFolder());
  if (folder.isEmpty()) return;
  QSettings().setValue("folders/last", folder);
  openFiles({folder});
}

void MainWindow::openFiles(const QStringList& paths) {
  m_toOpen << paths;
  openNext();
}

void MainWindow::openNext() {
  if (m_opener) return;  // the running read starts the next when it ends
  if (m_toOpen.isEmpty()) {
    statusBar()->clearMessage();
    emit filesOpened();
    return;
  }
  const QString path = m_toOpen.takeFirst();
  statusBar()->showMessage(tr("Opening %1…").arg(QFileInfo(path).fileName()));
  // Read in a thread of its own (a model of hundreds of MB takes seconds), added to the session
  // on the GUI thread; one file at a time, in the order given.
  auto read = std::make_shared<OpenedFile>();
  m_opener = QThread::create([path, read] { *read = readFile(path); });
  connect(m_opener, &QThread::finished, this, [this, read] {
    m_opener->deleteLater();
    m_opener = nullptr;
    const QString path = read->path;
    const QString error = addOpened(std::move(*read));
    if (!error.isEmpty()) showError(tr("Could not open %1:\n\n%2").arg(path, error));
    openNext();
  });
  m_opener->start();
}

QString MainWindow::openFile(const QString& path) {
  return addOpened(readFile(path));
}

MainWindow::OpenedFile MainWindow::readFile(const QString& path) {
  OpenedFile read{path, {}, std::nullopt};
  try {
    const FileInfo info = classifyFile(path.toStdString());
    SessionEntry entry{info.kind, info.path, {}, {}, {}};
    switch (info.kind) {
      case FileKind::Surface: {
        SessionSurface open = readSessionSurface(info.path);
        const int64_t missing = open.surface.missing();
        if (missing) entry.detail = tr("%1 points not computed yet").arg(missing).toStdString();
        entry.surface = std::move(open);
        break;
      }
      case FileKind::Projection: {
        SessionTrajectory trajectory = readSessionTrajectory(info.path);
        entry.detail = tr("%1 checkpoints").arg(trajectory.projection.x.size()).toStdString();
        entry.trajectory = std::move(trajectory);
        break;
      }
      case FileKind::Directions: {
        const auto explained = readExplainedVariance(info.path);
        if (explained && explained->ratio.size() >= 2)
          entry.detail = tr("PCA directions: %1 % and %2 % of the variance")
                             .arg(localNumber(100 * explained->ratio[0], 'f', 1),
                                  localNumber(100 * explained->ratio[1], 'f', 1))
                             .toStdString();
        break;
      }
      case FileKind::Model: {
        QString detail = QString::fromUtf8(formatName(detectModelFormat(info.path)));
        try {
          const Checkpoint c = loadModel(info.path, std::nullopt);
          detail += tr(", %1, %2 parameters")
                        .arg(QString::fromStdString(c.arch.name))
                        .arg(c.network.state().parameterCount());
        } catch (const ArgumentError&) {
          detail += tr(" (weights only: choose its architecture when computing)");
        }
        entry.detail = detail.toStdString();
        break;
      }
      case FileKind::Dataset:
        entry.path = info.dataSpec;
        entry.detail = info.path;
        break;
    }
    read.entry = std::move(entry);
  } catch (const std::exception& error) {
    read.error = QString::fromUtf8(error.what());
  } catch (...) {  // nothing may leave the reading thread
    read.error = tr("an error of unknown kind while reading it");
  }
  return read;
}

QString MainWindow::addOpened(OpenedFile read) {
  if (!read.entry) return read.error;
  const FileKind kind = read.entry->kind;
  const int64_t missing = kind == FileKind::Surface ? read.entry->surface->surface.missing() : 0;
  const QString key = addEntry(std::move(*read.entry));
  if (kind == FileKind::Surface) {
    showSurface(key);
    if (missing > 0) offerResume(key);
  } else if (kind == FileKind::Projection) {
    redraw(true);
  }
  addRecent(read.path);
  return {};
}

bool MainWindow::openDemo() {
  try {
    const DemoBundle demo = demoBundle(demoFolder(BASIN_SOURCE_RESOURCES));
    QStringList missing, pair;
    addEntry({FileKind::Dataset,
              demo.dataSpec,
              tr("1,000 MNIST test images (--normalize mnist --pad 2)").toStdString(),
              {},
              {}});
    for (const DemoModel& m : demo.models) {
      for (const std::string& f : {m.model, m.pcaSurface, m.projection, m.surface}) {
        const QString path = QString::fromStdString(f);
        if (!QFileInfo::exists(path)) {
          missing << path;
          continue;
        }
        const QString error = openFile(path);
        if (!error.isEmpty()) missing << error;
      }
      if (m.arch != "densenet_bc40" && m_session.surface(m.surface))
        pair << QString::fromStdString(sessionKey(m.surface));
    }
    if (!missing.isEmpty())
      throw IoError(tr("The demo is incomplete (compute its surfaces with "
                       "resources/demo/make_surfaces.sh):\n%1")
                        .arg(missing.join("\n"))
                        .toStdString());
    // Trained networks' surfaces rise steeply away from the minimum: the log scale shows both
    // the basin and the walls.
    RenderSettings settings = m_inspector->settings();
    settings.log = true;
    m_inspector->setSettings(settings);
    compare(pair);
    m_banner->offer();
    return true;
  } catch (const std::exception& error) {
    showError(QString::fromUtf8(error.what()));
    return false;
  }
}

void MainWindow::offerResume(const QString& path) {
  if (m_worker || !m_session.surface(path.toStdString())) return;
  if (QMessageBox::question(this, tr("Resume?"),
                            tr("%1 is not finished. Compute its missing points now?").arg(path)) ==
      QMessageBox::Yes)
    resumeDialog(path);
}

std::optional<SurfaceJob> MainWindow::savedJob(const QString& path) {
  const SessionSurface* open = m_session.surface(path.toStdString());
  if (!open) return std::nullopt;
  auto job = jobFromSurface(open->surface, path.toStdString());
  if (!job)
    showError(tr("%1 does not record how it was computed (a file of the reference "
                 "implementation or of an older Basin): use Compute > Surface.")
                  .arg(path));
  return job;
}

void MainWindow::resumeDialog(const QString& path) {
  if (const auto job = savedJob(path)) runComputeDialog(*job, false);
}

void MainWindow::addRecent(const QString& path) {
  QSettings settings;
  QStringList recent = settings.value("recentFiles").toStringList();
  recent.removeAll(path);
  recent.prepend(QFileInfo(path).absoluteFilePath());
  while (recent.size() > 10) recent.removeLast();
  settings.setValue("recentFiles", recent);
  updateRecentMenu();
}

void MainWindow::updateRecentMenu() {
  m_recentMenu->clear();
  const QStringList recent = QSettings().value("recentFiles").toStringList();
  for (const QString& path : recent)
    m_recentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] { openFiles({path}); })
        ->setToolTip(path);
  m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
  if (event->mimeData()->hasUrls()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
  QStringList paths;
  for (const QUrl& url : event->mimeData()->urls())
    if (url.isLocalFile()) paths << url.toLocalFile();
  openFiles(paths);
  event->acceptProposedAction();
}

void MainWindow::exportFigureDialog() {
  if (m_tabs->currentWidget() == m_compare && m_compare->count() > 1) {
    exportCompareDialog();
    return;
  }
  const SessionSurface* open = m_session.surface(m_session.shown());
  if (!open) {
    showError(tr("Show a surface first: open one or compute one."));
    return;
  }
  const Surface& surface = open->surface;
  const viz::FigureKind shown = m_tabs->currentWidget() == m_planeView ? m_settings.planeKind
                                : surface.y.empty()                    ? viz::FigureKind::Curve1d
                                                                       : viz::FigureKind::Surface3d;
  const auto trajectory = shownTrajectory();
  ExportDialog dialog(shown, !surface.y.empty(), trajectory.has_value(),
                      QFileInfo(currentSurface()).absolutePath(), this);
  if (dialog.exec() != QDialog::Accepted) return;
  try {
    viz::FigureOptions options =
        figureOptions(surface, open->explained, dialog.kind(), m_settings,
                      dialog.includeTrajectory() ? trajectory : std::nullopt);
    if (!dialog.includeTrajectory()) options.trajectory.reset();
    dialog.applySize(options);
    options.title = dialog.title().toStdString();
    refuseOutputOverInput(tr("the figure").toStdString(), dialog.path().toStdString(),
                          m_session.inputs());
    exportFigure(surface, options, dialog.path());
    statusBar()->showMessage(tr("Figure written to %1").arg(dialog.path()), 6000);
  } catch (const std::exception& error) {
    showError(tr("Could not export the figure %1:\n\n%2").arg(dialog.path(), error.what()));
  }
}

void MainWindow::exportCompareDialog() {
  if (m_compare->count() < 2) {
    showError(
        tr("Compare two or more surfaces first: select them in the Session panel "
           "(Ctrl+click), then View > Compare selected surfaces (Ctrl+M)."));
    return;
  }
  ExportDialog dialog(m_compare->kind(), true, false, QFileInfo(currentSurface()).absolutePath(),
                      this);
  dialog.setWindowTitle(tr("Export compare figure"));
  if (dialog.exec() != QDialog::Accepted) return;
  try {
    viz::FigureOptions figure;
    figure.kind = dialog.kind();
    dialog.applySize(figure);
    figure.title = dialog.title().toStdString();
    refuseOutputOverInput(tr("the figure").toStdString(), dialog.path().toStdString(),
                          m_session.inputs());
    viz::renderCompareFigure(m_compare->panes(figure.kind), figure, dialog.path().toStdString());
    statusBar()->showMessage(tr("Compare figure written to %1").arg(dialog.path()), 6000);
  } catch (const std::exception& error) {
    showError(tr("Could not export the figure %1:\n\n%2").arg(dialog.path(), error.what()));
  }
}

void MainWindow::exportData() {
  const SessionSurface* open = m_session.surface(m_session.shown());
  if (!open) {
    showError(tr("Show a surface first: open one or compute one."));
    return;
  }
  const QString path = QFileDialog::getSaveFileName(
      this, tr("Export data"), QFileInfo(currentSurface()).absolutePath(),
      tr("VTK structured grid, all arrays (*.vts);;ParaView surface of the shown array (*.vtp);;"
         "CSV table (*.csv)"));
  if (path.isEmpty()) return;
  try {
    const viz::FigureOptions o =
        figureOptions(open->surface, open->explained, viz::FigureKind::Surface3d, m_settings, {});
    refuseOutputOverInput(tr("the export").toStdString(), path.toStdString(), m_session.inputs());
    viz::exportSurface(open->surface, path.toStdString(), o.array, o.height);
    statusBar()->showMessage(tr("Data written to %1").arg(path), 6000);
  } catch (const std::exception& error) {
    showError(tr("Could not export %1:\n\n%2").arg(path, error.what()));
  }
}

}  // namespace basin::gui
