// Internal to viz: what each figure kind puts into its render window (figure.cpp drives them).
#pragma once

#include <vtkContextView.h>
#include <vtkRenderer.h>
#include <vtkScalarBarActor.h>
#include <vtkSmartPointer.h>
#include <vtkTextProperty.h>

#include <array>
#include <vector>

#include "viz/figure.h"
#include "viz/scene.h"

namespace basin::viz::detail {

constexpr double kLabelPoints = 11.0, kTitlePoints = 13.0;

// Throws ArgumentError unless the figure's size (64 to 16384 pixels a side) and DPI (36 to
// 1200) are sensible: what PNG and SVG figures both check.
void checkFigureSize(const FigureOptions& options);

// Black text of `points` size (VTK scales points by the window's DPI).
void styleText(vtkTextProperty* text, double points, bool bold = false);

// Smallest and largest finite value; {0, 1} when there is none.
std::pair<double, double> finiteRange(const std::vector<double>& values);

// Colorbar on the right, titled with what the colors mean; on the log scale labelled at round
// losses.
vtkSmartPointer<vtkScalarBarActor> colorBar(vtkScalarsToColors* colors, const std::string& title,
                                            bool logHeight);

// The title of the height axis / colorbar: the array's name, log or clipped as shown.
std::string valueTitle(const FigureOptions& options);

// The runs of a 1-D figure, the main one first, and the accuracy array that goes with a loss
// array ("test_loss" -> "test_acc").
struct CurveRun {
  std::string label;
  const Surface* surface;
};
std::vector<CurveRun> curveRuns(const Surface& surface, const FigureOptions& options);
std::string accuracyName(const std::string& lossName);
// Line colors of runs in 1-D figures (matplotlib's tab10): run 0 blue, 1 orange, 2 green, ...
std::array<double, 3> runColor(size_t run);

// Axes of a 3-D surface: x, y in world units, heights z scaled by `zscale` into the world.
struct BoxAxes {
  std::array<double, 2> x, y, z;
  double zscale = 1.0;
  bool logHeight = false;  // heights are log(loss + 0.1): ticks at round losses
  std::string xTitle, yTitle, zTitle;
};
void addBoxAxes(vtkRenderer* renderer, const BoxAxes& box);

// Sets scene.plot (the renderer that holds the surface and its camera, left of the colorbar)
// and the surface actors, on scene.frame's window.
void buildSurface3d(Scene& scene, const Surface& surface, const FigureOptions& options);
// `aspect`: the figure's width / height in pixels.
// Returns the renderer of the plot area (world x, y = the plane's a, b).
vtkSmartPointer<vtkRenderer> buildPlane(vtkRenderer* renderer, const Surface& surface,
                                        const FigureOptions& options, double aspect);
void buildCurves(vtkContextView* view, const Surface& surface, const FigureOptions& options);

}  // namespace basin::viz::detail
