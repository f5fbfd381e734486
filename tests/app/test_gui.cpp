// The desktop app, driven as a user would under Xvfb: open a real surface and see it drawn, turn
// it with the mouse, compare two surfaces with linked cameras, compute (and cancel) a surface
// through the GUI's worker, export figures, and survive a file that cannot be opened.
// BASIN_SCREENSHOTS=DIR saves a PNG of each main state there.
#include <vtkCamera.h>
#include <vtkDataSet.h>
#include <vtkMapper.h>

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QTranslator>
#include <QXmlStreamReader>
#include <QtTest>
#include <functional>
#include <map>
#include <set>

#include "app/gui/compare_view.h"
#include "app/gui/compute_dialog.h"
#include "app/gui/export_dialog.h"
#include "app/gui/guarded_application.h"
#include "app/gui/help.h"
#include "app/gui/inspector.h"
#include "app/gui/main_window.h"
#include "app/gui/project_panel.h"
#include "app/gui/surface_view.h"
#include "app/gui/vtk_widget.h"
#include "core/error.h"
#include "core/io/demo_bundle.h"
#include "core/landscape/direction_file.h"
#include "core/landscape/projection_file.h"
#include "tests/support/test_support.h"

using namespace basin;
using namespace basin::gui;

namespace {

const QString kPcaSurface =
    QString::fromStdString(test::dataPath("fixtures/trajectory/pca_surface.h5"));
const QString kPcaProjection =
    QString::fromStdString(test::dataPath("fixtures/trajectory/pca_surface_proj.h5"));

int distinctColors(const QImage& image) {
  std::set<QRgb> colors;
  for (int y = 0; y < image.height(); y += 2)
    for (int x = 0; x < image.width(); x += 2) colors.insert(image.pixel(x, y));
  return int(colors.size());
}

// The messages of a Qt Linguist file: (context, source) and whether its translation is finished.
std::map<std::pair<QString, QString>, bool> tsMessages(const QString& path) {
  std::map<std::pair<QString, QString>, bool> messages;
  QFile ts(path);
  if (!ts.open(QIODevice::ReadOnly)) return messages;
  QXmlStreamReader xml(&ts);
  QString context, source;
  while (!xml.atEnd()) {
    if (xml.readNext() != QXmlStreamReader::StartElement) continue;
    // The class without its namespace: lupdate on a bare folder does not always resolve
    // `namespace basin::gui`, the build's lupdate does.
    if (xml.name() == u"name") context = xml.readElementText().split("::").back();
    if (xml.name() == u"source") source = xml.readElementText();
    if (xml.name() == u"translation") {
      const bool unfinished = xml.attributes().value("type") == u"unfinished";
      messages[{context, source}] = !unfinished && !xml.readElementText().isEmpty();
    }
  }
  return messages;
}

void drag(VtkWidget* widget, QPoint from, QPoint to) {
  QMouseEvent press(QEvent::MouseButtonPress, from, widget->mapToGlobal(from), Qt::LeftButton,
                    Qt::LeftButton, Qt::NoModifier);
  QApplication::sendEvent(widget, &press);
  for (int step = 1; step <= 10; ++step) {
    const QPoint at = from + (to - from) * step / 10;
    QMouseEvent move(QEvent::MouseMove, at, widget->mapToGlobal(at), Qt::NoButton, Qt::LeftButton,
                     Qt::NoModifier);
    QApplication::sendEvent(widget, &move);
  }
  QMouseEvent release(QEvent::MouseButtonRelease, to, widget->mapToGlobal(to), Qt::LeftButton,
                      Qt::NoButton, Qt::NoModifier);
  QApplication::sendEvent(widget, &release);
  QTest::qWait(50);
}

std::array<double, 3> position(vtkCamera* camera) {
  const double* p = camera->GetPosition();
  return {p[0], p[1], p[2]};
}

void screenshot(QWidget& window, const QString& name) {
  const QString dir = qEnvironmentVariable("BASIN_SCREENSHOTS");
  if (dir.isEmpty()) return;
  QTest::qWait(300);
  window.grab().save(dir + "/" + name + ".png");
}

// A tiny surface job on the bundled demo model and its MNIST images.
// The grid of the cancel/resume tests: big enough that the cancel comes before the end, smaller
// under the sanitizers, where each point takes ten times as long.
constexpr int kCancelGrid = basin::test::kSanitized ? 5 : 9;

SurfaceJob demoJob(const QString& out, int points, int samples) {
  return test::demoSurfaceJob(BASIN_SOURCE_DEMO, out.toStdString(), points, samples);
}

// Answers every message box that comes up while it lives (OK), keeping the texts in order.
class MessageBoxAnswerer {
 public:
  MessageBoxAnswerer() {
    QObject::connect(&m_poll, &QTimer::timeout, [this] {
      if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
        texts << box->text();
        box->accept();
      }
    });
    m_poll.start(50);
  }
  QString last() const { return texts.isEmpty() ? QString() : texts.back(); }
  QStringList texts;

 private:
  QTimer m_poll;
};

}  // namespace

class TestGui : public QObject {
  Q_OBJECT

  QTemporaryDir m_dir;

  // `window` comparing the surface files `a` and `b`, shown and drawn.
  void showCompared(MainWindow& window, const QString& a, const QString& b) {
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.openFile(a), QString());
    QCOMPARE(window.openFile(b), QString());
    window.compare({a, b});
    QTest::qWait(200);
  }

  // `window` comparing the PCA surface with a copy of it named `copyName`, shown and drawn.
  void showComparison(MainWindow& window, const QString& copyName) {
    const QString copy = m_dir.filePath(copyName);
    QVERIFY(QFile::copy(kPcaSurface, copy));
    showCompared(window, kPcaSurface, copy);
  }

 private slots:
  void initTestCase() {
    QApplication::setOrganizationName("BasinTest");
    QSettings().clear();
  }

  void opensARealSurfaceAndDrawsIt() {
    MainWindow window;
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.openFile(kPcaSurface), QString());
    QCOMPARE(window.openFile(kPcaProjection), QString());
    QTest::qWait(200);
    QVERIFY(window.view3d()->hasFigure());
    const QImage image = window.view3d()->grabImage();
    QVERIFY(image.width() > 400);
    // A lit, colored surface with axes and a colorbar, not a blank or one-color frame.
    QVERIFY2(distinctColors(image) > 500, qPrintable(QString::number(distinctColors(image))));
    screenshot(window, "surface3d");
    window.tabs()->setCurrentWidget(window.planeView());
    QTest::qWait(200);
    QVERIFY(distinctColors(window.planeView()->grabImage()) > 50);
    screenshot(window, "contour");
  }

  void sessionRulesThroughThePanel() {
    const DemoBundle demo = demoBundle(BASIN_SOURCE_DEMO);
    const DemoModel& resnet = demo.models.at(0);
    const DemoModel& densenet = demo.models.at(2);
    const QString link = m_dir.filePath("pca_link.h5");
    QVERIFY(QFile::link(QString::fromStdString(resnet.pcaSurface), link));
    MainWindow window;
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    for (const std::string& f : {resnet.surface, resnet.pcaSurface, resnet.projection,
                                 densenet.projection, densenet.pcaSurface})
      QCOMPARE(window.openFile(QString::fromStdString(f)), QString());
    // The same file through another name is the same entry.
    QCOMPARE(window.openFile(link), QString());
    auto* panel = window.findChild<ProjectPanel*>();
    QVERIFY(panel);
    QCOMPARE(panel->paths(FileKind::Surface).size(), 3);
    QCOMPARE(window.session().entries(FileKind::Surface).size(), size_t(3));
    // One click on the random-direction surface shows it, marks it and names it; no path there.
    auto click = [&](const std::string& path) {
      const QString name = QFileInfo(QString::fromStdString(path)).fileName();
      QTreeWidgetItem* item = nullptr;
      for (QTreeWidgetItem* found : panel->findItems(name, Qt::MatchEndsWith | Qt::MatchRecursive))
        if (found->toolTip(0).startsWith(QString::fromStdString(sessionKey(path)))) item = found;
      QVERIFY2(item, qPrintable(name));
      panel->scrollToItem(item);
      QTest::mouseClick(panel->viewport(), Qt::LeftButton, Qt::NoModifier,
                        panel->visualItemRect(item).center());
      QTest::qWait(100);
    };
    click(resnet.surface);
    const QString randomKey = QString::fromStdString(sessionKey(resnet.surface));
    QCOMPARE(window.currentSurface(), randomKey);
    QCOMPARE(panel->markedPath(), randomKey);
    QVERIFY(window.windowTitle().startsWith("resnet20.h5 "));
    QVERIFY(window.planeView()->hasFigure());
    QCOMPARE(window.planeView()->options().title, std::string("resnet20.h5"));
    QVERIFY(!window.planeView()->options().trajectory);
    // On its own PCA plane the network's own path is drawn, not the DenseNet's opened later.
    click(resnet.pcaSurface);
    QCOMPARE(window.currentSurface(), QString::fromStdString(sessionKey(resnet.pcaSurface)));
    const Projection own = readProjectionFile(resnet.projection);
    const Projection other = readProjectionFile(densenet.projection);
    QVERIFY(own.x != other.x);
    QVERIFY(window.planeView()->options().trajectory);
    QCOMPARE(window.planeView()->options().trajectory->x, own.x);
    QCOMPARE(window.planeView()->options().trajectory->y, own.y);
    // Clicking the DenseNet's path says where it belongs and leaves this plane's path alone.
    click(densenet.projection);
    QVERIFY2(window.statusBar()->currentMessage().contains("densenet_bc40_pca.h5"),
             qPrintable(window.statusBar()->currentMessage()));
    QCOMPARE(window.planeView()->options().trajectory->x, own.x);
    click(densenet.pcaSurface);
    QCOMPARE(window.planeView()->options().trajectory->x, other.x);
    QVERIFY(window.windowTitle().startsWith("densenet_bc40_pca.h5 "));
    screenshot(window, "session_rules");
  }

  void mouseDragTurnsTheCamera() {
    MainWindow window;
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.openFile(kPcaSurface), QString());
    QTest::qWait(100);
    VtkWidget* vtk = window.view3d()->vtkWidget();
    const auto before = position(window.view3d()->camera());
    const QImage imageBefore = window.view3d()->grabImage();
    drag(vtk, {vtk->width() / 2, vtk->height() / 2},
         {vtk->width() / 2 + 150, vtk->height() / 2 + 40});
    const auto after = position(window.view3d()->camera());
    QVERIFY(std::abs(after[0] - before[0]) + std::abs(after[1] - before[1]) > 1e-3);
    QVERIFY(window.view3d()->grabImage() != imageBefore);
    // The wheel zooms: the camera moves towards the focal point.
    const double distance = window.view3d()->camera()->GetDistance();
    QWheelEvent wheel(QPointF(200, 200), vtk->mapToGlobal(QPointF(200, 200)), {}, {0, 120},
                      Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(vtk, &wheel);
    QVERIFY(window.view3d()->camera()->GetDistance() < distance);
    // Still drawing after a resize and a tab switch.
    window.resize(900, 700);
    window.tabs()->setCurrentIndex(1);
    window.tabs()->setCurrentIndex(0);
    QTest::qWait(200);
    QVERIFY(distinctColors(window.view3d()->grabImage()) > 500);
  }

  void compareViewFollowsTheCamera() {
    MainWindow window;
    showComparison(window, "pca_surface_copy.h5");
    if (QTest::currentTestFailed()) return;
    CompareView* compare = window.compareView();
    QCOMPARE(compare->count(), 2);
    VtkWidget* left = compare->view(0)->vtkWidget();
    drag(left, {left->width() / 2, left->height() / 2},
         {left->width() / 2 - 120, left->height() / 2 + 30});
    const auto leader = position(compare->view(0)->camera());
    const auto follower = position(compare->view(1)->camera());
    for (int i = 0; i < 3; ++i) QCOMPARE(follower[i], leader[i]);
    // The measures table: one row per surface; identical surfaces, identical numbers.
    QTableWidget* table = compare->table();
    QCOMPARE(table->rowCount(), 2);
    QVERIFY(table->columnCount() >= 6);
    for (int c = 1; c < table->columnCount(); ++c)
      QCOMPARE(table->item(0, c)->text(), table->item(1, c)->text());
    QVERIFY(table->item(0, 3)->text().toDouble() > 0.0);  // minimum loss
    // One seed each: no spread to weigh the difference against, and the summary says so.
    QVERIFY(compare->summaryLabel()->text().contains("several seeds"));
    screenshot(window, "compare");
  }

  void compareWeighsTheDifferenceAgainstTheSeeds() {
    // Two bowls over three seeds each: curvature along x 6c for the seeds' c, "plain" c in
    // {1, 1.1, 0.9} (6 ± 0.6), "skip" {3, 3.2, 2.8} (18 ± 1.2): 12.6 pooled sds apart. Both are
    // convex everywhere, so the non-convex shares (0 ± 0 %) do not tell them apart.
    auto bowls = [&](const QString& name, std::vector<double> c) {
      Surface s = test::analyticSurface(false);
      s.array("train_acc").assign(size_t(s.points()), 90.0);
      const Surface bowl = s;
      for (size_t i = 0; i < c.size(); ++i) {
        std::vector<double>& loss =
            i == 0 ? s.arrays["train_loss"]
                   : s.seeds.emplace_back(SeedSurface{int64_t(123 + i), "d.h5", bowl.arrays})
                         .arrays["train_loss"];
        for (double& v : loss) v = 0.2 + c[i] * (v - 0.2);
      }
      const QString path = m_dir.filePath(name);
      writeSurfaceFile(path.toStdString(), s);
      return path;
    };
    const QString plain = bowls("plain_seeds.h5", {1, 1.1, 0.9});
    const QString skip = bowls("skip_seeds.h5", {3, 3.2, 2.8});
    MainWindow window;
    showCompared(window, plain, skip);
    if (QTest::currentTestFailed()) return;
    QTableWidget* table = window.compareView()->table();
    int curvatureX = -1, share = -1;
    for (int c = 0; c < table->columnCount(); ++c) {
      const QString header = table->horizontalHeaderItem(c)->text();
      if (header == "Curvature along x") curvatureX = c;
      if (header == "Non-convex share") share = c;
    }
    QVERIFY(curvatureX > 0 && share > 0);
    QVERIFY2(table->item(0, 0)->text().endsWith("(3 seeds)"),
             qPrintable(table->item(0, 1)->text()));  // else it says why it was not measured
    QCOMPARE(table->item(0, curvatureX)->text(), QString("6 ± 0.6"));
    QCOMPARE(table->item(1, curvatureX)->text(), QString("18 ± 1.2"));
    QVERIFY2(table->item(1, curvatureX)->toolTip().contains("from 16.8 to 19.2"),
             qPrintable(table->item(1, curvatureX)->toolTip()));
    QCOMPARE(table->item(0, share)->text(), QString("0.0 ± 0.0 %"));
    const QString summary = window.compareView()->summaryLabel()->text();
    QVERIFY2(
        summary.contains("Curvature along x (12.6 sd)") && !summary.contains("Non-convex share ("),
        qPrintable(summary));
    screenshot(window, "compare_seeds");
  }

  void compareSharesOneColorbarShowsContoursAndExports() {
    MainWindow window;
    showComparison(window, "pca_surface_copy_b.h5");
    if (QTest::currentTestFailed()) return;
    CompareView* compare = window.compareView();
    compare->setKind(viz::FigureKind::Surface3d);
    QCOMPARE(compare->columns(), 2);  // two panes side by side in a wide window
    // One colorbar for both, as tall as the panes; the panes have none of their own and one
    // range.
    QLabel* bar = compare->sharedColorbar();
    QVERIFY(bar->isVisible());
    QVERIFY(bar->pixmap().height() > compare->view(0)->height());
    for (int i = 0; i < 2; ++i) {
      QVERIFY(!compare->view(i)->options().colorbar);
      QVERIFY(compare->view(i)->options().valueRange);
    }
    QCOMPARE(compare->view(0)->options().valueRange, compare->view(1)->options().valueRange);
    // Contours side by side, picked as a user does.
    QComboBox* kind = compare->kindBox();
    kind->setCurrentIndex(kind->findData(int(viz::FigureKind::Contour)));
    QApplication::processEvents();
    for (int i = 0; i < 2; ++i) {
      QCOMPARE(compare->view(i)->options().kind, viz::FigureKind::Contour);
      QVERIFY(distinctColors(compare->view(i)->grabImage()) > 20);
    }
    QVERIFY(bar->isVisible());
    screenshot(window, "compare_contour");
    // Each its own scale: each its own colorbar, the shared one gone.
    auto* shared = window.findChild<QCheckBox*>("sharedScaleCheck");
    QVERIFY(shared && shared->isChecked());
    shared->click();
    QApplication::processEvents();
    QVERIFY(!bar->isVisible());
    QVERIFY(compare->view(0)->options().colorbar);
    shared->click();
    QApplication::processEvents();
    QVERIFY(bar->isVisible());

    // File > Export compare figure: the dialog, a PDF of both panes with one colorbar.
    QAction* exportCompare = window.findChild<QAction*>("actionExportCompare");
    QVERIFY(exportCompare);
    const QString pdf = m_dir.filePath("compare_export.pdf");
    bool seen = false;
    QTimer::singleShot(0, [&] {
      QTRY_VERIFY(qobject_cast<ExportDialog*>(QApplication::activeModalWidget()));
      auto* dialog = qobject_cast<ExportDialog*>(QApplication::activeModalWidget());
      seen = true;
      auto* format = dialog->findChild<QComboBox*>("format");
      format->setCurrentIndex(format->findData("pdf"));
      auto* figureKind = dialog->findChild<QComboBox*>("kind");
      QCOMPARE(figureKind->currentData().toInt(), int(viz::FigureKind::Contour));  // as shown
      dialog->findChild<QLineEdit*>("path")->setText(pdf);
      dialog->findChild<QLineEdit*>("title")->setText("Vergleich – über");
      dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save)->click();
    });
    exportCompare->trigger();
    QVERIFY(seen);
    QVERIFY(QFile::exists(pdf));
    const QString text = test::poppler("pdftotext", {pdf, "-"});
    QVERIFY2(text.contains("Vergleich – über"), qPrintable(text));
    QVERIFY2(text.contains("pca_surface") && text.contains("pca_surface_copy_b"), qPrintable(text));
    QCOMPARE(text.count("test loss"), 1);
    compare->setKind(viz::FigureKind::Surface3d);  // remembered: the next tests expect 3-D
    QCOMPARE(QSettings().value("compare/kind").toInt(), int(viz::FigureKind::Surface3d));
  }

  void computesThroughTheGuiWithPreviewAndCancel() {
    MainWindow window;
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QString out = m_dir.filePath("gui_surface.h5");
    QSignalSpy progress(&window, &MainWindow::computeProgress);
    QSignalSpy finished(&window, &MainWindow::computeFinished);
    QVERIFY(window.startCompute(demoJob(out, 3, 64), 32, 2));
    QVERIFY(!window.startCompute(demoJob(out, 3, 64), 32, 2));  // one at a time
    QVERIFY(finished.wait(120000));
    QCOMPARE(finished.front().at(1).toBool(), true);
    // Coalesced (at most 10 a second, the last point always), in order, from the starting
    // state (0 of 9) to 9 of 9: at most one signal for the start and one per point.
    QVERIFY2(progress.size() >= 2 && progress.size() <= 10,
             qPrintable(QString::number(progress.size())));
    QCOMPARE(progress.front().at(0).toLongLong(), 0LL);
    for (int i = 1; i < progress.size(); ++i)
      QVERIFY(progress[i].at(0).toLongLong() > progress[i - 1].at(0).toLongLong());
    QCOMPARE(progress.back().at(0).toLongLong(), 9LL);
    const Surface s = readSurfaceFile(out.toStdString());
    for (double v : s.arrays.at("test_loss")) QVERIFY(v > 0 && std::isfinite(v));
    QCOMPARE(window.currentSurface(), QFileInfo(out).absoluteFilePath());
    QVERIFY(window.view3d()->hasFigure());

    // Cancel after the first point: the file keeps what was computed, the rest stays -1.
    const QString big = m_dir.filePath("gui_cancelled.h5");
    finished.clear();
    connect(&window, &MainWindow::computeProgress, &window, [&](qint64 done, qint64) {
      if (done >= 2) window.cancelCompute();
    });
    QVERIFY(window.startCompute(demoJob(big, kCancelGrid, 64), 32, 2));
    QVERIFY(finished.wait(120000));
    QCOMPARE(finished.front().at(1).toBool(), false);
    const Surface partial = readSurfaceFile(big.toStdString());
    int computed = 0, missing = 0;
    for (double v : partial.arrays.at("test_loss")) (v >= 0 ? computed : missing)++;
    QVERIFY2(computed >= 2 && missing > 0, qPrintable(QString("%1/%2").arg(computed).arg(missing)));
  }

  void computeDialogRemembersItsFields() {
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QString model = BASIN_SOURCE_DEMO "/resnet20-mnist.h5";
    QCOMPARE(window.openFile(model), QString());
    QCOMPARE(window.openFile(BASIN_SOURCE_DEMO "/mnist"), QString());
    QAction* compute = nullptr;
    for (QAction* a : window.findChildren<QAction*>())
      if (a->shortcut() == QKeySequence("Ctrl+R")) compute = a;
    QVERIFY(compute);
    // Opens the dialog, lets `look` read and change it, then cancels it.
    auto withDialog = [&](const std::function<void(ComputeDialog*)>& look) {
      bool seen = false;
      QTimer::singleShot(0, [&] {
        QTRY_VERIFY(qobject_cast<ComputeDialog*>(QApplication::activeModalWidget()));
        auto* dialog = qobject_cast<ComputeDialog*>(QApplication::activeModalWidget());
        seen = true;
        look(dialog);  // a failed check returns from `look` only: the dialog still closes
        dialog->reject();
      });
      compute->trigger();
      QVERIFY(seen);
    };
    withDialog([&](ComputeDialog* dialog) {
      const SurfaceJob job = dialog->job();
      QCOMPARE(QString::fromStdString(job.model), QFileInfo(model).canonicalFilePath());
      QVERIFY(QString::fromStdString(job.data.data).startsWith("mnist:"));
      QCOMPARE(job.data.pad, int64_t(2));
      // The output goes beside the model, named after it, never over a file.
      const QString out = QString::fromStdString(job.out);
      QCOMPARE(QFileInfo(out).absolutePath(), QFileInfo(model).absolutePath());
      QVERIFY2(QFileInfo(out).fileName().startsWith("resnet20-mnist_surface"), qPrintable(out));
      QVERIFY(!QFileInfo::exists(out));
      dialog->findChild<QSpinBox*>("xPoints")->setValue(7);
      dialog->findChild<QSpinBox*>("yPoints")->setValue(5);
      dialog->findChild<QSpinBox*>("samples")->setValue(250);
      dialog->findChild<QSpinBox*>("seeds")->setValue(4);
    });
    // Cancel, then Ctrl+R: the grid and the samples are what was typed.
    withDialog([&](ComputeDialog* dialog) {
      const SurfaceJob job = dialog->job();
      QCOMPARE(job.x.num, int64_t(7));
      QCOMPARE(job.y->num, int64_t(5));
      QCOMPARE(job.data.samples, int64_t(250));
      QCOMPARE(job.data.pad, int64_t(2));
      QCOMPARE(job.seeds, int64_t(4));
    });
    // A fresh window (the next start) remembers them too.
    MainWindow next;
    QCOMPARE(next.openFile(model), QString());
    QAction* nextCompute = nullptr;
    for (QAction* a : next.findChildren<QAction*>())
      if (a->shortcut() == QKeySequence("Ctrl+R")) nextCompute = a;
    compute = nextCompute;
    withDialog([&](ComputeDialog* dialog) { QCOMPARE(dialog->job().x.num, int64_t(7)); });
    QSettings().remove("compute");
  }

  void computeSimilarStartsFromASurfacesOwnJob() {
    const DemoBundle demo = demoBundle(BASIN_SOURCE_DEMO);
    const std::string surfacePath = demo.models.at(0).surface;
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.openFile(QString::fromStdString(surfacePath)), QString());
    const Surface surface = readSurfaceFile(surfacePath);
    std::optional<SurfaceJob> offered;
    QTimer::singleShot(0, [&] {
      QTRY_VERIFY(qobject_cast<ComputeDialog*>(QApplication::activeModalWidget()));
      auto* dialog = qobject_cast<ComputeDialog*>(QApplication::activeModalWidget());
      offered = dialog->job();
      dialog->reject();
    });
    emit window.findChild<ProjectPanel*>()->computeSimilarRequested(window.currentSurface());
    QVERIFY(offered);
    const SurfaceJob& job = *offered;
    QCOMPARE(QFileInfo(QString::fromStdString(job.model)).fileName(), QString("resnet20-mnist.h5"));
    QCOMPARE(job.x.num, int64_t(surface.x.size()));
    QCOMPARE(job.y->num, int64_t(surface.y.size()));
    QCOMPARE(job.dirFile, surface.dirFile);  // the same plane
    const QString out = QString::fromStdString(job.out);
    QCOMPARE(QFileInfo(out).fileName(), QString("resnet20_2.h5"));
    QVERIFY(!QFileInfo::exists(out));
  }

  void dataThatDoesNotFitNamesTheDialogsFields() {
    const QString out = m_dir.filePath("unpadded.h5");
    SurfaceJob job = demoJob(out, 3, 16);
    job.data.pad = -1;  // 28 x 28 digits for a 32 x 32 network
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    MessageBoxAnswerer boxes;
    QSignalSpy finished(&window, &MainWindow::computeFinished);
    QVERIFY(window.startCompute(job, 16, 1));
    QVERIFY(finished.wait(60000));
    QTRY_VERIFY(!boxes.texts.isEmpty());
    const QString shown = boxes.texts.front();
    QVERIFY2(shown.contains("1x28x28") && shown.contains("“Zero padding” to 2 px"),
             qPrintable(shown));
    QVERIFY2(!shown.contains("--"), qPrintable(shown));
    // Refused before anything was written or listed.
    QVERIFY(!QFileInfo::exists(out));
    QVERIFY(!QFileInfo::exists(m_dir.filePath("unpadded_dirs.h5")));
    QVERIFY(window.session().entries(FileKind::Surface).empty());
  }

  // The dialog loads the job before it closes (off the GUI thread): data that does not fit is
  // reported over the open dialog, in its field names, with nothing written; once the field
  // is set, it closes with the job loaded, locked and its directions written.
  void computeDialogChecksTheDataBeforeClosing() {
    const QString out = m_dir.filePath("dialog_checked.h5");
    SurfaceJob job = demoJob(out, 3, 16);
    job.data.pad = 0;
    ComputeDialog dialog(job, 16, 1);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto* compute = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    {
      MessageBoxAnswerer boxes;
      QTest::mouseClick(compute, Qt::LeftButton);
      QVERIFY(!dialog.findChild<QSpinBox*>("zeroPadding")->isEnabled());  // locked while loading
      QTRY_VERIFY_WITH_TIMEOUT(!boxes.texts.isEmpty(), 30000);
      const QString shown = boxes.texts.front();
      QVERIFY2(shown.contains("1x28x28") && shown.contains("“Zero padding” to 2 px"),
               qPrintable(shown));
    }
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(dialog.findChild<QSpinBox*>("zeroPadding")->isEnabled());
    QVERIFY(!QFileInfo::exists(out));
    QVERIFY(!QFileInfo::exists(m_dir.filePath("dialog_checked_dirs.h5")));
    QVERIFY(dialog.prepared() == nullptr);

    dialog.findChild<QSpinBox*>("zeroPadding")->setValue(2);
    QTest::mouseClick(compute, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isVisible(), 30000);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(dialog.prepared() != nullptr);
    QCOMPARE(dialog.prepared()->data.sampleShape(), (basin::Shape{1, 32, 32}));
    QCOMPARE(dialog.prepared()->surface.points(), int64_t(9));
    QVERIFY(dialog.prepared()->lock != nullptr);
    QVERIFY(QFileInfo::exists(m_dir.filePath("dialog_checked_dirs.h5")));
  }

  void resumesAHalfFinishedFile() {
    // A cancelled file carries what is needed to finish it: the job rebuilt from it completes.
    const QString out = m_dir.filePath("gui_cancelled.h5");
    QVERIFY2(QFile::exists(out), "runs after computesThroughTheGuiWithPreviewAndCancel");
    const Surface partial = readSurfaceFile(out.toStdString());
    const auto job = jobFromSurface(partial, out.toStdString());
    QVERIFY(job.has_value());
    QCOMPARE(job->x.num, int64_t(kCancelGrid));
    QCOMPARE(job->data.samples, int64_t(64));
    MainWindow window;
    window.show();
    QSignalSpy finished(&window, &MainWindow::computeFinished);
    QSignalSpy progress(&window, &MainWindow::computeProgress);
    QVERIFY(window.startCompute(*job, 32, 2));
    QVERIFY(finished.wait(120000));
    QCOMPARE(finished.front().at(1).toBool(), true);
    // Only the missing points were computed: the first report already counts the saved ones.
    int computedBefore = 0;
    for (double v : partial.arrays.at("test_loss")) computedBefore += v >= 0;
    QVERIFY(progress.front().at(0).toLongLong() >= computedBefore);
    const Surface full = readSurfaceFile(out.toStdString());
    for (size_t k = 0; k < full.arrays.at("test_loss").size(); ++k) {
      QVERIFY(full.arrays.at("test_loss")[k] > 0);
      if (partial.arrays.at("test_loss")[k] >= 0)  // saved points kept as they were
        QCOMPARE(full.arrays.at("test_loss")[k], partial.arrays.at("test_loss")[k]);
    }
  }

  // Two windows of one process computing into one file: the lock is per open file description,
  // so the second is told who writes the file and the first finishes a whole, valid file.
  void secondComputeIntoTheSameFileIsRefused() {
    const QString out = m_dir.filePath("gui_two_writers.h5");
    MainWindow first, second;
    first.show();
    second.show();
    QSignalSpy firstProgress(&first, &MainWindow::computeProgress);
    QSignalSpy firstFinished(&first, &MainWindow::computeFinished);
    QSignalSpy secondFinished(&second, &MainWindow::computeFinished);
    QVERIFY(first.startCompute(demoJob(out, kCancelGrid, 64), 32, 1));
    QVERIFY(firstProgress.wait(120000));  // the first holds the lock once it reports
    MessageBoxAnswerer boxes;
    QVERIFY(second.startCompute(demoJob(out, kCancelGrid, 64), 32, 1));
    QVERIFY(secondFinished.wait(120000));
    QCOMPARE(secondFinished.front().at(1).toBool(), false);
    QTRY_VERIFY(!boxes.texts.isEmpty());
    const QString shown = boxes.texts.front();
    const QString pid = QString::number(QCoreApplication::applicationPid());
    QVERIFY2(shown.contains("is being written by process " + pid), qPrintable(shown));
    QVERIFY2(shown.contains("gui_two_writers.h5"), qPrintable(shown));
    QVERIFY2(!shown.contains("--"), qPrintable(shown));  // the GUI user has no CLI flags
    QVERIFY(firstFinished.wait(300000));
    QCOMPARE(firstFinished.front().at(1).toBool(), true);
    const Surface s = readSurfaceFile(out.toStdString());
    QCOMPARE(s.missing(), int64_t(0));
    for (double v : s.arrays.at("test_loss")) QVERIFY(v > 0 && std::isfinite(v));
    // Nothing of either writer is left beside the file.
    const QStringList left =
        QDir(m_dir.path()).entryList({".gui_two_writers*"}, QDir::Hidden | QDir::Files);
    QVERIFY2(left.isEmpty(), qPrintable(left.join(", ")));
  }

  void trajectoryThroughTheGui() {
    TrajectoryJob job;
    job.checkpoints = {test::dataPath("fixtures/trajectory/checkpoints")};
    job.arch = ArchSpec{test::dataPath("fixtures/trajectory/tiny_resnet.onnx"), 1, 28, 28, 10};
    job.ignoreBiasBn = true;
    job.outDirs = m_dir.filePath("gui_pca.h5").toStdString();
    MainWindow window;  // not shown: no question about a surface afterwards
    QSignalSpy finished(&window, &MainWindow::trajectoryFinished);
    QVERIFY(window.startTrajectory(job));
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.front().at(1).toBool(), true);
    const Projection p = readProjectionFile(m_dir.filePath("gui_pca_proj.h5").toStdString());
    QCOMPARE(p.x.size(), size_t(13));
    // The path ends at the final model, the plane's origin.
    QVERIFY(std::abs(p.x.back()) < 1e-9 && std::abs(p.y.back()) < 1e-9);
    const auto explained = readExplainedVariance(job.outDirs);
    QVERIFY(explained && explained->ratio[0] > explained->ratio[1]);
  }

  void hoverDropAndClipboard() {
    MainWindow window;
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // Drag-and-drop opens the file.
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(kPcaSurface)});
    QDragEnterEvent enter(QPoint(300, 300), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(300, 300), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);
    QTRY_COMPARE(window.currentSurface(), kPcaSurface);  // read off the GUI thread
    // Hovering the contour plot reads the values under the cursor.
    window.tabs()->setCurrentWidget(window.planeView());
    QTest::qWait(200);
    VtkWidget* vtk = window.planeView()->vtkWidget();
    QSignalSpy hovered(window.planeView(), &SurfaceView::hovered);
    const QPoint centre(vtk->width() * 0.45, vtk->height() / 2);
    QMouseEvent move(QEvent::MouseMove, centre, vtk->mapToGlobal(centre), Qt::NoButton,
                     Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(vtk, &move);
    QCOMPARE(hovered.size(), 1);
    const QString text = hovered.front().at(0).toString();
    QVERIFY2(text.contains("x = ") && text.contains("y = ") && text.contains("test loss") &&
                 text.contains("accuracy"),
             qPrintable(text));
    // Copy image puts the view on the clipboard.
    auto* copy = window.findChild<QAction*>("actionCopyImage");
    QVERIFY(copy);
    copy->trigger();
    const QImage copied = QApplication::clipboard()->image();
    QVERIFY(copied.width() > 300);
    QVERIFY(distinctColors(copied) > 50);
  }

  void exportsPngAndSvg() {
    const Surface s = readSurfaceFile(kPcaSurface.toStdString());
    viz::FigureOptions o;
    o.array = "test_loss";
    o.width = 640;
    o.heightPixels = 480;
    const QString png = m_dir.filePath("figure.png"), svg = m_dir.filePath("figure.svg");
    exportFigure(s, o, png);
    const QImage image(png);
    QCOMPARE(image.size(), QSize(640, 480));
    QVERIFY(distinctColors(image) > 200);
    o.kind = viz::FigureKind::Contour;
    exportFigure(s, o, svg);
    QFile file(svg);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.contains("<svg"));
    QVERIFY(text.contains("</svg>"));
    QVERIFY(text.count("<path") + text.count("<polyline") > 10);
  }

  void exportDialogSizesInUnitsAndRemembers() {
    const QString folder = m_dir.filePath("export_dialog");  // no figure there yet: no question
    QVERIFY(QDir().mkpath(folder));
    {
      ExportDialog dialog(viz::FigureKind::Contour, true, false, folder);
      auto* preset = dialog.findChild<QComboBox*>("preset");
      auto* unit = dialog.findChild<QComboBox*>("unit");
      auto* width = dialog.findChild<QDoubleSpinBox*>("width");
      auto* height = dialog.findChild<QDoubleSpinBox*>("height");
      auto* dpi = dialog.findChild<QSpinBox*>("dpi");
      auto* pixels = dialog.findChild<QLabel*>("pixels");
      QVERIFY(preset && unit && width && height && dpi && pixels);
      // First time: 1200 x 900 px at 150 dpi.
      QCOMPARE(pixels->text(), QString("1200 × 900 px, 8.00 × 6.00 in"));
      dpi->setValue(300);
      preset->setCurrentIndex(preset->findData("single"));
      QCOMPARE(unit->currentData().toString(), QString("in"));
      QCOMPARE(width->value(), 3.25);
      QCOMPARE(pixels->text(), QString("975 × 780 px, 3.25 × 2.60 in"));
      viz::FigureOptions o;
      dialog.applySize(o);
      QCOMPARE(o.width, 975);
      QCOMPARE(o.heightPixels, 780);
      QCOMPARE(o.dpi, 300);
      // Another unit converts the numbers; the figure stays the size it was.
      unit->setCurrentIndex(unit->findData("cm"));
      QCOMPARE(width->value(), 8.26);  // 3.25 in, shown to hundredths of a cm
      QCOMPARE(height->value(), 6.6);
      QCOMPARE(pixels->text(), QString("975 × 780 px, 3.25 × 2.60 in"));
      unit->setCurrentIndex(unit->findData(""));
      QCOMPARE(width->value(), 975.0);  // not 976: the rounding shown is not the size kept
      QCOMPARE(preset->currentData().toString(), QString("single"));
      // A size that does not fit says why and cannot be saved.
      width->setValue(20000);
      QVERIFY2(pixels->text().contains("16384"), qPrintable(pixels->text()));
      QPushButton* save = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save);
      QVERIFY(!save->isEnabled());
      width->setValue(1500);
      auto* format = dialog.findChild<QComboBox*>("format");
      format->setCurrentIndex(format->findData("svg"));
      QVERIFY(dialog.path().endsWith("figure.svg"));
      QVERIFY(save->isEnabled());
      save->click();
      QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }
    // The next export starts where this one ended.
    ExportDialog next(viz::FigureKind::Contour, true, false, folder);
    QVERIFY(next.path().endsWith("figure.svg"));
    QCOMPARE(next.dpi(), 300);
    QCOMPARE(next.sizeText(), QString("1500x780"));
    QSettings().remove("export");
  }

  void translationsAreCompleteAndLoad_data() {
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("compare");
    QTest::newRow("German") << "de" << QString("Vergleich");
    QTest::newRow("Simplified Chinese") << "zh_CN" << QString::fromUtf8("比较");
  }

  void translationsAreCompleteAndLoad() {
    QFETCH(QString, language);
    QFETCH(QString, compare);
    // Every message of the committed .ts file has a finished translation, and every tr() text
    // of today's sources is among them (lupdate run afresh into a scratch file).
    const QString committed = BASIN_SOURCE_TRANSLATIONS "/basin_" + language + ".ts";
    const auto messages = tsMessages(committed);
    QVERIFY(messages.size() > 150);
    for (const auto& [message, finished] : messages)
      QVERIFY2(finished, qPrintable(message.first + ": " + message.second));
    const QString fresh = m_dir.filePath("fresh_" + language + ".ts");
    QProcess lupdate;
    lupdate.start(BASIN_LUPDATE, {"-silent", "-no-obsolete", "-extensions", "cpp,h",
                                  BASIN_GUI_SOURCES, "-ts", fresh});
    QVERIFY(lupdate.waitForFinished(120000));
    QCOMPARE(lupdate.exitCode(), 0);
    const auto sources = tsMessages(fresh);
    QVERIFY(sources.size() > 150);
    for (const auto& [message, finished] : sources)
      QVERIFY2(messages.count(message),
               qPrintable("not in " + committed + " (run the basin_gui_lupdate target): " +
                          message.first + ": " + message.second));
    // The compiled catalogue is in the binary and translates the window.
    QTranslator translator;
    QVERIFY(translator.load(":/i18n/basin_" + language));
    QCOMPARE(translator.translate("basin::gui::MainWindow", "Compare"), compare);
    QApplication::installTranslator(&translator);
    {
      MainWindow window;
      window.resize(1400, 900);
      window.show();
      QVERIFY(QTest::qWaitForWindowExposed(&window));
      QCOMPARE(window.tabs()->tabText(3), compare);
      QCOMPARE(window.openFile(kPcaSurface), QString());
      screenshot(window, "window_" + language);
    }
    QApplication::removeTranslator(&translator);
  }

  void demoShowsPlainVsSkip() {
    MainWindow window;
    window.resize(1500, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openDemo());
    QTest::qWait(200);
    QCOMPARE(window.tabs()->currentWidget(), window.compareView());
    CompareView* compare = window.compareView();
    QCOMPARE(compare->count(), 2);
    for (int i = 0; i < 2; ++i) QVERIFY(distinctColors(compare->view(i)->grabImage()) > 300);
    // The paper's point, measured on the bundled networks: without shortcuts the surface is
    // rougher (a larger share of its points curve down).
    QTableWidget* table = compare->table();
    const int last = table->columnCount() - 1;
    QCOMPARE(table->item(0, 0)->text(), QString("resnet20"));
    QCOMPARE(table->item(1, 0)->text(), QString("resnet20_noshort"));
    const double skip = table->item(0, last)->text().remove(" %").toDouble();
    const double plain = table->item(1, last)->text().remove(" %").toDouble();
    QVERIFY2(plain > skip, qPrintable(QString("plain %1 %, skip %2 %").arg(plain).arg(skip)));
    screenshot(window, "demo");
  }

  void bigSurfacesTurnCoarseAndSettleInFull() {
    Surface big;
    for (int i = 0; i < 201; ++i) big.x.push_back(-1.0 + i / 100.0);
    big.y = big.x;
    std::vector<double>& loss = big.array("train_loss");
    for (size_t k = 0; k < loss.size(); ++k) {
      const double a = big.x[k % 201], b = big.y[k / 201];
      loss[k] = 0.1 + a * a + 2 * b * b;
    }
    SurfaceView view;
    view.resize(800, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    viz::FigureOptions options;
    options.kind = viz::FigureKind::Surface3d;
    options.array = "train_loss";
    view.showSurface(big, options, false);
    const viz::Scene& scene = view.scene();
    QVERIFY(scene.surface && scene.coarseSurface);
    // The coarse copy: at most kCoarseSide points a side, the grid's corners kept.
    scene.coarseSurface->GetMapper()->Update();
    const double* bounds = scene.coarseSurface->GetMapper()->GetInput()->GetBounds();
    QCOMPARE(bounds[0], -1.0);
    QCOMPARE(bounds[1], 1.0);
    QVERIFY(scene.coarseSurface->GetMapper()->GetInput()->GetNumberOfPoints() <=
            vtkIdType(viz::kCoarseSide * viz::kCoarseSide));
    QVERIFY(scene.surface->GetVisibility() && !scene.coarseSurface->GetVisibility());
    VtkWidget* vtk = view.vtkWidget();
    const auto before = position(view.camera());
    const QPoint centre(vtk->width() / 2, vtk->height() / 2);
    QTest::mousePress(vtk, Qt::LeftButton, {}, centre);
    QVERIFY(!scene.surface->GetVisibility() && scene.coarseSurface->GetVisibility());
    QMouseEvent move(QEvent::MouseMove, centre + QPoint(80, 10), vtk->mapToGlobal(centre),
                     Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(vtk, &move);
    QTest::mouseRelease(vtk, Qt::LeftButton, {}, centre + QPoint(80, 10));
    QVERIFY(position(view.camera()) != before);  // it turned
    QVERIFY(scene.surface->GetVisibility() && !scene.coarseSurface->GetVisibility());
    // A surface as small as the demo's has no coarse copy.
    options.array = "test_loss";
    view.showSurface(readSurfaceFile(kPcaSurface.toStdString()), options, false);
    QVERIFY(!view.scene().coarseSurface);
  }

  void helpMenuFullScreenAndTheDemoBanner() {
    QSettings().remove("demo/bannerClosed");
    MainWindow window;
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.compareView()->titles().isEmpty());
    QVERIFY(window.openDemo());
    QVERIFY(window.demoBanner()->isVisible());
    QVERIFY(window.demoBanner()->text().contains("filter-normalized"));
    QVERIFY(window.demoBanner()->text().contains("non-convex share"));
    QCOMPARE(window.windowTitle(), QString("Compare resnet20 vs resnet20_noshort — Basin"));
    // Closed once, it stays closed.
    QTest::mouseClick(window.findChild<QPushButton*>("demoBannerClose"), Qt::LeftButton);
    QVERIFY(!window.demoBanner()->isVisible());
    QVERIFY(window.openDemo());
    QVERIFY(!window.demoBanner()->isVisible());
    // F11 toggles full screen.
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_F11);
    QTRY_VERIFY(window.windowState() & Qt::WindowFullScreen);
    QTest::keyClick(&window, Qt::Key_F11);
    QTRY_VERIFY(!(window.windowState() & Qt::WindowFullScreen));
    // The shortcuts page is read from the menus.
    QAction* shortcuts = nullptr;
    QAction* about = nullptr;
    for (QAction* a : window.findChildren<QAction*>()) {
      if (a->text() == "&Keyboard shortcuts") shortcuts = a;
      if (a->text() == "&About Basin") about = a;
    }
    QVERIFY(shortcuts && about);
    shortcuts->trigger();
    auto* table = window.findChild<QTableWidget*>("shortcutTable");
    QVERIFY(table);
    QMap<QString, QString> keys;
    for (int r = 0; r < table->rowCount(); ++r)
      keys[table->item(r, 0)->text()] = table->item(r, 1)->text();
    QCOMPARE(keys.value("View > Full screen").section(" or ", 0, 0), QString("F11"));
    QCOMPARE(keys.value("Compute > Surface"), QString("Ctrl+R"));
    QCOMPARE(keys.value("Help > Guide"), QString("F1"));
    for (const QString& command : keys.keys())
      QVERIFY2(!command.startsWith(" "), qPrintable(command));
    window.findChild<QDialog*>("shortcutsDialog")->close();
    // About names the paper to cite.
    MessageBoxAnswerer answerer;
    about->trigger();
    QVERIFY2(answerer.last().contains("Visualizing the Loss Landscape of Neural Nets"),
             qPrintable(answerer.last()));
  }

  void hiddenTabsDrawWhenShown() {
    MainWindow window;
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.tabs()->setCurrentWidget(window.view3d());
    QCOMPARE(window.openFile(kPcaSurface), QString());
    QTest::qWait(100);
    QVERIFY(window.view3d()->isDrawn());
    // The contour and 1-D tabs hold the surface but draw it only when they are shown.
    QVERIFY(window.planeView()->hasFigure() && !window.planeView()->isDrawn());
    QVERIFY(!window.curveView()->isDrawn());
    window.tabs()->setCurrentWidget(window.planeView());
    QTest::qWait(100);
    QVERIFY(window.planeView()->isDrawn());
    QVERIFY(distinctColors(window.planeView()->grabImage()) > 50);
  }

  void typosInTextFieldsAreMarkedAndNeverKillTheApp() {
    MainWindow window;
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.openFile(kPcaSurface), QString());
    window.tabs()->setCurrentWidget(window.planeView());
    auto* inspector = window.findChild<Inspector*>();
    auto* levels = window.findChild<QLineEdit*>("levelsEdit");
    auto* areas = window.findChild<QLineEdit*>("compareLevelsEdit");
    QVERIFY(inspector && levels && areas);
    const QString valid = inspector->settings().levels;
    for (const QString& typo : {QString("0.1:oops"), QString("5:1:0.5"), QString("0:1e9:1e-9")}) {
      levels->selectAll();
      QTest::keyClicks(levels, typo);
      QTest::keyClick(levels, Qt::Key_Return);  // used to abort the app (uncaught error)
      QTest::qWait(50);
      QVERIFY2(levels->styleSheet().contains("border"), qPrintable(typo));  // marked red
      QVERIFY(levels->toolTip().contains(valid));  // says what is still drawn
      QCOMPARE(inspector->settings().levels, valid);
      QVERIFY(window.planeView()->hasFigure());
    }
    levels->selectAll();
    QTest::keyClicks(levels, "0.5:5:0.25");
    QTest::keyClick(levels, Qt::Key_Return);
    QCOMPARE(levels->styleSheet(), QString());
    QCOMPARE(inspector->settings().levels, QString("0.5:5:0.25"));
    areas->selectAll();
    QTest::keyClicks(areas, "0.5, one");
    QTest::keyClick(areas, Qt::Key_Return);
    QVERIFY(areas->styleSheet().contains("border"));
    QCOMPARE(inspector->settings().compareLevels, QString("0.5, 1, 2"));
    screenshot(window, "levels-typo");
  }

  void anErrorNoSlotCaughtIsShownAndTheAppGoesOn() {
    QPushButton button;
    QObject::connect(&button, &QPushButton::clicked,
                     [] { throw basin::IoError("x.h5: an error nobody caught"); });
    button.show();
    MessageBoxAnswerer boxes;
    QTest::mouseClick(&button, Qt::LeftButton);
    QTRY_VERIFY(!boxes.texts.isEmpty());
    const QString shown = boxes.texts.front();
    QVERIFY2(shown.contains("x.h5: an error nobody caught"), qPrintable(shown));
  }

  void filesAreReadOffTheGuiThread() {
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy opened(&window, &MainWindow::filesOpened);
    const QString model = BASIN_SOURCE_DEMO "/densenet_bc40-mnist.h5";
    window.openFiles({model, kPcaSurface});
    // openFiles returns before anything is read: the files join the session from the event
    // loop, and the status bar says what is being read meanwhile.
    QVERIFY(window.session().entries(FileKind::Model).empty());
    QVERIFY(window.session().entries(FileKind::Surface).empty());
    QVERIFY2(window.statusBar()->currentMessage().contains("densenet_bc40-mnist.h5"),
             qPrintable(window.statusBar()->currentMessage()));
    // The event loop runs while the model is read: a timer keeps firing.
    int ticks = 0;
    QTimer timer;
    connect(&timer, &QTimer::timeout, [&] { ++ticks; });
    timer.start(5);
    QVERIFY(opened.wait(60000));
    QVERIFY(ticks >= 1);
    QCOMPARE(window.currentSurface(), kPcaSurface);  // in order: the model, then the surface
    QCOMPARE(int(window.session().entries(FileKind::Model).size()), 1);
    QCOMPARE(int(window.session().entries(FileKind::Surface).size()), 1);
    QVERIFY(window.view3d()->hasFigure());
    QVERIFY(window.statusBar()->currentMessage().isEmpty());
    // Closing the window while a file is read waits for the read and drops it.
    {
      MainWindow closing;
      closing.openFiles({model});
    }
  }

  void unreadableFileShowsTheErrorAndTheAppGoesOn() {
    const QString bad = m_dir.filePath("broken.h5");
    test::writeBytes(bad.toStdString(), "\x89HDF\r\n\x1a\n and then nothing useful");
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    MessageBoxAnswerer boxes;
    window.openFiles({bad});
    QTRY_VERIFY(!boxes.texts.isEmpty());
    const QString shown = boxes.texts.front();
    QVERIFY2(shown.contains("broken.h5"), qPrintable(shown));
    QVERIFY(shown.count(bad) >= 1);
    QVERIFY(!window.openFile(m_dir.filePath("missing.h5")).isEmpty());
    QCOMPARE(window.openFile(kPcaSurface), QString());
    QVERIFY(window.view3d()->hasFigure());
  }
};

int main(int argc, char** argv) {
  VtkWidget::setDefaultSurfaceFormat();
  basin::gui::GuardedApplication app(argc, argv);  // the app's own, as in app/gui/main.cpp
  TestGui test;
  return QTest::qExec(&test, argc, argv);
}

#include "test_gui.moc"
