// Raw labelled images as a data set file holds them, before any preprocessing, and the readers
// of the supported formats. Every reader throws IoError / FormatError naming the file.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace basin {

enum class Split { Train, Test };

struct ImageSet {
  int64_t count = 0, channels = 0, height = 0, width = 0;
  std::vector<uint8_t> bytes;  // count x C x H x W pixels 0..255, or empty when `floats` is used
  std::vector<float> floats;   // count x C x H x W pixels already in [0, 1]
  std::vector<int32_t> labels;
  std::string source;  // what to call it in messages, e.g. "mnist:/data/mnist (test)"

  int64_t pixelsPerImage() const { return channels * height * width; }
};

// Which samples a reader keeps, given how many the file holds: sorted, distinct indices below
// the count. Readers read no other sample's pixels (an empty choice keeps them all).
using SampleChoice = std::function<std::vector<int64_t>(int64_t count)>;

// The indices `choice` picks out of `count` samples (all of them for an empty choice).
std::vector<int64_t> chosenSamples(const SampleChoice& choice, int64_t count);
// The first `n` samples (all when n < 0 or n exceeds the count).
SampleChoice firstSamples(int64_t n);
// `n` samples drawn without replacement by a generator seeded with `seed`, in file order (all
// when n < 0 or n exceeds the count). Memory in proportion to n, not to the count.
SampleChoice randomSamples(int64_t n, uint64_t seed);

// MNIST-style IDX pair (ubyte images N x H x W, ubyte labels N), each plain or gzipped.
ImageSet readIdx(const std::string& imagesPath, const std::string& labelsPath,
                 const SampleChoice& choice = {});
// A folder with MNIST's / Fashion-MNIST's file names (train-*, t10k-*; plain or .gz).
ImageSet readMnistFolder(const std::string& folder, Split split, const SampleChoice& choice = {});
// CIFAR-10 binary batches (data_batch_1..5.bin / test_batch.bin) in `folder` or its
// cifar-10-batches-bin subfolder.
ImageSet readCifar10Folder(const std::string& folder, Split split, const SampleChoice& choice = {});
// CIFAR-100 binary (train.bin / test.bin, fine labels) in `folder` or cifar-100-binary/.
ImageSet readCifar100Folder(const std::string& folder, Split split,
                            const SampleChoice& choice = {});
// HDF5 arrays `images` (N x C x H x W or N x H x W; uint8, or float in [0,1]) and `labels` (N),
// under a group named after the split ("train"/"test") if there is one, else at the root.
ImageSet readHdf5Images(const std::string& path, Split split, const SampleChoice& choice = {});

}  // namespace basin
