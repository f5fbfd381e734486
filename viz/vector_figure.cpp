#include "viz/vector_figure.h"

#include <vtkCellArray.h>
#include <vtkCellData.h>
#include <vtkDataArray.h>
#include <vtkDoubleArray.h>
#include <vtkIdList.h>
#include <vtkPointData.h>

#include <cmath>
#include <cstdio>
#include <filesystem>

#include "core/error.h"
#include "viz/plane_data.h"
#include "viz/scenes.h"
#include "viz/vector_canvas.h"

namespace basin::viz {
namespace {

using detail::Anchor;
using detail::Color;
using detail::PlaneData;
using detail::PlotArea;
using detail::Point;
using detail::TextStyle;
using detail::VectorCanvas;

const Color kBlack{0, 0, 0}, kTrajectory{0.85, 0.1, 0.1};

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

std::string number(double v, const char* format = "%g") {
  char text[32];
  std::snprintf(text, sizeof text, format, v);
  return text;
}

// Figure geometry: normalized figure coordinates and data coordinates to pixels (y down).
struct Frame {
  double width, height, pointsToPixels;
  PlotArea area;
  double xmin, xmax, ymin, ymax;
  double fx(double nx) const { return nx * width; }
  double fy(double ny) const { return (1.0 - ny) * height; }
  Point at(double x, double y) const {
    return {fx(area.x0 + (x - xmin) / (xmax - xmin) * (area.x1 - area.x0)),
            fy(area.y0 + (y - ymin) / (ymax - ymin) * (area.y1 - area.y0))};
  }
  double font(double points) const { return points * pointsToPixels; }
  TextStyle style(double points, Anchor anchor) const {
    TextStyle t;
    t.size = font(points);
    t.anchor = anchor;
    return t;
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
  for (vtkIdType cell = 0; cells->GetNextCell(ids); ++cell)
    canvas.polygon(cellPoints(f, d.bands, ids),
                   colorOf(d.colors, scalars ? scalars->GetTuple1(cell) : NAN), "band");
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
  const Point plotTopLeft = f.at(d.xmin, d.ymax), plotBottomRight = f.at(d.xmax, d.ymin);
  canvas.image(rgb, nx, ny, topLeft.x, topLeft.y, bottomRight.x - topLeft.x,
               bottomRight.y - topLeft.y,
               {plotTopLeft.x, plotTopLeft.y, plotBottomRight.x - plotTopLeft.x,
                plotBottomRight.y - plotTopLeft.y});
}

void trajectory(VectorCanvas& canvas, const Frame& f, const Projection& path) {
  std::vector<Point> points;
  for (size_t i = 0; i < path.x.size(); ++i) points.push_back(f.at(path.x[i], path.y[i]));
  canvas.polyline(points, kTrajectory, 2.5 * f.pointsToPixels * 0.75, "trajectory");
  for (const Point& p : points)
    canvas.circle(p, 3.5 * f.pointsToPixels * 0.75, kTrajectory, "checkpoint");
  TextStyle t = f.style(detail::kLabelPoints, Anchor::Start);
  t.bold = true;
  t.color = kTrajectory;
  canvas.text({points.front().x + f.font(5), points.front().y - f.font(5)}, "start", t, "label");
  canvas.text({points.back().x + f.font(5), points.back().y - f.font(5)}, "end", t, "label");
}

void axes(VectorCanvas& canvas, const Frame& f, const FigureOptions& o) {
  const double left = f.fx(f.area.x0), right = f.fx(f.area.x1);
  const double top = f.fy(f.area.y1), bottom = f.fy(f.area.y0), tick = f.font(4);
  canvas.line({left, bottom}, {right, bottom}, kBlack, 1);
  canvas.line({left, top}, {left, bottom}, kBlack, 1);
  for (int k = 0; k < 5; ++k) {
    const double x = left + (right - left) * k / 4, y = bottom - (bottom - top) * k / 4;
    canvas.line({x, bottom}, {x, bottom + tick}, kBlack, 1);
    canvas.line({left - tick, y}, {left, y}, kBlack, 1);
    canvas.text({x, bottom + tick + f.font(detail::kLabelPoints)},
                number(f.xmin + (f.xmax - f.xmin) * k / 4),
                f.style(detail::kLabelPoints, Anchor::Middle), "tick");
    canvas.text({left - tick - f.font(3), y + f.font(4)},
                number(f.ymin + (f.ymax - f.ymin) * k / 4),
                f.style(detail::kLabelPoints, Anchor::End), "tick");
  }
  canvas.text({(left + right) / 2, f.fy(f.area.y0 - detail::kAxisTitleGap) + f.font(4)}, o.xTitle,
              f.style(detail::kTitlePoints, Anchor::Middle), "title");
  TextStyle vertical = f.style(detail::kTitlePoints, Anchor::Middle);
  vertical.rotate = 90;
  canvas.text({f.fx(f.area.x0 - detail::kAxisTitleGap), (top + bottom) / 2}, o.yTitle, vertical,
              "title");
}

// The colorbar as 64 stacked slices of its colors, with labels and title.
void colorbar(VectorCanvas& canvas, const Frame& f, const PlaneData& d, const FigureOptions& o) {
  const double* range = d.colors->GetTableRange();
  const double left = f.fx(0.84), width = f.fx(0.035);
  const double top = f.fy(f.area.y1), bottom = f.fy(f.area.y0), step = (bottom - top) / 64;
  for (int k = 0; k < 64; ++k)
    canvas.rect(left, bottom - (k + 1) * step, width, step + 0.3,
                colorOf(d.colors, range[0] + (range[1] - range[0]) * (k + 0.5) / 64), 0,
                "colorbar-slice");
  const Point corners[4] = {
      {left, top}, {left + width, top}, {left + width, bottom}, {left, bottom}};
  for (int k = 0; k < 4; ++k) canvas.line(corners[k], corners[(k + 1) % 4], kBlack, 0.5);
  for (int k = 0; k < 6; ++k)
    canvas.text({left + width + f.font(4), bottom - (bottom - top) * k / 5.0 + f.font(4)},
                number(range[0] + (range[1] - range[0]) * k / 5.0, "%.3g"),
                f.style(detail::kLabelPoints - 1, Anchor::Start), "tick");
  canvas.text({left + width / 2, top - f.font(8)}, detail::valueTitle(o),
              f.style(detail::kLabelPoints, Anchor::Middle), "title");
}

// Loss (left axis) and, where the surfaces have it, accuracy (right axis, dashed when several
// runs share the figure) of every run along a 1-D surface; a legend names the runs.
void curves(VectorCanvas& canvas, const Surface& surface, const FigureOptions& o,
            double pointsToPixels) {
  const std::vector<detail::CurveRun> runs = detail::curveRuns(surface, o);
  const bool several = runs.size() > 1;
  std::vector<std::vector<double>> losses;
  std::vector<double> everything;
  double xmin = INFINITY, xmax = -INFINITY;
  for (const detail::CurveRun& r : runs) {
    const std::vector<double>& values = surfaceArray(*r.surface, o.array);
    std::vector<double> loss(values.size());
    for (size_t i = 0; i < values.size(); ++i) loss[i] = heightOf(values[i], o.height);
    everything.insert(everything.end(), loss.begin(), loss.end());
    losses.push_back(std::move(loss));
    xmin = std::min(xmin, r.surface->x.front());
    xmax = std::max(xmax, r.surface->x.back());
  }
  if (!(xmax > xmin)) xmax = xmin + 1;
  auto [low, high] = detail::finiteRange(everything);
  low = std::min(low, 0.0);  // losses read from zero, as in the paper's 1-D plots
  if (high <= low) high = low + 1;
  const double width = o.width, height = o.heightPixels;
  const double left = 0.12 * width, right = 0.88 * width, top = 0.08 * height,
               bottom = 0.86 * height;
  auto px = [&](double x) { return left + (x - xmin) / (xmax - xmin) * (right - left); };
  auto py = [&](double v, double lo, double hi) {
    return bottom - (v - lo) / (hi - lo) * (bottom - top);
  };
  auto style = [&](double points, Anchor anchor) {
    TextStyle t;
    t.size = points * pointsToPixels;
    t.anchor = anchor;
    return t;
  };
  const double tick = 4 * pointsToPixels, label = detail::kLabelPoints * pointsToPixels;
  const double lineWidth = 2.0 * pointsToPixels * 0.75;
  // Runs of finite values become polylines (NaN and points not computed break the line).
  auto draw = [&](const std::vector<double>& xs, const std::vector<double>& v, double lo, double hi,
                  const Color& color, const char* cls, double dash) {
    std::vector<Point> run;
    for (size_t i = 0; i <= v.size(); ++i) {
      if (i < v.size() && std::isfinite(v[i])) {
        run.push_back({px(xs[i]), py(v[i], lo, hi)});
      } else {
        if (run.size() >= 2) canvas.polyline(run, color, lineWidth, cls, dash);
        run.clear();
      }
    }
  };
  bool anyAccuracy = false;
  for (size_t k = 0; k < runs.size(); ++k) {
    const Surface& s = *runs[k].surface;
    draw(s.x, losses[k], low, high, detail::runColor(k), "loss", 0);
    const auto acc = s.arrays.find(detail::accuracyName(o.array));
    if (acc == s.arrays.end()) continue;
    anyAccuracy = true;
    std::vector<double> a(acc->second.size());
    for (size_t i = 0; i < a.size(); ++i) a[i] = acc->second[i] == -1.0 ? NAN : acc->second[i];
    draw(s.x, a, 0.0, 100.0, several ? detail::runColor(k) : detail::runColor(3), "accuracy",
         several ? 4 * pointsToPixels : 0);
  }
  canvas.line({left, bottom}, {right, bottom}, kBlack, 1);
  canvas.line({left, top}, {left, bottom}, kBlack, 1);
  for (int k = 0; k < 5; ++k) {
    const double x = left + (right - left) * k / 4, y = bottom - (bottom - top) * k / 4;
    canvas.line({x, bottom}, {x, bottom + tick}, kBlack, 1);
    canvas.text({x, bottom + tick + label}, number(xmin + (xmax - xmin) * k / 4),
                style(detail::kLabelPoints, Anchor::Middle), "tick");
    canvas.line({left - tick, y}, {left, y}, kBlack, 1);
    canvas.text({left - tick - 3 * pointsToPixels, y + 4 * pointsToPixels},
                number(low + (high - low) * k / 4, "%.3g"),
                style(detail::kLabelPoints, Anchor::End), "tick");
  }
  canvas.text({(left + right) / 2, bottom + tick + 2.6 * label}, o.xTitle,
              style(detail::kTitlePoints, Anchor::Middle), "title");
  TextStyle vertical = style(detail::kTitlePoints, Anchor::Middle);
  vertical.rotate = 90;
  vertical.color = several ? kBlack : detail::runColor(0);
  canvas.text({0.035 * width, (top + bottom) / 2}, detail::valueTitle(o), vertical, "title");
  if (anyAccuracy) {
    canvas.line({right, top}, {right, bottom}, kBlack, 1);
    for (int k = 0; k < 5; ++k) {
      const double y = bottom - (bottom - top) * k / 4;
      canvas.line({right, y}, {right + tick, y}, kBlack, 1);
      canvas.text({right + tick + 3 * pointsToPixels, y + 4 * pointsToPixels}, number(25.0 * k),
                  style(detail::kLabelPoints, Anchor::Start), "tick");
    }
    vertical.color = several ? kBlack : detail::runColor(3);
    canvas.text({0.965 * width, (top + bottom) / 2},
                several ? "accuracy (%), dashed" : "accuracy (%)", vertical, "title");
  }
  if (several) {  // legend, top right inside the plot
    const double rowHeight = 1.5 * label, x = right - 0.25 * width, y0 = top + 0.5 * label;
    canvas.rect(x - 0.5 * label, y0, 0.25 * width, rowHeight * runs.size() + 0.3 * label, {1, 1, 1},
                0.5, "legend-box");
    for (size_t k = 0; k < runs.size(); ++k) {
      const double y = y0 + rowHeight * (k + 0.5);
      canvas.polyline({{x, y}, {x + 2 * label, y}}, detail::runColor(k), lineWidth, "legend", 0);
      canvas.text({x + 2.5 * label, y + 0.35 * label}, runs[k].label,
                  style(detail::kLabelPoints, Anchor::Start), "legend-label");
    }
  }
  if (!o.title.empty()) {
    TextStyle t = style(detail::kTitlePoints + 1, Anchor::Middle);
    t.bold = true;
    canvas.text({width / 2, 0.05 * height}, o.title, t, "title");
  }
}

}  // namespace

void writeVectorFigure(const Surface& surface, const FigureOptions& options,
                       const std::string& path) {
  if (options.kind == FigureKind::Surface3d)
    throw ArgumentError(
        "SVG and PDF are written for contour, filled, heat and 1d figures; 3-D figures are PNG");
  const std::string ext = std::filesystem::path(path).extension().string();
  if (ext != ".svg" && ext != ".pdf")
    throw ArgumentError(path + ": vector figures are .svg or .pdf, not '" + ext + "'");
  detail::checkFigureSize(options);
  const double width = options.width, height = options.heightPixels;
  if (options.kind == FigureKind::Curve1d) {
    std::unique_ptr<VectorCanvas> canvas = ext == ".svg"
                                               ? detail::svgCanvas(width, height)
                                               : detail::pdfCanvas(width, height, options.dpi);
    curves(*canvas, surface, options, options.dpi / 72.0);
    canvas->save(path);
    return;
  }
  const PlaneData d = detail::planeData(surface, options);
  const Frame f{width,
                height,
                options.dpi / 72.0,
                detail::plotArea(d, options, width / height),
                d.xmin,
                d.xmax,
                d.ymin,
                d.ymax};
  std::unique_ptr<VectorCanvas> canvas = ext == ".svg"
                                             ? detail::svgCanvas(width, height)
                                             : detail::pdfCanvas(width, height, options.dpi);
  if (options.kind == FigureKind::Heat) {
    heatImage(*canvas, f, d, static_cast<int>(surface.x.size()),
              static_cast<int>(surface.y.size()));
  } else if (options.kind == FigureKind::Filled) {
    bands(*canvas, f, d);
    const Color edge{0.2, 0.2, 0.2};
    polylines(*canvas, f, d.bandEdges, d.colors, "band-edge", &edge, 0.8);
  } else {
    polylines(*canvas, f, d.lines, d.colors, "contour", nullptr, 1.8);
    const double span = std::max(d.xmax - d.xmin, d.ymax - d.ymin);
    const auto labels = options.contourLabels ? detail::contourLabels(d.lines, 0.09 * span)
                                              : std::vector<detail::ContourLabel>{};
    for (const detail::ContourLabel& l : labels) {
      TextStyle t = f.style(detail::kLabelPoints - 2, Anchor::Middle);
      t.halo = true;
      const Point p = f.at(l.x, l.y);
      canvas->text({p.x, p.y + f.font(3)}, number(l.value, "%.3g"), t, "contour-label");
    }
  }
  if (options.trajectory) trajectory(*canvas, f, *options.trajectory);
  axes(*canvas, f, options);
  colorbar(*canvas, f, d, options);
  if (!options.title.empty()) {
    TextStyle t = f.style(detail::kTitlePoints + 1, Anchor::Middle);
    t.bold = true;
    canvas->text({width / 2, f.font(detail::kTitlePoints + 4)}, options.title, t, "title");
  }
  canvas->save(path);
}

}  // namespace basin::viz
