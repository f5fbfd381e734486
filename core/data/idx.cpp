// MNIST's IDX format: big-endian header (0, 0, type 0x08 = ubyte, rank), rank extents, data.
#include <filesystem>

#include "core/data/image_set.h"
#include "core/error.h"
#include "core/io/file_bytes.h"

namespace basin {
namespace {

// An IDX file's header, read without its data.
struct IdxHeader {
  std::vector<int64_t> dims;
  uint64_t offset = 0;   // where the data starts
  uint64_t perItem = 1;  // bytes of one item (an image, a label)
};

IdxHeader readIdxHeader(ForwardReader& file, int expectedRank) {
  const std::string& path = file.path();
  uint8_t magic[4] = {};
  try {
    file.read(0, magic, 4);
  } catch (const IoError&) {
    throw FormatError(path + ": not an IDX file (wrong magic number)");
  }
  if (magic[0] != 0 || magic[1] != 0)
    throw FormatError(path + ": not an IDX file (wrong magic number)");
  if (magic[2] != 0x08)
    throw FormatError(path + ": IDX element type " + std::to_string(magic[2]) +
                      " is not unsigned bytes (0x08)");
  if (magic[3] != expectedRank)
    throw FormatError(path + ": IDX file has " + std::to_string(magic[3]) +
                      " dimensions, expected " + std::to_string(expectedRank));
  IdxHeader h;
  h.offset = 4 + 4 * uint64_t(magic[3]);
  std::vector<uint8_t> extents(4 * magic[3]);
  try {
    file.read(4, extents.data(), extents.size());
  } catch (const IoError&) {
    throw FormatError(path + ": truncated IDX header");
  }
  uint64_t total = 1;
  for (int d = 0; d < magic[3]; ++d) {
    const uint8_t* p = extents.data() + 4 * d;
    const int64_t extent = (int64_t(p[0]) << 24) | (p[1] << 16) | (p[2] << 8) | p[3];
    h.dims.push_back(extent);
    if (extent != 0 && total > (uint64_t(1) << 40) / uint64_t(extent))
      throw FormatError(path + ": IDX header declares an absurd size (" + std::to_string(extent) +
                        " in dimension " + std::to_string(d) + ")");
    total *= uint64_t(extent);
    if (d > 0) h.perItem *= uint64_t(extent);
  }
  // The data's length, checked against the file without reading it (a gzip file records its
  // length in its last bytes).
  if (!file.sizeIs(h.offset + total)) {
    const uint64_t present = file.size() > h.offset ? file.size() - h.offset : 0;
    if (file.compressed())
      throw FormatError(path + ": truncated or corrupt: the header promises " +
                        std::to_string(total) + " data bytes, the gzip stream records " +
                        std::to_string(present) + " (modulo 4 GiB)");
    if (present < total)
      throw FormatError(path + ": truncated: header promises " + std::to_string(total) +
                        " data bytes, file has " + std::to_string(present));
    throw FormatError(path + ": " + std::to_string(present - total) +
                      " unexpected bytes after the data");
  }
  return h;
}

// The chosen items' bytes, in order.
std::vector<uint8_t> readItems(ForwardReader& file, const IdxHeader& h,
                               const std::vector<int64_t>& chosen) {
  std::vector<uint8_t> bytes(chosen.size() * h.perItem);
  for (size_t k = 0; k < chosen.size(); ++k)
    file.read(h.offset + uint64_t(chosen[k]) * h.perItem, bytes.data() + k * h.perItem, h.perItem);
  return bytes;
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

ImageSet readIdx(const std::string& imagesPath, const std::string& labelsPath,
                 const SampleChoice& choice) {
  ForwardReader imageFile(imagesPath), labelFile(labelsPath);
  const IdxHeader images = readIdxHeader(imageFile, 3);
  const IdxHeader labels = readIdxHeader(labelFile, 1);
  if (images.dims[0] != labels.dims[0])
    throw FormatError(imagesPath + " holds " + std::to_string(images.dims[0]) + " images but " +
                      labelsPath + " holds " + std::to_string(labels.dims[0]) + " labels");
  const std::vector<int64_t> chosen = chosenSamples(choice, images.dims[0]);
  ImageSet set;
  set.count = int64_t(chosen.size());
  set.channels = 1;
  set.height = images.dims[1];
  set.width = images.dims[2];
  set.bytes = readItems(imageFile, images, chosen);
  const std::vector<uint8_t> labelBytes = readItems(labelFile, labels, chosen);
  set.labels.assign(labelBytes.begin(), labelBytes.end());
  set.source = imagesPath;
  return set;
}

ImageSet readMnistFolder(const std::string& folder, Split split, const SampleChoice& choice) {
  const std::string prefix = split == Split::Train ? "train" : "t10k";
  const std::string images = findFile(folder, prefix + "-images-idx3-ubyte");
  const std::string labels = findFile(folder, prefix + "-labels-idx1-ubyte");
  ImageSet set = readIdx(images, labels, choice);
  set.source = folder + (split == Split::Train ? " (train)" : " (test)");
  return set;
}

}  // namespace basin
