// Figures against committed baseline PNGs (tests/baselines), rendered offscreen under Xvfb:
// an analytic bowl and saddle, and a surface Basin computed on real MNIST data on the PCA plane
// of a training run, with its trajectory. A failing comparison writes the actual image beside
// the test (FIGURE_actual.png); BASIN_UPDATE_BASELINES=1 rewrites the baselines (look at them
// before committing).
#include <vtkImageData.h>
#include <vtkPNGReader.h>

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <functional>

#include "core/error.h"
#include "core/landscape/projection_file.h"
#include "tests/support/test_support.h"
#include "viz/compare_figure.h"
#include "viz/figure.h"

using namespace basin;

namespace {

struct Png {
  int width = 0, height = 0, channels = 0;
  std::vector<unsigned char> data;  // rows as stored by vtkPNGReader
  const unsigned char* at(int64_t pixel) const { return data.data() + pixel * channels; }
};

Png readPng(const std::string& path) {
  auto reader = vtkSmartPointer<vtkPNGReader>::New();
  reader->SetFileName(path.c_str());
  reader->Update();
  vtkImageData* image = reader->GetOutput();
  int dims[3];
  image->GetDimensions(dims);
  Png png{dims[0], dims[1], image->GetNumberOfScalarComponents(), {}};
  const auto* p = static_cast<const unsigned char*>(image->GetScalarPointer());
  if (p) png.data.assign(p, p + int64_t(png.width) * png.height * png.channels);
  return png;
}

// Each 2 x 2 block of pixels averaged into one: what a figure at twice the DPI looks like at
// the size of the original.
Png halved(const Png& big) {
  Png small{big.width / 2, big.height / 2, big.channels, {}};
  small.data.resize(size_t(small.width) * small.height * small.channels);
  for (int y = 0; y < small.height; ++y)
    for (int x = 0; x < small.width; ++x)
      for (int c = 0; c < big.channels; ++c) {
        int sum = 0;
        for (int k = 0; k < 4; ++k)
          sum += big.at(int64_t(2 * y + k / 2) * big.width + 2 * x + k % 2)[c];
        small.data[(size_t(y) * small.width + x) * small.channels + c] =
            static_cast<unsigned char>((sum + 2) / 4);
      }
  return small;
}

struct Difference {
  double meanAbs = 0.0,
         badShare = 0.0;  // mean |a - b| per channel (0..255), share of pixels off by > 48
  bool sameSize = false;
};

Difference compare(const Png& a, const Png& b) {
  Difference d;
  d.sameSize = a.width == b.width && a.height == b.height && a.channels == b.channels;
  if (!d.sameSize) return d;
  const int64_t pixels = int64_t(a.width) * a.height;
  int64_t bad = 0;
  double sum = 0.0;
  for (int64_t i = 0; i < pixels; ++i) {
    int worst = 0;
    for (int c = 0; c < a.channels; ++c) {
      const int diff = std::abs(int(a.at(i)[c]) - int(b.at(i)[c]));
      sum += diff;
      worst = std::max(worst, diff);
    }
    bad += worst > 48;
  }
  d.meanAbs = sum / double(pixels * a.channels);
  d.badShare = double(bad) / double(pixels);
  return d;
}

Difference compare(const std::string& actual, const std::string& baseline) {
  return compare(readPng(actual), readPng(baseline));
}

}  // namespace

// The number of pixels of a PNG for which `is(rgb)` holds; `width` gets the image's width.
template <typename Predicate>
double countPixels(const std::string& path, int* width, Predicate is) {
  const Png png = readPng(path);
  *width = png.width;
  int64_t count = 0;
  for (int64_t i = 0; i < int64_t(png.width) * png.height; ++i) count += is(png.at(i));
  return double(count);
}

class TestFigures : public QObject {
  Q_OBJECT

  QTemporaryDir m_dir;

  void check(const Surface& s, const viz::FigureOptions& o, const QString& name) {
    check([&](const std::string& out) { viz::renderFigure(s, o, out); }, name);
  }

  void check(const std::function<void(const std::string&)>& render, const QString& name) {
    const std::string out = m_dir.filePath(name + ".png").toStdString();
    render(out);
    const QString baseline = QString(BASIN_BASELINES) + "/" + name + ".png";
    if (qEnvironmentVariableIsSet("BASIN_UPDATE_BASELINES")) {
      QFile::remove(baseline);
      QVERIFY(QFile::copy(QString::fromStdString(out), baseline));
      return;
    }
    QVERIFY2(QFile::exists(baseline), qPrintable("no baseline " + baseline));
    const Difference d = compare(out, baseline.toStdString());
    const QString actual = QDir::currentPath() + "/" + name + "_actual.png";
    const bool ok = d.sameSize && d.meanAbs < 1.5 && d.badShare < 0.005;
    if (!ok) {
      QFile::remove(actual);
      QFile::copy(QString::fromStdString(out), actual);
    }
    QVERIFY2(ok, qPrintable(QString("%1: mean difference %2, %3 % of pixels off (actual: %4)")
                                .arg(name)
                                .arg(d.meanAbs)
                                .arg(100 * d.badShare)
                                .arg(actual)));
  }

 private slots:
  void analyticSurfaces_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("saddle");
    for (const char* kind : {"surface3d", "contour", "filled", "heat"})
      for (bool saddle : {false, true})
        QTest::newRow(qPrintable(QString("%1 %2").arg(kind, saddle ? "saddle" : "bowl")))
            << QString(kind) << saddle;
  }

  void analyticSurfaces() {
    QFETCH(QString, kind);
    QFETCH(bool, saddle);
    viz::FigureOptions o;
    o.kind = viz::parseFigureKind(kind.toStdString());
    o.width = 600;
    o.heightPixels = 480;
    o.levels = {0.5, 5.0, 0.5};
    o.colormap = saddle ? viz::Colormap::Coolwarm : viz::Colormap::Viridis;
    check(test::analyticSurface(saddle), o, QString("%1_%2").arg(saddle ? "saddle" : "bowl", kind));
  }

  // Plain vs skip in one figure: the bowl and the saddle side by side, one colorbar, one range.
  void compareFigures_data() {
    QTest::addColumn<QString>("kind");
    for (const char* kind : {"surface3d", "contour"}) QTest::newRow(kind) << QString(kind);
  }

  void compareFigures() {
    QFETCH(QString, kind);
    const Surface bowl = test::analyticSurface(false), saddle = test::analyticSurface(true);
    viz::FigureOptions pane;
    pane.levels = {0.5, 5.0, 0.5};
    std::vector<viz::ComparePane> panes{{&bowl, pane}, {&saddle, pane}};
    panes[0].options.title = "bowl";
    panes[1].options.title = "saddle";
    viz::FigureOptions figure;
    figure.kind = viz::parseFigureKind(kind.toStdString());
    figure.width = 1000;
    figure.heightPixels = 450;
    figure.title = "bowl vs saddle";
    check([&](const std::string& out) { viz::renderCompareFigure(panes, figure, out); },
          "compare_" + kind);
  }

  void realSurfaceWithTrajectory_data() {
    QTest::addColumn<QString>("kind");
    for (const char* kind : {"surface3d", "contour", "filled", "heat"})
      QTest::newRow(kind) << QString(kind);
  }

  void realSurfaceWithTrajectory() {
    QFETCH(QString, kind);
    const Surface s = readSurfaceFile(test::dataPath("fixtures/trajectory/pca_surface.h5"));
    viz::FigureOptions o;
    o.kind = viz::parseFigureKind(kind.toStdString());
    o.array = "test_loss";
    o.width = 800;
    o.heightPixels = 640;
    o.height.log = o.kind == viz::FigureKind::Surface3d;
    o.trajectory = readProjectionFile(test::dataPath("fixtures/trajectory/pca_surface_proj.h5"));
    o.xTitle = viz::pcaAxisTitle(1, 0.807);
    o.yTitle = viz::pcaAxisTitle(2, 0.103);
    check(s, o, "pca_" + kind);
  }

  void curves1d() {
    Surface s;
    s.x = Axis{-0.5, 1.5, 81}.coordinates();
    auto& loss = s.array("test_loss");
    auto& acc = s.array("test_acc");
    for (size_t i = 0; i < s.x.size(); ++i) {
      const double a = s.x[i];
      loss[i] = 0.3 + 2.0 * a * a * (a - 1.0) * (a - 1.0) + 0.8 * std::sin(3 * a) * (a > 0.5);
      acc[i] = 100.0 * std::exp(-loss[i]);
    }
    viz::FigureOptions o;
    o.kind = viz::FigureKind::Curve1d;
    o.array = "test_loss";
    o.width = 700;
    o.heightPixels = 450;
    o.xTitle = "interpolation coefficient";
    check(s, o, "curves_1d");
  }

  void textScalesWithDpi() {
    // The same heat map at twice the size and twice the DPI is the same drawing at twice the
    // resolution: halved, it matches the small one. Text sized in pixels instead of points
    // stays small in the large figure (measured on the demo surface: mean difference 20, 13 %
    // of pixels off).
    viz::FigureOptions o;
    o.kind = viz::FigureKind::Heat;
    o.width = 400;
    o.heightPixels = 320;
    o.dpi = 60;
    const std::string small = m_dir.filePath("small.png").toStdString();
    viz::renderFigure(test::analyticSurface(false), o, small);
    o.width = 800;
    o.heightPixels = 640;
    o.dpi = 120;
    const std::string large = m_dir.filePath("large.png").toStdString();
    viz::renderFigure(test::analyticSurface(false), o, large);
    const Png big = readPng(large);
    QCOMPARE(big.width, 800);
    const Difference d = compare(halved(big), readPng(small));
    QVERIFY(d.sameSize);
    QVERIFY2(d.meanAbs < 3.0 && d.badShare < 0.02,  // measured 0.65 and 0.5 %
             qPrintable(QString("mean difference %1, %2 % of pixels off")
                            .arg(d.meanAbs)
                            .arg(100 * d.badShare)));
  }

  void filledContoursLeaveDivergedRegionsWhite() {
    // Where a network diverges the loss reaches 1e10; asked to leave what lies above the last
    // level white (the reference's contourf), the figure is white there exactly as for a loss
    // just above it (the band filter once painted all of it one color).
    auto whitePixels = [&](double far) {
      Surface s = test::analyticSurface(false);
      for (int64_t k = 0; k < s.points(); ++k)  // rising from 20 to `far` over x in (0.5, 1]
        if (s.x[k % 41] > 0.5)
          s.arrays["train_loss"][k] = 20.0 * std::pow(far / 20.0, (s.x[k % 41] - 0.5) / 0.5);
      viz::FigureOptions o;
      o.kind = viz::FigureKind::Filled;
      o.whiteAboveLevels = true;
      o.width = 500;
      o.heightPixels = 400;
      const std::string path = m_dir.filePath("diverged.png").toStdString();
      viz::renderFigure(s, o, path);
      int width = 0;
      return countPixels(path, &width, [](const unsigned char* rgb) {
        return rgb[0] > 245 && rgb[1] > 245 && rgb[2] > 245;
      });
    };
    const double justAbove = whitePixels(50.0), diverged = whitePixels(2e10);
    QVERIFY2(std::abs(diverged / justAbove - 1.0) < 0.02,
             qPrintable(QString("white pixels %1 vs %2").arg(diverged).arg(justAbove)));
  }

  void threeDimensionalPdfHoldsTheImage() {
    viz::FigureOptions o;
    o.width = 600;
    o.heightPixels = 480;
    o.dpi = 144;
    const QString path = m_dir.filePath("bowl3d.pdf");
    viz::renderFigure(test::analyticSurface(false), o, path.toStdString());
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray pdf = f.readAll();
    QVERIFY(pdf.startsWith("%PDF-1."));
    QVERIFY(pdf.contains("/Subtype /Image"));
    QVERIFY(QString::fromLatin1(pdf).contains(QRegularExpression("/Width 600\\s+/Height 480")));
    QVERIFY(pdf.contains("/MediaBox [ 0 0 300 240 ]"));  // 600 x 480 px at 144 dpi
  }

  // The demo's plain-vs-skip figure: images put side by side in memory (viz reads no files).
  void sideBySideKeepsEveryPixel() {
    viz::FigureOptions o;
    o.width = 160;
    o.heightPixels = 120;
    const viz::RgbImage left = viz::renderFigureImage(test::analyticSurface(false), o);
    o.kind = viz::FigureKind::Heat;
    o.width = 200;
    const viz::RgbImage right = viz::renderFigureImage(test::analyticSurface(false), o);
    QCOMPARE(left.width, 160);
    QCOMPARE(left.height, 120);
    QCOMPARE(left.rgb.size(), size_t(160 * 120 * 3));
    const viz::RgbImage both = viz::sideBySide({left, right});
    QCOMPARE(both.width, 360);
    QCOMPARE(both.height, 120);
    for (int row : {0, 37, 119})
      for (int column : {0, 80, 159, 160, 250, 359}) {
        const viz::RgbImage& from = column < 160 ? left : right;
        const int c = column < 160 ? column : column - 160;
        for (int channel = 0; channel < 3; ++channel)
          QCOMPARE(both.rgb[(size_t(row) * 360 + column) * 3 + channel],
                   from.rgb[(size_t(row) * from.width + c) * 3 + channel]);
      }
    // The written PNG holds the same picture, top row first.
    const std::string path = m_dir.filePath("both.png").toStdString();
    viz::writeFigureImage(both, 96, path);
    int width = 0;
    const double same = countPixels(path, &width, [](const unsigned char*) { return true; });
    QCOMPARE(width, 360);
    QCOMPARE(same, 360.0 * 120.0);
    auto reader = vtkSmartPointer<vtkPNGReader>::New();
    reader->SetFileName(path.c_str());
    reader->Update();
    const auto* top = static_cast<const unsigned char*>(
        reader->GetOutput()->GetScalarPointer(0, 119, 0));  // VTK's last row is the image's first
    for (int i = 0; i < 360 * 3; ++i) QCOMPARE(top[i], both.rgb[size_t(i)]);
    o.heightPixels = 100;
    const viz::RgbImage shorter = viz::renderFigureImage(test::analyticSurface(false), o);
    test::expectError<ArgumentError>(
        [&] {
          viz::sideBySide({left, shorter});
        },
        {"image 2 is 100 pixels high, the first 120"});
  }

  void badOptionsAreRefused() {
    viz::FigureOptions o;
    o.kind = viz::FigureKind::Curve1d;
    test::expectError<ArgumentError>(
        [&] {
          viz::renderFigure(test::analyticSurface(false), o, m_dir.filePath("x.png").toStdString());
        },
        {"1-D surface"});
    o.kind = viz::FigureKind::Heat;
    o.array = "test_acc";
    test::expectError<ArgumentError>(
        [&] {
          viz::renderFigure(test::analyticSurface(false), o, m_dir.filePath("x.png").toStdString());
        },
        {"no array 'test_acc'", "train_loss"});
    o.array = "train_loss";
    o.width = 100000;
    test::expectError<ArgumentError>(
        [&] {
          viz::renderFigure(test::analyticSurface(false), o, m_dir.filePath("x.png").toStdString());
        },
        {"figure size"});
    test::expectError<ArgumentError>([] { viz::parseLevels("1:0:0.5"); }, {"--levels"});
    test::expectError<ArgumentError>([] { viz::parseColormap("jet"); }, {"jet"});
  }
};

QTEST_GUILESS_MAIN(TestFigures)
#include "test_figures.moc"
