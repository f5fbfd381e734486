// 2-D figures (contour lines, filled contours, heat map, with the trajectory) and 1-D curves
// (loss and accuracy on twin axes) as vector files:
// SVG or PDF, with real paths and selectable text; the heat map is an embedded image. No display
// needed.
#pragma once

#include <string>

#include "viz/figure.h"

namespace basin::viz {

// The same figure renderFigure draws for these kinds, at the same size (1 SVG unit = 1 pixel;
// the PDF page measures width / dpi inches), the format chosen by `path`'s extension (.svg,
// .pdf). Throws ArgumentError for the 3-D kind or another extension, IoError when the file
// cannot be written.
void writeVectorFigure(const Surface& surface, const FigureOptions& options,
                       const std::string& path);

}  // namespace basin::viz
