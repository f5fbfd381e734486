#include "app/gui/main_window.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFileDialog>
#include <QFormLayout>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QThread>
#include <QVBoxLayout>

#include "app/gui/compare_view.h"
#include "app/gui/compute_dialog.h"
#include "app/gui/export_dialog.h"
#include "app/gui/help.h"
#include "app/gui/inspector.h"
#include "app/gui/project_panel.h"
#include "app/gui/surface_view.h"
#include "core/landscape/grid_order.h"
#include "core/landscape/surface_measures.h"
#include "viz/data_export.h"

namespace basin::gui {
namespace {

// What a half-computed surface looks like while it grows: each missing point shows its nearest
// computed neighbour, so the first coarse points already cover the plane.
Surface previewOf(const Surface& surface) {
  Surface shown = surface;
  const int64_t nx = int64_t(surface.x.size()), ny = surface.y.empty() ? 1 : surface.y.size();
  for (auto& [name, values] : shown.arrays) values = fillFromNearest(values, nx, ny);
  return shown;
}

// The row of a 2-D surface nearest b = 0, as a 1-D surface.
Surface sliceAtZero(const Surface& surface) {
  const size_t j = static_cast<size_t>(nearestIndex(surface.y, 0.0));
  Surface slice;
  slice.x = surface.x;
  slice.dirFile = surface.dirFile;
  for (const auto& [name, values] : surface.arrays)
    slice.arrays[name].assign(values.begin() + j * surface.x.size(),
                              values.begin() + (j + 1) * surface.x.size());
  return slice;
}

}  // namespace

MainWindow::MainWindow()
    : m_panel(new ProjectPanel(this)),
      m_tabs(new QTabWidget(this)),
      m_view3d(new SurfaceView(this)),
      m_planeView(new SurfaceView(this)),
      m_curveView(new SurfaceView(this)),
      m_compare(new CompareView(this)),
      m_banner(new DemoBanner(this)),
      m_readout(new QLabel(this)),
      m_progress(new QProgressBar(this)),
      m_cancel(new QPushButton(tr("Cancel"), this)) {
  setWindowTitle(tr("Basin — loss landscapes"));
  setObjectName("MainWindow");
  setAcceptDrops(true);
  QSettings settings;
  m_settings = RenderSettings::load(settings);

  m_tabs->addTab(m_view3d, tr("3-D surface"));
  m_tabs->addTab(m_planeView, tr("Contour / heat map"));
  m_tabs->addTab(m_curveView, tr("1-D"));
  m_tabs->addTab(m_compare, tr("Compare"));
  auto* central = new QWidget(this);
  auto* centralLayout = new QVBoxLayout(central);
  centralLayout->setContentsMargins(0, 0, 0, 0);
  centralLayout->addWidget(m_banner);
  centralLayout->addWidget(m_tabs, 1);
  setCentralWidget(central);
  connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::updateTitle);
  const QString hint =
      tr("Open a surface file (File > Open, or drop it here), or compute one "
         "(Compute > Surface).");
  for (SurfaceView* v : {m_view3d, m_planeView, m_curveView}) {
    v->showMessage(hint);
    connect(v, &SurfaceView::hovered, m_readout, &QLabel::setText);
    connect(v, &SurfaceView::hoverLeft, m_readout, &QLabel::clear);
  }
  connect(m_compare, &CompareView::hovered, m_readout, &QLabel::setText);
  connect(m_compare, &CompareView::hoverLeft, m_readout, &QLabel::clear);

  auto* panelDock = new QDockWidget(tr("Session"), this);
  panelDock->setObjectName("SessionDock");
  panelDock->setWidget(m_panel);
  addDockWidget(Qt::LeftDockWidgetArea, panelDock);
  m_inspector = new Inspector(m_settings, this);
  auto* inspectorDock = new QDockWidget(tr("Render settings"), this);
  inspectorDock->setObjectName("InspectorDock");
  inspectorDock->setWidget(m_inspector);
  addDockWidget(Qt::RightDockWidgetArea, inspectorDock);
  connect(m_inspector, &Inspector::changed, this, &MainWindow::settingsChanged);
  connect(m_panel, &ProjectPanel::activated, this, [this](FileKind kind, const QString& path) {
    if (kind == FileKind::Surface) showSurface(path);
    if (kind == FileKind::Projection) {
      m_session.chooseTrajectory(path.toStdString());
      redraw(true);
      const SessionEntry* t = m_session.find(path.toStdString());
      if (!m_session.shown().empty() && m_session.trajectoryPathOn(m_session.shown()) != t->path)
        statusBar()->showMessage(
            tr("%1 lies on the plane of %2; it is drawn on surfaces computed on that plane only.")
                .arg(QFileInfo(path).fileName(),
                     t->trajectory->directionFile.empty()
                         ? tr("an unknown direction file")
                         : QString::fromStdString(t->trajectory->directionFile)),
            10000);
    }
  });
  connect(m_panel, &ProjectPanel::compareRequested, this, &MainWindow::compare);
  connect(m_panel, &ProjectPanel::computeSimilarRequested, this, &MainWindow::computeSimilar);
  connect(m_panel, &ProjectPanel::resumeRequested, this, &MainWindow::resumeDialog);
  m_panel->setUnfinished([this](const QString& path) {
    const SessionSurface* s = m_session.surface(path.toStdString());
    return s && !s->computing && s->surface.missing() > 0;
  });
  connect(m_panel, &ProjectPanel::removed, this, [this](const QString& path) {
    const SessionSurface* s = m_session.surface(path.toStdString());
    if (s && s->computing) return;  // the worker's entry stays until it ends
    const bool shown = m_session.shown() == path.toStdString();
    m_session.remove(path.toStdString());
    redraw(!shown);
  });

  statusBar()->addWidget(m_readout, 1);
  m_progress->setMaximumWidth(260);
  m_progress->setFormat(tr("%v / %m points"));
  statusBar()->addPermanentWidget(m_progress);
  statusBar()->addPermanentWidget(m_cancel);
  m_progress->hide();
  m_cancel->hide();
  connect(m_cancel, &QPushButton::clicked, this, &MainWindow::cancelCompute);

  createActions();
  resize(1400, 900);
  restoreGeometry(settings.value("window/geometry").toByteArray());
  restoreState(settings.value("window/state").toByteArray());
}

MainWindow::~MainWindow() {
  if (m_thread) {
    m_worker->cancel();
    m_thread->quit();
    m_thread->wait();
    delete m_worker;  // its thread is gone; the thread object is our child
  }
  if (m_trajectoryThread) m_trajectoryThread->wait();
  if (m_opener) {  // a read cannot be stopped halfway; its result is dropped with the window
    m_opener->wait();
    delete m_opener;
  }
}

void MainWindow::createActions() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  file->addAction(tr("&Open…"), QKeySequence::Open, this, &MainWindow::openDialog);
  file->addAction(tr("Open data &folder…"), QKeySequence(tr("Ctrl+Shift+O")), this,
                  &MainWindow::openFolderDialog);
  m_recentMenu = file->addMenu(tr("Open &recent"));
  updateRecentMenu();
  file->addSeparator();
  file->addAction(tr("&Export figure…"), QKeySequence(tr("Ctrl+E")), this,
                  &MainWindow::exportFigureDialog);
  file->addAction(tr("Export co&mpare figure…"), QKeySequence(tr("Ctrl+Alt+E")), this,
                  &MainWindow::exportCompareDialog)
      ->setObjectName("actionExportCompare");
  file->addAction(tr("Export &data (VTS, VTP, CSV)…"), QKeySequence(tr("Ctrl+Shift+E")), this,
                  &MainWindow::exportData);
  file->addAction(tr("&Copy image"), QKeySequence(tr("Ctrl+Shift+C")), this, &MainWindow::copyImage)
      ->setObjectName("actionCopyImage");
  file->addSeparator();
  file->addAction(tr("&Preferences…"), QKeySequence::Preferences, this, &MainWindow::preferences);
  file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

  QMenu* compute = menuBar()->addMenu(tr("&Compute"));
  compute->addAction(tr("&Surface…"), QKeySequence(tr("Ctrl+R")), this, &MainWindow::computeDialog);
  compute->addAction(tr("&Trajectory…"), QKeySequence(tr("Ctrl+T")), this,
                     &MainWindow::trajectoryDialog);
  compute->addAction(tr("&Cancel"), QKeySequence(tr("Ctrl+.")), this, &MainWindow::cancelCompute);

  QMenu* view = menuBar()->addMenu(tr("&View"));
  view->addAction(tr("&Reset camera"), QKeySequence(tr("Ctrl+0")), this, &MainWindow::resetCamera);
  view->addAction(tr("Compare selected &surfaces"), QKeySequence(tr("Ctrl+M")), this,
                  [this] { compare(m_panel->selectedPaths(FileKind::Surface)); });
  QAction* fullScreen = view->addAction(tr("&Full screen"), QKeySequence::FullScreen, this, [this] {
    setWindowState(windowState() ^ Qt::WindowFullScreen);
  });
  // F11 everywhere: the platform's standard key alone is empty on a bare X11 session.
  QList<QKeySequence> keys{QKeySequence(Qt::Key_F11)};
  for (const QKeySequence& k : QKeySequence::keyBindings(QKeySequence::FullScreen))
    if (!keys.contains(k)) keys << k;
  fullScreen->setShortcuts(keys);
  fullScreen->setObjectName("actionFullScreen");
  fullScreen->setShortcutContext(Qt::ApplicationShortcut);
  view->addSeparator();
  for (QDockWidget* dock : findChildren<QDockWidget*>()) view->addAction(dock->toggleViewAction());

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  help->addAction(tr("&Guide"), QKeySequence::HelpContents, this, [this] { showGuide(this); });
  help->addAction(tr("&Keyboard shortcuts"), this, [this] {
    QList<QMenu*> menus;
    for (QAction* a : menuBar()->actions())
      if (a->menu()) menus << a->menu();
    showShortcuts(this, menus);
  });
  help->addAction(tr("&Demo: plain vs skip connections"), this, &MainWindow::openDemo);
  help->addSeparator();
  help->addAction(tr("&About Basin"), this, [this] { showAbout(this); });
}

void MainWindow::showError(const QString& message) {
  QMessageBox::critical(this, tr("Basin"), message);
}

void MainWindow::showSurface(const QString& path) {
  if (!m_session.surface(path.toStdString())) return;
  m_session.show(path.toStdString());
  const QString key = currentSurface();
  m_panel->select(key);
  m_panel->markShown(key);
  redraw(false);
  if (m_tabs->currentWidget() == m_compare) m_tabs->setCurrentWidget(m_view3d);
  updateTitle();
}

std::optional<Projection> MainWindow::shownTrajectory() const {
  const SessionTrajectory* t = m_session.trajectoryOn(m_session.shown());
  if (!t) return std::nullopt;
  return t->projection;
}

QString MainWindow::addEntry(SessionEntry entry) {
  const FileKind kind = entry.kind;
  const QString detail = QString::fromStdString(entry.detail);
  const QString key = QString::fromStdString(m_session.add(std::move(entry)));
  m_panel->add(kind, key, detail);
  return key;
}

void MainWindow::redraw(bool keepCamera) {
  const SessionSurface* found = m_session.surface(m_session.shown());
  if (!found) {
    const QString hint =
        tr("Open a surface file (File > Open, or drop it here), or compute one "
           "(Compute > Surface).");
    for (SurfaceView* v : {m_view3d, m_planeView, m_curveView}) v->showMessage(hint);
    m_panel->markShown({});
    updateTitle();
    return;
  }
  const SessionSurface& open = *found;
  const Surface shown = open.computing ? previewOf(open.surface) : open.surface;
  const auto trajectory = shownTrajectory();
  try {
    if (shown.y.empty()) {
      const QString flat = tr("A 1-D surface: see the 1-D tab.");
      m_view3d->showMessage(flat);
      m_planeView->showMessage(flat);
      m_curveView->showSurface(
          shown, figureOptions(shown, open.explained, viz::FigureKind::Curve1d, m_settings, {}),
          false);
      return;
    }
    // Each view names the file it shows.
    const std::string name = QFileInfo(currentSurface()).fileName().toStdString();
    viz::FigureOptions surface3d =
        figureOptions(shown, open.explained, viz::FigureKind::Surface3d, m_settings, trajectory);
    surface3d.title = name;
    m_view3d->showSurface(shown, surface3d, keepCamera);
    viz::FigureOptions plane =
        figureOptions(shown, open.explained, m_settings.planeKind, m_settings, trajectory);
    plane.title = name;
    m_planeView->showSurface(shown, plane, false);
    const Surface slice = sliceAtZero(shown);
    viz::FigureOptions curves =
        figureOptions(slice, open.explained, viz::FigureKind::Curve1d, m_settings, {});
    curves.array = lossSplit(shown) + "_loss";
    curves.title = tr("Slice at y = 0").toStdString();
    m_curveView->showSurface(slice, curves, false);
  } catch (const std::exception& error) {
    statusBar()->showMessage(QString::fromUtf8(error.what()), 8000);
  }
}

void MainWindow::settingsChanged(const RenderSettings& settings) {
  m_settings = settings;
  QSettings stored;
  m_settings.save(stored);
  redraw(true);
  try {
    if (m_compare->count() > 0) m_compare->applySettings(m_settings);
  } catch (const std::exception& error) {  // never into Qt's event loop
    statusBar()->showMessage(QString::fromUtf8(error.what()), 8000);
  }
}

void MainWindow::compare(const QStringList& surfacePaths) {
  std::vector<CompareEntry> entries;
  for (const QString& path : surfacePaths) {
    const SessionSurface* open = m_session.surface(path.toStdString());
    if (!open) continue;
    const Surface shown = open->computing ? previewOf(open->surface) : open->surface;
    entries.push_back({QFileInfo(path).completeBaseName(), shown, open->explained});
  }
  if (entries.size() < 2) {
    showError(tr("Select two or more surfaces in the Session panel to compare them."));
    return;
  }
  m_tabs->setCurrentWidget(m_compare);
  m_compare->setEntries(std::move(entries), m_settings);
  updateTitle();
}

void MainWindow::updateTitle() {
  // The title names what the window shows: the compared surfaces on the Compare tab.
  if (m_tabs->currentWidget() == m_compare && m_compare->count() > 0)
    setWindowTitle(tr("Compare %1 — Basin").arg(m_compare->titles().join(tr(" vs "))));
  else if (!m_session.shown().empty())
    setWindowTitle(tr("%1 — Basin").arg(QFileInfo(currentSurface()).fileName()));
  else
    setWindowTitle(tr("Basin — loss landscapes"));
}

void MainWindow::resetCamera() {
  if (m_tabs->currentWidget() == m_compare)
    m_compare->resetCameras();
  else
    m_view3d->resetCamera();
}

void MainWindow::copyImage() {
  QWidget* current = m_tabs->currentWidget();
  const QImage image = current == m_compare ? m_compare->grabImage()
                                            : static_cast<SurfaceView*>(current)->grabImage();
  QApplication::clipboard()->setImage(image);
  statusBar()->showMessage(
      tr("Image copied (%1 × %2 pixels)").arg(image.width()).arg(image.height()), 4000);
}

void MainWindow::preferences() {
  QDialog dialog(this);
  dialog.setWindowTitle(tr("Preferences"));
  auto* form = new QFormLayout(&dialog);
  auto* language = new QComboBox(&dialog);
  language->addItem(tr("System language"), QString());
  language->addItem(QStringLiteral("English"), "en");
  language->addItem(QStringLiteral("Deutsch"), "de");
  language->addItem(QStringLiteral("简体中文"), "zh_CN");
  QSettings settings;
  language->setCurrentIndex(std::max(0, language->findData(settings.value("language").toString())));
  form->addRow(tr("Language"), language);
  form->addRow(new QLabel(tr("The language changes at the next start."), &dialog));
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
  connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
  form->addRow(buttons);
  if (dialog.exec() == QDialog::Accepted) settings.setValue("language", language->currentData());
}

void MainWindow::closeEvent(QCloseEvent* event) {
  if (m_worker) {
    if (QMessageBox::question(this, tr("Basin"),
                              tr("A surface is being computed. Stop it and quit? The points "
                                 "computed so far are saved; computing again resumes.")) !=
        QMessageBox::Yes) {
      event->ignore();
      return;
    }
    cancelCompute();
    m_thread->wait();
  }
  QSettings settings;
  settings.setValue("window/geometry", saveGeometry());
  settings.setValue("window/state", saveState());
  m_settings.save(settings);
  event->accept();
}

}  // namespace basin::gui
