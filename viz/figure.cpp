#include "viz/figure.h"

#include <vtkContextScene.h>
#include <vtkImageData.h>
#include <vtkRenderWindow.h>
#include <vtkRendererCollection.h>
#include <vtkTextActor.h>
#include <vtkWindowToImageFilter.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "core/error.h"
#include "core/landscape/direction_file.h"
#include "viz/file_output.h"
#include "viz/scene.h"
#include "viz/scenes.h"
#include "viz/ticks.h"
#include "viz/vector_canvas.h"

namespace basin::viz {
namespace detail {

void checkFigureSize(const FigureOptions& options) {
  if (options.dpi < 36 || options.dpi > 1200) throw ArgumentError("--dpi must be 36 to 1200");
  if (options.width < 64 || options.heightPixels < 64 || options.width > 16384 ||
      options.heightPixels > 16384)
    throw ArgumentError("figure size must be 64 to 16384 pixels per side (it is " +
                        std::to_string(options.width) + "x" + std::to_string(options.heightPixels) +
                        " at " + std::to_string(options.dpi) + " dpi)");
}

void styleText(vtkTextProperty* text, double points, bool bold) {
  text->SetColor(0, 0, 0);
  text->SetFontFamilyToArial();
  text->SetFontSize(static_cast<int>(std::lround(points)));
  text->SetBold(bold);
  text->SetItalic(false);
  text->SetShadow(false);
}

std::pair<double, double> finiteRange(const std::vector<double>& values) {
  double low = INFINITY, high = -INFINITY;
  for (double v : values)
    if (std::isfinite(v)) {
      low = std::min(low, v);
      high = std::max(high, v);
    }
  if (low > high) return {0.0, 1.0};
  return {low, high};
}

vtkSmartPointer<vtkScalarBarActor> colorBar(vtkScalarsToColors* colors, const std::string& title,
                                            bool logHeight) {
  auto bar = vtkSmartPointer<vtkScalarBarActor>::New();
  bar->SetLookupTable(colors);
  bar->SetTitle(title.c_str());
  bar->SetNumberOfLabels(6);
  bar->SetLabelFormat("%.3g");
  bar->UnconstrainedFontSizeOn();
  bar->SetBarRatio(0.25);
  bar->SetVerticalTitleSeparation(12);
  bar->SetTextPad(4);
  styleText(bar->GetTitleTextProperty(), kLabelPoints);
  styleText(bar->GetLabelTextProperty(), kLabelPoints - 1);
  if (logHeight) {
    // The colors are heights log(loss + 0.1); the labels name the round losses at their heights.
    const double* range = colors->GetRange();
    const Ticks ticks = valueTicks(range[0], range[1], {}, true);
    colors->ResetAnnotations();
    for (size_t i = 0; i < ticks.at.size(); ++i)
      colors->SetAnnotation(vtkVariant(ticks.at[i]), ticks.labels[i]);
    bar->DrawTickLabelsOff();
    bar->DrawAnnotationsOn();
    bar->SetAnnotationTextScaling(false);
    styleText(bar->GetAnnotationTextProperty(), kLabelPoints - 1);
  }
  return bar;
}

std::vector<CurveRun> curveRuns(const Surface& surface, const FigureOptions& options) {
  std::vector<CurveRun> runs{{options.label, &surface}};
  for (const FigureOptions::Run& r : options.overlays) runs.push_back({r.label, &r.surface});
  for (const CurveRun& r : runs) {
    if (!r.surface->y.empty())
      throw ArgumentError("1d figures need 1-D surfaces (no --y): " + r.label);
    surfaceArray(*r.surface, options.array);
  }
  return runs;
}

std::string accuracyName(const std::string& lossName) {
  if (lossName.size() > 5 && lossName.ends_with("_loss"))
    return lossName.substr(0, lossName.size() - 5) + "_acc";
  return lossName;
}

std::array<double, 3> runColor(size_t run) {
  static const std::array<double, 3> kTab10[] = {
      {0.122, 0.467, 0.706}, {1.000, 0.498, 0.055}, {0.173, 0.627, 0.173}, {0.839, 0.153, 0.157},
      {0.580, 0.404, 0.741}, {0.549, 0.337, 0.294}, {0.890, 0.467, 0.761}, {0.498, 0.498, 0.498},
      {0.737, 0.741, 0.133}, {0.090, 0.745, 0.812}};
  return kTab10[run % 10];
}

std::string valueTitle(const FigureOptions& options) {
  std::string name = options.array;
  for (char& c : name)
    if (c == '_') c = ' ';
  // Ticks and colorbars of log figures are labelled in loss units (0.1, 1, 10).
  return options.height.log ? name + " (log scale)" : name;
}

}  // namespace detail

FigureKind parseFigureKind(const std::string& name) {
  if (name == "surface3d") return FigureKind::Surface3d;
  if (name == "contour") return FigureKind::Contour;
  if (name == "filled") return FigureKind::Filled;
  if (name == "heat") return FigureKind::Heat;
  if (name == "1d") return FigureKind::Curve1d;
  throw ArgumentError("--kind must be surface3d, contour, filled, heat or 1d, not '" + name + "'");
}

ContourLevels parseLevels(const std::string& text) {
  ContourLevels l;
  char tail = 0;
  if (std::sscanf(text.c_str(), "%lf:%lf:%lf%c", &l.first, &l.last, &l.step, &tail) != 3 ||
      !std::isfinite(l.first) || !std::isfinite(l.last) || !(l.step > 0) || l.last < l.first)
    throw ArgumentError("--levels must be first:last:step with first <= last and step > 0, not '" +
                        text + "'");
  if ((l.last - l.first) / l.step > 1000)
    throw ArgumentError("--levels '" + text + "' asks for more than 1,000 contour levels");
  return l;
}

std::string pcaAxisTitle(int component, double ratio) {
  char text[64];
  std::snprintf(text, sizeof text, "%s PC: %.1f %%", component == 1 ? "1st" : "2nd", 100.0 * ratio);
  return text;
}

void setPcaAxisTitles(FigureOptions& options, const std::optional<ExplainedVariance>& explained) {
  if (!explained || explained->ratio.size() < 2) return;
  options.xTitle = pcaAxisTitle(1, explained->ratio[0]);
  options.yTitle = pcaAxisTitle(2, explained->ratio[1]);
}

Scene buildScene(vtkRenderWindow* window, const Surface& surface, const FigureOptions& options) {
  surfaceArray(surface, options.array);  // names the arrays there are if missing
  vtkRendererCollection* old = window->GetRenderers();
  while (old->GetNumberOfItems() > 0) window->RemoveRenderer(old->GetFirstRenderer());
  Scene scene;
  if (options.kind == FigureKind::Curve1d) {
    scene.chart = vtkSmartPointer<vtkContextView>::New();
    scene.chart->SetRenderWindow(window);
    scene.chart->GetRenderer()->SetBackground(1, 1, 1);
    scene.frame = scene.chart->GetRenderer();
    detail::buildCurves(scene.chart, surface, options);
    return scene;
  }
  scene.frame = vtkSmartPointer<vtkRenderer>::New();
  scene.frame->SetBackground(1, 1, 1);
  window->AddRenderer(scene.frame);
  if (options.kind == FigureKind::Surface3d) {
    detail::buildSurface3d(scene, surface, options);
  } else {
    const int* size = window->GetSize();
    scene.plot = detail::buildPlane(scene.frame, surface, options,
                                    double(std::max(size[0], 1)) / double(std::max(size[1], 1)));
  }
  if (!options.title.empty()) {
    auto title = vtkSmartPointer<vtkTextActor>::New();
    title->SetInput(options.title.c_str());
    detail::styleText(title->GetTextProperty(), detail::kTitlePoints + 1, true);
    title->GetTextProperty()->SetJustificationToCentered();
    title->GetTextProperty()->SetVerticalJustificationToTop();
    title->GetPositionCoordinate()->SetCoordinateSystemToNormalizedDisplay();
    title->SetPosition(0.5, 0.97);
    scene.frame->AddActor2D(title);
  }
  return scene;
}

RgbImage sideBySide(const std::vector<RgbImage>& images) {
  RgbImage out;
  for (size_t i = 0; i < images.size(); ++i) {
    if (i > 0 && images[i].height != out.height)
      throw ArgumentError("image " + std::to_string(i + 1) + " is " +
                          std::to_string(images[i].height) + " pixels high, the first " +
                          std::to_string(out.height));
    out.height = images[i].height;
    out.width += images[i].width;
  }
  out.rgb.resize(size_t(out.width) * out.height * 3);
  size_t left = 0;  // bytes from the start of a row to the current image
  for (const RgbImage& image : images) {
    const size_t rowBytes = size_t(image.width) * 3;
    for (int row = 0; row < image.height; ++row)
      std::copy_n(image.rgb.data() + row * rowBytes, rowBytes,
                  out.rgb.data() + size_t(row) * out.width * 3 + left);
    left += rowBytes;
  }
  return out;
}

RgbImage renderFigureImage(const Surface& surface, const FigureOptions& options) {
  detail::checkFigureSize(options);
  surfaceArray(surface, options.array);         // names the arrays there are if missing
  if (options.kind != FigureKind::Surface3d) {  // drawn by cairo: no display needed
    detail::CairoCanvas canvas(detail::CanvasFormat::Png, options.width, options.heightPixels,
                               options.dpi);
    detail::drawFigure(canvas, surface, options);
    return canvas.pixels();
  }
  const char* display = std::getenv("DISPLAY");
  if (!display || !*display)
    throw IoError(
        "3-D figures need an X display (VTK here draws through X); on a server run "
        "under xvfb-run -a, or choose a 2-D kind (contour, filled, heat), which need none");

  auto window = vtkSmartPointer<vtkRenderWindow>::New();
  window->SetOffScreenRendering(1);
  window->SetSize(options.width, options.heightPixels);
  window->SetDPI(options.dpi);
  window->SetMultiSamples(0);
  const Scene scene = buildScene(window, surface, options);
  window->Render();

  auto grab = vtkSmartPointer<vtkWindowToImageFilter>::New();
  grab->SetInput(window);
  grab->SetInputBufferTypeToRGB();
  grab->ReadFrontBufferOff();
  grab->Update();
  vtkImageData* grabbed = grab->GetOutput();
  int dims[3];
  grabbed->GetDimensions(dims);
  RgbImage image{dims[0], dims[1], std::vector<unsigned char>(size_t(dims[0]) * dims[1] * 3)};
  for (int row = 0; row < dims[1]; ++row)  // VTK's rows run bottom up
    std::copy_n(
        static_cast<const unsigned char*>(grabbed->GetScalarPointer(0, dims[1] - 1 - row, 0)),
        size_t(dims[0]) * 3, image.rgb.data() + size_t(row) * dims[0] * 3);
  return image;
}

void writeFigureImage(const RgbImage& image, double dpi, const std::string& path,
                      const std::string& title) {
  const detail::CanvasFormat format = detail::canvasFormatOf(path);
  if (format == detail::CanvasFormat::Png) {
    detail::writePng(path, image.rgb, image.width, image.height, dpi);
    return;
  }
  detail::CairoCanvas canvas(format, image.width, image.height, dpi, title);
  canvas.image(image.rgb, image.width, image.height, 0, 0, image.width, image.height,
               {0, 0, double(image.width), double(image.height)});
  canvas.save(path);
}

void renderFigure(const Surface& surface, const FigureOptions& options, const std::string& path) {
  const detail::CanvasFormat format = detail::canvasFormatOf(path);
  if (options.kind == FigureKind::Surface3d || format == detail::CanvasFormat::Png) {
    writeFigureImage(renderFigureImage(surface, options), options.dpi, path, options.title);
    return;
  }
  detail::checkFigureSize(options);
  detail::CairoCanvas canvas(format, options.width, options.heightPixels, options.dpi,
                             options.title);
  detail::drawFigure(canvas, surface, options);
  canvas.save(path);
}

const std::vector<ColumnPreset>& columnPresets() {
  static const std::vector<ColumnPreset> presets = {{"single", 3.25, 2.6}, {"double", 6.75, 5}};
  return presets;
}

double pixelsPerUnit(const std::string& unit, double dpi) {
  return unit.empty() || unit == "px" ? 1.0 : unit == "in" ? dpi : unit == "cm" ? dpi / 2.54 : 0.0;
}

void setFigureSize(FigureOptions& options, const std::string& text) {
  double w = 0, h = 0;
  char unit[8] = {0}, tail = 0;
  int n = std::sscanf(text.c_str(), "%lfx%lf%7[a-z]%c", &w, &h, unit, &tail);
  std::string u = unit;
  for (const ColumnPreset& preset : columnPresets())
    if (text == preset.name) w = preset.widthInches, h = preset.heightInches, n = 3, u = "in";
  const double perUnit = pixelsPerUnit(u, options.dpi);
  if ((n != 2 && n != 3) || perUnit == 0 || !(w > 0) || !(h > 0) || w > 1e5 || h > 1e5)
    throw ArgumentError(
        "--size must be WIDTHxHEIGHT in pixels, inches or cm (1000x800, "
        "3.25x2.6in, 8x6cm) or single / double (column presets), not '" +
        text + "'");
  options.width = static_cast<int>(std::lround(w * perUnit));
  options.heightPixels = static_cast<int>(std::lround(h * perUnit));
  detail::checkFigureSize(options);
}

}  // namespace basin::viz
