#include "viz/file_output.h"

#include <png.h>

#include <cmath>
#include <csetjmp>

#include "core/error.h"

namespace basin::viz::detail {
namespace {

void appendBytes(png_structp png, png_bytep data, png_size_t length) {
  static_cast<std::string*>(png_get_io_ptr(png))
      ->append(reinterpret_cast<const char*>(data), length);
}

// libpng reports errors by longjmp: this frame holds no object with a destructor, so the jump
// skips nothing that must be undone (the caller frees the structs).
bool encodeInto(png_structp png, png_infop info, std::string* out, const unsigned char* rgb,
                int width, int height, double dpi) {
  if (setjmp(png_jmpbuf(png))) return false;
  png_set_write_fn(png, out, appendBytes, nullptr);
  png_set_IHDR(png, info, png_uint_32(width), png_uint_32(height), 8, PNG_COLOR_TYPE_RGB,
               PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  const auto perMetre = png_uint_32(std::lround(dpi / 0.0254));
  png_set_pHYs(png, info, perMetre, perMetre, PNG_RESOLUTION_METER);
  png_write_info(png, info);
  for (int row = 0; row < height; ++row)
    png_write_row(png, const_cast<png_bytep>(rgb + size_t(row) * width * 3));
  png_write_end(png, info);
  return true;
}

}  // namespace

std::string encodePng(const std::vector<unsigned char>& rgb, int width, int height, double dpi) {
  if (width <= 0 || height <= 0 || rgb.size() < size_t(width) * height * 3) return {};
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  if (!png) return {};
  png_infop info = png_create_info_struct(png);
  std::string out;
  const bool ok = info && encodeInto(png, info, &out, rgb.data(), width, height, dpi);
  png_destroy_write_struct(&png, info ? &info : nullptr);
  return ok ? out : std::string();
}

void writePng(const std::string& path, const std::vector<unsigned char>& rgb, int width, int height,
              double dpi) {
  const std::string png = encodePng(rgb, width, height, dpi);
  if (png.empty()) throw IoError(path + ": cannot write (libpng could not encode the PNG)");
  writeFileAtomically(path, png);
}

}  // namespace basin::viz::detail
