// Surfaces side by side with one colorbar (plain vs skip in one figure): what the GUI's Compare
// tab shows and File > Export compare figure and `basin-cli render --compare` write.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "viz/figure.h"

namespace basin::viz {

struct ComparePane {
  const Surface* surface;
  // The pane's own array, axis titles and heading (its title); its kind, colormap, height and
  // levels should be the comparison's.
  FigureOptions options;
};

// The union of the heights the panes show on their own: as every pane's valueRange, the
// surfaces compare by color and height. Unset when no pane has a finite height.
std::optional<std::array<double, 2>> sharedValueRange(const std::vector<ComparePane>& panes);

// The number of columns that makes `count` square panes largest in a width x height area.
int compareColumns(size_t count, double width, double height);

// The panes as drawn in a comparison of `kind`: with `sharedScale` one range for all and no
// colorbar of their own (the comparison has one), else each its own range and colorbar.
std::vector<ComparePane> comparedPanes(std::vector<ComparePane> panes, FigureKind kind,
                                       bool sharedScale = true);

// Writes a figure of `figure.width` x `figure.heightPixels` pixels (text in points at
// figure.dpi): its title on top, the panes in a grid (a row for up to three), each headed by its
// own title, and one colorbar for all on the right. PNG, or PDF / SVG with vectors for 2-D kinds
// (3-D panes are images on the page, rendered by VTK: an X display is needed). Throws
// ArgumentError for fewer than 2 or more than 8 panes, 1-D surfaces and sizes too small for the
// text, IoError when the file cannot be written.
void renderCompareFigure(const std::vector<ComparePane>& panes, const FigureOptions& figure,
                         const std::string& path);

// The shared colorbar alone, `height` pixels tall at `dpi` and as wide as its labels need, the
// bar from 10 % to 90 % of the height: the Compare tab shows it beside its panes. The panes as
// comparedPanes gives them.
RgbImage renderSharedColorbar(const std::vector<ComparePane>& panes, int height, int dpi);

}  // namespace basin::viz
