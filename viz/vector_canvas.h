// Drawing primitives of figures, in figure pixels (origin top left, y down). One backend draws
// every format: cairo (cairo_canvas.cpp) writes PDF and SVG with embedded, subset fonts and
// Unicode text, and PNG through the same calls, so vector and raster figures are one drawing.
// Internal to viz (tests record the calls through their own canvas).
#pragma once

#include <array>
#include <memory>
#include <string>
#include <vector>

#include "viz/figure.h"

namespace basin::viz::detail {

using Color = std::array<double, 3>;  // r, g, b in [0, 1]
struct Point {
  double x, y;
};
struct Box {
  double x, y, w, h;
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
  // `cls` names what the element is (for tests that record the drawing; files ignore it).
  // `dash`: length of dashes and gaps in pixels, 0 for a solid line.
  virtual void polyline(const std::vector<Point>& points, const Color& stroke, double width,
                        const char* cls, double dash = 0) = 0;
  // One filled shape: the union of `rings` (a band made of many grid cells is one shape, so no
  // antialiasing seams show between its cells).
  virtual void polygon(const std::vector<std::vector<Point>>& rings, const Color& fill,
                       const char* cls) = 0;
  virtual void rect(double x, double y, double w, double h, const Color& fill, double strokeWidth,
                    const char* cls) = 0;
  virtual void circle(Point centre, double radius, const Color& fill, const char* cls) = 0;
  virtual void line(Point a, Point b, const Color& stroke, double width) = 0;
  // `at` is the baseline point the anchor refers to (before rotation).
  virtual void text(Point at, const std::string& s, const TextStyle& style, const char* cls) = 0;
  // The advance width of `s` in pixels (to keep labels apart and break lines under them).
  virtual double textWidth(const std::string& s, const TextStyle& style) = 0;
  // Until unclip(): nothing is drawn inside `holes` (contour lines break under their labels).
  virtual void clipOut(const std::vector<std::array<Point, 4>>& holes) = 0;
  // Until unclip(): nothing is drawn outside `box` (a path that leaves the plot).
  virtual void clipTo(const Box& box) = 0;
  virtual void unclip() = 0;
  // An RGB image (rows from the top, 3 bytes a pixel) stretched over the rectangle, shown only
  // inside the clip rectangle.
  virtual void image(const std::vector<unsigned char>& rgb, int width, int height, double x,
                     double y, double w, double h, const std::array<double, 4>& clip) = 0;
};

enum class CanvasFormat { Pdf, Svg, Png };

// A cairo canvas of `width` x `height` figure pixels. PDF and SVG pages measure them at `dpi`
// (width / dpi inches); PNG has exactly those pixels and records `dpi` in its pHYs chunk.
class CairoCanvas : public VectorCanvas {
 public:
  // `title`: the document's title (PDF metadata), may be empty.
  CairoCanvas(CanvasFormat format, double width, double height, double dpi,
              const std::string& title = "");
  ~CairoCanvas() override;
  void polyline(const std::vector<Point>& points, const Color& stroke, double width,
                const char* cls, double dash = 0) override;
  void polygon(const std::vector<std::vector<Point>>& rings, const Color& fill,
               const char* cls) override;
  void rect(double x, double y, double w, double h, const Color& fill, double strokeWidth,
            const char* cls) override;
  void circle(Point centre, double radius, const Color& fill, const char* cls) override;
  void line(Point a, Point b, const Color& stroke, double width) override;
  void text(Point at, const std::string& s, const TextStyle& style, const char* cls) override;
  double textWidth(const std::string& s, const TextStyle& style) override;
  void clipOut(const std::vector<std::array<Point, 4>>& holes) override;
  void clipTo(const Box& box) override;
  void unclip() override;
  void image(const std::vector<unsigned char>& rgb, int width, int height, double x, double y,
             double w, double h, const std::array<double, 4>& clip) override;
  // PNG canvases: the pixels drawn so far.
  RgbImage pixels();
  // Finishes the document and writes it through the atomic writer. Throws IoError.
  void save(const std::string& path);

 private:
  struct State;
  std::unique_ptr<State> m;
};

// Draws a contour, filled, heat or 1d figure of options.width x options.heightPixels pixels,
// text in points at options.dpi. Throws ArgumentError for the 3-D kind and for options that do
// not fit the surface.
void drawFigure(VectorCanvas& canvas, const Surface& surface, const FigureOptions& options);

// Draws a contour, filled or heat figure into `area` of the canvas (its colorbar only when
// options.colorbar); returns the plot's rectangle. Throws like drawFigure.
Box drawPlane(VectorCanvas& canvas, const Surface& surface, const FigureOptions& options,
              const Box& area);
struct PlaneData;
// A colorbar of `data`'s colors (and levels, for filled contours) from `top` to `bottom`, its
// left edge at `left`; colorbarWidth is how wide it is with its labels and title.
void drawColorbar(VectorCanvas& canvas, const PlaneData& data, const FigureOptions& options,
                  double left, double top, double bottom);
double colorbarWidth(VectorCanvas& canvas, const PlaneData& data, const FigureOptions& options);

// The format of a figure file by its extension (.pdf, .svg, .png); throws ArgumentError.
CanvasFormat canvasFormatOf(const std::string& path);

}  // namespace basin::viz::detail
