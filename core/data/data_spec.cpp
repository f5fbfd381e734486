#include "core/data/data_spec.h"

#include <algorithm>

#include "core/error.h"

namespace basin {

Dataset openDataset(const DataSpec& spec) {
  if (spec.split != "test" && spec.split != "train")
    throw ArgumentError("the split must be train or test, not '" + spec.split + "'");
  Preprocess prep = normalizationPreset(spec.normalize.empty() ? "none" : spec.normalize);
  prep.pad = std::max<int64_t>(spec.pad, 0);
  prep.rgb = spec.rgb;
  Dataset set = openDataset(spec.data, spec.split == "train" ? Split::Train : Split::Test, prep);
  if (spec.subsetSeed >= 0) {
    set.selectRandom(spec.samples, static_cast<uint64_t>(spec.subsetSeed));
  } else {
    set.selectFirst(spec.samples);
  }
  return set;
}

}  // namespace basin
