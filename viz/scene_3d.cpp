// The loss surface in 3-D: the grid warped by height, colored, lit, with axes and colorbar, seen
// from matplotlib's default angle (elevation 30 degrees, azimuth -60).
#include <vtkCamera.h>
#include <vtkDoubleArray.h>
#include <vtkLight.h>
#include <vtkPointData.h>
#include <vtkPolyDataMapper.h>
#include <vtkPolyDataNormals.h>
#include <vtkProperty.h>
#include <vtkRenderWindow.h>
#include <vtkTransform.h>
#include <vtkTransformPolyDataFilter.h>

#include "core/error.h"
#include "viz/scene.h"
#include "viz/scenes.h"

namespace basin::viz {

void fitViewAngle(vtkRenderer* renderer) {
  // The view angle spans the viewport's shorter side, so the surface fits either way round.
  renderer->GetActiveCamera()->SetUseHorizontalViewAngle(renderer->GetTiledAspectRatio() < 1.0);
}

}  // namespace basin::viz

namespace basin::viz::detail {

vtkSmartPointer<vtkRenderer> buildSurface3d(vtkRenderer* frame, const Surface& surface,
                                            const FigureOptions& options) {
  if (surface.y.empty()) throw ArgumentError("a surface3d figure needs a 2-D surface");
  // The surface gets the window left of the colorbar, so turning it never slides it under the bar;
  // it draws over the frame's background.
  auto renderer = vtkSmartPointer<vtkRenderer>::New();
  renderer->SetViewport(0.0, 0.0, 0.8, 1.0);
  renderer->PreserveColorBufferOn();
  frame->GetRenderWindow()->AddRenderer(renderer);
  vtkSmartPointer<vtkPolyData> poly = surfacePolyData(surface, options.array, options.height);
  auto* z = static_cast<vtkDoubleArray*>(poly->GetPointData()->GetArray("zvalue"));
  const auto [low, high] = options.valueRange
                               ? std::pair((*options.valueRange)[0], (*options.valueRange)[1])
                               : finiteRange({z->Begin(), z->End()});
  const double xspan = surface.x.back() - surface.x.front();
  const double yspan = surface.y.back() - surface.y.front();
  // Heights scaled so the surface stands 0.6 times its width tall, times the user's factor.
  const double zscale =
      options.verticalScale * 0.6 * std::max(xspan, yspan) / std::max(high - low, 1e-12);
  auto transform = vtkSmartPointer<vtkTransform>::New();
  transform->Scale(1.0, 1.0, zscale);
  auto scaled = vtkSmartPointer<vtkTransformPolyDataFilter>::New();
  scaled->SetInputData(poly);
  scaled->SetTransform(transform);
  auto normals = vtkSmartPointer<vtkPolyDataNormals>::New();
  normals->SetInputConnection(scaled->GetOutputPort());
  normals->SplittingOff();

  vtkSmartPointer<vtkLookupTable> colors = lookupTable(options.colormap, low, high);
  auto mapper = vtkSmartPointer<vtkPolyDataMapper>::New();
  mapper->SetInputConnection(normals->GetOutputPort());
  mapper->SetLookupTable(colors);
  mapper->UseLookupTableScalarRangeOn();
  mapper->InterpolateScalarsBeforeMappingOn();
  auto actor = vtkSmartPointer<vtkActor>::New();
  actor->SetMapper(mapper);
  actor->GetProperty()->SetAmbient(0.25);
  actor->GetProperty()->SetDiffuse(0.75);
  actor->GetProperty()->SetSpecular(0.15);
  if (!options.lighting) actor->GetProperty()->LightingOff();
  renderer->AddActor(actor);

  addBoxAxes(renderer, {{surface.x.front(), surface.x.back()},
                        {surface.y.front(), surface.y.back()},
                        {low, high},
                        zscale,
                        options.height.log,
                        options.xTitle,
                        options.yTitle,
                        valueTitle(options)});

  vtkCamera* camera = renderer->GetActiveCamera();
  camera->SetFocalPoint(0, 0, 0);
  camera->SetPosition(0, -1, 0);
  camera->SetViewUp(0, 0, 1);
  camera->Azimuth(-60 + 90);  // matplotlib's azimuth -60 looks from -y rotated towards -x
  camera->Elevation(30);
  fitViewAngle(renderer);
  renderer->ResetCamera();
  camera->Zoom(0.88);

  auto bar = colorBar(colors, valueTitle(options), options.height.log);
  bar->SetPosition(0.82, 0.15);
  bar->SetPosition2(0.12, 0.7);
  frame->AddActor2D(bar);
  return renderer;
}

}  // namespace basin::viz::detail
