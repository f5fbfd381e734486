#include "viz/colormap.h"

#include <vtkColorTransferFunction.h>

#include <array>
#include <vector>

#include "core/error.h"

namespace basin::viz {

Colormap parseColormap(const std::string& name) {
  if (name == "viridis") return Colormap::Viridis;
  if (name == "magma") return Colormap::Magma;
  if (name == "coolwarm") return Colormap::Coolwarm;
  if (name == "summer") return Colormap::Summer;
  if (name == "grey" || name == "gray") return Colormap::Grey;
  throw ArgumentError("colormap must be viridis, magma, coolwarm, summer or grey, not '" + name +
                      "'");
}

vtkSmartPointer<vtkLookupTable> lookupTable(Colormap map, double min, double max) {
  using Stop = std::array<double, 4>;  // position in [0, 1], r, g, b
  std::vector<Stop> stops;
  auto f = vtkSmartPointer<vtkColorTransferFunction>::New();
  switch (map) {
    case Colormap::Viridis:
      stops = {{0.0, 0.267, 0.005, 0.329},
               {0.25, 0.229, 0.322, 0.546},
               {0.5, 0.128, 0.567, 0.551},
               {0.75, 0.369, 0.789, 0.383},
               {1.0, 0.993, 0.906, 0.144}};
      break;
    case Colormap::Magma:
      stops = {{0.0, 0.001, 0.000, 0.014},
               {0.25, 0.316, 0.072, 0.485},
               {0.5, 0.716, 0.215, 0.475},
               {0.75, 0.987, 0.536, 0.382},
               {1.0, 0.987, 0.991, 0.750}};
      break;
    case Colormap::Coolwarm:
      f->SetColorSpaceToDiverging();
      stops = {{0.0, 0.230, 0.299, 0.754}, {1.0, 0.706, 0.016, 0.150}};
      break;
    case Colormap::Summer:
      stops = {{0.0, 0.0, 0.5, 0.4}, {1.0, 1.0, 1.0, 0.4}};
      break;
    case Colormap::Grey:
      stops = {{0.0, 0.0, 0.0, 0.0}, {1.0, 1.0, 1.0, 1.0}};
      break;
  }
  for (const Stop& s : stops) f->AddRGBPoint(s[0], s[1], s[2], s[3]);
  auto table = vtkSmartPointer<vtkLookupTable>::New();
  table->SetNumberOfTableValues(256);
  for (int i = 0; i < 256; ++i) {
    double rgb[3];
    f->GetColor(i / 255.0, rgb);
    table->SetTableValue(i, rgb[0], rgb[1], rgb[2], 1.0);
  }
  table->SetTableRange(min, max > min ? max : min + 1.0);
  table->SetNanColor(0.85, 0.85, 0.85, 1.0);
  return table;
}

}  // namespace basin::viz
