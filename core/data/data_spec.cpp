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
  // Only the samples used are read: 10 samples of a compressed set inflate its first ones.
  const SampleChoice choice = spec.subsetSeed >= 0
                                  ? randomSamples(spec.samples, uint64_t(spec.subsetSeed))
                                  : firstSamples(spec.samples);
  return openDataset(spec.data, spec.split == "train" ? Split::Train : Split::Test, prep, choice);
}

}  // namespace basin
