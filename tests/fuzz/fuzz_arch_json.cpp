// A checkpoint's `architecture` attribute (JSON from the file) and the network it asks for.
#include "core/io/checkpoint.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  basin::fuzz::expectCleanEnd([&] { basin::buildModel(basin::archFromJson(text, "fuzz input")); });
  return 0;
}
