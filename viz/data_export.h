// Surfaces for other tools: VTK XML structured grid (.vts) and polydata (.vtp), which open in
// ParaView, and CSV.
#pragma once

#include <string>

#include "core/landscape/surface_file.h"
#include "viz/surface_data.h"

namespace basin::viz {

// Writes `surface` to `path`, the format chosen by the extension: .vts (every array on the grid),
// .vtp (the reference's ParaView layout: heights from `name` with `options`, `zvalue` and every
// array), .csv (header x,y,<arrays>; one row per point in the reference's flat order; empty
// cells where not computed). Written to a temporary file and renamed. Throws ArgumentError for
// another extension or an unknown `name`, IoError when the file cannot be written.
void exportSurface(const Surface& surface, const std::string& path, const std::string& name,
                   const HeightOptions& options);

}  // namespace basin::viz
