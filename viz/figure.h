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
  double verticalScale = 1.0;  // 3-D: times the automatic height scale
  bool lighting = true;        // 3-D: shaded; off: flat colors
  bool contourLabels = true;   // contour lines: the level written on them
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
// Needs an X display (Xvfb on servers): throws IoError naming the problem when there is none,
// ArgumentError for options that do not fit the surface (unknown array, 1-D kinds on 2-D surfaces
// and back, absurd sizes).
RgbImage renderFigureImage(const Surface& surface, const FigureOptions& options);

// Writes `image` as a PNG, or (for a `.pdf` path) as a PDF page of the same size holding it: 3-D
// figures have no vector form; 2-D kinds write real vectors through vector_figure.h.
void writeFigureImage(const RgbImage& image, double dpi, const std::string& path);

// renderFigureImage, then writeFigureImage.
void renderFigure(const Surface& surface, const FigureOptions& options, const std::string& path);

// Puts images of the same height side by side, left to right. Throws ArgumentError naming the
// image (by its place, from 1) whose height differs.
RgbImage sideBySide(const std::vector<RgbImage>& images);

}  // namespace basin::viz
