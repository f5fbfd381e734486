// The SVG backend of vector figures: paths, <text>, and images as embedded base64 PNG.
#include <vtkBase64Utilities.h>

#include <cmath>
#include <cstdio>
#include <sstream>

#include "viz/file_output.h"
#include "viz/vector_canvas.h"

namespace basin::viz::detail {
namespace {

std::string hex(const Color& c) {
  char text[8];
  std::snprintf(text, sizeof text, "#%02x%02x%02x", int(std::lround(255 * c[0])),
                int(std::lround(255 * c[1])), int(std::lround(255 * c[2])));
  return text;
}

std::string escaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (c == '&')
      out += "&amp;";
    else
      out += c;
  }
  return out;
}

std::string base64Png(const std::vector<unsigned char>& rgb, int width, int height) {
  const std::string png = detail::encodePng(rgb, width, height);
  std::string encoded(png.size() * 4 / 3 + 8, '\0');
  encoded.resize(vtkBase64Utilities::Encode(reinterpret_cast<const unsigned char*>(png.data()),
                                            static_cast<unsigned long>(png.size()),
                                            reinterpret_cast<unsigned char*>(encoded.data())));
  return encoded;
}

class SvgCanvas : public VectorCanvas {
 public:
  SvgCanvas(double width, double height) {
    m_out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          << "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" << width
          << "\" height=\"" << height << "\" viewBox=\"0 0 " << width << " " << height << "\">\n"
          << "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n";
  }
  void polyline(const std::vector<Point>& points, const Color& stroke, double width,
                const char* cls, double dash) override {
    m_out << "<polyline class=\"" << cls << "\" fill=\"none\" stroke=\"" << hex(stroke)
          << "\" stroke-width=\"" << width << "\"";
    if (dash > 0) m_out << " stroke-dasharray=\"" << dash << " " << dash << "\"";
    m_out << " points=\"" << list(points) << "\"/>\n";
  }
  void polygon(const std::vector<Point>& points, const Color& fill, const char* cls) override {
    // A stroke of the fill's own color hides the hairline seams between neighbours.
    m_out << "<polygon class=\"" << cls << "\" fill=\"" << hex(fill) << "\" stroke=\"" << hex(fill)
          << "\" stroke-width=\"0.5\" points=\"" << list(points) << "\"/>\n";
  }
  void rect(double x, double y, double w, double h, const Color& fill, double strokeWidth,
            const char* cls) override {
    m_out << "<rect class=\"" << cls << "\" x=\"" << x << "\" y=\"" << y << "\" width=\"" << w
          << "\" height=\"" << h << "\" fill=\"" << hex(fill) << "\"";
    if (strokeWidth > 0) m_out << " stroke=\"#000\" stroke-width=\"" << strokeWidth << "\"";
    m_out << "/>\n";
  }
  void circle(Point c, double r, const Color& fill, const char* cls) override {
    m_out << "<circle class=\"" << cls << "\" cx=\"" << c.x << "\" cy=\"" << c.y << "\" r=\"" << r
          << "\" fill=\"" << hex(fill) << "\"/>\n";
  }
  void line(Point a, Point b, const Color& stroke, double width) override {
    m_out << "<line x1=\"" << a.x << "\" y1=\"" << a.y << "\" x2=\"" << b.x << "\" y2=\"" << b.y
          << "\" stroke=\"" << hex(stroke) << "\" stroke-width=\"" << width << "\"/>\n";
  }
  void text(Point at, const std::string& s, const TextStyle& t, const char* cls) override {
    static const char* anchors[] = {"start", "middle", "end"};
    m_out << "<text class=\"" << cls << "\" x=\"" << at.x << "\" y=\"" << at.y
          << "\" font-family=\"Arial, Helvetica, sans-serif\" font-size=\"" << t.size
          << "\" text-anchor=\"" << anchors[int(t.anchor)] << "\" fill=\"" << hex(t.color) << "\"";
    if (t.bold) m_out << " font-weight=\"bold\"";
    if (t.rotate != 0)
      m_out << " transform=\"rotate(" << -t.rotate << " " << at.x << " " << at.y << ")\"";
    if (t.halo) m_out << " stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\"";
    m_out << ">" << escaped(s) << "</text>\n";
  }
  void image(const std::vector<unsigned char>& rgb, int width, int height, double x, double y,
             double w, double h, const std::array<double, 4>& clip) override {
    const int id = ++m_clips;
    m_out << "<clipPath id=\"clip" << id << "\"><rect x=\"" << clip[0] << "\" y=\"" << clip[1]
          << "\" width=\"" << clip[2] << "\" height=\"" << clip[3] << "\"/></clipPath>\n"
          << "<image class=\"heat\" clip-path=\"url(#clip" << id
          << ")\" preserveAspectRatio=\"none\" x=\"" << x << "\" y=\"" << y << "\" width=\"" << w
          << "\" height=\"" << h << "\" href=\"data:image/png;base64,"
          << base64Png(rgb, width, height) << "\"/>\n";
  }
  void save(const std::string& path) override {
    writeFileAtomically(path, m_out.str() + "</svg>\n");
  }

 private:
  static std::string list(const std::vector<Point>& points) {
    std::ostringstream s;
    for (const Point& p : points) s << p.x << "," << p.y << " ";
    return s.str();
  }
  std::ostringstream m_out;
  int m_clips = 0;
};

}  // namespace

std::unique_ptr<VectorCanvas> svgCanvas(double width, double height) {
  return std::make_unique<SvgCanvas>(width, height);
}

}  // namespace basin::viz::detail
