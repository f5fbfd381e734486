// What a 2-D figure of a surface (contour lines, filled contours, heat map) is made of, before
// anything is drawn: shared by the rendered PNG (scene_2d.cpp) and the vector SVG (svg_figure).
#pragma once

#include <vtkLookupTable.h>
#include <vtkPolyData.h>
#include <vtkSmartPointer.h>

#include <vector>

#include "viz/figure.h"

namespace basin::viz::detail {

struct PlaneData {
  vtkSmartPointer<vtkPolyData> flat;       // the grid at z = 0, scalars `zvalue` = heights
  std::vector<double> levels;              // contour levels as heights
  vtkSmartPointer<vtkLookupTable> colors;  // heat: data range; contours: level range
  vtkSmartPointer<vtkPolyData> lines;      // contour: polylines, scalars = level
  vtkSmartPointer<vtkPolyData> bands;      // filled: polygons, cell scalars = bandColorValue
  vtkSmartPointer<vtkPolyData> bandEdges;  // filled: the band boundaries
  bool belowLevels = false;                // filled: some of the plane lies below the first level
  bool aboveLevels = false;                // filled: some of it lies above the last
  double xmin = 0, xmax = 1, ymin = 0, ymax = 1;
};

// The value whose color band k (between levels k and k + 1) is painted: its middle, as
// matplotlib's contourf colors its layers, so that what lies below the first level (the
// colormap's first color) and above the last (its last) differs from the bands beside it.
double bandColorValue(const std::vector<double>& levels, size_t k);

// Throws ArgumentError for a 1-D surface or an unknown array.
PlaneData planeData(const Surface& surface, const FigureOptions& options);

// The plot area in normalized figure coordinates (origin bottom left): equal units on both
// axes, inside margins for the axes, the colorbar and the title. `aspect` = width / height.
struct PlotArea {
  double x0, x1, y0, y1;
};
// How far (normalized figure units) an axis title sits from its axis, past the tick labels.
constexpr double kAxisTitleGap = 0.085;
PlotArea plotArea(const PlaneData& data, const FigureOptions& options, double aspect);

// Where contour labels go: the middle of every line long enough, at least `gap` (data units)
// from each other; (dx, dy) is the line's direction there, in data units.
struct ContourLabel {
  double x, y, value, dx = 1, dy = 0;
};
std::vector<ContourLabel> contourLabels(vtkPolyData* lines, double gap);

}  // namespace basin::viz::detail
