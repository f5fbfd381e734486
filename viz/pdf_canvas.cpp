// The PDF backend of vector figures: a one-page PDF 1.4 with Helvetica (a standard font, so
// nothing is embedded and the text stays selectable), paths, and images as Flate-compressed RGB.
#include <zlib.h>

#include <cmath>
#include <cstdio>
#include <sstream>

#include "core/error.h"
#include "viz/file_output.h"
#include "viz/vector_canvas.h"

namespace basin::viz::detail {
namespace {

// Helvetica's advance widths (AFM, per 1000 em) for ASCII 32..126, to anchor text.
constexpr short kHelvetica[95] = {
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333,  278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667,
    611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667,  611, 722, 667, 944, 667,
    667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278,  556, 556, 222, 222, 500,
    222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500,  500, 334, 260, 334, 584};

double textWidth(const std::string& s, double size, bool bold) {
  double units = 0;
  for (unsigned char c : s) units += (c >= 32 && c <= 126) ? kHelvetica[c - 32] : 556;
  return units * size / 1000.0 * (bold ? 1.06 : 1.0);  // Helvetica-Bold runs about 6 % wider
}

std::string pdfString(const std::string& s) {
  std::string out = "(";
  for (char c : s) {
    if (c == '(' || c == ')' || c == '\\') out += '\\';
    out += c;
  }
  return out + ")";
}

std::string deflate(const std::string& data) {
  uLongf size = compressBound(data.size());
  std::string out(size, '\0');
  if (compress2(reinterpret_cast<Bytef*>(out.data()), &size,
                reinterpret_cast<const Bytef*>(data.data()), data.size(), 9) != Z_OK)
    throw IoError("cannot compress the PDF's contents");
  out.resize(size);
  return out;
}

class PdfCanvas : public VectorCanvas {
 public:
  PdfCanvas(double width, double height, double dpi)
      : m_width(width), m_height(height), m_pointsPerPixel(72.0 / dpi) {
    m_page.setf(std::ios::fixed);
    m_page.precision(3);
    // Pixels (origin top left, y down) to points at `dpi`.
    m_page << 72.0 / dpi << " 0 0 " << -72.0 / dpi << " 0 " << height * 72.0 / dpi << " cm\n"
           << "1 J 1 j\n";
  }
  void polyline(const std::vector<Point>& points, const Color& stroke, double width, const char*,
                double dash) override {
    if (points.size() < 2) return;
    m_page << rgb(stroke) << " RG " << width << " w\n";
    if (dash > 0) m_page << "[" << dash << " " << dash << "] 0 d\n";
    path(points);
    m_page << "S\n";
    if (dash > 0) m_page << "[] 0 d\n";
  }
  void polygon(const std::vector<Point>& points, const Color& fill, const char*) override {
    if (points.size() < 3) return;
    m_page << rgb(fill) << " rg " << rgb(fill) << " RG 0.5 w\n";
    path(points);
    m_page << "b\n";
  }
  void rect(double x, double y, double w, double h, const Color& fill, double strokeWidth,
            const char*) override {
    m_page << rgb(fill) << " rg " << x << " " << y << " " << w << " " << h << " re ";
    if (strokeWidth > 0)
      m_page << "0 0 0 RG " << strokeWidth << " w B\n";
    else
      m_page << "f\n";
  }
  void circle(Point c, double r, const Color& fill, const char*) override {
    const double k = 0.5523 * r;  // Bezier quarter circles
    m_page << rgb(fill) << " rg " << c.x + r << " " << c.y << " m " << c.x + r << " " << c.y + k
           << " " << c.x + k << " " << c.y + r << " " << c.x << " " << c.y + r << " c " << c.x - k
           << " " << c.y + r << " " << c.x - r << " " << c.y + k << " " << c.x - r << " " << c.y
           << " c " << c.x - r << " " << c.y - k << " " << c.x - k << " " << c.y - r << " " << c.x
           << " " << c.y - r << " c " << c.x + k << " " << c.y - r << " " << c.x + r << " "
           << c.y - k << " " << c.x + r << " " << c.y << " c f\n";
  }
  void line(Point a, Point b, const Color& stroke, double width) override {
    m_page << rgb(stroke) << " RG " << width << " w " << a.x << " " << a.y << " m " << b.x << " "
           << b.y << " l S\n";
  }
  void text(Point at, const std::string& s, const TextStyle& t, const char*) override {
    const double angle = t.rotate * M_PI / 180.0, cs = std::cos(angle), sn = std::sin(angle);
    const double w = textWidth(s, t.size, t.bold);
    const double shift = t.anchor == Anchor::Middle ? w / 2 : t.anchor == Anchor::End ? w : 0;
    // Baseline direction on the page (y down) is (cos, -sin).
    const double x = at.x - shift * cs, y = at.y + shift * sn;
    auto draw = [&](const char* mode) {
      m_page << "BT /" << (t.bold ? "F2" : "F1") << " " << t.size << " Tf " << mode << " Tr " << cs
             << " " << -sn << " " << -sn << " " << -cs << " " << x << " " << y << " Tm "
             << pdfString(s) << " Tj ET\n";
    };
    if (t.halo) {
      m_page << "1 1 1 RG 3 w\n";
      draw("1");
    }
    m_page << rgb(t.color) << " rg\n";
    draw("0");
  }
  void image(const std::vector<unsigned char>& pixels, int width, int height, double x, double y,
             double w, double h, const std::array<double, 4>& clip) override {
    m_images.push_back({width, height, deflate(std::string(pixels.begin(), pixels.end()))});
    m_page << "q " << clip[0] << " " << clip[1] << " " << clip[2] << " " << clip[3] << " re W n "
           << w << " 0 0 " << -h << " " << x << " " << y + h << " cm /Im" << m_images.size()
           << " Do Q\n";
  }
  void save(const std::string& path) override {
    std::vector<std::string> objects;  // object i + 1
    const std::string contents = deflate(m_page.str());
    std::ostringstream xobjects;
    for (size_t i = 0; i < m_images.size(); ++i)
      xobjects << "/Im" << i + 1 << " " << 7 + i << " 0 R ";
    char box[96];
    std::snprintf(box, sizeof box, "[0 0 %.3f %.3f]", m_width * m_pointsPerPixel,
                  m_height * m_pointsPerPixel);
    objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
    objects.push_back("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
    objects.push_back(std::string("<< /Type /Page /Parent 2 0 R /MediaBox ") + box +
                      " /Resources << /Font << /F1 4 0 R /F2 5 0 R >> /XObject << " +
                      xobjects.str() + ">> >> /Contents 6 0 R >>");
    objects.push_back(
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
    objects.push_back(
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>");
    objects.push_back("<< /Length " + std::to_string(contents.size()) +
                      " /Filter /FlateDecode >>\nstream\n" + contents + "\nendstream");
    for (const Image& im : m_images)
      objects.push_back("<< /Type /XObject /Subtype /Image /Width " + std::to_string(im.width) +
                        " /Height " + std::to_string(im.height) +
                        " /ColorSpace /DeviceRGB /BitsPerComponent 8 /Interpolate true"
                        " /Filter /FlateDecode /Length " +
                        std::to_string(im.data.size()) + " >>\nstream\n" + im.data + "\nendstream");
    std::string pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
    std::vector<size_t> offsets;
    for (size_t i = 0; i < objects.size(); ++i) {
      offsets.push_back(pdf.size());
      pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const size_t xref = pdf.size();
    pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (size_t offset : offsets) {
      char entry[24];
      std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
      pdf += entry;
    }
    pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
           " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    writeFileAtomically(path, pdf);
  }

 private:
  struct Image {
    int width, height;
    std::string data;
  };
  std::string rgb(const Color& c) {
    char text[48];
    std::snprintf(text, sizeof text, "%.3f %.3f %.3f", c[0], c[1], c[2]);
    return text;
  }
  void path(const std::vector<Point>& points) {
    m_page << points[0].x << " " << points[0].y << " m";
    for (size_t i = 1; i < points.size(); ++i)
      m_page << " " << points[i].x << " " << points[i].y << " l";
    m_page << "\n";
  }
  double m_width, m_height, m_pointsPerPixel;
  std::ostringstream m_page;
  std::vector<Image> m_images;
};

}  // namespace

std::unique_ptr<VectorCanvas> pdfCanvas(double width, double height, double dpi) {
  return std::make_unique<PdfCanvas>(width, height, dpi);
}

}  // namespace basin::viz::detail
