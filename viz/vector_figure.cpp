// 2-D figures (contour lines, filled contours, heat map, with the trajectory) and 1-D curves
// (loss and accuracy on twin axes), drawn through a VectorCanvas: the same drawing makes the
// PDF, the SVG and the PNG. The layout is in points (margins from the text they hold), so a
// figure keeps its proportions at every size and DPI.
#include <vtkCellArray.h>
#include <vtkCellData.h>
#include <vtkDataArray.h>
#include <vtkDoubleArray.h>
#include <vtkIdList.h>
#include <vtkPointData.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "core/error.h"
#include "viz/plane_data.h"
#include "viz/scenes.h"
#include "viz/ticks.h"
#include "viz/vector_canvas.h"

namespace basin::viz::detail {
namespace {

const Color kBlack{0, 0, 0}, kTrajectory{0.85, 0.1, 0.1};
// Text sizes in points, as a paper's figures have them (matplotlib's defaults are 10 and 12; a
// column-wide figure reads better a little smaller).
constexpr double kTickPoints = 9, kAxisPoints = 10, kHeadingPoints = 11;

Color colorOf(vtkLookupTable* colors, double value) {
  Color c;
  if (std::isnan(value)) {
    double rgba[4];
    colors->GetNanColor(rgba);
    return {rgba[0], rgba[1], rgba[2]};
  }
  colors->GetColor(value, c.data());
  return c;
}

// Sizes in pixels of the figure's text and marks, from points at the figure's DPI.
struct Type {
  double pt;  // pixels per point
  double label() const { return kTickPoints * pt; }
  double title() const { return kAxisPoints * pt; }
  double tick() const { return 3.5 * pt; }
  double pad() const { return 6 * pt; }
  TextStyle style(double points, Anchor anchor) const {
    TextStyle t;
    t.size = points * pt;
    t.anchor = anchor;
    return t;
  }
};

double widest(VectorCanvas& canvas, const std::vector<std::string>& texts, const TextStyle& s) {
  double w = 0;
  for (const std::string& t : texts) w = std::max(w, canvas.textWidth(t, s));
  return w;
}

// The plot rectangle in pixels and the data range it shows.
struct Frame {
  double left, top, right, bottom;
  double xmin, xmax, ymin, ymax;
  Point at(double x, double y) const {
    return {left + (x - xmin) / (xmax - xmin) * (right - left),
            bottom - (y - ymin) / (ymax - ymin) * (bottom - top)};
  }
};

std::vector<Point> cellPoints(const Frame& f, vtkPolyData* data, vtkIdList* ids) {
  std::vector<Point> points;
  for (vtkIdType k = 0; k < ids->GetNumberOfIds(); ++k) {
    double p[3];
    data->GetPoint(ids->GetId(k), p);
    points.push_back(f.at(p[0], p[1]));
  }
  return points;
}

void polylines(VectorCanvas& canvas, const Frame& f, vtkPolyData* data, vtkLookupTable* colors,
               const char* cls, const Color* fixed, double width) {
  if (!data || !data->GetLines()) return;
  vtkDataArray* scalars = data->GetPointData()->GetScalars();
  auto ids = vtkSmartPointer<vtkIdList>::New();
  vtkCellArray* cells = data->GetLines();
  cells->InitTraversal();
  while (cells->GetNextCell(ids)) {
    if (ids->GetNumberOfIds() < 2) continue;
    const Color stroke = fixed || !scalars ? (fixed ? *fixed : kBlack)
                                           : colorOf(colors, scalars->GetTuple1(ids->GetId(0)));
    canvas.polyline(cellPoints(f, data, ids), stroke, width, cls);
  }
}

void bands(VectorCanvas& canvas, const Frame& f, const PlaneData& d) {
  vtkDataArray* scalars = d.bands->GetCellData()->GetScalars();
  auto ids = vtkSmartPointer<vtkIdList>::New();
  vtkCellArray* cells = d.bands->GetPolys();
  cells->InitTraversal();
  // A band's cells, by its level (no level, NaN, keyed as -inf: NaN cannot order a map).
  std::map<double, std::vector<std::vector<Point>>> byLevel;
  for (vtkIdType cell = 0; cells->GetNextCell(ids); ++cell) {
    const double level = scalars ? scalars->GetTuple1(cell) : NAN;
    byLevel[std::isnan(level) ? -HUGE_VAL : level].push_back(cellPoints(f, d.bands, ids));
  }
  for (const auto& [level, rings] : byLevel)
    canvas.polygon(rings, colorOf(d.colors, level == -HUGE_VAL ? NAN : level), "band");
}

// The grid's colors, one pixel per grid point, placed so that pixel centres sit on the grid
// points; viewers interpolate between them.
void heatImage(VectorCanvas& canvas, const Frame& f, const PlaneData& d, int nx, int ny) {
  auto* z = static_cast<vtkDoubleArray*>(d.flat->GetPointData()->GetArray("zvalue"));
  std::vector<unsigned char> rgb(size_t(nx) * ny * 3);
  for (int j = 0; j < ny; ++j)
    for (int i = 0; i < nx; ++i) {
      const Color c = colorOf(d.colors, z->GetValue(vtkIdType(j) * nx + i));
      unsigned char* pixel = rgb.data() + (size_t(ny - 1 - j) * nx + i) * 3;  // top row first
      for (int k = 0; k < 3; ++k) pixel[k] = static_cast<unsigned char>(std::lround(255 * c[k]));
    }
  const double dx = (d.xmax - d.xmin) / std::max(nx - 1, 1);
  const double dy = (d.ymax - d.ymin) / std::max(ny - 1, 1);
  const Point topLeft = f.at(d.xmin - dx / 2, d.ymax + dy / 2);
  const Point bottomRight = f.at(d.xmax + dx / 2, d.ymin - dy / 2);
  canvas.image(rgb, nx, ny, topLeft.x, topLeft.y, bottomRight.x - topLeft.x,
               bottomRight.y - topLeft.y, {f.left, f.top, f.right - f.left, f.bottom - f.top});
}

// Contour labels along their lines, the lines broken under them.
void contourLines(VectorCanvas& canvas, const Frame& f, const PlaneData& d, const FigureOptions& o,
                  const Type& type) {
  std::vector<std::array<Point, 4>> holes;
  struct Placed {
    Point at;
    std::string text;
    double degrees;
  };
  std::vector<Placed> placed;
  const TextStyle style = type.style(kTickPoints - 2, Anchor::Middle);
  if (o.contourLabels) {
    const double span = std::max(d.xmax - d.xmin, d.ymax - d.ymin);
    for (const ContourLabel& l : contourLabels(d.lines, 0.09 * span)) {
      const Point c = f.at(l.x, l.y);
      const double sx = (f.right - f.left) / (f.xmax - f.xmin);
      const double sy = (f.bottom - f.top) / (f.ymax - f.ymin);
      double a = std::atan2(-l.dy * sy, l.dx * sx);  // pixel angle, y down
      if (a > M_PI / 2) a -= M_PI;                   // never upside down
      if (a < -M_PI / 2) a += M_PI;
      const std::string text = formatNumber(lossOfHeight(l.value, o.height), "%.4g");
      const double hw = canvas.textWidth(text, style) / 2 + 0.25 * style.size,
                   hh = 0.6 * style.size;
      const Point u{std::cos(a), std::sin(a)}, v{-std::sin(a), std::cos(a)};
      auto corner = [&](double p, double q) {
        return Point{c.x + p * hw * u.x + q * hh * v.x, c.y + p * hw * u.y + q * hh * v.y};
      };
      holes.push_back({corner(-1, -1), corner(1, -1), corner(1, 1), corner(-1, 1)});
      const double drop = 0.35 * style.size;  // baseline below the centre, along the text
      placed.push_back({{c.x + drop * v.x, c.y + drop * v.y}, text, -a * 180 / M_PI});
    }
  }
  canvas.clipOut(holes);
  polylines(canvas, f, d.lines, d.colors, "contour", nullptr, 1.2 * type.pt);
  canvas.unclip();
  for (const Placed& p : placed) {
    TextStyle t = style;
    t.rotate = p.degrees;
    canvas.text(p.at, p.text, t, "contour-label");
  }
}

void trajectory(VectorCanvas& canvas, const Frame& f, const Projection& path, const Type& type) {
  std::vector<Point> points;
  for (size_t i = 0; i < path.x.size(); ++i) points.push_back(f.at(path.x[i], path.y[i]));
  if (points.empty()) return;
  canvas.clipTo({f.left, f.top, f.right - f.left, f.bottom - f.top});
  canvas.polyline(points, kTrajectory, 1.6 * type.pt, "trajectory");
  for (const Point& p : points) canvas.circle(p, 2.2 * type.pt, kTrajectory, "checkpoint");
  TextStyle t = type.style(kTickPoints - 1, Anchor::Start);
  t.bold = true;
  t.color = kTrajectory;
  t.halo = true;
  canvas.text({points.front().x + 4 * type.pt, points.front().y - 4 * type.pt}, "start", t,
              "label");
  canvas.text({points.back().x + 4 * type.pt, points.back().y - 4 * type.pt}, "end", t, "label");
  canvas.unclip();
}

void frameAxes(VectorCanvas& canvas, const Frame& f, const Ticks& xs, const Ticks& ys,
               const std::string& xTitle, const std::string& yTitle, const Color& yTitleColor,
               const Type& type, double yLabelWidth) {
  const double line = 0.8 * type.pt;
  for (size_t k = 0; k < xs.at.size(); ++k) {
    const double x = f.at(xs.at[k], f.ymin).x;
    canvas.line({x, f.bottom}, {x, f.bottom + type.tick()}, kBlack, line);
    canvas.text({x, f.bottom + type.tick() + 1.1 * type.label()}, xs.labels[k],
                type.style(kTickPoints, Anchor::Middle), "tick");
  }
  for (size_t k = 0; k < ys.at.size(); ++k) {
    const double y = f.at(f.xmin, ys.at[k]).y;
    canvas.line({f.left - type.tick(), y}, {f.left, y}, kBlack, line);
    canvas.text({f.left - type.tick() - 2 * type.pt, y + 0.35 * type.label()}, ys.labels[k],
                type.style(kTickPoints, Anchor::End), "tick");
  }
  canvas.text({(f.left + f.right) / 2, f.bottom + type.tick() + 1.4 * type.label() + type.title()},
              xTitle, type.style(kAxisPoints, Anchor::Middle), "title");
  TextStyle vertical = type.style(kAxisPoints, Anchor::Middle);
  vertical.rotate = 90;
  vertical.color = yTitleColor;
  canvas.text({f.left - type.tick() - 4 * type.pt - yLabelWidth - 0.3 * type.title(),
               (f.top + f.bottom) / 2},
              yTitle, vertical, "title");
}

void frameBorder(VectorCanvas& canvas, const Frame& f, const Type& type) {
  const Point c[4] = {{f.left, f.top}, {f.right, f.top}, {f.right, f.bottom}, {f.left, f.bottom}};
  for (int k = 0; k < 4; ++k) canvas.line(c[k], c[(k + 1) % 4], kBlack, 0.8 * type.pt);
}

// The colorbar's ticks: the levels of filled contours, else round values of the colors' range.
Ticks barTicks(const PlaneData& d, const FigureOptions& o) {
  const double* range = d.colors->GetTableRange();
  if (o.kind == FigureKind::Filled && d.levels.size() >= 2)
    return valueTicks(d.levels.front(), d.levels.back(), d.levels, o.height.log);
  return valueTicks(range[0], range[1],
                    o.kind == FigureKind::Contour ? d.levels : std::vector<double>{}, o.height.log);
}

// What the colorbar takes right of the plot: the gap, the bar, its labels and its title.
double barWidth(VectorCanvas& canvas, const Ticks& ticks, const Type& type) {
  return 12 * type.pt + 10 * type.pt + type.tick() +
         widest(canvas, ticks.labels, type.style(kTickPoints - 1, Anchor::Start)) + 4 * type.pt +
         1.4 * type.label() + type.pad();
}

// The colorbar right of the plot, as tall as it: discrete bands for filled contours, a smooth
// ramp otherwise; its title runs vertically on the right, so it is never cut off.
void colorbar(VectorCanvas& canvas, double top, double bottom, const PlaneData& d,
              const FigureOptions& o, const Type& type, const Ticks& ticks, double barLeft) {
  const double* range = d.colors->GetTableRange();
  double low = range[0], high = range[1];
  const bool banded = o.kind == FigureKind::Filled && d.levels.size() >= 2;
  if (banded) {
    low = d.levels.front();
    high = d.levels.back();
  }
  const double width = 10 * type.pt;
  auto yOf = [&](double v) { return bottom - (v - low) / (high - low) * (bottom - top); };
  // Slices from the top one down, each reaching to the bar's bottom and covered by the next:
  // antialiased edges then blend two neighbours' colors, never the white behind them.
  auto slice = [&](double sliceTop, const Color& color) {
    canvas.rect(barLeft, sliceTop, width, bottom - sliceTop, color, 0, "colorbar-slice");
  };
  if (banded) {
    for (size_t k = d.levels.size() - 1; k-- > 0;)
      slice(yOf(d.levels[k + 1]), colorOf(d.colors, bandColorValue(d.levels, k)));
  } else {
    const double step = (bottom - top) / 128;
    for (int k = 128; k-- > 0;)
      slice(bottom - (k + 1) * step, colorOf(d.colors, low + (high - low) * (k + 0.5) / 128));
  }
  const Point c[4] = {
      {barLeft, top}, {barLeft + width, top}, {barLeft + width, bottom}, {barLeft, bottom}};
  for (int k = 0; k < 4; ++k) canvas.line(c[k], c[(k + 1) % 4], kBlack, 0.6 * type.pt);
  // What lies beyond the levels: matplotlib's arrows, in the colormap's end colors.
  if (banded && d.aboveLevels && !o.whiteAboveLevels) {
    const std::vector<Point> arrow{{barLeft, top - 0.5 * type.pt},
                                   {barLeft + width / 2, top - width},
                                   {barLeft + width, top - 0.5 * type.pt}};
    canvas.polygon({arrow}, colorOf(d.colors, high), "colorbar-extension");
  }
  if (banded && d.belowLevels) {
    const std::vector<Point> arrow{{barLeft, bottom + 0.5 * type.pt},
                                   {barLeft + width / 2, bottom + width},
                                   {barLeft + width, bottom + 0.5 * type.pt}};
    canvas.polygon({arrow}, colorOf(d.colors, low), "colorbar-extension");
  }
  const TextStyle label = type.style(kTickPoints - 1, Anchor::Start);
  for (size_t k = 0; k < ticks.at.size(); ++k) {
    const double y = yOf(ticks.at[k]);
    if (y < top - 0.5 || y > bottom + 0.5) continue;
    canvas.line({barLeft + width, y}, {barLeft + width + 0.6 * type.tick(), y}, kBlack,
                0.6 * type.pt);
    canvas.text({barLeft + width + type.tick(), y + 0.35 * label.size}, ticks.labels[k], label,
                "tick");
  }
  TextStyle vertical = type.style(kTickPoints, Anchor::Middle);
  vertical.rotate = 90;
  canvas.text({barLeft + width + type.tick() + widest(canvas, ticks.labels, label) + 4 * type.pt +
                   vertical.size,
               (top + bottom) / 2},
              valueTitle(o), vertical, "title");
}

void title(VectorCanvas& canvas, const std::string& text, double left, double width, double top,
           const Type& type) {
  if (text.empty()) return;
  TextStyle t = type.style(kHeadingPoints, Anchor::Middle);
  t.bold = true;
  canvas.text({left + width / 2, top + type.pad() + t.size}, text, t, "title");
}

}  // namespace

Box drawPlane(VectorCanvas& canvas, const Surface& surface, const FigureOptions& o,
              const Box& area) {
  const Type type{o.dpi / 72.0};
  const PlaneData d = planeData(surface, o);
  const Ticks xs = linearTicks(d.xmin, d.xmax, 5), ys = linearTicks(d.ymin, d.ymax, 5);
  const Ticks values = barTicks(d, o);
  // Margins from the text they hold.
  const TextStyle tickStyle = type.style(kTickPoints, Anchor::End);
  const double yLabelWidth = widest(canvas, ys.labels, tickStyle);
  const double left = type.pad() + 1.3 * type.title() + yLabelWidth + type.tick() + 4 * type.pt;
  const double bottom = type.pad() + 1.3 * type.title() + 1.4 * type.label() + type.tick();
  const double top = o.title.empty() ? 14 * type.pt : type.pad() + 2.2 * type.title();
  const double right = o.colorbar ? barWidth(canvas, values, type) : 2 * type.pad();
  double w = area.w - left - right, h = area.h - top - bottom;
  if (w < 16 || h < 16) throw ArgumentError("the figure is too small for its text at this DPI");
  // Equal units on both axes, centred in the space there is.
  const double want = (d.xmax - d.xmin) / std::max(d.ymax - d.ymin, 1e-300);
  double x0 = area.x + left, y0 = area.y + top;
  if (w / h > want) {
    x0 += (w - h * want) / 2;
    w = h * want;
  } else {
    y0 += (h - w / want) / 2;
    h = w / want;
  }
  const Frame f{x0, y0, x0 + w, y0 + h, d.xmin, d.xmax, d.ymin, d.ymax};
  frameAxes(canvas, f, xs, ys, o.xTitle, o.yTitle, kBlack, type, yLabelWidth);
  if (o.kind == FigureKind::Heat) {
    heatImage(canvas, f, d, static_cast<int>(surface.x.size()), static_cast<int>(surface.y.size()));
  } else if (o.kind == FigureKind::Filled) {
    canvas.clipTo({f.left, f.top, f.right - f.left, f.bottom - f.top});
    bands(canvas, f, d);
    // Edges help tell a few bands apart; many levels crowd where the loss is steep and would
    // paint it black (matplotlib's contourf draws none).
    const Color edge{0.25, 0.25, 0.25};
    if (d.levels.size() <= 12)
      polylines(canvas, f, d.bandEdges, d.colors, "band-edge", &edge, 0.4 * type.pt);
    canvas.unclip();
  } else {
    contourLines(canvas, f, d, o, type);
  }
  if (o.trajectory) trajectory(canvas, f, *o.trajectory, type);
  frameBorder(canvas, f, type);
  if (o.colorbar) colorbar(canvas, f.top, f.bottom, d, o, type, values, f.right + 12 * type.pt);
  title(canvas, o.title, area.x, area.w, area.y, type);
  return {f.left, f.top, f.right - f.left, f.bottom - f.top};
}

double colorbarWidth(VectorCanvas& canvas, const PlaneData& d, const FigureOptions& o) {
  return barWidth(canvas, barTicks(d, o), Type{o.dpi / 72.0}) - 12 * (o.dpi / 72.0);
}

void drawColorbar(VectorCanvas& canvas, const PlaneData& d, const FigureOptions& o, double left,
                  double top, double bottom) {
  colorbar(canvas, top, bottom, d, o, Type{o.dpi / 72.0}, barTicks(d, o), left);
}

namespace {

// Loss (left axis) and, where the surfaces have it, accuracy (right axis, dashed when several
// runs share the figure) of every run along a 1-D surface; a legend names the runs.
void curves(VectorCanvas& canvas, const Surface& surface, const FigureOptions& o) {
  const Type type{o.dpi / 72.0};
  const std::vector<CurveRun> runs = curveRuns(surface, o);
  const bool several = runs.size() > 1;
  std::vector<std::vector<double>> losses;
  std::vector<double> everything;
  double xmin = INFINITY, xmax = -INFINITY;
  bool anyAccuracy = false;
  for (const CurveRun& r : runs) {
    const std::vector<double>& values = surfaceArray(*r.surface, o.array);
    std::vector<double> loss(values.size());
    for (size_t i = 0; i < values.size(); ++i) loss[i] = heightOf(values[i], o.height);
    everything.insert(everything.end(), loss.begin(), loss.end());
    losses.push_back(std::move(loss));
    xmin = std::min(xmin, r.surface->x.front());
    xmax = std::max(xmax, r.surface->x.back());
    anyAccuracy |= r.surface->arrays.count(accuracyName(o.array)) > 0;
  }
  if (!(xmax > xmin)) xmax = xmin + 1;
  auto [low, high] = finiteRange(everything);
  low = std::min(low, 0.0);  // losses read from zero, as in the paper's 1-D plots
  if (high <= low) high = low + 1;
  const Ticks xs = linearTicks(xmin, xmax, 5);
  const Ticks ys = o.height.log ? valueTicks(low, high, {}, true) : linearTicks(low, high, 5);
  const Ticks acc = linearTicks(0, 100, 4);
  const TextStyle tickStyle = type.style(kTickPoints, Anchor::End);
  const double yLabelWidth = widest(canvas, ys.labels, tickStyle);
  const double width = o.width, height = o.heightPixels;
  const double left = type.pad() + 1.3 * type.title() + yLabelWidth + type.tick() + 4 * type.pt;
  const double right =
      width - (anyAccuracy ? type.pad() + 1.3 * type.title() +
                                 widest(canvas, acc.labels, tickStyle) + type.tick() + 4 * type.pt
                           : 2 * type.pad());
  const double top = o.title.empty() ? 14 * type.pt : type.pad() + 2.2 * type.title();
  const double bottom =
      height - (type.pad() + 1.3 * type.title() + 1.4 * type.label() + type.tick());
  if (right - left < 16 || bottom - top < 16)
    throw ArgumentError("the figure is too small for its text at this DPI");
  const Frame f{left, top, right, bottom, xmin, xmax, low, high};
  frameAxes(canvas, f, xs, ys, o.xTitle, valueTitle(o), several ? kBlack : runColor(0), type,
            yLabelWidth);
  const double lineWidth = 1.5 * type.pt;
  // Runs of finite values become polylines (NaN and points not computed break the line).
  auto draw = [&](const std::vector<double>& xv, const std::vector<double>& v, double lo, double hi,
                  const Color& color, const char* cls, double dash) {
    std::vector<Point> run;
    for (size_t i = 0; i <= v.size(); ++i) {
      if (i < v.size() && std::isfinite(v[i])) {
        run.push_back({f.at(xv[i], 0).x, bottom - (v[i] - lo) / (hi - lo) * (bottom - top)});
      } else {
        if (run.size() >= 2) canvas.polyline(run, color, lineWidth, cls, dash);
        run.clear();
      }
    }
  };
  for (size_t k = 0; k < runs.size(); ++k) {
    const Surface& s = *runs[k].surface;
    draw(s.x, losses[k], low, high, runColor(k), "loss", 0);
    const auto a = s.arrays.find(accuracyName(o.array));
    if (a == s.arrays.end()) continue;
    std::vector<double> percent(a->second.size());
    for (size_t i = 0; i < percent.size(); ++i)
      percent[i] = a->second[i] == -1.0 ? NAN : a->second[i];
    draw(s.x, percent, 0.0, 100.0, several ? runColor(k) : runColor(3), "accuracy",
         several ? 4 * type.pt : 0);
  }
  frameBorder(canvas, f, type);
  TextStyle vertical = type.style(kAxisPoints, Anchor::Middle);
  vertical.rotate = 90;
  if (anyAccuracy) {
    const TextStyle start = type.style(kTickPoints, Anchor::Start);
    for (size_t k = 0; k < acc.at.size(); ++k) {
      const double y = bottom - acc.at[k] / 100 * (bottom - top);
      canvas.line({right, y}, {right + type.tick(), y}, kBlack, 0.8 * type.pt);
      canvas.text({right + type.tick() + 2 * type.pt, y + 0.35 * type.label()}, acc.labels[k],
                  start, "tick");
    }
    vertical.color = several ? kBlack : runColor(3);
    canvas.text({width - type.pad() - 0.3 * type.title(), (top + bottom) / 2},
                several ? "accuracy (%), dashed" : "accuracy (%)", vertical, "title");
  }
  if (several) {  // legend, top right inside the plot
    const TextStyle legend = type.style(kTickPoints - 1, Anchor::Start);
    const double row = 1.5 * legend.size, names = widest(
                                              canvas,
                                              [&] {
                                                std::vector<std::string> l;
                                                for (const CurveRun& r : runs) l.push_back(r.label);
                                                return l;
                                              }(),
                                              legend);
    const double boxWidth = 3 * legend.size + names + legend.size;
    const double x = right - boxWidth - 0.5 * legend.size, y0 = top + 0.5 * legend.size;
    canvas.rect(x, y0, boxWidth, row * runs.size() + 0.3 * legend.size, {1, 1, 1}, 0.5 * type.pt,
                "legend-box");
    for (size_t k = 0; k < runs.size(); ++k) {
      const double y = y0 + row * (k + 0.6);
      canvas.polyline({{x + 0.5 * legend.size, y}, {x + 2.3 * legend.size, y}}, runColor(k),
                      lineWidth, "legend", 0);
      canvas.text({x + 2.8 * legend.size, y + 0.35 * legend.size}, runs[k].label, legend,
                  "legend-label");
    }
  }
  title(canvas, o.title, 0, width, 0, type);
}

}  // namespace

void drawFigure(VectorCanvas& canvas, const Surface& surface, const FigureOptions& options) {
  if (options.kind == FigureKind::Surface3d)
    throw ArgumentError("3-D figures are rendered by VTK, not drawn");
  surfaceArray(surface, options.array);  // names the arrays there are if missing
  if (options.kind == FigureKind::Curve1d)
    curves(canvas, surface, options);
  else
    drawPlane(canvas, surface, options,
              {0, 0, double(options.width), double(options.heightPixels)});
}

}  // namespace basin::viz::detail
