// Paper figures of surfaces, rendered without a window: 3-D surface, contour lines, filled
// contours, heat map (each with an optional trajectory overlay) and 1-D loss/accuracy curves.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/landscape/direction_file.h"
#include "core/landscape/projection_file.h"
#include "core/landscape/surface_file.h"
#include "viz/colormap.h"
#include "viz/surface_data.h"

namespace basin::viz {

enum class FigureKind { Surface3d, Contour, Filled, Heat, Curve1d };

// "surface3d", "contour", "filled", "heat", "1d"; throws ArgumentError otherwise.
FigureKind parseFigureKind(const std::string& name);

struct ContourLevels {  // the reference's default: 0.1 to 10 in steps of 0.5 (loss units)
  double first = 0.1, last = 10.0, step = 0.5;
};
// "a:b:step"; throws ArgumentError for bad text, step <= 0, b < a or more than 1,000 levels.
ContourLevels parseLevels(const std::string& text);

struct FigureOptions {
  FigureKind kind = FigureKind::Surface3d;
  std::string array = "train_loss";  // for 1-D: the loss; its _acc partner joins on the right
  HeightOptions height;
  ContourLevels levels;
  Colormap colormap = Colormap::Viridis;
  int width = 1000, heightPixels = 800, dpi = 100;
  double verticalScale = 1.0;     // 3-D: times the automatic height scale
  bool lighting = true;           // 3-D: shaded; off: flat colors
  bool contourLabels = true;      // contour lines: the level written on them
  bool whiteAboveLevels = false;  // filled: above the last level white, not the top color
  bool colorbar = true;           // off: the panes of a comparison share one
  // The heights' range for colors (3-D and heat) and the 3-D height scale; unset: the data's
  // own. Several surfaces given one range compare by color and height.
  std::optional<std::array<double, 2>> valueRange;
  std::optional<Projection> trajectory;  // drawn on 2-D kinds
  std::string xTitle = "x", yTitle = "y", title;
  // 1-D: more runs drawn over the main one (several trainings, or plain vs skip), each with its
  // label in the legend; `label` names the main run.
  struct Run {
    std::string label;
    Surface surface;
  };
  std::vector<Run> overlays;
  std::string label;
};

// Axis titles for PCA directions: "1st PC: 80.7 %" / "2nd PC: 10.3 %".
std::string pcaAxisTitle(int component, double ratio);
// Sets PCA axis titles from a PCA direction file's explained variance (read by the caller when
// the surface was opened: viz reads no files); leaves them without one.
void setPcaAxisTitles(FigureOptions& options, const std::optional<ExplainedVariance>& explained);

// An RGB picture held in memory, rows top to bottom (as PNG and PDF store them).
struct RgbImage {
  int width = 0, height = 0;
  std::vector<unsigned char> rgb;  // width * height * 3 bytes
};

// Renders `surface` into an image of options.width x options.heightPixels. The text is sized in
// points at options.dpi, so a figure twice as large at twice the DPI looks the same, only sharper.
// 2-D and 1-D kinds are drawn by cairo (no display needed); 3-D figures are rendered by VTK and
// need an X display (Xvfb on servers): throws IoError naming the problem when there is none,
// ArgumentError for options that do not fit the surface (unknown array, 1-D kinds on 2-D surfaces
// and back, absurd sizes).
RgbImage renderFigureImage(const Surface& surface, const FigureOptions& options);

// Writes `image` as a PNG (its DPI recorded), or for a `.pdf` / `.svg` path as a page of
// width / dpi inches holding it; `title` goes into the PDF's metadata.
void writeFigureImage(const RgbImage& image, double dpi, const std::string& path,
                      const std::string& title = "");

// Writes the figure, its format by `path`'s extension: PNG, or PDF / SVG with real vectors and
// embedded, subset fonts for 2-D and 1-D kinds (3-D figures: their image on the page). Throws
// ArgumentError for another extension, IoError when the file cannot be written.
void renderFigure(const Surface& surface, const FigureOptions& options, const std::string& path);

// Journal column sizes in inches: "single" (one column of a two-column paper, 3.25 x 2.6) and
// "double" (the full text width, 6.75 x 5). The one table --size and the GUI's presets read.
struct ColumnPreset {
  const char* name;
  double widthInches, heightInches;
};
const std::vector<ColumnPreset>& columnPresets();

// Pixels in one "px" (or ""), "in" or "cm" at `dpi`; 0 for another unit.
double pixelsPerUnit(const std::string& unit, double dpi);

// Sets options.width / heightPixels from "1000x800" (pixels), "3.25x2.6in", "8x6cm" (at
// options.dpi, so set the DPI first) or the column presets "single" (3.25 x 2.6 in) and "double"
// (6.75 x 5 in). Throws ArgumentError for other text and for sizes out of checkFigureSize's range.
void setFigureSize(FigureOptions& options, const std::string& text);

// Puts images of the same height side by side, left to right. Throws ArgumentError naming the
// image (by its place, from 1) whose height differs.
RgbImage sideBySide(const std::vector<RgbImage>& images);

}  // namespace basin::viz
