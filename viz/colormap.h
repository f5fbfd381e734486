// The colormaps of Basin's figures, as VTK lookup tables.
#pragma once

#include <vtkLookupTable.h>
#include <vtkSmartPointer.h>

#include <string>

namespace basin::viz {

enum class Colormap { Viridis, Magma, Coolwarm, Summer, Grey };

// "viridis", "magma", "coolwarm", "summer", "grey"/"gray"; throws ArgumentError otherwise.
Colormap parseColormap(const std::string& name);

// 256 colors over [min, max], matplotlib's own tables (viz/tools/generate_colormaps.py writes
// them from python3-matplotlib). NaN (not computed) is light grey.
vtkSmartPointer<vtkLookupTable> lookupTable(Colormap map, double min, double max);

}  // namespace basin::viz
