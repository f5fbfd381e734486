// The data-set spec ("KIND:PATH", split, normalization, subset, padding, rgb) as a user types it.
// The input is up to seven lines; paths stay inside the test data folder so that the fuzzer
// explores the spec, not the machine's file system.
#include <sstream>

#include "core/data/data_spec.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

int64_t number(const std::string& line) {
  char* end = nullptr;
  const long long v = std::strtoll(line.c_str(), &end, 10);
  return end == line.c_str() ? -1 : static_cast<int64_t>(v);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  std::string line[7];
  for (auto& l : line) std::getline(in, l);
  if (line[0].find("..") != std::string::npos) return 0;
  basin::DataSpec spec;
  const size_t colon = line[0].find(':');
  spec.data = colon == std::string::npos
                  ? line[0]
                  : line[0].substr(0, colon + 1) + BASIN_FUZZ_DATA "/" + line[0].substr(colon + 1);
  spec.split = line[1];
  spec.normalize = line[2];
  spec.samples = number(line[3]);
  spec.subsetSeed = number(line[4]);
  spec.pad = std::min<int64_t>(number(line[5]), 64);  // bigger pads only cost memory
  spec.rgb = line[6] == "rgb";
  basin::fuzz::expectCleanEnd([&] {
    basin::Dataset set = basin::openDataset(spec);
    if (set.size() == 0) return;
    basin::Tensor images;
    std::vector<int32_t> labels;
    set.batch(0, std::min<int64_t>(set.size(), 4), images, labels);
  });
  return 0;
}
