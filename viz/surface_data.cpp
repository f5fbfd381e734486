#include "viz/surface_data.h"

#include <vtkCellArray.h>
#include <vtkDoubleArray.h>
#include <vtkPointData.h>
#include <vtkPoints.h>

#include <cmath>
#include <limits>

#include "core/error.h"

namespace basin::viz {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double computed(double v) {
  return v == -1.0 ? kNaN : v;
}

vtkSmartPointer<vtkDoubleArray> pointArray(const std::string& name,
                                           const std::vector<double>& values) {
  auto a = vtkSmartPointer<vtkDoubleArray>::New();
  a->SetName(name.c_str());
  a->SetNumberOfValues(static_cast<vtkIdType>(values.size()));
  for (size_t k = 0; k < values.size(); ++k) a->SetValue(vtkIdType(k), computed(values[k]));
  return a;
}

}  // namespace

double heightOf(double value, const HeightOptions& options) {
  double h = computed(value);
  if (std::isnan(h)) return h;
  if (options.log) h = std::log(h + 0.1);
  if (options.zmax > 0.0)
    h = std::min(h, options.log ? std::log(options.zmax + 0.1) : options.zmax);
  return h;
}

std::pair<double, double> heightRange(const Surface& surface, const std::string& name,
                                      const HeightOptions& options) {
  double low = INFINITY, high = -INFINITY;
  for (double v : surfaceArray(surface, name)) {
    const double h = heightOf(v, options);
    if (std::isfinite(h)) {
      low = std::min(low, h);
      high = std::max(high, h);
    }
  }
  return {low, high};
}

const std::vector<double>& surfaceArray(const Surface& surface, const std::string& name) {
  const auto it = surface.arrays.find(name);
  if (it != surface.arrays.end()) return it->second;
  std::string known;
  for (const auto& [n, _] : surface.arrays) known += (known.empty() ? "" : ", ") + n;
  throw ArgumentError("the surface has no array '" + name + "' (it has: " + known + ")");
}

vtkSmartPointer<vtkStructuredGrid> surfaceGrid(const Surface& surface) {
  const int nx = static_cast<int>(surface.x.size());
  const int ny = surface.y.empty() ? 1 : static_cast<int>(surface.y.size());
  auto points = vtkSmartPointer<vtkPoints>::New();
  points->SetDataTypeToDouble();
  points->SetNumberOfPoints(vtkIdType(nx) * ny);
  for (int j = 0; j < ny; ++j)
    for (int i = 0; i < nx; ++i)
      points->SetPoint(vtkIdType(j) * nx + i, surface.x[i], surface.y.empty() ? 0.0 : surface.y[j],
                       0.0);
  auto grid = vtkSmartPointer<vtkStructuredGrid>::New();
  grid->SetDimensions(nx, ny, 1);
  grid->SetPoints(points);
  for (const auto& [name, values] : surface.arrays)
    if (static_cast<int64_t>(values.size()) == surface.points())
      grid->GetPointData()->AddArray(pointArray(name, values));
  return grid;
}

vtkSmartPointer<vtkPolyData> surfacePolyData(const Surface& surface, const std::string& name,
                                             const HeightOptions& options) {
  if (surface.y.empty())
    throw ArgumentError("a 1-D surface has no quads to export as polygons: use .vts or .csv");
  const std::vector<double>& values = surfaceArray(surface, name);
  const int nx = static_cast<int>(surface.x.size()), ny = static_cast<int>(surface.y.size());
  auto points = vtkSmartPointer<vtkPoints>::New();
  points->SetDataTypeToDouble();
  auto z = vtkSmartPointer<vtkDoubleArray>::New();
  z->SetName("zvalue");
  std::vector<double> heights(values.size());
  for (int j = 0; j < ny; ++j)
    for (int i = 0; i < nx; ++i) {
      const vtkIdType k = vtkIdType(j) * nx + i;
      heights[k] = heightOf(values[k], options);
      points->InsertNextPoint(surface.x[i], surface.y[j],
                              std::isnan(heights[k]) ? 0.0 : heights[k]);
      z->InsertNextValue(heights[k]);
    }
  auto quads = vtkSmartPointer<vtkCellArray>::New();
  for (int j = 0; j + 1 < ny; ++j)
    for (int i = 0; i + 1 < nx; ++i) {
      const vtkIdType a = vtkIdType(j) * nx + i, b = a + 1, c = b + nx, d = a + nx;
      if (std::isnan(heights[a]) || std::isnan(heights[b]) || std::isnan(heights[c]) ||
          std::isnan(heights[d]))
        continue;
      const vtkIdType quad[4] = {a, b, c, d};
      quads->InsertNextCell(4, quad);
    }
  auto poly = vtkSmartPointer<vtkPolyData>::New();
  poly->SetPoints(points);
  poly->SetPolys(quads);
  poly->GetPointData()->AddArray(z);
  poly->GetPointData()->SetActiveScalars("zvalue");
  for (const auto& [n, v] : surface.arrays)
    if (static_cast<int64_t>(v.size()) == surface.points())
      poly->GetPointData()->AddArray(pointArray(n, v));
  return poly;
}

}  // namespace basin::viz
