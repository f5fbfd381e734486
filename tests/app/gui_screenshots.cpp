// Makes the README's screenshots: opens the files given (surfaces, projections) in the app and
// saves the 3-D view, the contour view, the 1-D view and the comparison of all surfaces as PNGs.
// Usage: xvfb-run -a -s "-screen 0 1920x1080x24" gui_screenshots OUT_DIR FILE...
#include <QApplication>
#include <QDir>
#include <QSettings>
#include <QTest>

#include "app/gui/main_window.h"
#include "app/gui/surface_view.h"
#include "app/gui/vtk_widget.h"

int main(int argc, char** argv) {
  basin::gui::VtkWidget::setDefaultSurfaceFormat();
  QApplication app(argc, argv);
  QApplication::setOrganizationName("BasinScreenshots");
  const QStringList args = QApplication::arguments().mid(1);
  if (args.size() < 2) {
    qCritical("usage: gui_screenshots OUT_DIR FILE...");
    return 2;
  }
  const QDir out(args.front());
  QSettings().setValue("render/log", true);  // surfaces with a spike read better in log scale
  basin::gui::MainWindow window;
  window.resize(1500, 900);
  window.show();
  if (!QTest::qWaitForWindowExposed(&window)) return 1;
  QStringList surfaces;
  for (const QString& file : args.mid(1)) {
    const QString error = window.openFile(file);
    if (!error.isEmpty()) {
      qCritical("%s", qPrintable(error));
      return 1;
    }
    if (basin::classifyFile(file.toStdString()).kind == basin::FileKind::Surface) surfaces << file;
  }
  auto save = [&](const QString& name) {
    QTest::qWait(400);
    window.grab().save(out.filePath(name));
  };
  window.showSurface(surfaces.front());
  save("surface3d.png");
  window.tabs()->setCurrentWidget(window.planeView());
  save("contour.png");
  window.tabs()->setCurrentIndex(2);  // 1-D: the slice at y = 0
  save("curves.png");
  if (surfaces.size() >= 2) {
    window.compare(surfaces);
    save("compare.png");
  }
  return 0;
}
