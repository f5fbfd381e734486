#include "viz/colormap.h"

#include <array>

#include "core/error.h"

namespace basin::viz {
namespace {
using ColorTable = std::array<std::array<double, 3>, 256>;
#include "viz/colormap_tables.inc"
}  // namespace

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
  const ColorTable* tables[] = {&kViridis, &kMagma, &kCoolwarm, &kSummer, &kGrey};
  const ColorTable& colors = *tables[static_cast<int>(map)];
  auto table = vtkSmartPointer<vtkLookupTable>::New();
  table->SetNumberOfTableValues(256);
  for (int i = 0; i < 256; ++i) table->SetTableValue(i, colors[i][0], colors[i][1], colors[i][2]);
  table->SetTableRange(min, max > min ? max : min + 1.0);
  table->SetNanColor(0.85, 0.85, 0.85, 1.0);
  return table;
}

}  // namespace basin::viz
