// bench_gui: the desktop app's responsiveness goals (issue 19), measured in the real windows
// under Xvfb with Mesa's llvmpipe. Not a test: it prints numbers, the README records them.
//
//   xvfb-run -a -s "-screen 0 1600x1000x24" build/dev/tests/bench_gui [demo|rotate|menu|open]...
//
// demo:   MainWindow + the demo (two surfaces side by side) until both are on screen.
// rotate: frames per second while a 251 x 251 surface is turned by mouse drags (each step a
//         real mouse event through the interactor, then a synchronous repaint).
// menu:   while the live preview of a computing surface is shown (3-D tab, then contour tab),
//         the File menu asked to open every 150 ms: the time from the request being queued until
//         the menu is open (waiting behind what the event loop is doing, plus opening it), which
//         is what a click on the menu waits for.
// open:   the demo's three models (and a surface) opened through File > Open's path: the
//         longest the event loop stalls meanwhile (a 5 ms timer's largest gap), against the time
//         the same files take when read on the GUI thread (what it froze for before).
#include <QApplication>
#include <QElapsedTimer>
#include <QMenu>
#include <QMenuBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "app/gui/compare_view.h"
#include "app/gui/main_window.h"
#include "app/gui/surface_view.h"
#include "app/gui/vtk_widget.h"
#include "tests/support/test_support.h"

using namespace basin;
using namespace basin::gui;

namespace {

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return NAN;
  std::sort(v.begin(), v.end());
  return v[size_t(std::lround(p * double(v.size() - 1)))];
}

void benchDemo() {
  QElapsedTimer clock;
  clock.start();
  MainWindow window;
  window.resize(1500, 900);
  window.show();
  window.openDemo();
  CompareView* compare = window.compareView();
  // On screen: both panes drawn and a frame of each rendered.
  while (compare->count() < 2 || !compare->view(0)->isDrawn() || !compare->view(1)->isDrawn())
    QApplication::processEvents(QEventLoop::AllEvents, 5);
  for (int i = 0; i < compare->count(); ++i) compare->view(i)->vtkWidget()->repaint();
  std::printf("demo: first surfaces on screen after %.0f ms (from MainWindow's construction)\n",
              double(clock.nsecsElapsed()) / 1e6);
}

Surface rippledBowl(int n) {
  Surface s;
  for (int i = 0; i < n; ++i) s.x.push_back(-1.0 + 2.0 * i / (n - 1));
  s.y = s.x;
  std::vector<double>& loss = s.array("train_loss");
  for (int j = 0; j < n; ++j)
    for (int i = 0; i < n; ++i) {
      const double a = s.x[size_t(i)], b = s.y[size_t(j)];
      loss[size_t(j * n + i)] = 0.1 + 2 * (a * a + b * b) + 0.2 * std::sin(9 * a) * std::cos(7 * b);
    }
  return s;
}

void drag(VtkWidget* vtk, QPoint at, Qt::MouseButtons buttons, QEvent::Type type) {
  QMouseEvent event(type, at, vtk->mapToGlobal(at),
                    type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton, buttons,
                    Qt::NoModifier);
  QApplication::sendEvent(vtk, &event);
}

void benchRotate(int n) {
  SurfaceView view;
  view.resize(1100, 800);
  view.show();
  if (!QTest::qWaitForWindowExposed(&view)) return void(std::puts("rotate: no display"));
  viz::FigureOptions options;
  options.kind = viz::FigureKind::Surface3d;
  options.array = "train_loss";
  view.showSurface(rippledBowl(n), options, false);
  QTest::qWait(200);
  VtkWidget* vtk = view.vtkWidget();
  const QPoint centre(vtk->width() / 2, vtk->height() / 2);
  drag(vtk, centre, Qt::LeftButton, QEvent::MouseButtonPress);
  std::vector<double> frameMs;
  QElapsedTimer clock;
  for (int step = 1; step <= 90; ++step) {
    clock.start();
    drag(vtk, centre + QPoint(4 * step, (step % 20) - 10), Qt::LeftButton, QEvent::MouseMove);
    vtk->repaint();
    QApplication::processEvents();
    frameMs.push_back(double(clock.nsecsElapsed()) / 1e6);
  }
  drag(vtk, centre + QPoint(360, 0), Qt::NoButton, QEvent::MouseButtonRelease);
  frameMs.erase(frameMs.begin(), frameMs.begin() + 10);  // warm-up
  const double median = percentile(frameMs, 0.5);
  std::printf("rotate %dx%d: median frame %.1f ms (%.0f frames/s), 95th percentile %.1f ms\n", n, n,
              median, 1000.0 / median, percentile(frameMs, 0.95));
}

SurfaceJob demoJob(const QString& out, int points, int samples) {
  return test::demoSurfaceJob(BASIN_SOURCE_DEMO, out.toStdString(), points, samples);
}

void benchMenu(bool contour) {
  QTemporaryDir dir;
  MainWindow window;
  window.resize(1500, 900);
  window.show();
  if (!QTest::qWaitForWindowExposed(&window)) return void(std::puts("menu: no display"));
  if (contour)
    QObject::connect(&window, &MainWindow::computeProgress, &window,
                     [&] { window.tabs()->setCurrentWidget(window.planeView()); });
  bool done = false;
  QObject::connect(&window, &MainWindow::computeFinished, &window, [&] { done = true; });
  window.startCompute(demoJob(dir.filePath("bench.h5"), 41, 128), 64, 2);
  QMenu* file = window.menuBar()->findChildren<QMenu*>().front();
  const QRect fileRect = window.menuBar()->actionGeometry(file->menuAction());
  std::vector<double> latency;
  QElapsedTimer clock;
  clock.start();
  while (!done && clock.elapsed() < 60000) {
    QTest::qWait(150);
    if (done) break;
    QElapsedTimer click;
    click.start();
    // Queued like a real click: it waits for whatever the event loop is doing.
    QTimer::singleShot(0, &window,
                       [&] { file->popup(window.menuBar()->mapToGlobal(fileRect.bottomLeft())); });
    while (!file->isVisible() && click.elapsed() < 30000)
      QApplication::processEvents(QEventLoop::AllEvents, 5);
    latency.push_back(double(click.nsecsElapsed()) / 1e6);
    file->close();
  }
  window.cancelCompute();
  while (!done) QApplication::processEvents(QEventLoop::AllEvents, 50);
  std::printf(
      "menu during a live preview (%s tab, 41x41 demo surface): %zu clicks, median %.0f "
      "ms, 95th percentile %.0f ms, worst %.0f ms\n",
      contour ? "contour" : "3-D", latency.size(), percentile(latency, 0.5),
      percentile(latency, 0.95), percentile(latency, 1.0));
}

// Opens `files` through openFiles; returns {total ms, longest event-loop stall ms}.
std::pair<double, double> openAsync(const QStringList& files) {
  MainWindow window;
  window.show();
  QTest::qWaitForWindowExposed(&window);
  QTest::qWait(300);  // the window's first paint is not the open's
  double stalled = 0;
  QElapsedTimer clock, gap;
  bool done = false;
  QObject::connect(&window, &MainWindow::filesOpened, [&] { done = true; });
  QTimer timer;
  QObject::connect(&timer, &QTimer::timeout, [&] {
    stalled = std::max(stalled, double(gap.nsecsElapsed()) / 1e6);
    gap.restart();
  });
  clock.start();
  gap.start();
  timer.start(5);
  window.openFiles(files);
  while (!done) QApplication::processEvents(QEventLoop::AllEvents, 5);
  return {double(clock.nsecsElapsed()) / 1e6, stalled};
}

// Reads `files` on the GUI thread (openFile): the ms it is frozen for.
double openSync(const QStringList& files) {
  MainWindow window;
  window.show();
  QTest::qWaitForWindowExposed(&window);
  QTest::qWait(300);
  QElapsedTimer clock;
  clock.start();
  for (const QString& f : files) window.openFile(f);
  return double(clock.nsecsElapsed()) / 1e6;
}

void benchOpen() {
  const QStringList models = {BASIN_SOURCE_DEMO "/resnet20-mnist.h5",
                              BASIN_SOURCE_DEMO "/resnet20_noshort-mnist.h5",
                              BASIN_SOURCE_DEMO "/densenet_bc40-mnist.h5",
                              QString::fromStdString(test::dataPath("fixtures/vgg9_1ch_28.h5"))};
  for (int round = 0; round < 3; ++round) {
    const auto [total, stalled] = openAsync(models);
    const double frozen = openSync(models);
    const auto [surfaceTotal, surfaceStalled] =
        openAsync({BASIN_SOURCE_DEMO "/surfaces/resnet20.h5"});
    std::printf(
        "open: 4 models in %.0f ms, the event loop stalled at most %.0f ms (read on the "
        "GUI thread: frozen %.0f ms); a surface in %.0f ms, stalled %.0f ms (drawing "
        "it)\n",
        total, stalled, frozen, surfaceTotal, surfaceStalled);
  }
}

}  // namespace

int main(int argc, char** argv) {
  VtkWidget::setDefaultSurfaceFormat();
  QApplication app(argc, argv);
  QApplication::setOrganizationName("BasinBench");  // leaves the user's settings alone
  QStringList what = app.arguments().mid(1);
  if (what.isEmpty()) what = {"demo", "rotate", "menu"};
  for (const QString& w : what) {
    if (w == "demo") benchDemo();
    if (w == "open") benchOpen();
    if (w == "rotate") {
      benchRotate(51);
      benchRotate(251);
    }
    if (w == "menu") {
      benchMenu(false);
      benchMenu(true);
    }
  }
  return 0;
}
