// How viz writes files: it makes their bytes in memory, and core's one atomic writer
// (core/io/output_file.h) puts them on the disk, so readers and a crash see the old file or the
// new one, never half a figure.
#pragma once

#include <vtkAlgorithmOutput.h>

#include <string>

#include "core/io/output_file.h"

namespace basin::viz::detail {

// Encodes `image` (an image pipeline's output) as PNG and writes it to `path`.
void writePng(const std::string& path, vtkAlgorithmOutput* image);

}  // namespace basin::viz::detail
