// safetensors: the length-prefixed JSON header and the byte ranges it claims.
#include "core/io/safetensors.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string path = basin::fuzz::writeScratch("model.safetensors", data, size);
  basin::fuzz::expectCleanEnd([&] { basin::readSafetensors(path); });
  return 0;
}
