// 2-D figures (contour lines, filled contours, heat map, with the trajectory) as vector files:
// SVG or PDF, with real paths and selectable text; the heat map is an embedded image. No display
// needed.
#pragma once

#include <string>

#include "viz/figure.h"

namespace basin::viz {

// The same figure renderFigure draws for these kinds, at the same size (1 SVG unit = 1 pixel;
// the PDF page measures width / dpi inches), the format chosen by `path`'s extension (.svg,
// .pdf). Throws ArgumentError for 3-D and 1-D kinds or another extension, IoError when the file
// cannot be written.
void writeVectorFigure(const Surface& surface, const FigureOptions& options,
                       const std::string& path);

}  // namespace basin::viz
