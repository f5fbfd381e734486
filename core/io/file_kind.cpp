#include "core/io/file_kind.h"

#include <H5Cpp.h>

#include <filesystem>
#include <fstream>

#include "core/error.h"
#include "core/io/hdf5.h"
#include "core/io/model_file.h"

namespace basin {
namespace fs = std::filesystem;
namespace {

// The data set a folder holds, by the standard file names; empty if none.
std::string folderDataSpec(const fs::path& dir) {
  auto has = [&](const char* name) { return fs::exists(dir / name); };
  for (const char* idx : {"train-images-idx3-ubyte", "t10k-images-idx3-ubyte",
                          "train-images-idx3-ubyte.gz", "t10k-images-idx3-ubyte.gz"})
    if (has(idx)) return "mnist:" + dir.string();
  if (has("data_batch_1.bin") || has("test_batch.bin")) return "cifar10:" + dir.string();
  if (has("train.bin") || has("test.bin")) return "cifar100:" + dir.string();
  return {};
}

bool startsWith(const std::string& path, const std::string& magic) {
  std::ifstream in(path, std::ios::binary);
  std::string head(magic.size(), '\0');
  return in.read(head.data(), std::streamsize(head.size())) && head == magic;
}

}  // namespace

const char* fileKindName(FileKind kind) {
  switch (kind) {
    case FileKind::Model:
      return "model";
    case FileKind::Dataset:
      return "data set";
    case FileKind::Surface:
      return "surface";
    case FileKind::Directions:
      return "directions";
    case FileKind::Projection:
      return "trajectory projection";
  }
  return "?";
}

FileInfo classifyFile(const std::string& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) throw IoError(path + ": no such file or folder");
  if (fs::is_directory(path, ec)) {
    const std::string spec = folderDataSpec(path);
    if (spec.empty())
      throw FormatError(path + ": a folder without MNIST (IDX) or CIFAR (.bin) files");
    return {FileKind::Dataset, path, spec};
  }
  if (startsWith(path, "\x89HDF\r\n\x1a\n")) {
    const H5::H5File file = hdf5::openReadOnly(path);
    if (file.nameExists("xcoordinates")) return {FileKind::Surface, path, {}};
    if (file.nameExists("proj_xcoord")) return {FileKind::Projection, path, {}};
    if (file.nameExists("xdirection")) return {FileKind::Directions, path, {}};
    if (file.nameExists("images") || file.nameExists("train") || file.nameExists("test"))
      return {FileKind::Dataset, path, "h5:" + path};
    return {FileKind::Model, path, {}};
  }
  const fs::path dir =
      fs::path(path).parent_path().empty() ? fs::path(".") : fs::path(path).parent_path();
  const std::string name = fs::path(path).filename().string();
  if (name.find("-ubyte") != std::string::npos || name.ends_with(".bin")) {
    const std::string spec = folderDataSpec(dir);
    if (!spec.empty()) return {FileKind::Dataset, path, spec};
  }
  if (detectModelFormat(path) != ModelFormat::Unknown) return {FileKind::Model, path, {}};
  throw FormatError(path +
                    ": not a file Basin opens (a model, a data set, or a surface, direction or "
                    "projection file)");
}

}  // namespace basin
