// ONNX models: protobuf decoding, then Basin's graph interpretation.
#include "core/io/onnx_model.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string path = basin::fuzz::writeScratch("model.onnx", data, size);
  basin::fuzz::expectCleanEnd([&] { basin::readOnnx(path); });
  return 0;
}
