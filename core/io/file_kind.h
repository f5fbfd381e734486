// What a file the user hands over is (a model, a data set, a surface, directions, a trajectory
// projection), decided by content, so the GUI's Open and drag-and-drop take any of them.
#pragma once

#include <string>

namespace basin {

enum class FileKind { Model, Dataset, Surface, Directions, Projection };

struct FileInfo {
  FileKind kind;
  std::string path;
  std::string dataSpec;  // Dataset: what openDataset takes ("mnist:DIR", "cifar10:DIR", "h5:F")
};

// Classifies a file or a folder: HDF5 files by the datasets they hold (xcoordinates: surface,
// proj_xcoord: projection, xdirection: directions, images + labels: data set, else a Basin
// checkpoint); IDX files and CIFAR .bin files as the data set of their folder (a folder works
// too); anything detectModelFormat recognizes as a model. Throws IoError for a missing file and
// FormatError naming the file when it is none of these.
FileInfo classifyFile(const std::string& path);

const char* fileKindName(FileKind kind);

}  // namespace basin
