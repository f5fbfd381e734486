// MNIST's IDX format: big-endian header (0, 0, type 0x08 = ubyte, rank), rank extents, data.
#include <filesystem>

#include "core/data/image_set.h"
#include "core/error.h"
#include "core/io/file_bytes.h"

namespace basin {
namespace {

struct IdxArray {
  std::vector<int64_t> dims;
  std::vector<uint8_t> bytes;  // header included; data starts at `offset`
  size_t offset = 0;
};

IdxArray readIdxFile(const std::string& path, int expectedRank) {
  IdxArray a;
  a.bytes = readFileBytes(path);
  const auto& b = a.bytes;
  if (b.size() < 4 || b[0] != 0 || b[1] != 0)
    throw FormatError(path + ": not an IDX file (wrong magic number)");
  if (b[2] != 0x08)
    throw FormatError(path + ": IDX element type " + std::to_string(b[2]) +
                      " is not unsigned bytes (0x08)");
  if (b[3] != expectedRank)
    throw FormatError(path + ": IDX file has " + std::to_string(b[3]) + " dimensions, expected " +
                      std::to_string(expectedRank));
  a.offset = 4 + 4 * size_t(b[3]);
  if (b.size() < a.offset) throw FormatError(path + ": truncated IDX header");
  uint64_t total = 1;
  for (int d = 0; d < b[3]; ++d) {
    const uint8_t* p = b.data() + 4 + 4 * d;
    const int64_t extent = (int64_t(p[0]) << 24) | (p[1] << 16) | (p[2] << 8) | p[3];
    a.dims.push_back(extent);
    if (extent != 0 && total > (uint64_t(1) << 40) / uint64_t(extent))
      throw FormatError(path + ": IDX header declares an absurd size (" + std::to_string(extent) +
                        " in dimension " + std::to_string(d) + ")");
    total *= uint64_t(extent);
  }
  const uint64_t present = b.size() - a.offset;
  if (present < total)
    throw FormatError(path + ": truncated: header promises " + std::to_string(total) +
                      " data bytes, file has " + std::to_string(present));
  if (present > total)
    throw FormatError(path + ": " + std::to_string(present - total) +
                      " unexpected bytes after the data");
  return a;
}

// `name` or `name.gz` inside `folder`.
std::string findFile(const std::string& folder, const std::string& name) {
  for (const std::string& candidate : {name, name + ".gz"}) {
    const auto p = std::filesystem::path(folder) / candidate;
    std::error_code ec;  // a path too long or unreadable is simply not there
    if (std::filesystem::exists(p, ec)) return p.string();
  }
  throw IoError(folder + ": no " + name + " or " + name + ".gz in this folder");
}

}  // namespace

ImageSet readIdx(const std::string& imagesPath, const std::string& labelsPath) {
  IdxArray images = readIdxFile(imagesPath, 3);
  const IdxArray labels = readIdxFile(labelsPath, 1);
  if (images.dims[0] != labels.dims[0])
    throw FormatError(imagesPath + " holds " + std::to_string(images.dims[0]) + " images but " +
                      labelsPath + " holds " + std::to_string(labels.dims[0]) + " labels");
  ImageSet set;
  set.count = images.dims[0];
  set.channels = 1;
  set.height = images.dims[1];
  set.width = images.dims[2];
  set.bytes.assign(images.bytes.begin() + images.offset, images.bytes.end());
  set.labels.assign(labels.bytes.begin() + labels.offset, labels.bytes.end());
  set.source = imagesPath;
  return set;
}

ImageSet readMnistFolder(const std::string& folder, Split split) {
  const std::string prefix = split == Split::Train ? "train" : "t10k";
  const std::string images = findFile(folder, prefix + "-images-idx3-ubyte");
  const std::string labels = findFile(folder, prefix + "-labels-idx1-ubyte");
  ImageSet set = readIdx(images, labels);
  set.source = folder + (split == Split::Train ? " (train)" : " (test)");
  return set;
}

}  // namespace basin
