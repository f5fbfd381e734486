#include "viz/svg_figure.h"

#include <vtkBase64Utilities.h>
#include <vtkCellArray.h>
#include <vtkCellData.h>
#include <vtkDataArray.h>
#include <vtkDoubleArray.h>
#include <vtkIdList.h>
#include <vtkImageData.h>
#include <vtkPNGWriter.h>
#include <vtkPointData.h>
#include <vtkUnsignedCharArray.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/error.h"
#include "viz/plane_data.h"
#include "viz/scenes.h"

namespace basin::viz {
namespace {

using detail::PlaneData;
using detail::PlotArea;

std::string hex(const double rgb[3]) {
  char text[8];
  std::snprintf(text, sizeof text, "#%02x%02x%02x", int(std::lround(255 * rgb[0])),
                int(std::lround(255 * rgb[1])), int(std::lround(255 * rgb[2])));
  return text;
}

std::string colorOf(vtkLookupTable* colors, double value) {
  double rgb[3];
  if (std::isnan(value)) {
    double rgba[4];
    colors->GetNanColor(rgba);
    return hex(rgba);
  }
  colors->GetColor(value, rgb);
  return hex(rgb);
}

std::string escaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (c == '&')
      out += "&amp;";
    else
      out += c;
  }
  return out;
}

std::string number(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", v);
  return text;
}

// Figure geometry: normalized figure coordinates and data coordinates to SVG pixels.
struct Canvas {
  double width, height, pointsToPixels;
  PlotArea area;
  double xmin, xmax, ymin, ymax;
  double fx(double nx) const { return nx * width; }
  double fy(double ny) const { return (1.0 - ny) * height; }
  double px(double x) const {
    return fx(area.x0 + (x - xmin) / (xmax - xmin) * (area.x1 - area.x0));
  }
  double py(double y) const {
    return fy(area.y0 + (y - ymin) / (ymax - ymin) * (area.y1 - area.y0));
  }
  double font(double points) const { return points * pointsToPixels; }
};

void text(std::ostream& out, const Canvas& c, double x, double y, const std::string& s,
          double points, const char* anchor, const std::string& extra = "") {
  out << "<text x=\"" << x << "\" y=\"" << y << "\" font-family=\"Arial, Helvetica, sans-serif\""
      << " font-size=\"" << c.font(points) << "\" text-anchor=\"" << anchor << "\"" << extra << ">"
      << escaped(s) << "</text>\n";
}

void polylines(std::ostream& out, const Canvas& c, vtkPolyData* data, vtkLookupTable* colors,
               const char* cls, const std::string& fixedColor, double width) {
  if (!data || !data->GetLines()) return;
  vtkDataArray* scalars = data->GetPointData()->GetScalars();
  auto ids = vtkSmartPointer<vtkIdList>::New();
  vtkCellArray* cells = data->GetLines();
  cells->InitTraversal();
  while (cells->GetNextCell(ids)) {
    if (ids->GetNumberOfIds() < 2) continue;
    const std::string stroke = fixedColor.empty() && scalars
                                   ? colorOf(colors, scalars->GetTuple1(ids->GetId(0)))
                                   : fixedColor;
    out << "<polyline class=\"" << cls << "\" fill=\"none\" stroke=\"" << stroke
        << "\" stroke-width=\"" << width << "\" points=\"";
    for (vtkIdType k = 0; k < ids->GetNumberOfIds(); ++k) {
      double p[3];
      data->GetPoint(ids->GetId(k), p);
      out << c.px(p[0]) << "," << c.py(p[1]) << " ";
    }
    out << "\"/>\n";
  }
}

void bands(std::ostream& out, const Canvas& c, const PlaneData& d) {
  vtkDataArray* scalars = d.bands->GetCellData()->GetScalars();
  auto ids = vtkSmartPointer<vtkIdList>::New();
  vtkCellArray* cells = d.bands->GetPolys();
  cells->InitTraversal();
  for (vtkIdType cell = 0; cells->GetNextCell(ids); ++cell) {
    const std::string fill = colorOf(d.colors, scalars ? scalars->GetTuple1(cell) : NAN);
    out << "<polygon class=\"band\" fill=\"" << fill << "\" stroke=\"" << fill
        << "\" stroke-width=\"0.5\" points=\"";
    for (vtkIdType k = 0; k < ids->GetNumberOfIds(); ++k) {
      double p[3];
      d.bands->GetPoint(ids->GetId(k), p);
      out << c.px(p[0]) << "," << c.py(p[1]) << " ";
    }
    out << "\"/>\n";
  }
}

// The grid's colors as a PNG (one pixel per grid point), base64, placed so that pixel centres
// sit on the grid points; the viewer interpolates between them.
void heatImage(std::ostream& out, const Canvas& c, const PlaneData& d, int nx, int ny) {
  auto image = vtkSmartPointer<vtkImageData>::New();
  image->SetDimensions(nx, ny, 1);
  image->AllocateScalars(VTK_UNSIGNED_CHAR, 3);
  auto* z = static_cast<vtkDoubleArray*>(d.flat->GetPointData()->GetArray("zvalue"));
  for (int j = 0; j < ny; ++j)
    for (int i = 0; i < nx; ++i) {
      double rgb[3];
      const double v = z->GetValue(vtkIdType(j) * nx + i);
      if (std::isnan(v)) {
        double rgba[4];
        d.colors->GetNanColor(rgba);
        std::copy(rgba, rgba + 3, rgb);
      } else {
        d.colors->GetColor(v, rgb);
      }
      // VTK's image origin is the bottom left, like the plot's; the PNG writer flips the rows.
      auto* pixel = static_cast<unsigned char*>(image->GetScalarPointer(i, j, 0));
      for (int k = 0; k < 3; ++k) pixel[k] = static_cast<unsigned char>(std::lround(255 * rgb[k]));
    }
  auto writer = vtkSmartPointer<vtkPNGWriter>::New();
  writer->SetInputData(image);
  writer->WriteToMemoryOn();
  writer->Write();
  vtkUnsignedCharArray* png = writer->GetResult();
  const vtkIdType bytes = png->GetNumberOfTuples();
  std::string encoded(size_t(bytes) * 4 / 3 + 8, '\0');
  const unsigned long length =
      vtkBase64Utilities::Encode(png->GetPointer(0), static_cast<unsigned long>(bytes),
                                 reinterpret_cast<unsigned char*>(encoded.data()));
  encoded.resize(length);
  const double dx = (d.xmax - d.xmin) / std::max(nx - 1, 1);
  const double dy = (d.ymax - d.ymin) / std::max(ny - 1, 1);
  const double left = c.px(d.xmin - dx / 2), right = c.px(d.xmax + dx / 2);
  const double top = c.py(d.ymax + dy / 2), bottom = c.py(d.ymin - dy / 2);
  out << "<image class=\"heat\" clip-path=\"url(#plot)\" preserveAspectRatio=\"none\" x=\"" << left
      << "\" y=\"" << top << "\" width=\"" << right - left << "\" height=\"" << bottom - top
      << "\" href=\"data:image/png;base64," << encoded << "\"/>\n";
}

void trajectory(std::ostream& out, const Canvas& c, const Projection& path) {
  out << "<polyline class=\"trajectory\" fill=\"none\" stroke=\"#d91a1a\" stroke-width=\""
      << 2.5 * c.pointsToPixels * 0.75 << "\" points=\"";
  for (size_t i = 0; i < path.x.size(); ++i)
    out << c.px(path.x[i]) << "," << c.py(path.y[i]) << " ";
  out << "\"/>\n";
  for (size_t i = 0; i < path.x.size(); ++i)
    out << "<circle class=\"checkpoint\" cx=\"" << c.px(path.x[i]) << "\" cy=\"" << c.py(path.y[i])
        << "\" r=\"" << 3.5 * c.pointsToPixels * 0.75 << "\" fill=\"#d91a1a\"/>\n";
  const size_t ends[2] = {0, path.x.size() - 1};
  const char* names[2] = {"start", "end"};
  for (int k = 0; k < 2; ++k)
    text(out, c, c.px(path.x[ends[k]]) + c.font(5), c.py(path.y[ends[k]]) - c.font(5), names[k],
         detail::kLabelPoints, "start", " font-weight=\"bold\" fill=\"#d91a1a\"");
}

void axes(std::ostream& out, const Canvas& c, const FigureOptions& o) {
  const double left = c.fx(c.area.x0), right = c.fx(c.area.x1);
  const double top = c.fy(c.area.y1), bottom = c.fy(c.area.y0), tick = c.font(4);
  out << "<g class=\"axes\" stroke=\"#000\" stroke-width=\"1\">\n"
      << "<line x1=\"" << left << "\" y1=\"" << bottom << "\" x2=\"" << right << "\" y2=\""
      << bottom << "\"/>\n<line x1=\"" << left << "\" y1=\"" << top << "\" x2=\"" << left
      << "\" y2=\"" << bottom << "\"/>\n";
  for (int k = 0; k < 5; ++k) {
    const double x = left + (right - left) * k / 4, y = bottom - (bottom - top) * k / 4;
    out << "<line x1=\"" << x << "\" y1=\"" << bottom << "\" x2=\"" << x << "\" y2=\""
        << bottom + tick << "\"/>\n<line x1=\"" << left - tick << "\" y1=\"" << y << "\" x2=\""
        << left << "\" y2=\"" << y << "\"/>\n";
  }
  out << "</g>\n";
  for (int k = 0; k < 5; ++k) {
    const double xv = c.xmin + (c.xmax - c.xmin) * k / 4, yv = c.ymin + (c.ymax - c.ymin) * k / 4;
    text(out, c, left + (right - left) * k / 4, bottom + tick + c.font(detail::kLabelPoints),
         number(xv), detail::kLabelPoints, "middle", " class=\"tick\"");
    text(out, c, left - tick - c.font(3), bottom - (bottom - top) * k / 4 + c.font(4), number(yv),
         detail::kLabelPoints, "end", " class=\"tick\"");
  }
  text(out, c, (left + right) / 2, c.fy(c.area.y0 - 0.085) + c.font(4), o.xTitle,
       detail::kTitlePoints, "middle", " class=\"title\"");
  const double yx = c.fx(c.area.x0 - 0.085), yy = (top + bottom) / 2;
  text(out, c, yx, yy, o.yTitle, detail::kTitlePoints, "middle",
       " class=\"title\" transform=\"rotate(-90 " + number(yx) + " " + number(yy) + ")\"");
}

void colorbar(std::ostream& out, const Canvas& c, const PlaneData& d, const FigureOptions& o) {
  const double* range = d.colors->GetTableRange();
  const double left = c.fx(0.84), width = c.fx(0.035);
  const double top = c.fy(c.area.y1), bottom = c.fy(c.area.y0);
  out << "<defs><linearGradient id=\"bar\" x1=\"0\" y1=\"1\" x2=\"0\" y2=\"0\">\n";
  for (int k = 0; k <= 16; ++k) {
    double rgb[3];
    d.colors->GetColor(range[0] + (range[1] - range[0]) * k / 16.0, rgb);
    out << "<stop offset=\"" << k / 16.0 << "\" stop-color=\"" << hex(rgb) << "\"/>\n";
  }
  out << "</linearGradient></defs>\n<rect class=\"colorbar\" x=\"" << left << "\" y=\"" << top
      << "\" width=\"" << width << "\" height=\"" << bottom - top
      << "\" fill=\"url(#bar)\" stroke=\"#000\" stroke-width=\"0.5\"/>\n";
  for (int k = 0; k < 6; ++k) {
    const double v = range[0] + (range[1] - range[0]) * k / 5.0;
    char label[32];
    std::snprintf(label, sizeof label, "%.3g", v);
    text(out, c, left + width + c.font(4), bottom - (bottom - top) * k / 5.0 + c.font(4), label,
         detail::kLabelPoints - 1, "start", " class=\"tick\"");
  }
  text(out, c, left + width / 2, top - c.font(8), detail::valueTitle(o), detail::kLabelPoints,
       "middle", " class=\"title\"");
}

}  // namespace

void writeSvgFigure(const Surface& surface, const FigureOptions& options, const std::string& path) {
  if (options.kind == FigureKind::Surface3d || options.kind == FigureKind::Curve1d)
    throw ArgumentError(
        "SVG is written for contour, filled and heat figures; 3-D and 1-D "
        "figures are PNG");
  detail::checkFigureSize(options);
  const PlaneData d = detail::planeData(surface, options);
  const double aspect = double(options.width) / double(options.heightPixels);
  const Canvas c{double(options.width),
                 double(options.heightPixels),
                 options.dpi / 72.0,
                 detail::plotArea(d, options, aspect),
                 d.xmin,
                 d.xmax,
                 d.ymin,
                 d.ymax};
  std::ostringstream out;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" << options.width
      << "\" height=\"" << options.heightPixels << "\" viewBox=\"0 0 " << options.width << " "
      << options.heightPixels << "\">\n"
      << "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n"
      << "<clipPath id=\"plot\"><rect x=\"" << c.fx(c.area.x0) << "\" y=\"" << c.fy(c.area.y1)
      << "\" width=\"" << c.fx(c.area.x1) - c.fx(c.area.x0) << "\" height=\""
      << c.fy(c.area.y0) - c.fy(c.area.y1) << "\"/></clipPath>\n";
  if (options.kind == FigureKind::Heat) {
    heatImage(out, c, d, static_cast<int>(surface.x.size()), static_cast<int>(surface.y.size()));
  } else if (options.kind == FigureKind::Filled) {
    bands(out, c, d);
    polylines(out, c, d.bandEdges, d.colors, "band-edge", "#333333", 0.8);
  } else {
    polylines(out, c, d.lines, d.colors, "contour", "", 1.8);
    const double span = std::max(d.xmax - d.xmin, d.ymax - d.ymin);
    for (const detail::ContourLabel& l : detail::contourLabels(d.lines, 0.09 * span)) {
      char value[32];
      std::snprintf(value, sizeof value, "%.3g", l.value);
      text(out, c, c.px(l.x), c.py(l.y) + c.font(3), value, detail::kLabelPoints - 2, "middle",
           " class=\"contour-label\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\"");
    }
  }
  if (options.trajectory) trajectory(out, c, *options.trajectory);
  axes(out, c, options);
  colorbar(out, c, d, options);
  if (!options.title.empty())
    text(out, c, c.width / 2, c.font(detail::kTitlePoints + 4), options.title,
         detail::kTitlePoints + 1, "middle", " font-weight=\"bold\" class=\"title\"");
  out << "</svg>\n";

  const std::string temporary = path + ".part.svg";
  {
    std::ofstream file(temporary, std::ios::binary);
    file << out.str();
    if (!file.flush()) {
      std::error_code ignored;
      std::filesystem::remove(temporary, ignored);
      throw IoError(path + ": cannot write");
    }
  }
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  if (error) throw IoError(path + ": cannot write (" + error.message() + ")");
}

}  // namespace basin::viz
