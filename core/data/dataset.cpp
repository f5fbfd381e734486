#include "core/data/dataset.h"

#include <algorithm>
#include <numeric>

#include "core/error.h"

namespace basin {

Preprocess normalizationPreset(const std::string& name) {
  Preprocess p;
  if (name == "mnist") {
    p.mean = {0.1307f};
    p.std = {0.3081f};
  } else if (name == "cifar10") {
    p.mean = {125.3f / 255, 123.0f / 255, 113.9f / 255};
    p.std = {63.0f / 255, 62.1f / 255, 66.7f / 255};
  } else if (name != "none") {
    throw ArgumentError("unknown normalization '" + name + "' (use mnist, cifar10 or none)");
  }
  return p;
}

Dataset::Dataset(ImageSet images, Preprocess preprocess)
    : m_images(std::move(images)), m_preprocess(std::move(preprocess)) {
  const Preprocess& p = m_preprocess;
  const std::string& src = m_images.source;
  if (p.rgb && m_images.channels != 1)
    throw ArgumentError(src + ": --rgb repeats a grey channel, but the images have " +
                        std::to_string(m_images.channels) + " channels");
  const int64_t channels = p.rgb ? 3 : m_images.channels;
  for (const auto* v : {&p.mean, &p.std})
    if (v->size() != 1 && static_cast<int64_t>(v->size()) != channels)
      throw ArgumentError(src + ": normalization has " + std::to_string(v->size()) +
                          " values per statistic, but the images have " + std::to_string(channels) +
                          " channels");
  for (float s : p.std)
    if (!(s > 0.0f)) throw ArgumentError(src + ": normalization std must be positive");
  if (p.pad < 0 || p.pad > 1024) throw ArgumentError(src + ": padding must be 0-1024 pixels");
  m_indices.resize(m_images.count);
  std::iota(m_indices.begin(), m_indices.end(), 0);
}

void Dataset::select(const SampleChoice& choice) {
  std::vector<int64_t> kept;
  for (int64_t i : chosenSamples(choice, size())) kept.push_back(m_indices[i]);
  m_indices = std::move(kept);
}

void Dataset::selectFirst(int64_t n) {
  select(firstSamples(n));
}

void Dataset::selectRandom(int64_t n, uint64_t seed) {
  select(randomSamples(n, seed));
}

Shape Dataset::sampleShape() const {
  const int64_t pad = 2 * m_preprocess.pad;
  return {m_preprocess.rgb ? 3 : m_images.channels, m_images.height + pad, m_images.width + pad};
}

int32_t Dataset::maxLabel() const {
  int32_t m = -1;
  for (int64_t i : m_indices) m = std::max(m, m_images.labels[i]);
  return m;
}

void Dataset::batch(int64_t start, int64_t count, Tensor& images,
                    std::vector<int32_t>& labels) const {
  if (start < 0 || count < 0 || start + count > size())
    throw ArgumentError(source() + ": batch [" + std::to_string(start) + ", " +
                        std::to_string(start + count) + ") outside the " + std::to_string(size()) +
                        " selected samples");
  const Shape s = sampleShape();
  const int64_t C = s[0], H = s[1], W = s[2], pad = m_preprocess.pad;
  const int64_t h = m_images.height, w = m_images.width, perImage = m_images.pixelsPerImage();
  images.resize({count, C, H, W});
  labels.resize(count);
  const auto& mean = m_preprocess.mean;
  const auto& stdv = m_preprocess.std;
  for (int64_t i = 0; i < count; ++i) {
    const int64_t index = m_indices[start + i];
    labels[i] = m_images.labels[index];
    for (int64_t c = 0; c < C; ++c) {
      const int64_t sc = m_preprocess.rgb ? 0 : c;
      const float mu = mean.size() == 1 ? mean[0] : mean[c];
      const float sigma = stdv.size() == 1 ? stdv[0] : stdv[c];
      float* dst = images.data() + ((i * C) + c) * H * W;
      const int64_t base = index * perImage + sc * h * w;
      for (int64_t y = 0; y < H; ++y)
        for (int64_t x = 0; x < W; ++x) {
          const int64_t iy = y - pad, ix = x - pad;
          float v = 0.0f;
          if (iy >= 0 && iy < h && ix >= 0 && ix < w) {
            const int64_t k = base + iy * w + ix;
            v = m_images.bytes.empty() ? m_images.floats[k] : m_images.bytes[k] / 255.0f;
          }
          dst[y * W + x] = (v - mu) / sigma;
        }
    }
  }
}

std::optional<std::pair<std::string, std::string>> splitDataSpec(const std::string& spec) {
  const size_t colon = spec.find(':');
  if (colon == std::string::npos || colon + 1 == spec.size()) return std::nullopt;
  return std::pair{spec.substr(0, colon), spec.substr(colon + 1)};
}

Dataset openDataset(const std::string& spec, Split split, const Preprocess& preprocess,
                    const SampleChoice& choice) {
  const auto parts = splitDataSpec(spec);
  if (!parts)
    throw ArgumentError("data set '" + spec +
                        "' must be KIND:PATH with KIND mnist, fashion, cifar10, cifar100 or h5");
  const auto& [kind, path] = *parts;
  ImageSet images;
  if (kind == "mnist" || kind == "fashion") {
    images = readMnistFolder(path, split, choice);
  } else if (kind == "cifar10") {
    images = readCifar10Folder(path, split, choice);
  } else if (kind == "cifar100") {
    images = readCifar100Folder(path, split, choice);
  } else if (kind == "h5") {
    images = readHdf5Images(path, split, choice);
  } else {
    throw ArgumentError("unknown data set kind '" + kind +
                        "' (use mnist, fashion, cifar10, cifar100 or h5)");
  }
  images.source = spec + (split == Split::Train ? " (train)" : " (test)");
  return Dataset(std::move(images), preprocess);
}

}  // namespace basin
