// The grid spec of --x / --y ("min:max:num") and the coordinates it yields.
#include "core/landscape/surface_file.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  basin::fuzz::expectCleanEnd([&] { basin::parseAxis(text, "--x").coordinates(); });
  return 0;
}
