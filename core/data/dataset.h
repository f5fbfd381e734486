// A data set ready for a network: raw images, a preprocessing recipe applied per batch, and the
// selected subset of samples.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/data/image_set.h"
#include "core/tensor/tensor.h"

namespace basin {

// Pixels go to [0,1]; zero pixels are added around each image (`pad`, before normalizing, as
// torchvision's Pad would); a grey channel is repeated to RGB if asked; then each channel c
// becomes (x - mean[c]) / std[c] (a single mean/std applies to all channels).
struct Preprocess {
  std::vector<float> mean{0.0f};
  std::vector<float> std{1.0f};
  int64_t pad = 0;
  bool rgb = false;
};

// Normalization presets: "mnist" (0.1307 / 0.3081), "cifar10" (the reference's
// 125.3/123.0/113.9 over 63.0/62.1/66.7, in 1/255 units), "none". Throws ArgumentError otherwise.
Preprocess normalizationPreset(const std::string& name);

class Dataset {
 public:
  // Throws ArgumentError when the recipe does not fit the images (rgb of a colour set, a
  // mean/std count that is neither 1 nor the channel count, a zero std, negative padding).
  Dataset(ImageSet images, Preprocess preprocess);

  // Keeps the first `n` samples (all if n exceeds the size).
  void selectFirst(int64_t n);
  // Keeps `n` samples drawn without replacement with a seeded generator, in file order.
  void selectRandom(int64_t n, uint64_t seed);
  // Keeps the samples `choice` picks out of the current selection.
  void select(const SampleChoice& choice);

  int64_t size() const { return static_cast<int64_t>(m_indices.size()); }
  // Per-sample shape after preprocessing: C x H x W.
  Shape sampleShape() const;
  int32_t maxLabel() const;
  const std::string& source() const { return m_images.source; }

  // Preprocessed samples [start, start + count) of the selection into `images` (count x C x H x W)
  // and their labels. Throws ArgumentError for a range outside the selection.
  void batch(int64_t start, int64_t count, Tensor& images, std::vector<int32_t>& labels) const;

 private:
  ImageSet m_images;
  Preprocess m_preprocess;
  std::vector<int64_t> m_indices;
};

// Opens "mnist:DIR", "fashion:DIR", "cifar10:DIR", "cifar100:DIR" or "h5:FILE".
// Throws ArgumentError for an unknown kind, and whatever the reader throws.
// The readers read only the samples `choice` picks (all for an empty one).
Dataset openDataset(const std::string& spec, Split split, const Preprocess& preprocess,
                    const SampleChoice& choice = {});

// The KIND and PATH of a data set spec "KIND:PATH"; nullopt when it does not have that form.
std::optional<std::pair<std::string, std::string>> splitDataSpec(const std::string& spec);

}  // namespace basin
