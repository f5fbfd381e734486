// basin: the desktop app. `basin [FILES...]` opens models, data sets, surface, direction and
// projection files (Basin's and the reference implementation's).
#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>
#include <cstring>

#include "app/gui/guarded_application.h"
#include "app/gui/main_window.h"
#include "app/gui/vtk_widget.h"

int main(int argc, char** argv) {
  // --help and --version answer on a terminal without a display too.
  const bool display = qEnvironmentVariableIsSet("DISPLAY") ||
                       qEnvironmentVariableIsSet("WAYLAND_DISPLAY") ||
                       qEnvironmentVariableIsSet("QT_QPA_PLATFORM");
  for (int i = 1; i < argc && !display; ++i)
    if (!std::strcmp(argv[i], "--help") || !std::strcmp(argv[i], "-h") ||
        !std::strcmp(argv[i], "--version") || !std::strcmp(argv[i], "-v"))
      qputenv("QT_QPA_PLATFORM", "offscreen");
  basin::gui::VtkWidget::setDefaultSurfaceFormat();  // before QApplication (stack.md)
  basin::gui::GuardedApplication app(argc, argv);
  QApplication::setOrganizationName("Basin");
  QApplication::setApplicationName("Basin");
  QApplication::setApplicationVersion(BASIN_VERSION);

  // The language chosen in Preferences, else the system's.
  const QString chosen = QSettings().value("language").toString();
  QLocale locale = chosen.isEmpty() ? QLocale::system() : QLocale(chosen);
  locale.setNumberOptions(QLocale::OmitGroupSeparator);
  QLocale::setDefault(locale);  // numbers on screen in the language's decimal mark
  QTranslator qtTranslator, basinTranslator;
  if (qtTranslator.load(locale, "qtbase", "_", QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
    QApplication::installTranslator(&qtTranslator);
  if (basinTranslator.load(locale, "basin", "_", ":/i18n"))
    QApplication::installTranslator(&basinTranslator);

  QCommandLineParser parser;
  basin::gui::MainWindow::describeCommandLine(parser);
  parser.process(app);

  basin::gui::MainWindow window;
  window.show();
  // Files given are opened; without any, the first start (or --demo) shows the demo.
  QSettings settings;
  if (parser.isSet("demo") ||
      (parser.positionalArguments().isEmpty() && !settings.value("demo/shown").toBool())) {
    settings.setValue("demo/shown", true);
    window.openDemo();
  }
  window.openFiles(parser.positionalArguments());
  return app.exec();
}
