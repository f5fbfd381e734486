// 2-D figures (contour lines, filled contours, heat map, with the trajectory) as SVG: real paths
// and selectable text, the heat map as an embedded PNG image. No display needed.
#pragma once

#include <string>

#include "viz/figure.h"

namespace basin::viz {

// Same figure as renderFigure draws for these kinds, at the same size and DPI (1 SVG unit = 1
// pixel). Throws ArgumentError for 3-D and 1-D kinds, IoError when the file cannot be written.
void writeSvgFigure(const Surface& surface, const FigureOptions& options, const std::string& path);

}  // namespace basin::viz
