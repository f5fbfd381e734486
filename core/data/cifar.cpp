// CIFAR-10/100 binary versions: fixed-size records of label byte(s) then 3072 pixel bytes
// (1024 red, 1024 green, 1024 blue; row-major 32x32).
#include <filesystem>
#include <memory>

#include "core/data/image_set.h"
#include "core/error.h"
#include "core/io/file_bytes.h"

namespace basin {
namespace {

constexpr int64_t kPixels = 3 * 32 * 32;

struct CifarLayout {
  const char* name;
  const char* subfolder;
  int labelBytes;  // CIFAR-100: coarse then fine; Basin uses the fine label
  int classes;
};

std::string resolveFolder(const std::string& folder, const char* subfolder) {
  const auto nested = std::filesystem::path(folder) / subfolder;
  std::error_code ec;
  return std::filesystem::is_directory(nested, ec) ? nested.string() : folder;
}

ImageSet readCifar(const std::string& folder, const std::vector<std::string>& files,
                   const CifarLayout& layout, const SampleChoice& choice) {
  const int64_t record = layout.labelBytes + kPixels;
  // Records per file from the files' sizes (a gzip file records its own), before any pixel.
  std::vector<std::unique_ptr<ForwardReader>> readers;
  std::vector<int64_t> firstRecord{0};
  for (const std::string& name : files) {
    readers.push_back(
        std::make_unique<ForwardReader>((std::filesystem::path(folder) / name).string()));
    const ForwardReader& file = *readers.back();
    const uint64_t size = file.size();
    if (size == 0 || size % record != 0)
      throw FormatError(file.path() + ": " + std::to_string(size) +
                        " bytes is not a whole number of " + layout.name + " records (" +
                        std::to_string(record) + " bytes each): truncated or not " + layout.name);
    firstRecord.push_back(firstRecord.back() + int64_t(size) / record);
  }
  ImageSet set;
  set.channels = 3;
  set.height = set.width = 32;
  set.source = folder;
  std::vector<uint8_t> r(record);
  size_t f = 0;
  for (const int64_t index : chosenSamples(choice, firstRecord.back())) {
    while (index >= firstRecord[f + 1]) ++f;
    ForwardReader& file = *readers[f];
    const int64_t i = index - firstRecord[f];
    file.read(uint64_t(i * record), r.data(), r.size());
    const int label = r[layout.labelBytes - 1];
    if (label >= layout.classes)
      throw FormatError(file.path() + ": record " + std::to_string(i) + " has label " +
                        std::to_string(label) + ", but " + layout.name + " has " +
                        std::to_string(layout.classes) + " classes");
    set.labels.push_back(label);
    set.bytes.insert(set.bytes.end(), r.begin() + layout.labelBytes, r.end());
    ++set.count;
  }
  return set;
}

}  // namespace

ImageSet readCifar10Folder(const std::string& folder, Split split, const SampleChoice& choice) {
  const CifarLayout layout{"CIFAR-10", "cifar-10-batches-bin", 1, 10};
  const std::string dir = resolveFolder(folder, layout.subfolder);
  std::vector<std::string> files;
  if (split == Split::Train) {
    for (int i = 1; i <= 5; ++i) files.push_back("data_batch_" + std::to_string(i) + ".bin");
  } else {
    files.push_back("test_batch.bin");
  }
  return readCifar(dir, files, layout, choice);
}

ImageSet readCifar100Folder(const std::string& folder, Split split, const SampleChoice& choice) {
  const CifarLayout layout{"CIFAR-100", "cifar-100-binary", 2, 100};
  const std::string dir = resolveFolder(folder, layout.subfolder);
  return readCifar(dir, {split == Split::Train ? "train.bin" : "test.bin"}, layout, choice);
}

}  // namespace basin
