// CIFAR-10 and CIFAR-100 binary batches: the input is the test batch of both.
#include "core/data/image_set.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string dir = basin::fuzz::scratchDir().string();
  basin::fuzz::writeScratch("test_batch.bin", data, size);
  basin::fuzz::writeScratch("test.bin", data, size);
  basin::fuzz::expectCleanEnd([&] { basin::readCifar10Folder(dir, basin::Split::Test); });
  basin::fuzz::expectCleanEnd([&] { basin::readCifar100Folder(dir, basin::Split::Test); });
  return 0;
}
