// The one backend of Basin's figures: cairo draws PDF and SVG (fonts embedded and subset, text
// in UTF-8, selectable in PDF) and PNG from the same calls. Text uses DejaVu Sans, matplotlib's
// default face, through fontconfig.
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>

#include <cmath>
#include <cstring>
#include <filesystem>

#include "core/error.h"
#include "viz/file_output.h"
#include "viz/vector_canvas.h"

namespace basin::viz::detail {
namespace {

constexpr const char* kFont = "DejaVu Sans";

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

void setColor(cairo_t* cr, const Color& c) {
  cairo_set_source_rgb(cr, c[0], c[1], c[2]);
}

// Adds `points` to the current path as a new subpath.
void subpath(cairo_t* cr, const std::vector<Point>& points) {
  for (size_t i = 0; i < points.size(); ++i)
    (i == 0 ? cairo_move_to : cairo_line_to)(cr, points[i].x, points[i].y);
}

void path(cairo_t* cr, const std::vector<Point>& points) {
  cairo_new_path(cr);
  subpath(cr, points);
}

}  // namespace

CanvasFormat canvasFormatOf(const std::string& path) {
  const std::string ext = std::filesystem::path(path).extension().string();
  if (ext == ".pdf") return CanvasFormat::Pdf;
  if (ext == ".svg") return CanvasFormat::Svg;
  if (ext == ".png") return CanvasFormat::Png;
  throw ArgumentError(path + ": figures are .png, .svg or .pdf, not '" + ext + "'");
}

struct CairoCanvas::State {
  CanvasFormat format;
  double width, height, dpi;
  std::string bytes;  // PDF and SVG: the document as cairo streams it
  cairo_surface_t* surface = nullptr;
  cairo_t* cr = nullptr;
  int clips = 0;
};

CairoCanvas::CairoCanvas(CanvasFormat format, double width, double height, double dpi,
                         const std::string& title)
    : m(std::make_unique<State>()) {
  m->format = format;
  m->width = width;
  m->height = height;
  m->dpi = dpi;
  const double points = 72.0 / dpi;  // PDF and SVG pages are measured in points
  if (format == CanvasFormat::Pdf) {
    m->surface =
        cairo_pdf_surface_create_for_stream(append, &m->bytes, width * points, height * points);
    cairo_pdf_surface_set_metadata(m->surface, CAIRO_PDF_METADATA_CREATOR, "Basin");
    if (!title.empty())
      cairo_pdf_surface_set_metadata(m->surface, CAIRO_PDF_METADATA_TITLE, title.c_str());
  } else if (format == CanvasFormat::Svg) {
    m->surface =
        cairo_svg_surface_create_for_stream(append, &m->bytes, width * points, height * points);
    cairo_svg_surface_set_document_unit(m->surface, CAIRO_SVG_UNIT_PT);
  } else {
    m->surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, int(std::lround(width)),
                                            int(std::lround(height)));
  }
  m->cr = cairo_create(m->surface);
  if (cairo_status(m->cr) != CAIRO_STATUS_SUCCESS)
    throw IoError(std::string("cairo cannot make the figure: ") +
                  cairo_status_to_string(cairo_status(m->cr)));
  if (format != CanvasFormat::Png) cairo_scale(m->cr, points, points);
  cairo_set_line_join(m->cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap(m->cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_source_rgb(m->cr, 1, 1, 1);  // a white page, as matplotlib's figures
  cairo_paint(m->cr);
}

CairoCanvas::~CairoCanvas() {
  if (m->cr) cairo_destroy(m->cr);
  if (m->surface) cairo_surface_destroy(m->surface);
}

void CairoCanvas::polyline(const std::vector<Point>& points, const Color& stroke, double width,
                           const char*, double dash) {
  if (points.size() < 2) return;
  cairo_t* cr = m->cr;
  path(cr, points);
  setColor(cr, stroke);
  cairo_set_line_width(cr, width);
  if (dash > 0) cairo_set_dash(cr, &dash, 1, 0);
  cairo_stroke(cr);
  cairo_set_dash(cr, nullptr, 0, 0);
}

void CairoCanvas::polygon(const std::vector<std::vector<Point>>& rings, const Color& fill,
                          const char*) {
  bool any = false;
  cairo_new_path(m->cr);
  for (const auto& ring : rings) {
    if (ring.size() < 3) continue;
    subpath(m->cr, ring);
    cairo_close_path(m->cr);
    any = true;
  }
  if (!any) return;
  setColor(m->cr, fill);
  cairo_set_fill_rule(m->cr, CAIRO_FILL_RULE_WINDING);  // cells of either orientation add up
  // A stroke of the fill's own color hides the hairline seams between neighbouring shapes.
  cairo_fill_preserve(m->cr);
  cairo_set_line_width(m->cr, 0.5);
  cairo_stroke(m->cr);
}

void CairoCanvas::rect(double x, double y, double w, double h, const Color& fill,
                       double strokeWidth, const char*) {
  cairo_rectangle(m->cr, x, y, w, h);
  setColor(m->cr, fill);
  if (strokeWidth <= 0) {
    cairo_fill(m->cr);
    return;
  }
  cairo_fill_preserve(m->cr);
  cairo_set_source_rgb(m->cr, 0, 0, 0);
  cairo_set_line_width(m->cr, strokeWidth);
  cairo_stroke(m->cr);
}

void CairoCanvas::circle(Point c, double radius, const Color& fill, const char*) {
  cairo_new_path(m->cr);
  cairo_arc(m->cr, c.x, c.y, radius, 0, 2 * M_PI);
  setColor(m->cr, fill);
  cairo_fill(m->cr);
}

void CairoCanvas::line(Point a, Point b, const Color& stroke, double width) {
  cairo_new_path(m->cr);
  cairo_move_to(m->cr, a.x, a.y);
  cairo_line_to(m->cr, b.x, b.y);
  setColor(m->cr, stroke);
  cairo_set_line_width(m->cr, width);
  cairo_set_line_cap(m->cr, CAIRO_LINE_CAP_BUTT);  // ticks end where they are meant to
  cairo_stroke(m->cr);
  cairo_set_line_cap(m->cr, CAIRO_LINE_CAP_ROUND);
}

double CairoCanvas::textWidth(const std::string& s, const TextStyle& style) {
  cairo_select_font_face(m->cr, kFont, CAIRO_FONT_SLANT_NORMAL,
                         style.bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(m->cr, style.size);
  cairo_text_extents_t e;
  cairo_text_extents(m->cr, s.c_str(), &e);
  return e.x_advance;
}

void CairoCanvas::text(Point at, const std::string& s, const TextStyle& style, const char*) {
  if (s.empty()) return;
  cairo_t* cr = m->cr;
  const double width = textWidth(s, style);  // also selects the face and size
  cairo_save(cr);
  cairo_translate(cr, at.x, at.y);
  cairo_rotate(cr, -style.rotate * M_PI / 180.0);
  const double shift = style.anchor == Anchor::Start ? 0 : style.anchor == Anchor::Middle ? 0.5 : 1;
  cairo_new_path(cr);
  cairo_move_to(cr, -shift * width, 0);
  if (style.halo) {
    cairo_text_path(cr, s.c_str());
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_set_line_width(cr, style.size * 0.25);
    cairo_stroke(cr);
    cairo_move_to(cr, -shift * width, 0);
  }
  setColor(cr, style.color);
  cairo_show_text(cr, s.c_str());
  cairo_restore(cr);
}

void CairoCanvas::clipOut(const std::vector<std::array<Point, 4>>& holes) {
  cairo_t* cr = m->cr;
  cairo_save(cr);
  cairo_new_path(cr);
  cairo_rectangle(cr, -1, -1, m->width + 2, m->height + 2);
  for (const auto& hole : holes) {
    cairo_move_to(cr, hole[0].x, hole[0].y);
    for (int k = 1; k < 4; ++k) cairo_line_to(cr, hole[k].x, hole[k].y);
    cairo_close_path(cr);
  }
  cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_clip(cr);
  cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING);
  ++m->clips;
}

void CairoCanvas::clipTo(const Box& box) {
  cairo_save(m->cr);
  cairo_new_path(m->cr);
  cairo_rectangle(m->cr, box.x, box.y, box.w, box.h);
  cairo_clip(m->cr);
  ++m->clips;
}

void CairoCanvas::unclip() {
  if (m->clips == 0) return;
  cairo_restore(m->cr);
  --m->clips;
}

void CairoCanvas::image(const std::vector<unsigned char>& rgb, int width, int height, double x,
                        double y, double w, double h, const std::array<double, 4>& clip) {
  cairo_surface_t* picture = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
  const int stride = cairo_image_surface_get_stride(picture);
  unsigned char* data = cairo_image_surface_get_data(picture);
  for (int row = 0; row < height; ++row) {
    auto* out = reinterpret_cast<uint32_t*>(data + size_t(row) * stride);
    const unsigned char* in = rgb.data() + size_t(row) * width * 3;
    for (int i = 0; i < width; ++i)
      out[i] = uint32_t(in[3 * i]) << 16 | uint32_t(in[3 * i + 1]) << 8 | in[3 * i + 2];
  }
  cairo_surface_mark_dirty(picture);
  cairo_t* cr = m->cr;
  cairo_save(cr);
  cairo_new_path(cr);
  cairo_rectangle(cr, clip[0], clip[1], clip[2], clip[3]);
  cairo_clip(cr);
  cairo_translate(cr, x, y);
  cairo_scale(cr, w / width, h / height);
  cairo_set_source_surface(cr, picture, 0, 0);
  // Same size: pixel for pixel; stretched (a heat map's grid): interpolated between points.
  const bool same = std::abs(w - width) < 0.5 && std::abs(h - height) < 0.5;
  cairo_pattern_set_filter(cairo_get_source(cr), same ? CAIRO_FILTER_NEAREST : CAIRO_FILTER_GOOD);
  cairo_pattern_set_extend(cairo_get_source(cr), CAIRO_EXTEND_PAD);
  cairo_paint(cr);
  cairo_restore(cr);
  cairo_surface_destroy(picture);
}

RgbImage CairoCanvas::pixels() {
  if (m->format != CanvasFormat::Png) throw ArgumentError("pixels() of a vector canvas");
  cairo_surface_flush(m->surface);
  RgbImage image;
  image.width = cairo_image_surface_get_width(m->surface);
  image.height = cairo_image_surface_get_height(m->surface);
  const int stride = cairo_image_surface_get_stride(m->surface);
  const unsigned char* data = cairo_image_surface_get_data(m->surface);
  image.rgb.resize(size_t(image.width) * image.height * 3);
  for (int row = 0; row < image.height; ++row) {
    const auto* in = reinterpret_cast<const uint32_t*>(data + size_t(row) * stride);
    unsigned char* out = image.rgb.data() + size_t(row) * image.width * 3;
    for (int i = 0; i < image.width; ++i) {
      out[3 * i] = (in[i] >> 16) & 0xff;
      out[3 * i + 1] = (in[i] >> 8) & 0xff;
      out[3 * i + 2] = in[i] & 0xff;
    }
  }
  return image;
}

void CairoCanvas::save(const std::string& path) {
  while (m->clips > 0) unclip();
  if (m->format == CanvasFormat::Png) {
    const RgbImage image = pixels();
    writePng(path, image.rgb, image.width, image.height, m->dpi);
    return;
  }
  cairo_destroy(m->cr);
  m->cr = nullptr;
  cairo_surface_finish(m->surface);
  const cairo_status_t status = cairo_surface_status(m->surface);
  if (status != CAIRO_STATUS_SUCCESS)
    throw IoError(path + ": cairo could not write the figure (" + cairo_status_to_string(status) +
                  ")");
  writeFileAtomically(path, m->bytes);
}

}  // namespace basin::viz::detail
