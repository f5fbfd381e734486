// Drawn figures (contour, filled, heat, 1d) without a display. What is drawn is checked through a
// canvas that records the calls (real contour paths in ten colors, labels broken into their
// lines and written in loss units, round ticks); what is written is checked in the files
// cairo makes: PDF fonts embedded and subset (pdffonts), Unicode text that comes back out
// (pdftotext), page sizes in inches (pdfinfo), SVG that parses, PNG with its DPI. Colormaps are
// matplotlib's tables.
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>
#include <cmath>
#include <map>

#include "core/error.h"
#include "tests/support/test_support.h"
#include "viz/colormap.h"
#include "viz/compare_figure.h"
#include "viz/figure.h"
#include "viz/ticks.h"
#include "viz/vector_canvas.h"

using namespace basin;
using viz::detail::Box;
using viz::detail::Color;
using viz::detail::Point;
using viz::detail::TextStyle;

namespace {

// Records every call; text widths are estimated (0.55 em a character).
class RecordingCanvas : public viz::detail::VectorCanvas {
 public:
  struct Element {
    std::string cls;
    Color color{};
    std::vector<Point> points;
    std::string text;
    TextStyle style;
    double dash = 0;
  };
  std::vector<Element> elements;
  std::vector<std::vector<std::array<Point, 4>>> holes;  // one list per clipOut
  struct Image {
    std::vector<unsigned char> rgb;
    int width, height;
  };
  std::vector<Image> images;

  void polyline(const std::vector<Point>& p, const Color& c, double, const char* cls,
                double dash) override {
    elements.push_back({cls, c, p, "", {}, dash});
  }
  void polygon(const std::vector<std::vector<Point>>& rings, const Color& c,
               const char* cls) override {
    std::vector<Point> p;
    for (const auto& ring : rings) p.insert(p.end(), ring.begin(), ring.end());
    elements.push_back({cls, c, p, "", {}, 0});
  }
  void rect(double x, double y, double w, double h, const Color& c, double,
            const char* cls) override {
    elements.push_back({cls, c, {{x, y}, {x + w, y + h}}, "", {}, 0});
  }
  void circle(Point centre, double, const Color& c, const char* cls) override {
    elements.push_back({cls, c, {centre}, "", {}, 0});
  }
  void line(Point a, Point b, const Color& c, double) override {
    elements.push_back({"line", c, {a, b}, "", {}, 0});
  }
  void text(Point at, const std::string& s, const TextStyle& style, const char* cls) override {
    elements.push_back({cls, style.color, {at}, s, style, 0});
  }
  double textWidth(const std::string& s, const TextStyle& style) override {
    return 0.55 * style.size * double(s.size());
  }
  void clipOut(const std::vector<std::array<Point, 4>>& h) override { holes.push_back(h); }
  void clipTo(const Box&) override {}
  void unclip() override {}
  void image(const std::vector<unsigned char>& rgb, int width, int height, double, double, double,
             double, const std::array<double, 4>&) override {
    images.push_back({rgb, width, height});
  }

  std::vector<const Element*> of(const std::string& cls) const {
    std::vector<const Element*> out;
    for (const Element& e : elements)
      if (e.cls == cls) out.push_back(&e);
    return out;
  }
  QStringList texts(const std::string& cls = "") const {
    QStringList out;
    for (const Element& e : elements)
      if (!e.text.empty() && (cls.empty() || e.cls == cls)) out << QString::fromStdString(e.text);
    return out;
  }
};

QByteArray readAll(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Runs a poppler tool (installed by packaging/install-deps.sh) and returns its output.
// The PNG's pHYs chunk as dots per inch (0 when there is none).
double pngDpi(const QByteArray& png) {
  const int at = png.indexOf("pHYs");
  if (at < 0) return 0;
  auto u32 = [&](int k) {
    return uint32_t(uint8_t(png[k])) << 24 | uint32_t(uint8_t(png[k + 1])) << 16 |
           uint32_t(uint8_t(png[k + 2])) << 8 | uint8_t(png[k + 3]);
  };
  if (u32(at + 4) != u32(at + 8) || png[at + 12] != 1) return -1;  // square pixels, per metre
  return u32(at + 4) * 0.0254;
}

viz::FigureOptions contourOptions() {
  viz::FigureOptions o;
  o.kind = viz::FigureKind::Contour;
  o.width = 600;
  o.heightPixels = 480;
  o.levels = {0.5, 5.0, 0.5};
  o.xTitle = "1st PC: 61.3 %";
  o.yTitle = "2nd PC: 20.1 %";
  return o;
}

}  // namespace

class TestVectorFigures : public QObject {
  Q_OBJECT

  QTemporaryDir m_dir;

  RecordingCanvas draw(const viz::FigureOptions& o,
                       const Surface& s = test::analyticSurface(false)) {
    RecordingCanvas canvas;
    viz::detail::drawFigure(canvas, s, o);
    return canvas;
  }

 private slots:
  void contourLinesAreRealPaths() {
    viz::FigureOptions o = contourOptions();
    o.trajectory = Projection{{0.8, 0.5, 0.2, 0.0}, {-0.6, -0.3, -0.1, 0.0}, {}, {}};
    const RecordingCanvas c = draw(o);
    // The bowl runs from 0.2 to 5.7: all ten levels 0.5 .. 5.0 are drawn, each in its color;
    // the inner ones are closed curves, the outer ones leave the grid in several arcs.
    QSet<QString> strokes;
    for (const auto* e : c.of("contour"))
      strokes << QString("%1 %2 %3").arg(e->color[0]).arg(e->color[1]).arg(e->color[2]);
    QCOMPARE(strokes.size(), 10);
    QVERIFY(c.of("contour").size() >= 10 && c.of("contour").size() <= 40);
    QCOMPARE(c.of("trajectory").size(), size_t(1));
    QCOMPARE(c.of("checkpoint").size(), size_t(4));
    QVERIFY(c.images.empty());
    const QStringList texts = c.texts();
    QVERIFY(texts.contains("1st PC: 61.3 %") && texts.contains("2nd PC: 20.1 %"));
    QVERIFY(texts.contains("train loss"));
    QVERIFY(texts.contains("start") && texts.contains("end"));
    // Round ticks on both axes: -1, -0.5, 0, 0.5, 1.
    const QStringList ticks = c.texts("tick");
    for (const char* t : {"-1.0", "-0.5", "0.0", "1.0"}) QCOMPARE(ticks.count(t), 2);
    // Ten levels are few enough to be the colorbar's ticks, in loss units.
    for (const char* t : {"0.5", "2.5", "5"}) QVERIFY2(ticks.contains(t), t);
  }

  void contourLabelsSitInBreaksOfTheirLines() {
    const RecordingCanvas c = draw(contourOptions());
    const auto labels = c.of("contour-label");
    QVERIFY(labels.size() >= 3);
    QCOMPARE(c.holes.size(), size_t(1));
    QCOMPARE(c.holes[0].size(), labels.size());
    for (size_t k = 0; k < labels.size(); ++k) {
      // The label's baseline point lies inside the hole the lines are broken by; the hole is
      // wider than the text.
      const auto& h = c.holes[0][k];
      const Point centre{(h[0].x + h[2].x) / 2, (h[0].y + h[2].y) / 2};
      const double length = std::hypot(h[1].x - h[0].x, h[1].y - h[0].y);
      const Point at = labels[k]->points[0];
      QVERIFY(std::hypot(at.x - centre.x, at.y - centre.y) < 0.5 * labels[k]->style.size);
      QVERIFY(length > 0.55 * labels[k]->style.size * double(labels[k]->text.size()));
      // The text runs along the line: the label's angle is the hole's.
      const double holeDegrees = -std::atan2(h[1].y - h[0].y, h[1].x - h[0].x) * 180 / M_PI;
      QVERIFY(std::abs(holeDegrees - labels[k]->style.rotate) < 1e-6);
      QVERIFY(std::abs(labels[k]->style.rotate) <= 90);
      const double value = QString::fromStdString(labels[k]->text).toDouble();
      QVERIFY2(std::abs(value * 2 - std::round(value * 2)) < 1e-9, labels[k]->text.c_str());
    }
  }

  void logFiguresSpeakLossUnits() {
    // log(loss + 0.1) heights, but levels, contour labels and colorbar ticks at the round losses
    // 0.5, 1, 2, 5 (never 0.182 or -1.61).
    viz::FigureOptions o = contourOptions();
    o.height.log = true;
    o.levels = {0.1, 10, 0.5};
    const RecordingCanvas c = draw(o);
    const QStringList round{"0.1", "0.2", "0.5", "1", "2", "5", "10"};
    const QStringList labels = c.texts("contour-label");
    QVERIFY(labels.size() >= 2);
    for (const QString& l : labels) QVERIFY2(round.contains(l), qPrintable(l));
    QSet<QString> strokes;
    for (const auto* e : c.of("contour"))
      strokes << QString("%1 %2 %3").arg(e->color[0]).arg(e->color[1]).arg(e->color[2]);
    QCOMPARE(strokes.size(), 4);  // the bowl spans 0.2 .. 5.7: levels 0.5, 1, 2, 5 cross it
    QVERIFY(c.texts("title").contains("train loss (log scale)"));
    int barTicks = 0;
    for (const auto* e : c.of("tick"))
      if (e->style.anchor == viz::detail::Anchor::Start) {
        ++barTicks;
        QVERIFY2(round.contains(QString::fromStdString(e->text)), e->text.c_str());
      }
    QCOMPARE(barTicks, 7);
  }

  void filledContoursCoverThePlaneUnlessAsked() {
    viz::FigureOptions o = contourOptions();
    o.kind = viz::FigureKind::Filled;
    o.levels = {0.5, 3.0, 0.5};  // the bowl reaches 5.7: its rim lies above the last level
    auto whiteBands = [](const RecordingCanvas& c) {
      int white = 0;
      for (const auto* e : c.of("band")) white += e->color == Color{1, 1, 1};
      return white;
    };
    const RecordingCanvas covered = draw(o);
    // One shape per band: below 0.5, the five between the levels, above 3 (the rim).
    QSet<QString> bandColors;
    for (const auto* e : covered.of("band"))
      bandColors << QString("%1 %2 %3").arg(e->color[0]).arg(e->color[1]).arg(e->color[2]);
    QCOMPARE(bandColors.size(), 7);                // each band its own color
    QVERIFY(covered.of("band-edge").size() >= 5);  // six levels: edges drawn
    QCOMPARE(whiteBands(covered), 0);
    QCOMPARE(covered.of("colorbar-extension").size(), size_t(2));  // above 3 and below 0.5
    o.whiteAboveLevels = true;
    QVERIFY(whiteBands(draw(o)) >= 1);
    QVERIFY(covered.images.empty());
  }

  void heatMapIsARealImageTheRightWayUp() {
    // loss = x + 2 y grows towards the top right: the image's top-right pixel is the highest
    // value's color (viridis yellow), its bottom-left the lowest's (dark violet).
    Surface s;
    s.x = s.y = Axis{-1, 1, 9}.coordinates();
    auto& loss = s.array("train_loss");
    for (int64_t k = 0; k < s.points(); ++k) loss[k] = 3 + s.x[k % 9] + 2 * s.y[k / 9];
    viz::FigureOptions o;
    o.kind = viz::FigureKind::Heat;
    const RecordingCanvas c = draw(o, s);
    QCOMPARE(c.images.size(), size_t(1));
    const auto& image = c.images[0];
    QCOMPARE(image.width, 9);
    QCOMPARE(image.height, 9);
    const unsigned char* high = image.rgb.data() + 8 * 3;           // top row, right
    const unsigned char* low = image.rgb.data() + (8 * 9 + 0) * 3;  // bottom row, left
    QVERIFY2(high[0] > 200 && high[1] > 200 && high[2] < 100, "top right is not yellow");
    QVERIFY2(low[0] < 100 && low[1] < 40 && low[2] > 60, "bottom left is not violet");
  }

  void pdfEmbedsItsFontsAndKeepsUnicode() {
    viz::FigureOptions o = contourOptions();
    o.title = "Verlust über der Ebene – α, β";
    o.dpi = 144;
    const QString path = m_dir.filePath("contour.pdf");
    viz::renderFigure(test::analyticSurface(false), o, path.toStdString());
    QVERIFY(readAll(path).startsWith("%PDF-1."));
    // Every font is embedded and subset: "emb sub" both "yes".
    const QStringList fonts = test::poppler("pdffonts", {path}).split('\n', Qt::SkipEmptyParts);
    QVERIFY2(fonts.size() >= 3, qPrintable(fonts.join('\n')));  // header, rule, one font or more
    for (int k = 2; k < fonts.size(); ++k) {
      QVERIFY2(fonts[k].contains("DejaVuSans"), qPrintable(fonts[k]));
      QVERIFY2(fonts[k].contains(QRegularExpression(" yes\\s+yes\\s+(yes|no)\\s+\\d+")),
               qPrintable(fonts[k]));
    }
    const QString text = test::poppler("pdftotext", {path, "-"});
    QVERIFY2(text.contains("Verlust über der Ebene – α, β"), qPrintable(text));
    QVERIFY2(text.contains("1st PC: 61.3 %"), qPrintable(text));
    // 600 x 480 px at 144 dpi: a page of 300 x 240 points, 4.17 x 3.33 in.
    QVERIFY(
        test::poppler("pdfinfo", {path}).contains(QRegularExpression("Page size: +300 x 240 pts")));
    QVERIFY(test::poppler("pdfinfo", {path}).contains("Verlust über der Ebene"));  // its title
  }

  void svgParsesAndMeasuresInPoints() {
    viz::FigureOptions o = contourOptions();
    o.dpi = 144;
    const QString path = m_dir.filePath("contour.svg");
    viz::renderFigure(test::analyticSurface(false), o, path.toStdString());
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&f);
    int paths = 0;
    QString width;
    while (!xml.atEnd()) {
      if (xml.readNext() != QXmlStreamReader::StartElement) continue;
      if (xml.name() == QString("svg")) width = xml.attributes().value("width").toString();
      paths += xml.name() == QString("path");
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(width, QString("300pt"));
    QVERIFY(paths > 20);  // contour lines, ticks and the glyphs of the text
  }

  void pngCarriesItsDpiAndSizeInInches() {
    viz::FigureOptions o = contourOptions();
    o.kind = viz::FigureKind::Heat;
    o.dpi = 300;
    viz::setFigureSize(o, "single");
    QCOMPARE(o.width, 975);  // 3.25 x 2.6 in at 300 dpi
    QCOMPARE(o.heightPixels, 780);
    const QString path = m_dir.filePath("heat.png");
    viz::renderFigure(test::analyticSurface(false), o, path.toStdString());
    const QByteArray png = readAll(path);
    QVERIFY(png.startsWith("\x89PNG\r\n\x1a\n"));
    QVERIFY(std::abs(pngDpi(png) - 300) < 0.02);
    // IHDR: 975 x 780 pixels.
    QCOMPARE(QByteArray::fromHex("000003cf0000030c"), png.mid(16, 8));
  }

  void figureSizesParse() {
    viz::FigureOptions o;
    o.dpi = 254;
    viz::setFigureSize(o, "8x6cm");
    QCOMPARE(o.width, 800);
    QCOMPARE(o.heightPixels, 600);
    viz::setFigureSize(o, "1000x750");
    QCOMPARE(o.width, 1000);
    o.dpi = 100;
    viz::setFigureSize(o, "double");
    QCOMPARE(o.width, 675);
    QCOMPARE(o.heightPixels, 500);
    for (const char* bad : {"3x", "axb", "3x2ft", "-3x2in", "300x200in"})
      test::expectError<ArgumentError>([&] { viz::setFigureSize(o, bad); }, {"size"});
  }

  void ticksAreRound() {
    QCOMPARE(viz::niceTicks(-1, 1), (std::vector<double>{-1, -0.5, 0, 0.5, 1}));
    QCOMPARE(viz::niceTicks(-3.7, 12.1), (std::vector<double>{0, 5, 10}));
    QCOMPARE(viz::niceTicks(0, 14.2, 5), (std::vector<double>{0, 5, 10}));
    QCOMPARE(viz::niceTicks(0.001, 0.0104, 5),
             (std::vector<double>{0.002, 0.004, 0.006, 0.008, 0.01}));
    QCOMPARE(viz::logLossTicks(std::log(0.2), std::log(10.1)),
             (std::vector<double>{0.1, 0.2, 0.5, 1, 2, 5, 10}));
    QCOMPARE(viz::logLossTicks(std::log(0.1), std::log(1e6)),
             (std::vector<double>{0, 0.01, 0.1, 1, 10, 100, 1000, 1e4, 1e5}));
    QCOMPARE(viz::tickLabel(-1e-17, 0.5), std::string("0.0"));
    QCOMPARE(viz::tickLabel(0.25, 0.25), std::string("0.25"));
    QCOMPARE(viz::tickLabel(2.5, 2.5), std::string("2.5"));
    QCOMPARE(viz::tickLabel(10, 5), std::string("10"));
    QCOMPARE(viz::tickLabel(3e9, 1e9), std::string("3e+09"));
  }

  void colormapsAreMatplotlibs() {
    // Entries 0, 128 and 255 as matplotlib 3.6's tables hold them (python3-matplotlib:
    // colormaps[name].resampled(256)(i)), to the 8 bits a VTK lookup table keeps (as many as a
    // matplotlib PNG has).
    struct Entry {
      viz::Colormap map;
      int index;
      double r, g, b;
    };
    const Entry entries[] = {{viz::Colormap::Viridis, 0, 0.267004, 0.004874, 0.329415},
                             {viz::Colormap::Viridis, 128, 0.127568, 0.566949, 0.550556},
                             {viz::Colormap::Viridis, 255, 0.993248, 0.906157, 0.143936},
                             {viz::Colormap::Magma, 0, 0.001462, 0.000466, 0.013866},
                             {viz::Colormap::Magma, 128, 0.716387, 0.214982, 0.47529},
                             {viz::Colormap::Magma, 255, 0.987053, 0.991438, 0.749504},
                             {viz::Colormap::Coolwarm, 0, 0.2298057, 0.298717966, 0.753683153},
                             {viz::Colormap::Coolwarm, 128, 0.867427635, 0.8643766, 0.862602462},
                             {viz::Colormap::Coolwarm, 255, 0.705673158, 0.01555616, 0.150232812},
                             {viz::Colormap::Summer, 128, 0.501960784, 0.750980392, 0.4},
                             {viz::Colormap::Grey, 128, 0.501960784, 0.501960784, 0.501960784}};
    for (const Entry& e : entries) {
      const auto table = viz::lookupTable(e.map, 0, 255);
      QCOMPARE(table->GetNumberOfTableValues(), vtkIdType(256));
      double rgb[4];
      table->GetTableValue(e.index, rgb);
      const double bit = 0.5 / 255 + 1e-9;
      QVERIFY2(std::abs(rgb[0] - e.r) < bit && std::abs(rgb[1] - e.g) < bit &&
                   std::abs(rgb[2] - e.b) < bit,
               qPrintable(
                   QString("entry %1: %2 %3 %4").arg(e.index).arg(rgb[0]).arg(rgb[1]).arg(rgb[2])));
    }
  }

  void curvesAreVectorsToo() {
    Surface s;
    s.x = Axis{-0.5, 1.5, 41}.coordinates();
    auto& loss = s.array("test_loss");
    auto& acc = s.array("test_acc");
    for (size_t i = 0; i < s.x.size(); ++i) {
      loss[i] = 0.3 + s.x[i] * s.x[i];
      acc[i] = 90 - 10 * s.x[i] * s.x[i];
    }
    loss[20] = NAN;  // a gap (e.g. a negative interpolated BatchNorm variance)
    viz::FigureOptions o;
    o.kind = viz::FigureKind::Curve1d;
    o.array = "test_loss";
    o.xTitle = "interpolation coefficient";
    const RecordingCanvas c = draw(o, s);
    QCOMPARE(c.of("loss").size(), size_t(2));  // broken at the NaN
    QCOMPARE(c.of("accuracy").size(), size_t(1));
    const QStringList texts = c.texts();
    QVERIFY(texts.contains("interpolation coefficient"));
    QVERIFY(texts.contains("accuracy (%)"));
    QVERIFY(texts.contains("test loss"));
    for (const char* t : {"-0.5", "0.0", "0.5", "1.0", "1.5", "0", "50", "100"})
      QVERIFY2(texts.contains(t), t);
    viz::renderFigure(s, o, m_dir.filePath("curves.pdf").toStdString());
    QVERIFY(
        test::poppler("pdftotext", {m_dir.filePath("curves.pdf"), "-"}).contains("accuracy (%)"));

    // Two more runs overlaid: a line each, accuracy dashed, a legend with their names.
    viz::FigureOptions many = o;
    many.label = "resnet56";
    Surface other = s;
    for (double& v : other.arrays["test_loss"]) v = std::isnan(v) ? 1.0 : 2 * v;
    many.overlays = {{"resnet56-noshort", other}, {"densenet", other}};
    const RecordingCanvas m = draw(many, s);
    QCOMPARE(m.of("loss").size(), size_t(2 + 1 + 1));
    QCOMPARE(m.of("accuracy").size(), size_t(3));
    for (const auto* e : m.of("accuracy")) QVERIFY(e->dash > 0);
    QCOMPARE(m.of("legend").size(), size_t(3));
    QVERIFY(m.texts().contains("resnet56-noshort") && m.texts().contains("densenet"));
  }

  void compareFiguresShareOneColorbar() {
    const Surface bowl = test::analyticSurface(false), saddle = test::analyticSurface(true);
    viz::FigureOptions pane = contourOptions();
    pane.kind = viz::FigureKind::Heat;
    std::vector<viz::ComparePane> panes{{&bowl, pane}, {&saddle, pane}};
    panes[0].options.title = "plain";
    panes[1].options.title = "skip";
    // The union of both ranges: the bowl's 0.2 (centre) to 5.7 (corner), the saddle's 1 to 3.
    const auto range = viz::sharedValueRange(panes);
    QVERIFY(range);
    QCOMPARE((*range)[0], 0.2);
    QVERIFY(std::abs((*range)[1] - 5.7) < 1e-12);
    for (const viz::ComparePane& p : viz::comparedPanes(panes, viz::FigureKind::Heat)) {
      QVERIFY(!p.options.colorbar);
      QCOMPARE(p.options.valueRange, range);
    }
    for (const viz::ComparePane& p : viz::comparedPanes(panes, viz::FigureKind::Heat, false)) {
      QVERIFY(p.options.colorbar);  // each its own scale: each its own colorbar
      QVERIFY(!p.options.valueRange);
    }
    // Two square panes fit best side by side in a wide figure, four in two rows and columns.
    QCOMPARE(viz::compareColumns(2, 1200, 500), 2);
    QCOMPARE(viz::compareColumns(3, 1800, 600), 3);
    QCOMPARE(viz::compareColumns(4, 900, 900), 2);
    QCOMPARE(viz::compareColumns(2, 500, 1200), 1);

    viz::FigureOptions figure;
    figure.kind = viz::FigureKind::Heat;
    figure.dpi = 144;
    viz::setFigureSize(figure, "6.75x3in");
    figure.title = "Plain vs skip – über";
    const QString path = m_dir.filePath("compare.pdf");
    viz::renderCompareFigure(panes, figure, path.toStdString());
    const QString text = test::poppler("pdftotext", {path, "-"});
    QVERIFY2(text.contains("plain") && text.contains("skip"), qPrintable(text));
    QVERIFY2(text.contains("Plain vs skip – über"), qPrintable(text));
    QCOMPARE(text.count("1st PC: 61.3 %"), 2);  // each pane its axes
    QCOMPARE(text.count("train loss"), 1);      // one colorbar for both
    QVERIFY(
        test::poppler("pdfinfo", {path}).contains(QRegularExpression("Page size: +486 x 216 pts")));
    const QStringList fonts = test::poppler("pdffonts", {path}).split('\n', Qt::SkipEmptyParts);
    for (int k = 2; k < fonts.size(); ++k)
      QVERIFY2(fonts[k].contains(QRegularExpression(" yes\\s+yes\\s+(yes|no)\\s+\\d+")),
               qPrintable(fonts[k]));

    // The shared colorbar alone (the GUI's Compare tab) is as tall as asked and drawn.
    const viz::RgbImage bar =
        viz::renderSharedColorbar(viz::comparedPanes(panes, viz::FigureKind::Heat), 400, 96);
    QCOMPARE(bar.height, 400);
    QVERIFY(bar.width > 40 && bar.width < 200);
    // Its middle column, halfway down, is the colormap's, not the white page.
    const unsigned char* middle = bar.rgb.data() + (size_t(200) * bar.width + 2 * 96 / 72 + 6) * 3;
    QVERIFY2(!(middle[0] > 240 && middle[1] > 240 && middle[2] > 240), "no bar drawn");

    // Refused: one surface, a 1-D surface, an unknown array.
    QVERIFY_THROWS_EXCEPTION(ArgumentError,
                             viz::renderCompareFigure({panes[0]}, figure, path.toStdString()));
    Surface line;
    line.x = Axis{-1, 1, 5}.coordinates();
    line.array("train_loss").assign(5, 1.0);
    QVERIFY_THROWS_EXCEPTION(ArgumentError, viz::renderCompareFigure({panes[0], {&line, pane}},
                                                                     figure, path.toStdString()));
    viz::ComparePane unknown = panes[1];
    unknown.options.array = "test_loss";
    QVERIFY_THROWS_EXCEPTION(
        ArgumentError, viz::renderCompareFigure({panes[0], unknown}, figure, path.toStdString()));
  }

  void badTargetsAreRefused() {
    viz::FigureOptions o = contourOptions();
    test::expectError<ArgumentError>(
        [&] {
          viz::renderFigure(test::analyticSurface(false), o, m_dir.filePath("x.jpg").toStdString());
        },
        {"x.jpg", ".png, .svg or .pdf"});
    test::expectError<IoError>(
        [&] {
          viz::renderFigure(test::analyticSurface(false), o,
                            m_dir.filePath("no/dir/x.svg").toStdString());
        },
        {"no/dir/x.svg"});
    o.dpi = 1200;
    o.width = o.heightPixels = 200;  // 11 pt at 1200 dpi leaves no room for the plot
    test::expectError<ArgumentError>(
        [&] {
          viz::renderFigure(test::analyticSurface(false), o, m_dir.filePath("x.png").toStdString());
        },
        {"too small for its text"});
  }
};

QTEST_GUILESS_MAIN(TestVectorFigures)
#include "test_vector_figures.moc"
