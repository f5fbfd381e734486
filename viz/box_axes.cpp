// The 3-D surface's axes, drawn by hand. vtkCubeAxesActor (VTK 9.1) picks its label digits
// itself (SetXLabelFormat is overwritten), puts as many labels on a short axis as on a long one,
// so they run into each other, and writes the labels of a shared corner on top of each other
// ("-1.0-1.0"). These axes use Basin's round ticks (viz/ticks.h, the same as the 2-D figures),
// labels that face the camera, nothing at the shared corners, and a title over the height axis.
#include <vtkActor.h>
#include <vtkBillboardTextActor3D.h>
#include <vtkCellArray.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>

#include <algorithm>
#include <cmath>

#include "viz/scenes.h"
#include "viz/ticks.h"

namespace basin::viz::detail {
namespace {

enum class Align { Center, Right };

void addLabel(vtkRenderer* renderer, const std::string& text, const std::array<double, 3>& at,
              double points, Align align = Align::Center) {
  auto label = vtkSmartPointer<vtkBillboardTextActor3D>::New();
  label->SetInput(text.c_str());
  label->SetPosition(at[0], at[1], at[2]);
  styleText(label->GetTextProperty(), points);
  label->GetTextProperty()->SetJustification(align == Align::Right ? VTK_TEXT_RIGHT
                                                                   : VTK_TEXT_CENTERED);
  label->GetTextProperty()->SetVerticalJustificationToCentered();
  label->PickableOff();
  renderer->AddActor(label);
}

// Ticks whose labels would sit at a corner another axis labels (within 4 % of the span).
bool nearEnd(double value, double end, double span) {
  return std::abs(value - end) < 0.04 * span;
}

// The height title stands over the axis, centred: long ones ("test loss (log scale)") would run
// out of a narrow view, so their parenthesis goes on a second line.
std::string stackedTitle(std::string title) {
  const size_t paren = title.find(" (");
  if (title.size() > 14 && paren != std::string::npos) title[paren] = '\n';
  return title;
}

}  // namespace

void addBoxAxes(vtkRenderer* renderer, const BoxAxes& box) {
  const double xspan = box.x[1] - box.x[0], yspan = box.y[1] - box.y[0];
  const double gap = 0.035 * std::max(xspan, yspan);  // world units between axis and label
  const double zlow = box.z[0] * box.zscale, zhigh = box.z[1] * box.zscale;
  auto points = vtkSmartPointer<vtkPoints>::New();
  auto lines = vtkSmartPointer<vtkCellArray>::New();
  auto line = [&](std::array<double, 3> a, std::array<double, 3> b) {
    const vtkIdType ids[2] = {points->InsertNextPoint(a.data()), points->InsertNextPoint(b.data())};
    lines->InsertNextCell(2, ids);
  };

  // x along the front edge (y = ymin), y along the right edge (x = xmax), the height at the
  // left corner (xmin, ymin): matplotlib's places at its default view.
  line({box.x[0], box.y[0], zlow}, {box.x[1], box.y[0], zlow});
  line({box.x[1], box.y[0], zlow}, {box.x[1], box.y[1], zlow});
  line({box.x[0], box.y[0], zlow}, {box.x[0], box.y[0], zhigh});

  const Ticks xs = linearTicks(box.x[0], box.x[1], 5);
  for (size_t i = 0; i < xs.at.size(); ++i) {
    const double v = xs.at[i];
    line({v, box.y[0], zlow}, {v, box.y[0] - 0.4 * gap, zlow});
    addLabel(renderer, xs.labels[i], {v, box.y[0] - 1.6 * gap, zlow}, kLabelPoints);
  }
  // The shorter axis gets fewer ticks, so its labels stay as far apart as the longer one's.
  const int yTarget = std::clamp(int(std::lround(5 * yspan / std::max(xspan, 1e-300))), 2, 5);
  const Ticks ys = linearTicks(box.y[0], box.y[1], yTarget);
  for (size_t i = 0; i < ys.at.size(); ++i) {
    const double v = ys.at[i];
    line({box.x[1], v, zlow}, {box.x[1] + 0.4 * gap, v, zlow});
    if (nearEnd(v, box.y[0], yspan)) continue;  // the x axis labels that corner
    addLabel(renderer, ys.labels[i], {box.x[1] + 1.8 * gap, v, zlow}, kLabelPoints);
  }
  // The height axis is as long as (zhigh - zlow) in the world: as many labels per length.
  const int zTarget =
      std::clamp(int(std::lround(5 * (zhigh - zlow) / std::max({xspan, yspan, 1e-300}))), 2, 5);
  const Ticks zs = valueTicks(box.z[0], box.z[1], {}, box.logHeight, zTarget);
  for (size_t i = 0; i < zs.at.size(); ++i) {
    const double v = zs.at[i] * box.zscale;
    line({box.x[0], box.y[0], v}, {box.x[0] - 0.4 * gap, box.y[0], v});
    if (nearEnd(zs.at[i], box.z[0], box.z[1] - box.z[0])) continue;  // the x axis' first label
    addLabel(renderer, zs.labels[i], {box.x[0] - 0.8 * gap, box.y[0], v}, kLabelPoints,
             Align::Right);
  }

  addLabel(renderer, box.xTitle, {0.5 * (box.x[0] + box.x[1]), box.y[0] - 5.5 * gap, zlow},
           kTitlePoints);
  addLabel(renderer, box.yTitle, {box.x[1] + 6.5 * gap, 0.5 * (box.y[0] + box.y[1]), zlow},
           kTitlePoints);
  addLabel(renderer, stackedTitle(box.zTitle), {box.x[0], box.y[0], zhigh + 2.5 * gap},
           kTitlePoints);

  auto data = vtkSmartPointer<vtkPolyData>::New();
  data->SetPoints(points);
  data->SetLines(lines);
  auto mapper = vtkSmartPointer<vtkPolyDataMapper>::New();
  mapper->SetInputData(data);
  auto actor = vtkSmartPointer<vtkActor>::New();
  actor->SetMapper(mapper);
  actor->GetProperty()->SetColor(0.1, 0.1, 0.1);
  actor->GetProperty()->LightingOff();
  actor->PickableOff();  // the hover readout picks the surface only
  renderer->AddActor(actor);
}

}  // namespace basin::viz::detail
