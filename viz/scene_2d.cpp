// Heat maps, contour lines and filled contours seen from above, with axes, colorbar and the
// trajectory; and 1-D loss/accuracy curves on twin axes.
#include <vtkAxis.h>
#include <vtkAxisActor2D.h>
#include <vtkCamera.h>
#include <vtkCellArray.h>
#include <vtkChartLegend.h>
#include <vtkChartXY.h>
#include <vtkContextScene.h>
#include <vtkDoubleArray.h>
#include <vtkPen.h>
#include <vtkPlot.h>
#include <vtkPointData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkProperty2D.h>
#include <vtkRenderWindow.h>
#include <vtkStringArray.h>
#include <vtkTable.h>
#include <vtkTextActor.h>

#include <cmath>
#include <cstdio>

#include "core/error.h"
#include "viz/plane_data.h"
#include "viz/scenes.h"
#include "viz/ticks.h"

namespace basin::viz::detail {
namespace {

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

// The level's loss at the label spots (VTK's labeled contour mapper draws nothing offscreen
// here), the same text as the vector figures write.
void labelContours(vtkRenderer* plot, vtkPolyData* lines, double gap, const HeightOptions& height) {
  for (const ContourLabel& l : contourLabels(lines, gap)) {
    auto label = vtkSmartPointer<vtkTextActor>::New();
    label->SetInput(formatNumber(lossOfHeight(l.value, height), "%.4g").c_str());
    label->GetPositionCoordinate()->SetCoordinateSystemToWorld();
    label->GetPositionCoordinate()->SetValue(l.x, l.y, 0.0);
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

vtkSmartPointer<vtkRenderer> buildPlane(vtkRenderer* frame, const Surface& surface,
                                        const FigureOptions& options, double aspect) {
  const PlaneData d = planeData(surface, options);
  auto plot = vtkSmartPointer<vtkRenderer>::New();
  plot->SetBackground(1, 1, 1);
  const double span = std::max(d.xmax - d.xmin, d.ymax - d.ymin);
  auto addPolyData = [&](vtkPolyData* data, bool cellColors, double lineWidth) {
    auto mapper = vtkSmartPointer<vtkPolyDataMapper>::New();
    mapper->SetInputData(data);
    mapper->SetLookupTable(d.colors);
    mapper->UseLookupTableScalarRangeOn();
    mapper->InterpolateScalarsBeforeMappingOn();
    if (cellColors) mapper->SetScalarModeToUseCellData();
    auto actor = vtkSmartPointer<vtkActor>::New();
    actor->SetMapper(mapper);
    if (lineWidth > 0) actor->GetProperty()->SetLineWidth(lineWidth);
    plot->AddActor(actor);
    return actor;
  };
  if (options.kind == FigureKind::Heat) {
    addPolyData(d.flat, false, 0);
  } else if (options.kind == FigureKind::Filled) {
    addPolyData(d.bands, true, 0);
    auto edges = addPolyData(d.bandEdges, false, 0.8);
    edges->GetMapper()->ScalarVisibilityOff();
    edges->GetProperty()->SetColor(0.2, 0.2, 0.2);
    edges->SetPosition(0, 0, 1e-3 * span);  // above the bands: no z-fighting
  } else {
    addPolyData(d.lines, false, 1.8);
    if (options.contourLabels) labelContours(plot, d.lines, 0.09 * span, options.height);
  }
  if (options.trajectory) addTrajectory(plot, *options.trajectory, span);

  const PlotArea area = plotArea(d, options, aspect);
  plot->SetViewport(area.x0, area.y0, area.x1, area.y1);
  vtkCamera* camera = plot->GetActiveCamera();
  camera->ParallelProjectionOn();
  camera->SetFocalPoint((d.xmin + d.xmax) / 2, (d.ymin + d.ymax) / 2, 0);
  camera->SetPosition((d.xmin + d.xmax) / 2, (d.ymin + d.ymax) / 2, 10 * span);
  camera->SetViewUp(0, 1, 0);
  camera->SetParallelScale((d.ymax - d.ymin) / 2);
  plot->ResetCameraClippingRange();
  frame->GetRenderWindow()->AddRenderer(plot);

  frame->AddActor2D(axis(area.x0, area.y0, area.x1, area.y0, d.xmin, d.xmax, ""));
  frame->AddActor2D(axis(area.x0, area.y1, area.x0, area.y0, d.ymax, d.ymin, ""));
  frame->AddActor2D(
      axisTitle(options.xTitle, (area.x0 + area.x1) / 2, area.y0 - kAxisTitleGap, false));
  frame->AddActor2D(
      axisTitle(options.yTitle, area.x0 - kAxisTitleGap, (area.y0 + area.y1) / 2, true));
  if (options.colorbar) {
    auto bar = colorBar(d.colors, valueTitle(options), options.height.log);
    bar->SetPosition(0.81, area.y0);
    bar->SetPosition2(0.14, area.y1 - area.y0);
    frame->AddActor2D(bar);
  }
  return plot;
}

void buildCurves(vtkContextView* view, const Surface& surface, const FigureOptions& options) {
  const std::vector<CurveRun> runs = curveRuns(surface, options);
  const bool several = runs.size() > 1;
  auto chart = vtkSmartPointer<vtkChartXY>::New();
  view->GetScene()->AddItem(chart);
  bool anyAccuracy = false;
  for (size_t k = 0; k < runs.size(); ++k) {
    const Surface& s = *runs[k].surface;
    const std::vector<double>& loss = surfaceArray(s, options.array);
    const auto acc = s.arrays.find(accuracyName(options.array));
    const std::string prefix = several ? runs[k].label + ": " : "";
    auto table = vtkSmartPointer<vtkTable>::New();
    auto xs = vtkSmartPointer<vtkDoubleArray>::New();
    xs->SetName(options.xTitle.c_str());
    auto ls = vtkSmartPointer<vtkDoubleArray>::New();
    ls->SetName((prefix + valueTitle(options)).c_str());
    auto as = vtkSmartPointer<vtkDoubleArray>::New();
    as->SetName((prefix + "accuracy (%)").c_str());
    for (size_t i = 0; i < s.x.size(); ++i) {
      xs->InsertNextValue(s.x[i]);
      ls->InsertNextValue(heightOf(loss[i], options.height));
      as->InsertNextValue(acc == s.arrays.end() || acc->second[i] == -1.0 ? NAN : acc->second[i]);
    }
    table->AddColumn(xs);
    table->AddColumn(ls);
    table->AddColumn(as);
    // One run: loss blue, accuracy red; several: each run its color, accuracy dashed.
    const auto color = runColor(k);
    auto rgb = [](double v) { return static_cast<unsigned char>(std::lround(255 * v)); };
    vtkPlot* lossPlot = chart->AddPlot(vtkChart::LINE);
    lossPlot->SetInputData(table, 0, 1);
    lossPlot->SetColor(rgb(color[0]), rgb(color[1]), rgb(color[2]), 255);
    lossPlot->SetWidth(2.5);
    if (acc != s.arrays.end()) {
      anyAccuracy = true;
      const auto accColor = several ? color : runColor(3);
      vtkPlot* accPlot = chart->AddPlot(vtkChart::LINE);
      accPlot->SetInputData(table, 0, 2);
      accPlot->SetColor(rgb(accColor[0]), rgb(accColor[1]), rgb(accColor[2]), 255);
      accPlot->SetWidth(2.5);
      accPlot->GetPen()->SetLineType(vtkPen::DASH_LINE);
      chart->SetPlotCorner(accPlot, 1);
    }
  }
  if (anyAccuracy) chart->GetAxis(vtkAxis::RIGHT)->SetTitle("accuracy (%)");
  chart->GetAxis(vtkAxis::BOTTOM)->SetTitle(options.xTitle);
  chart->GetAxis(vtkAxis::LEFT)->SetTitle(valueTitle(options));
  if (options.height.log) {  // heights log(loss + 0.1), labelled at round losses
    double low = INFINITY, high = -INFINITY;
    for (const CurveRun& r : runs)
      for (double v : surfaceArray(*r.surface, options.array))
        if (v != -1.0 && std::isfinite(heightOf(v, options.height))) {
          low = std::min(low, heightOf(v, options.height));
          high = std::max(high, heightOf(v, options.height));
        }
    const Ticks ticks = valueTicks(low, high, {}, true);
    auto at = vtkSmartPointer<vtkDoubleArray>::New();
    auto labels = vtkSmartPointer<vtkStringArray>::New();
    for (size_t i = 0; i < ticks.at.size(); ++i) {
      at->InsertNextValue(ticks.at[i]);
      labels->InsertNextValue(ticks.labels[i]);
    }
    if (low <= high) chart->GetAxis(vtkAxis::LEFT)->SetCustomTickPositions(at, labels);
  }
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
