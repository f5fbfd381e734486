// The restricted unpickler alone, in memory (the torch_zip target reaches it through zip).
#include "core/io/pickle.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::vector<uint8_t> bytes(data, data + size);
  basin::fuzz::expectCleanEnd([&] { basin::pickle::load(bytes, "fuzz input"); });
  return 0;
}
