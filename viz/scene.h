// A figure's scene in a render window the caller owns: the GUI's interactive widget, or the
// offscreen window renderFigure draws into. The same scenes, so what the user sees on screen is
// what the exported figure shows.
#pragma once

#include <vtkActor.h>
#include <vtkContextView.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>
#include <vtkSmartPointer.h>

#include "viz/figure.h"

namespace basin::viz {

struct Scene {
  vtkSmartPointer<vtkRenderer> frame;     // background, title, colorbar; 2-D: axes
  vtkSmartPointer<vtkRenderer> plot;      // 3-D: the surface and its camera; 2-D: the plot area
                                          // (world x, y = a, b)
  vtkSmartPointer<vtkContextView> chart;  // 1-D: the chart (keep it alive with the scene)
  // 3-D: the surface, and for a grid of more than kCoarseSide points a side a subsampled copy
  // shown instead while the user turns it (level of detail).
  vtkSmartPointer<vtkActor> surface, coarseSurface;
};
inline constexpr size_t kCoarseSide = 64;

// Shows the coarse surface while the user drags (`interacting`), the full one when still.
void setInteracting(Scene& scene, bool interacting);

// Removes every renderer from `window` and builds the figure `options` asks for, laid out for the
// window's current size. Throws ArgumentError like renderFigure.
Scene buildScene(vtkRenderWindow* window, const Surface& surface, const FigureOptions& options);

// Makes the 3-D camera's view angle span the shorter side of its viewport, so the surface stays
// whole in a tall, narrow window; call again after the window's shape changes.
void fitViewAngle(vtkRenderer* renderer);

}  // namespace basin::viz
