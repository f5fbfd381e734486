// Surfaces (core's reference-layout arrays) as VTK data sets: the common input of every scene
// and of the data export.
#pragma once

#include <vtkPolyData.h>
#include <vtkSmartPointer.h>
#include <vtkStructuredGrid.h>

#include <string>

#include "core/landscape/surface_file.h"

namespace basin::viz {

// How a loss becomes a height or a color: the reference's log(loss + 0.1) on request, then
// clipped at zmax (0: no clip). Points not computed (-1) or NaN stay NaN.
struct HeightOptions {
  bool log = false;
  double zmax = 0.0;
};
double heightOf(double value, const HeightOptions& options);

// The grid nx x ny (ny = 1 for a 1-D surface) with points (x, y, 0) and one point-data array per
// surface array, in VTK's x-fastest order (which is the reference's flat order k = j * nx + i);
// -1 (not computed) becomes NaN.
vtkSmartPointer<vtkStructuredGrid> surfaceGrid(const Surface& surface);

// The reference's ParaView export: points (x, y, height of `name`), point data `zvalue` (the
// height) and every surface array, a quad for each grid cell whose four corners have finite
// heights. Throws ArgumentError when `name` is not in the surface or the surface is 1-D.
vtkSmartPointer<vtkPolyData> surfacePolyData(const Surface& surface, const std::string& name,
                                             const HeightOptions& options);

// Lowest and highest finite height of the computed points of array `name` (infinity, -infinity
// when there is none): unions of these give surfaces one shared scale. Throws like surfaceArray.
std::pair<double, double> heightRange(const Surface& surface, const std::string& name,
                                      const HeightOptions& options);

// `name` exists in the surface; otherwise ArgumentError listing the arrays there are.
const std::vector<double>& surfaceArray(const Surface& surface, const std::string& name);

}  // namespace basin::viz
