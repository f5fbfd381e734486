// What data set to open and how to prepare it: the choices a user makes on the command line or
// in the GUI's compute dialog, turned into a Dataset in one place.
#pragma once

#include <cstdint>
#include <string>

#include "core/data/dataset.h"

namespace basin {

struct DataSpec {
  std::string data;            // "mnist:DIR", "cifar10:DIR", "h5:FILE", ...
  std::string split = "test";  // train or test
  std::string normalize;       // mnist, cifar10 or none (empty: none)
  int64_t samples = -1;        // -1: all
  int64_t subsetSeed = -1;     // >= 0: draw `samples` at random with this seed
  int64_t pad = -1;            // zero pixels on each side (< 0: none)
  bool rgb = false;            // repeat a grey channel three times
};

// Opens the data set with its preprocessing and subset. Throws ArgumentError for a bad split or
// preset, and what the readers throw.
Dataset openDataset(const DataSpec& spec);

}  // namespace basin
