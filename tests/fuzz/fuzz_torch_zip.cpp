// torch.save zip archives: the zip layer, the pickle inside and the storages it points at.
#include "core/io/torch_file.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string path = basin::fuzz::writeScratch("model.pt", data, size);
  basin::fuzz::expectCleanEnd([&] { basin::readTorchCheckpoint(path); });
  return 0;
}
