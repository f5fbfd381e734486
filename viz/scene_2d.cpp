// Heat maps, contour lines and filled contours seen from above, with axes, colorbar and the
// trajectory; and 1-D loss/accuracy curves on twin axes.
#include <vtkAxis.h>
#include <vtkAxisActor2D.h>
#include <vtkBandedPolyDataContourFilter.h>
#include <vtkCamera.h>
#include <vtkCellArray.h>
#include <vtkChartLegend.h>
#include <vtkChartXY.h>
#include <vtkContextScene.h>
#include <vtkContourFilter.h>
#include <vtkDoubleArray.h>
#include <vtkFloatArray.h>
#include <vtkIdList.h>
#include <vtkPen.h>
#include <vtkPlot.h>
#include <vtkPointData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkProperty2D.h>
#include <vtkRenderWindow.h>
#include <vtkStripper.h>
#include <vtkTable.h>
#include <vtkTextActor.h>
#include <vtkTextActor3D.h>

#include <array>
#include <cmath>
#include <cstdio>

#include "core/error.h"
#include "viz/scenes.h"

namespace basin::viz::detail {
namespace {

// The surface flattened onto z = 0, scalars = the heights.
vtkSmartPointer<vtkPolyData> flatSurface(const Surface& surface, const FigureOptions& options) {
  vtkSmartPointer<vtkPolyData> poly = surfacePolyData(surface, options.array, options.height);
  vtkPoints* points = poly->GetPoints();
  for (vtkIdType i = 0; i < points->GetNumberOfPoints(); ++i) {
    double p[3];
    points->GetPoint(i, p);
    points->SetPoint(i, p[0], p[1], 0.0);
  }
  return poly;
}

std::vector<double> levelValues(const FigureOptions& options) {
  std::vector<double> levels;
  for (double v = options.levels.first; v <= options.levels.last + 1e-9 * options.levels.step;
       v += options.levels.step)
    levels.push_back(heightOf(v, {options.height.log, 0.0}));
  return levels;
}

vtkSmartPointer<vtkAxisActor2D> axis(double x1, double y1, double x2, double y2, double from,
                                     double to, const std::string& title) {
  auto a = vtkSmartPointer<vtkAxisActor2D>::New();
  a->GetPositionCoordinate()->SetCoordinateSystemToNormalizedDisplay();
  a->GetPosition2Coordinate()->SetCoordinateSystemToNormalizedDisplay();
  a->SetPosition(x1, y1);
  a->SetPosition2(x2, y2);
  a->SetRange(from, to);
  a->AdjustLabelsOff();
  a->SetNumberOfLabels(5);
  a->SetLabelFormat("%g");
  a->SetTitle(title.c_str());
  a->UseFontSizeFromPropertyOn();
  styleText(a->GetLabelTextProperty(), kLabelPoints);
  styleText(a->GetTitleTextProperty(), kTitlePoints);
  a->GetProperty()->SetColor(0, 0, 0);
  a->SetTickLength(6);
  return a;
}

// The level's value beside the middle of every contour line long enough to carry it (VTK's
// labeled contour mapper draws nothing offscreen here).
// Labels keep a distance of `gap` (world units) from each other, so crowded levels near a sharp
// minimum are labelled only where there is room.
void labelContours(vtkRenderer* plot, vtkPolyData* lines, double gap) {
  vtkDataArray* values = lines->GetPointData()->GetScalars();
  vtkCellArray* cells = lines->GetLines();
  if (!values || !cells) return;
  auto ids = vtkSmartPointer<vtkIdList>::New();
  std::vector<std::array<double, 2>> placed;
  cells->InitTraversal();
  while (cells->GetNextCell(ids)) {
    if (ids->GetNumberOfIds() < 12) continue;
    const vtkIdType mid = ids->GetId(ids->GetNumberOfIds() / 2);
    double p[3];
    lines->GetPoint(mid, p);
    bool crowded = false;
    for (const auto& q : placed) crowded |= std::hypot(p[0] - q[0], p[1] - q[1]) < gap;
    if (crowded) continue;
    placed.push_back({p[0], p[1]});
    char text[32];
    std::snprintf(text, sizeof text, "%.3g", values->GetTuple1(mid));
    auto label = vtkSmartPointer<vtkTextActor>::New();
    label->SetInput(text);
    label->GetPositionCoordinate()->SetCoordinateSystemToWorld();
    label->GetPositionCoordinate()->SetValue(p[0], p[1], p[2]);
    styleText(label->GetTextProperty(), kLabelPoints - 2);
    label->GetTextProperty()->SetJustificationToCentered();
    label->GetTextProperty()->SetVerticalJustificationToCentered();
    label->GetTextProperty()->SetBackgroundColor(1, 1, 1);
    label->GetTextProperty()->SetBackgroundOpacity(0.8);
    plot->AddActor2D(label);
  }
}

// An axis title in figure coordinates, rotated for the vertical axis.
vtkSmartPointer<vtkTextActor> axisTitle(const std::string& title, double x, double y,
                                        bool vertical) {
  auto t = vtkSmartPointer<vtkTextActor>::New();
  t->SetInput(title.c_str());
  styleText(t->GetTextProperty(), kTitlePoints);
  t->GetTextProperty()->SetJustificationToCentered();
  t->GetTextProperty()->SetVerticalJustificationToCentered();
  if (vertical) t->GetTextProperty()->SetOrientation(90);
  t->GetPositionCoordinate()->SetCoordinateSystemToNormalizedDisplay();
  t->SetPosition(x, y);
  return t;
}

void addTrajectory(vtkRenderer* plot, const Projection& path, double span) {
  auto points = vtkSmartPointer<vtkPoints>::New();
  auto line = vtkSmartPointer<vtkCellArray>::New();
  auto markers = vtkSmartPointer<vtkCellArray>::New();
  line->InsertNextCell(static_cast<int>(path.x.size()));
  for (size_t i = 0; i < path.x.size(); ++i) {
    const vtkIdType id = points->InsertNextPoint(path.x[i], path.y[i], 0.01 * span);
    line->InsertCellPoint(id);
    markers->InsertNextCell(1, &id);
  }
  auto poly = vtkSmartPointer<vtkPolyData>::New();
  poly->SetPoints(points);
  poly->SetLines(line);
  poly->SetVerts(markers);
  auto mapper = vtkSmartPointer<vtkPolyDataMapper>::New();
  mapper->SetInputData(poly);
  mapper->ScalarVisibilityOff();
  auto actor = vtkSmartPointer<vtkActor>::New();
  actor->SetMapper(mapper);
  actor->GetProperty()->SetColor(0.85, 0.1, 0.1);
  actor->GetProperty()->SetLineWidth(2.5);
  actor->GetProperty()->SetPointSize(7);
  actor->GetProperty()->RenderPointsAsSpheresOn();
  plot->AddActor(actor);
  const char* names[2] = {"start", "end"};
  const size_t at[2] = {0, path.x.size() - 1};
  for (int k = 0; k < 2; ++k) {
    auto label = vtkSmartPointer<vtkTextActor>::New();
    label->SetInput(names[k]);
    label->GetPositionCoordinate()->SetCoordinateSystemToWorld();
    label->GetPositionCoordinate()->SetValue(path.x[at[k]] + 0.02 * span,
                                             path.y[at[k]] + 0.02 * span, 0.02 * span);
    styleText(label->GetTextProperty(), kLabelPoints, true);
    label->GetTextProperty()->SetColor(0.85, 0.1, 0.1);
    plot->AddActor2D(label);
  }
}

}  // namespace

void buildPlane(vtkRenderer* frame, const Surface& surface, const FigureOptions& options,
                double aspect) {
  if (surface.y.empty()) throw ArgumentError("contour, filled and heat figures need a 2-D surface");
  vtkSmartPointer<vtkPolyData> flat = flatSurface(surface, options);
  const auto [low, high] =
      finiteRange({static_cast<vtkDoubleArray*>(flat->GetPointData()->GetArray("zvalue"))->Begin(),
                   static_cast<vtkDoubleArray*>(flat->GetPointData()->GetArray("zvalue"))->End()});
  // Heat maps color the data's range; contours color the levels' range (as matplotlib does), so
  // that a few huge values far from the minimum do not wash every level out to one color.
  const std::vector<double> levels = levelValues(options);
  vtkSmartPointer<vtkLookupTable> colors =
      options.kind == FigureKind::Heat || levels.size() < 2
          ? lookupTable(options.colormap, low, high)
          : lookupTable(options.colormap, levels.front(), levels.back());
  if (options.kind == FigureKind::Filled && levels.size() >= 2) {
    // The band above the last level carries the last level's value: leave it white, as
    // matplotlib's contourf leaves what lies beyond its levels.
    const size_t n = levels.size();
    colors->SetTableRange(levels.front(), (levels[n - 2] + levels[n - 1]) / 2);
    colors->SetAboveRangeColor(1, 1, 1, 1);
    colors->UseAboveRangeColorOn();
  }

  auto plot = vtkSmartPointer<vtkRenderer>::New();
  plot->SetBackground(1, 1, 1);
  auto mapper = vtkSmartPointer<vtkPolyDataMapper>::New();
  mapper->SetLookupTable(colors);
  mapper->UseLookupTableScalarRangeOn();
  if (options.kind == FigureKind::Heat) {
    mapper->SetInputData(flat);
    mapper->InterpolateScalarsBeforeMappingOn();
  } else {
    if (options.kind == FigureKind::Filled) {
      auto bands = vtkSmartPointer<vtkBandedPolyDataContourFilter>::New();
      bands->SetInputData(flat);
      bands->SetNumberOfContours(static_cast<int>(levels.size()));
      for (size_t i = 0; i < levels.size(); ++i) bands->SetValue(static_cast<int>(i), levels[i]);
      bands->SetScalarModeToValue();
      bands->GenerateContourEdgesOn();
      mapper->SetInputConnection(bands->GetOutputPort());
      mapper->SetScalarModeToUseCellData();
      // The band edges as thin dark lines.
      auto edges = vtkSmartPointer<vtkPolyDataMapper>::New();
      edges->SetInputConnection(bands->GetOutputPort(1));
      edges->ScalarVisibilityOff();
      auto edgeActor = vtkSmartPointer<vtkActor>::New();
      edgeActor->SetMapper(edges);
      edgeActor->GetProperty()->SetColor(0.2, 0.2, 0.2);
      edgeActor->GetProperty()->SetLineWidth(0.8);
      edgeActor->SetPosition(0, 0, 1e-3 * std::max(surface.x.back() - surface.x.front(), 1e-300));
      plot->AddActor(edgeActor);
    } else {
      auto contours = vtkSmartPointer<vtkContourFilter>::New();
      contours->SetInputData(flat);
      contours->SetNumberOfContours(static_cast<int>(levels.size()));
      for (size_t i = 0; i < levels.size(); ++i) contours->SetValue(static_cast<int>(i), levels[i]);
      auto stripper = vtkSmartPointer<vtkStripper>::New();
      stripper->SetInputConnection(contours->GetOutputPort());
      auto labeled = vtkSmartPointer<vtkPolyDataMapper>::New();
      labeled->SetInputConnection(stripper->GetOutputPort());
      labeled->SetLookupTable(colors);
      labeled->UseLookupTableScalarRangeOn();
      auto lines = vtkSmartPointer<vtkActor>::New();
      lines->SetMapper(labeled);
      lines->GetProperty()->SetLineWidth(1.8);
      plot->AddActor(lines);
      stripper->Update();
      labelContours(plot, stripper->GetOutput(),
                    0.09 * std::max(surface.x.back() - surface.x.front(),
                                    surface.y.back() - surface.y.front()));
      mapper = nullptr;
    }
  }
  if (mapper) {
    auto actor = vtkSmartPointer<vtkActor>::New();
    actor->SetMapper(mapper);
    plot->AddActor(actor);
  }
  const double xmin = surface.x.front(), xmax = surface.x.back();
  const double ymin = surface.y.front(), ymax = surface.y.back();
  const double span = std::max(xmax - xmin, ymax - ymin);
  if (options.trajectory) addTrajectory(plot, *options.trajectory, span);

  // Plot area with equal units on both axes, inside margins for axes, colorbar and title.
  double x0 = 0.13, x1 = 0.77, y0 = 0.13, y1 = options.title.empty() ? 0.95 : 0.89;
  const double want = (xmax - xmin) / std::max(ymax - ymin, 1e-300);
  const double have = (x1 - x0) * aspect / (y1 - y0);
  if (have > want) {
    const double w = (y1 - y0) * want / aspect;
    x0 += ((x1 - x0) - w) / 2;
    x1 = x0 + w;
  } else {
    const double h = (x1 - x0) * aspect / want;
    y0 += ((y1 - y0) - h) / 2;
    y1 = y0 + h;
  }
  plot->SetViewport(x0, y0, x1, y1);
  vtkCamera* camera = plot->GetActiveCamera();
  camera->ParallelProjectionOn();
  camera->SetFocalPoint((xmin + xmax) / 2, (ymin + ymax) / 2, 0);
  camera->SetPosition((xmin + xmax) / 2, (ymin + ymax) / 2, 10 * span);
  camera->SetViewUp(0, 1, 0);
  camera->SetParallelScale((ymax - ymin) / 2);
  plot->ResetCameraClippingRange();
  frame->GetRenderWindow()->AddRenderer(plot);

  frame->AddActor2D(axis(x0, y0, x1, y0, xmin, xmax, ""));
  frame->AddActor2D(axis(x0, y1, x0, y0, ymax, ymin, ""));
  frame->AddActor2D(axisTitle(options.xTitle, (x0 + x1) / 2, y0 - 0.085, false));
  frame->AddActor2D(axisTitle(options.yTitle, x0 - 0.085, (y0 + y1) / 2, true));
  auto bar = colorBar(colors, valueTitle(options));
  bar->SetPosition(0.81, y0);
  bar->SetPosition2(0.14, y1 - y0);
  frame->AddActor2D(bar);
}

void buildCurves(vtkContextView* view, const Surface& surface, const FigureOptions& options) {
  if (!surface.y.empty()) throw ArgumentError("1d figures need a 1-D surface (no --y)");
  const std::vector<double>& loss = surfaceArray(surface, options.array);
  std::string accName = options.array;
  if (accName.size() > 5 && accName.ends_with("_loss"))
    accName = accName.substr(0, accName.size() - 5) + "_acc";
  const auto acc = surface.arrays.find(accName);

  auto table = vtkSmartPointer<vtkTable>::New();
  auto xs = vtkSmartPointer<vtkDoubleArray>::New();
  xs->SetName(options.xTitle.c_str());
  auto ls = vtkSmartPointer<vtkDoubleArray>::New();
  ls->SetName(valueTitle(options).c_str());
  auto as = vtkSmartPointer<vtkDoubleArray>::New();
  as->SetName("accuracy (%)");
  for (size_t i = 0; i < surface.x.size(); ++i) {
    xs->InsertNextValue(surface.x[i]);
    ls->InsertNextValue(heightOf(loss[i], options.height));
    as->InsertNextValue(acc == surface.arrays.end() || acc->second[i] == -1.0 ? NAN
                                                                              : acc->second[i]);
  }
  table->AddColumn(xs);
  table->AddColumn(ls);
  table->AddColumn(as);

  auto chart = vtkSmartPointer<vtkChartXY>::New();
  view->GetScene()->AddItem(chart);
  vtkPlot* lossPlot = chart->AddPlot(vtkChart::LINE);
  lossPlot->SetInputData(table, 0, 1);
  lossPlot->SetColor(31, 119, 180, 255);
  lossPlot->SetWidth(2.5);
  if (acc != surface.arrays.end()) {
    vtkPlot* accPlot = chart->AddPlot(vtkChart::LINE);
    accPlot->SetInputData(table, 0, 2);
    accPlot->SetColor(214, 39, 40, 255);
    accPlot->SetWidth(2.5);
    accPlot->GetPen()->SetLineType(vtkPen::DASH_LINE);
    chart->SetPlotCorner(accPlot, 1);
    chart->GetAxis(vtkAxis::RIGHT)->SetTitle("accuracy (%)");
  }
  chart->GetAxis(vtkAxis::BOTTOM)->SetTitle(options.xTitle);
  chart->GetAxis(vtkAxis::LEFT)->SetTitle(valueTitle(options));
  for (int a : {vtkAxis::LEFT, vtkAxis::BOTTOM, vtkAxis::RIGHT}) {
    styleText(chart->GetAxis(a)->GetLabelProperties(), kLabelPoints);
    styleText(chart->GetAxis(a)->GetTitleProperties(), kTitlePoints);
    chart->GetAxis(a)->SetGridVisible(a == vtkAxis::BOTTOM || a == vtkAxis::LEFT);
  }
  chart->SetShowLegend(true);
  styleText(chart->GetLegend()->GetLabelProperties(), kLabelPoints);
  if (!options.title.empty()) {
    chart->SetTitle(options.title);
    styleText(chart->GetTitleProperties(), kTitlePoints, true);
  }
}

}  // namespace basin::viz::detail
