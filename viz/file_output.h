// How viz writes files: it makes their bytes in memory, and core's one atomic writer
// (core/io/output_file.h) puts them on the disk, so readers and a crash see the old file or the
// new one, never half a figure.
#pragma once

#include <string>
#include <vector>

#include "core/io/output_file.h"

namespace basin::viz::detail {

// PNG bytes (libpng) of an RGB picture whose rows run top to bottom, with `dpi` in its pHYs
// chunk (as pixels per metre) so that viewers and LaTeX size it in inches; empty if libpng
// fails.
std::string encodePng(const std::vector<unsigned char>& rgb, int width, int height, double dpi);

// Encodes an RGB picture (rows top to bottom) as PNG and writes it to `path`.
void writePng(const std::string& path, const std::vector<unsigned char>& rgb, int width, int height,
              double dpi);

}  // namespace basin::viz::detail
