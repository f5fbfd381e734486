#include "viz/compare_figure.h"

#include <algorithm>
#include <cmath>

#include "core/error.h"
#include "viz/plane_data.h"
#include "viz/scenes.h"
#include "viz/surface_data.h"
#include "viz/vector_canvas.h"

namespace basin::viz {
namespace {

using detail::Box;
using detail::PlaneData;

// The colors (and, for filled contours, the levels and what lies beyond them) the panes share.
PlaneData barData(const std::vector<ComparePane>& panes) {
  const FigureOptions& o = panes.front().options;
  if (o.kind == FigureKind::Surface3d) {
    PlaneData d;
    const auto range = o.valueRange ? *o.valueRange : [&] {
      const auto [low, high] = heightRange(*panes.front().surface, o.array, o.height);
      return std::array<double, 2>{low, high};
    }();
    d.colors = lookupTable(o.colormap, range[0], range[1]);
    return d;
  }
  PlaneData d = detail::planeData(*panes.front().surface, o);
  if (o.kind == FigureKind::Filled)
    for (size_t i = 1; i < panes.size(); ++i) {
      const PlaneData other = detail::planeData(*panes[i].surface, panes[i].options);
      d.aboveLevels |= other.aboveLevels;
      d.belowLevels |= other.belowLevels;
    }
  return d;
}

void checkPanes(const std::vector<ComparePane>& panes) {
  if (panes.size() < 2 || panes.size() > 8)
    throw ArgumentError("a comparison shows 2 to 8 surfaces, not " + std::to_string(panes.size()));
  for (const ComparePane& p : panes) {
    if (p.surface->y.empty())
      throw ArgumentError("compare figures need 2-D surfaces; '" + p.options.title +
                          "' is 1-D (draw 1-D surfaces together with --overlay)");
    surfaceArray(*p.surface, p.options.array);  // names the arrays there are if missing
  }
}

}  // namespace

std::optional<std::array<double, 2>> sharedValueRange(const std::vector<ComparePane>& panes) {
  double low = INFINITY, high = -INFINITY;
  for (const ComparePane& p : panes) {
    if (p.surface->y.empty() || !p.surface->arrays.count(p.options.array)) continue;
    const auto [l, h] = heightRange(*p.surface, p.options.array, p.options.height);
    low = std::min(low, l);
    high = std::max(high, h);
  }
  if (!(low <= high)) return std::nullopt;
  return std::array<double, 2>{low, high};
}

int compareColumns(size_t count, double width, double height) {
  int best = 1;
  double bestSide = 0;
  for (int columns = 1; columns <= int(count); ++columns) {
    const int rows = int((count + columns - 1) / columns);
    const double side = std::min(width / columns, height / rows);
    if (side > bestSide * 1.0001) best = columns, bestSide = side;
  }
  return best;
}

std::vector<ComparePane> comparedPanes(std::vector<ComparePane> panes, FigureKind kind,
                                       bool sharedScale) {
  for (ComparePane& p : panes) p.options.kind = kind;
  const auto range = sharedScale ? sharedValueRange(panes) : std::nullopt;
  for (ComparePane& p : panes) {
    p.options.colorbar = !sharedScale;
    if (range) p.options.valueRange = range;
  }
  return panes;
}

void renderCompareFigure(const std::vector<ComparePane>& given, const FigureOptions& figure,
                         const std::string& path) {
  detail::checkFigureSize(figure);
  checkPanes(given);
  std::vector<ComparePane> panes = comparedPanes(given, figure.kind);
  for (ComparePane& p : panes) p.options.dpi = figure.dpi;
  const detail::CanvasFormat format = detail::canvasFormatOf(path);
  detail::CairoCanvas canvas(format, figure.width, figure.heightPixels, figure.dpi, figure.title);
  const double pt = figure.dpi / 72.0, pad = 6 * pt;
  const PlaneData bar = barData(panes);
  const double barWidth = detail::colorbarWidth(canvas, bar, panes.front().options);
  double top = 0;
  if (!figure.title.empty()) {
    detail::TextStyle t;
    t.size = 12 * pt;
    t.bold = true;
    t.anchor = detail::Anchor::Middle;
    canvas.text({figure.width / 2.0, pad + t.size}, figure.title, t, "title");
    top = 2 * pad + 1.3 * t.size;
  }
  const Box grid{0, top, figure.width - barWidth - pad, figure.heightPixels - top};
  const int columns = compareColumns(panes.size(), grid.w, grid.h);
  const int rows = int((panes.size() + columns - 1) / columns);
  const int cellWidth = int(grid.w / columns), cellHeight = int(grid.h / rows);
  double plotTop = INFINITY, plotBottom = -INFINITY;
  for (size_t i = 0; i < panes.size(); ++i) {
    const int row = int(i) / columns, column = int(i) % columns;
    // A last row with fewer panes is centred.
    const int inRow = std::min<int>(columns, int(panes.size()) - row * columns);
    const double x = grid.x + (grid.w - inRow * cellWidth) / 2 + column * cellWidth;
    const double y = grid.y + row * cellHeight;
    FigureOptions o = panes[i].options;
    o.width = cellWidth;
    o.heightPixels = cellHeight;
    if (o.kind == FigureKind::Surface3d) {
      // The heading in the figure's own type, as the 2-D panes have it; VTK renders the rest.
      detail::TextStyle heading;
      heading.size = 11 * pt;
      heading.bold = true;
      heading.anchor = detail::Anchor::Middle;
      const double headingHeight = o.title.empty() ? 0 : std::ceil(2 * pad + heading.size);
      if (!o.title.empty())
        canvas.text({x + cellWidth / 2.0, y + pad + heading.size}, o.title, heading, "title");
      o.title.clear();
      o.heightPixels = cellHeight - int(headingHeight);
      const RgbImage image = renderFigureImage(*panes[i].surface, o);
      const double imageTop = y + headingHeight;
      canvas.image(image.rgb, image.width, image.height, x, imageTop, image.width, image.height,
                   {x, imageTop, double(image.width), double(image.height)});
      plotTop = std::min(plotTop, y + 0.15 * cellHeight);
      plotBottom = std::max(plotBottom, y + 0.85 * cellHeight);
    } else {
      const Box plot = detail::drawPlane(canvas, *panes[i].surface, o,
                                         {x, y, double(cellWidth), double(cellHeight)});
      plotTop = std::min(plotTop, plot.y);
      plotBottom = std::max(plotBottom, plot.y + plot.h);
    }
  }
  detail::drawColorbar(canvas, bar, panes.front().options, figure.width - barWidth, plotTop,
                       plotBottom);
  canvas.save(path);
}

RgbImage renderSharedColorbar(const std::vector<ComparePane>& panes, int height, int dpi) {
  if (panes.empty()) throw ArgumentError("no surfaces to share a colorbar");
  const PlaneData bar = barData(panes);
  FigureOptions o = panes.front().options;
  o.dpi = dpi;
  // Measured on a scratch canvas, then drawn on one of that width.
  detail::CairoCanvas measure(detail::CanvasFormat::Png, 8, 8, dpi);
  const int width = int(std::ceil(detail::colorbarWidth(measure, bar, o) + 4 * dpi / 72.0));
  const int h = std::max(height, 64);
  detail::CairoCanvas canvas(detail::CanvasFormat::Png, width, h, dpi);
  detail::drawColorbar(canvas, bar, o, 2 * dpi / 72.0, 0.1 * h, 0.9 * h);
  return canvas.pixels();
}

}  // namespace basin::viz
