// Drawing primitives of vector figures, in figure pixels (origin top left, y down), with one
// backend per format: SVG (svg_canvas.cpp) and PDF (pdf_canvas.cpp). Internal to viz.
#pragma once

#include <array>
#include <memory>
#include <string>
#include <vector>

namespace basin::viz::detail {

using Color = std::array<double, 3>;  // r, g, b in [0, 1]
struct Point {
  double x, y;
};
enum class Anchor { Start, Middle, End };

struct TextStyle {
  double size = 12;  // pixels
  Anchor anchor = Anchor::Start;
  double rotate = 0;  // degrees, counter-clockwise as seen
  bool bold = false;
  Color color{0, 0, 0};
  bool halo = false;  // a white outline that keeps it readable over lines
};

class VectorCanvas {
 public:
  virtual ~VectorCanvas() = default;
  // `cls` names what the element is (SVG class; PDF ignores it).
  // `dash`: length of dashes and gaps in pixels, 0 for a solid line.
  virtual void polyline(const std::vector<Point>& points, const Color& stroke, double width,
                        const char* cls, double dash = 0) = 0;
  virtual void polygon(const std::vector<Point>& points, const Color& fill, const char* cls) = 0;
  virtual void rect(double x, double y, double w, double h, const Color& fill, double strokeWidth,
                    const char* cls) = 0;
  virtual void circle(Point centre, double radius, const Color& fill, const char* cls) = 0;
  virtual void line(Point a, Point b, const Color& stroke, double width) = 0;
  virtual void text(Point at, const std::string& s, const TextStyle& style, const char* cls) = 0;
  // An RGB image (rows from the top, 3 bytes a pixel) stretched over the rectangle, shown only
  // inside the clip rectangle.
  virtual void image(const std::vector<unsigned char>& rgb, int width, int height, double x,
                     double y, double w, double h, const std::array<double, 4>& clip) = 0;
  // Writes the finished document. Throws IoError.
  virtual void save(const std::string& path) = 0;
};

// Canvases of `width` x `height` pixels; the PDF page measures them at `dpi`.
std::unique_ptr<VectorCanvas> svgCanvas(double width, double height);
std::unique_ptr<VectorCanvas> pdfCanvas(double width, double height, double dpi);

}  // namespace basin::viz::detail
