// IDX image + label files (MNIST layout). The input is both files: the first two bytes say where
// the image file ends, so the fuzzer can make the pair disagree as well as break either file.
#include "core/data/image_set.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  const size_t split = std::min<size_t>(size - 2, size_t(data[0]) | size_t(data[1]) << 8);
  const std::string images = basin::fuzz::writeScratch("images-idx3-ubyte", data + 2, split);
  const std::string labels =
      basin::fuzz::writeScratch("labels-idx1-ubyte", data + 2 + split, size - 2 - split);
  basin::fuzz::expectCleanEnd([&] { basin::readIdx(images, labels); });
  return 0;
}
