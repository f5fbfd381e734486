// Vector figures: the SVG is well-formed XML with real contour paths, band polygons, selectable
// text (tick labels, titles, contour labels) and, for heat maps, an embedded PNG that is really
// there; the PDF has a valid cross-reference, stroked paths, Helvetica text and a real image.
// No display needed.
#include <vtkImageData.h>
#include <vtkPNGReader.h>

#include <zlib.h>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>
#include <cmath>
#include <map>

#include "core/error.h"
#include "tests/support/test_support.h"
#include "viz/vector_figure.h"

using namespace basin;

namespace {

struct SvgCounts {
  std::map<QString, int> elements;  // tag -> count
  std::map<QString, int> classes;   // class attribute -> count
  QStringList texts;
  QString imageHref;
  QSet<QString> contourStrokes;  // one color per level
};

SvgCounts parse(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return {};
  QXmlStreamReader xml(&f);
  SvgCounts c;
  while (!xml.atEnd()) {
    if (xml.readNext() != QXmlStreamReader::StartElement) continue;
    const QString tag = xml.name().toString();
    ++c.elements[tag];
    const QString cls = xml.attributes().value("class").toString();
    if (!cls.isEmpty()) ++c.classes[cls];
    if (tag == "image") c.imageHref = xml.attributes().value("href").toString();
    if (cls == "contour") c.contourStrokes << xml.attributes().value("stroke").toString();
    if (tag == "text") c.texts << xml.readElementText();
  }
  if (xml.hasError()) c.elements["xml error: " + xml.errorString()] = 1;
  return c;
}

QByteArray readAll(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The inflated stream of the object that starts with `header` ("6 0 obj").
QByteArray stream(const QByteArray& pdf, const char* header) {
  const int object = pdf.indexOf(header);
  const int start = pdf.indexOf("stream\n", object) + 7;
  const int end = pdf.indexOf("\nendstream", start);
  if (object < 0 || start < 7 || end < 0) return {};
  QByteArray out(16 << 20, '\0');
  uLongf size = out.size();
  if (uncompress(reinterpret_cast<Bytef*>(out.data()), &size,
                 reinterpret_cast<const Bytef*>(pdf.constData() + start), end - start) != Z_OK)
    return {};
  out.resize(int(size));
  return out;
}

}  // namespace

class TestVectorFigures : public QObject {
  Q_OBJECT

  QTemporaryDir m_dir;

  SvgCounts write(viz::FigureKind kind, const QString& name, bool withPath = false) {
    viz::FigureOptions o;
    o.kind = kind;
    o.width = 600;
    o.heightPixels = 480;
    o.levels = {0.5, 5.0, 0.5};
    o.xTitle = "1st PC: 61.3 %";
    o.yTitle = "2nd PC: 20.1 %";
    if (withPath) o.trajectory = Projection{{0.8, 0.5, 0.2, 0.0}, {-0.6, -0.3, -0.1, 0.0}, {}};
    const QString path = m_dir.filePath(name);
    viz::writeVectorFigure(test::analyticSurface(false), o, path.toStdString());
    return parse(path);
  }

 private slots:
  void contourLinesAreRealPaths() {
    const SvgCounts c = write(viz::FigureKind::Contour, "contour.svg", true);
    QCOMPARE(c.elements.count("svg"), size_t(1));
    for (const auto& [tag, n] : c.elements) QVERIFY2(!tag.startsWith("xml error"), qPrintable(tag));
    // The bowl runs from 0.2 to 5.7: all ten levels 0.5 .. 5.0 are drawn, each in its color;
    // the inner ones are closed curves, the outer ones leave the grid in several arcs.
    QCOMPARE(c.contourStrokes.size(), 10);
    QVERIFY(c.classes.at("contour") >= 10 && c.classes.at("contour") <= 40);
    QVERIFY(c.classes.at("contour-label") >= 1);
    QCOMPARE(c.elements.count("image"), size_t(0));
    QCOMPARE(c.classes.at("trajectory"), 1);
    QCOMPARE(c.classes.at("checkpoint"), 4);
    // Tick labels, axis titles and the colorbar are text, not pixels.
    QVERIFY(c.texts.contains("1st PC: 61.3 %"));
    QVERIFY(c.texts.contains("2nd PC: 20.1 %"));
    QVERIFY(c.texts.contains("-0.5"));
    QVERIFY(c.texts.contains("train loss"));
    QVERIFY(c.texts.contains("start") && c.texts.contains("end"));
    QVERIFY(c.classes.at("tick") >= 10 + 6);
  }

  void filledContoursArePolygons() {
    const SvgCounts c = write(viz::FigureKind::Filled, "filled.svg");
    QVERIFY(c.classes.at("band") > 10);
    QVERIFY(c.classes.at("band-edge") >= 10);
    QCOMPARE(c.elements.count("image"), size_t(0));
  }

  void heatMapEmbedsARealImage() {
    const SvgCounts c = write(viz::FigureKind::Heat, "heat.svg");
    QCOMPARE(c.elements.at("image"), 1);
    QVERIFY(c.imageHref.startsWith("data:image/png;base64,"));
    const QByteArray png = QByteArray::fromBase64(
        c.imageHref.mid(QString("data:image/png;base64,").size()).toLatin1());
    QVERIFY(png.startsWith("\x89PNG\r\n\x1a\n"));
    QVERIFY(png.size() > 1000);  // 41 x 41 colored pixels, not an empty placeholder
  }

  void heatMapIsNotUpsideDown() {
    // loss = x + 2 y grows towards the top right: the image's top-right pixel is the highest
    // value's color (viridis yellow), its bottom-left the lowest's (dark violet).
    Surface s;
    s.x = s.y = Axis{-1, 1, 9}.coordinates();
    auto& loss = s.array("train_loss");
    for (int64_t k = 0; k < s.points(); ++k) loss[k] = 3 + s.x[k % 9] + 2 * s.y[k / 9];
    viz::FigureOptions o;
    o.kind = viz::FigureKind::Heat;
    const QString path = m_dir.filePath("tilt.svg");
    viz::writeVectorFigure(s, o, path.toStdString());
    const QString href = parse(path).imageHref;
    const QByteArray png =
        QByteArray::fromBase64(href.mid(QString("data:image/png;base64,").size()).toLatin1());
    auto reader = vtkSmartPointer<vtkPNGReader>::New();
    reader->SetMemoryBuffer(png.constData());
    reader->SetMemoryBufferLength(png.size());
    reader->Update();
    vtkImageData* image = reader->GetOutput();
    // VTK's image origin is the bottom left: (8, 8) is the top right of the picture.
    const auto* high = static_cast<unsigned char*>(image->GetScalarPointer(8, 8, 0));
    const auto* low = static_cast<unsigned char*>(image->GetScalarPointer(0, 0, 0));
    QVERIFY2(high[0] > 200 && high[1] > 200 && high[2] < 100, "top right is not yellow");
    QVERIFY2(low[0] < 100 && low[1] < 40 && low[2] > 60, "bottom left is not violet");
  }

  void pdfHasPathsTextAndImages() {
    viz::FigureOptions o;
    o.kind = viz::FigureKind::Contour;
    o.levels = {0.5, 5.0, 0.5};
    o.xTitle = "1st PC: 61.3 %";
    const QString path = m_dir.filePath("contour.pdf");
    viz::writeVectorFigure(test::analyticSurface(false), o, path.toStdString());
    const QByteArray pdf = readAll(path);
    QVERIFY(pdf.startsWith("%PDF-1.4"));
    QVERIFY(pdf.trimmed().endsWith("%%EOF"));
    // startxref points at the cross-reference table; it lists every object.
    const int at = pdf.lastIndexOf("startxref");
    const long xref = pdf.mid(at + 10).trimmed().split('\n').first().toLong();
    QVERIFY(pdf.mid(xref, 4) == "xref");
    const QByteArray page = stream(pdf, "6 0 obj");
    QVERIFY2(page.contains("(1st PC: 61.3 %) Tj"), "axis title is not text");
    QVERIFY(page.contains("/F1"));
    QVERIFY(page.count(" S\n") >= 10 + 2);  // ten levels (several arcs each) plus axes
    QVERIFY(!pdf.contains("/Subtype /Image"));

    o.kind = viz::FigureKind::Heat;
    const QString heat = m_dir.filePath("heat.pdf");
    viz::writeVectorFigure(test::analyticSurface(false), o, heat.toStdString());
    const QByteArray heatPdf = readAll(heat);
    QVERIFY(heatPdf.contains("/Subtype /Image /Width 41 /Height 41"));
    QCOMPARE(stream(heatPdf, "7 0 obj").size(), 41 * 41 * 3);  // RGB pixels, really there
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
    const QString path = m_dir.filePath("curves.svg");
    viz::writeVectorFigure(s, o, path.toStdString());
    const SvgCounts c = parse(path);
    QCOMPARE(c.classes.at("loss"), 2);  // broken at the NaN
    QCOMPARE(c.classes.at("accuracy"), 1);
    QVERIFY(c.texts.contains("interpolation coefficient"));
    QVERIFY(c.texts.contains("accuracy (%)"));
    QVERIFY(c.texts.contains("test loss"));
    viz::writeVectorFigure(s, o, m_dir.filePath("curves.pdf").toStdString());
    QVERIFY(readAll(m_dir.filePath("curves.pdf")).startsWith("%PDF-1.4"));

    // Two more runs overlaid: a line each, accuracy dashed, a legend with their names.
    viz::FigureOptions many = o;
    many.label = "resnet56";
    Surface other = s;
    for (double& v : other.arrays["test_loss"]) v = std::isnan(v) ? 1.0 : 2 * v;
    many.overlays = {{"resnet56-noshort", other}, {"densenet", other}};
    const QString overlaid = m_dir.filePath("overlaid.svg");
    viz::writeVectorFigure(s, many, overlaid.toStdString());
    const SvgCounts m = parse(overlaid);
    QCOMPARE(m.classes.at("loss"), 2 + 1 + 1);
    QCOMPARE(m.classes.at("accuracy"), 3);
    QCOMPARE(m.classes.at("legend"), 3);
    QVERIFY(m.texts.contains("resnet56-noshort") && m.texts.contains("densenet"));
    QVERIFY(readAll(overlaid).contains("stroke-dasharray"));
  }

  void rasterKindsAreRefused() {
    viz::FigureOptions o;
    o.kind = viz::FigureKind::Surface3d;
    test::expectError<ArgumentError>(
        [&] {
          viz::writeVectorFigure(test::analyticSurface(false), o,
                                 m_dir.filePath("x.svg").toStdString());
        },
        {"3-D figures are PNG"});
    o.kind = viz::FigureKind::Contour;
    test::expectError<IoError>(
        [&] {
          viz::writeVectorFigure(test::analyticSurface(false), o,
                                 m_dir.filePath("no/dir/x.svg").toStdString());
        },
        {"no/dir/x.svg"});
  }
};

QTEST_GUILESS_MAIN(TestVectorFigures)
#include "test_vector_figures.moc"
