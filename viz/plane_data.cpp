#include "viz/plane_data.h"

#include <vtkBandedPolyDataContourFilter.h>
#include <vtkCellArray.h>
#include <vtkCellData.h>
#include <vtkContourFilter.h>
#include <vtkDoubleArray.h>
#include <vtkIdList.h>
#include <vtkPointData.h>
#include <vtkStripper.h>

#include <algorithm>
#include <cmath>

#include "core/error.h"
#include "viz/scenes.h"
#include "viz/ticks.h"

namespace basin::viz::detail {
namespace {

// The surface flattened onto z = 0, scalars = the heights.
vtkSmartPointer<vtkPolyData> flatSurface(const Surface& surface, const FigureOptions& options) {
  vtkSmartPointer<vtkPolyData> poly = surfacePolyData(surface, options.array, options.height);
  vtkPoints* points = poly->GetPoints();
  for (vtkIdType i = 0; i < points->GetNumberOfPoints(); ++i) {
    double p[3];
    points->GetPoint(i, p);
    points->SetPoint(i, p[0], p[1], 0.0);
  }
  return poly;
}

std::vector<double> levelValues(const FigureOptions& options) {
  const ContourLevels& l = options.levels;
  if (options.height.log) {  // the round losses 0.1, 0.2, 0.5, 1, 2, 5, 10 between first and last
    const std::vector<double> losses =
        logLossTicks(heightOf(l.first, {true, 0.0}), heightOf(l.last, {true, 0.0}), 1000);
    if (losses.size() >= 2) {
      std::vector<double> levels;
      for (double loss : losses) levels.push_back(heightOf(loss, {true, 0.0}));
      return levels;
    }
  }
  // Counted, not stepped: a step below the precision of `first` (1e16:1e16:1) would never end.
  const int64_t count = int64_t(std::floor((l.last - l.first) / l.step + 1e-9)) + 1;
  std::vector<double> levels;
  for (int64_t i = 0; i < std::clamp<int64_t>(count, 1, 1001); ++i)
    levels.push_back(heightOf(l.first + double(i) * l.step, {options.height.log, 0.0}));
  return levels;
}

}  // namespace

double bandColorValue(const std::vector<double>& levels, size_t k) {
  return (levels[k] + levels[k + 1]) / 2;
}

PlaneData planeData(const Surface& surface, const FigureOptions& options) {
  if (surface.y.empty()) throw ArgumentError("contour, filled and heat figures need a 2-D surface");
  PlaneData d;
  d.flat = flatSurface(surface, options);
  d.levels = levelValues(options);
  d.xmin = surface.x.front();
  d.xmax = surface.x.back();
  d.ymin = surface.y.front();
  d.ymax = surface.y.back();
  auto* z = static_cast<vtkDoubleArray*>(d.flat->GetPointData()->GetArray("zvalue"));
  const auto [low, high] = options.valueRange
                               ? std::pair((*options.valueRange)[0], (*options.valueRange)[1])
                               : finiteRange({z->Begin(), z->End()});
  // Heat maps color the data's range; contours color the levels' range (as matplotlib does), so
  // that a few huge values far from the minimum do not wash every level out to one color.
  const bool byLevels = options.kind != FigureKind::Heat && d.levels.size() >= 2;
  d.colors = byLevels ? lookupTable(options.colormap, d.levels.front(), d.levels.back())
                      : lookupTable(options.colormap, low, high);
  if (options.kind == FigureKind::Filled && d.levels.size() >= 2) {
    // The band above the last level carries the last level's value: by default it takes the
    // top color, so the whole plane is covered (matplotlib's extend="max"); on request it stays
    // white, as the reference's contourf leaves what lies beyond its levels.
    const size_t n = d.levels.size();
    if (options.whiteAboveLevels) {
      d.colors->SetAboveRangeColor(1, 1, 1, 1);
      d.colors->UseAboveRangeColorOn();
    }
    // What lies above the last level is one band whatever its height; heights far beyond it
    // (1e10 where a network diverges) break the band filter's clipping, so they are squeezed
    // into one span above the last level, keeping their order (a flat cap would draw its rim).
    auto capped = vtkSmartPointer<vtkPolyData>::New();
    capped->DeepCopy(d.flat);
    auto* heights = static_cast<vtkDoubleArray*>(capped->GetPointData()->GetArray("zvalue"));
    const double last = d.levels[n - 1], span = last - d.levels.front();
    for (vtkIdType i = 0; i < heights->GetNumberOfValues(); ++i) {
      const double above = heights->GetValue(i) - last;
      if (above > 0) heights->SetValue(i, last + span * above / (above + span));
    }
    auto bands = vtkSmartPointer<vtkBandedPolyDataContourFilter>::New();
    bands->SetInputData(capped);
    bands->SetNumberOfContours(static_cast<int>(n));
    for (size_t i = 0; i < n; ++i) bands->SetValue(static_cast<int>(i), d.levels[i]);
    bands->SetScalarModeToValue();
    bands->GenerateContourEdgesOn();
    bands->Update();
    d.bands = bands->GetOutput();
    d.bandEdges = bands->GetContourEdgesOutput();
    // The filter gives each cell its band's lower level (the data's minimum below the first
    // level); repaint it with the band's color value.
    const double above = options.whiteAboveLevels ? last + span : last;  // white: above range
    if (vtkDataArray* bandScalars = d.bands->GetCellData()->GetScalars())
      for (vtkIdType c = 0; c < bandScalars->GetNumberOfTuples(); ++c) {
        const double lower = bandScalars->GetTuple1(c), tolerance = 1e-9 * span;
        const auto k =
            size_t(std::upper_bound(d.levels.begin(), d.levels.end(), lower + tolerance) -
                   d.levels.begin());  // levels at or below the band's lower edge
        d.belowLevels |= k == 0;
        d.aboveLevels |= k >= n;
        bandScalars->SetTuple1(c, k == 0   ? d.levels.front()
                                  : k >= n ? above
                                           : bandColorValue(d.levels, k - 1));
      }
  } else if (options.kind == FigureKind::Contour) {
    auto contours = vtkSmartPointer<vtkContourFilter>::New();
    contours->SetInputData(d.flat);
    contours->SetNumberOfContours(static_cast<int>(d.levels.size()));
    for (size_t i = 0; i < d.levels.size(); ++i)
      contours->SetValue(static_cast<int>(i), d.levels[i]);
    auto stripper = vtkSmartPointer<vtkStripper>::New();
    stripper->SetInputConnection(contours->GetOutputPort());
    stripper->JoinContiguousSegmentsOn();  // one polyline per contour curve
    stripper->Update();
    d.lines = stripper->GetOutput();
  }
  return d;
}

PlotArea plotArea(const PlaneData& data, const FigureOptions& options, double aspect) {
  PlotArea a{0.13, options.colorbar ? 0.77 : 0.95, 0.13, options.title.empty() ? 0.95 : 0.89};
  const double want = (data.xmax - data.xmin) / std::max(data.ymax - data.ymin, 1e-300);
  const double have = (a.x1 - a.x0) * aspect / (a.y1 - a.y0);
  if (have > want) {
    const double w = (a.y1 - a.y0) * want / aspect;
    a.x0 += ((a.x1 - a.x0) - w) / 2;
    a.x1 = a.x0 + w;
  } else {
    const double h = (a.x1 - a.x0) * aspect / want;
    a.y0 += ((a.y1 - a.y0) - h) / 2;
    a.y1 = a.y0 + h;
  }
  return a;
}

std::vector<ContourLabel> contourLabels(vtkPolyData* lines, double gap) {
  std::vector<ContourLabel> labels;
  vtkDataArray* values = lines ? lines->GetPointData()->GetScalars() : nullptr;
  vtkCellArray* cells = lines ? lines->GetLines() : nullptr;
  if (!values || !cells) return labels;
  auto ids = vtkSmartPointer<vtkIdList>::New();
  cells->InitTraversal();
  while (cells->GetNextCell(ids)) {
    if (ids->GetNumberOfIds() < 12) continue;
    const vtkIdType n = ids->GetNumberOfIds(), mid = ids->GetId(n / 2);
    double p[3], before[3], after[3];
    lines->GetPoint(mid, p);
    lines->GetPoint(ids->GetId(n / 2 - 2), before);
    lines->GetPoint(ids->GetId(n / 2 + 2), after);
    bool crowded = false;
    for (const ContourLabel& q : labels) crowded |= std::hypot(p[0] - q.x, p[1] - q.y) < gap;
    if (!crowded)
      labels.push_back(
          {p[0], p[1], values->GetTuple1(mid), after[0] - before[0], after[1] - before[1]});
  }
  return labels;
}

}  // namespace basin::viz::detail
