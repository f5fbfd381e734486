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

void setInteracting(Scene& scene, bool interacting) {
  if (!scene.coarseSurface) return;
  scene.coarseSurface->SetVisibility(interacting);
  scene.surface->SetVisibility(!interacting);
}

void fitViewAngle(vtkRenderer* renderer) {
  // The view angle spans the viewport's shorter side, so the surface fits either way round.
  renderer->GetActiveCamera()->SetUseHorizontalViewAngle(renderer->GetTiledAspectRatio() < 1.0);
}

}  // namespace basin::viz

namespace basin::viz::detail {

namespace {

// Every `stride`-th row and column (and the last): the view shown while the user turns a big
// surface, so that a drag stays smooth on a software renderer.
Surface subsampled(const Surface& surface, size_t stride) {
  auto keep = [&](size_t n) {
    std::vector<size_t> at;
    for (size_t i = 0; i + 1 < n; i += stride) at.push_back(i);
    at.push_back(n - 1);
    return at;
  };
  const std::vector<size_t> xs = keep(surface.x.size()), ys = keep(surface.y.size());
  Surface coarse;
  for (size_t i : xs) coarse.x.push_back(surface.x[i]);
  for (size_t j : ys) coarse.y.push_back(surface.y[j]);
  for (const auto& [name, values] : surface.arrays) {
    std::vector<double>& out = coarse.arrays[name];
    for (size_t j : ys)
      for (size_t i : xs) out.push_back(values[j * surface.x.size() + i]);
  }
  return coarse;
}

// The lit, colored surface, its heights scaled by `zscale`.
vtkSmartPointer<vtkActor> surfaceActor(vtkPolyData* poly, double zscale, vtkLookupTable* colors,
                                       bool lighting) {
  auto transform = vtkSmartPointer<vtkTransform>::New();
  transform->Scale(1.0, 1.0, zscale);
  auto scaled = vtkSmartPointer<vtkTransformPolyDataFilter>::New();
  scaled->SetInputData(poly);
  scaled->SetTransform(transform);
  auto normals = vtkSmartPointer<vtkPolyDataNormals>::New();
  normals->SetInputConnection(scaled->GetOutputPort());
  normals->SplittingOff();
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
  if (!lighting) actor->GetProperty()->LightingOff();
  return actor;
}

}  // namespace

void buildSurface3d(Scene& scene, const Surface& surface, const FigureOptions& options) {
  if (surface.y.empty()) throw ArgumentError("a surface3d figure needs a 2-D surface");
  // The surface gets the window left of the colorbar, so turning it never slides it under the bar;
  // it draws over the frame's background.
  vtkRenderer* frame = scene.frame;
  auto renderer = vtkSmartPointer<vtkRenderer>::New();
  scene.plot = renderer;
  renderer->SetViewport(0.0, 0.0, options.colorbar ? 0.8 : 1.0, 1.0);
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
  vtkSmartPointer<vtkLookupTable> colors = lookupTable(options.colormap, low, high);
  scene.surface = surfaceActor(poly, zscale, colors, options.lighting);
  renderer->AddActor(scene.surface);
  const size_t side = std::max(surface.x.size(), surface.y.size());
  if (side > kCoarseSide) {
    const size_t stride = (side - 1 + kCoarseSide - 2) / (kCoarseSide - 1);
    vtkSmartPointer<vtkPolyData> coarse =
        surfacePolyData(subsampled(surface, stride), options.array, options.height);
    scene.coarseSurface = surfaceActor(coarse, zscale, colors, options.lighting);
    scene.coarseSurface->VisibilityOff();
    renderer->AddActor(scene.coarseSurface);
  }

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

  if (!options.colorbar) return;
  auto bar = colorBar(colors, valueTitle(options), options.height.log);
  bar->SetPosition(0.82, 0.15);
  bar->SetPosition2(0.12, 0.7);
  frame->AddActor2D(bar);
}

}  // namespace basin::viz::detail
