// Every HDF5 reader on the same bytes: checkpoint, surface (and the resume job its metadata
// describes), direction (against a small ONNX
// network), trajectory projection, PCA variance and image arrays. Seeds are small files of each
// kind; libFuzzer mutates them at the byte level.
#include "core/data/image_set.h"
#include "core/io/checkpoint.h"
#include "core/io/onnx_model.h"
#include "core/landscape/direction_file.h"
#include "core/landscape/projection_file.h"
#include "core/landscape/surface_file.h"
#include "core/landscape/surface_job.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const basin::Checkpoint tiny = basin::readOnnx(BASIN_FUZZ_NETWORK);
  const std::string path = basin::fuzz::writeScratch("input.h5", data, size);
  using basin::fuzz::expectCleanEnd;
  expectCleanEnd([&] { basin::loadCheckpoint(path); });
  expectCleanEnd([&] { basin::jobFromSurface(basin::readSurfaceFile(path), path); });
  expectCleanEnd([&] { basin::readDirectionFile(path, tiny.network); });
  expectCleanEnd([&] { basin::readProjectionFile(path); });
  expectCleanEnd([&] { basin::readExplainedVariance(path); });
  expectCleanEnd([&] { basin::readHdf5Images(path, basin::Split::Test); });
  return 0;
}
