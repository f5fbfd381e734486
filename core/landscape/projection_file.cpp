#include "core/landscape/projection_file.h"

#include <filesystem>
#include <sstream>

#include "core/error.h"
#include "core/io/hdf5.h"

namespace basin {

void writeProjectionFile(const std::string& path, const Projection& projection) {
  if (projection.x.size() != projection.y.size())
    throw ArgumentError("projection: x and y differ in length");
  hdf5::writeAtomically(path, [&](H5::H5File& file) {
    const std::vector<hsize_t> dims{projection.x.size()};
    hdf5::writeDoubles(file, "proj_xcoord", dims, projection.x);
    hdf5::writeDoubles(file, "proj_ycoord", dims, projection.y);
    std::string list;
    for (const std::string& c : projection.checkpoints) list += c + "\n";
    if (!list.empty()) hdf5::writeStringAttribute(file, "checkpoints", list);
    if (!projection.dirFile.empty())
      hdf5::writeStringAttribute(file, "dir_file", projection.dirFile);
  });
}

Projection readProjectionFile(const std::string& path) {
  const H5::H5File file = hdf5::openReadOnly(path);
  Projection p;
  try {
    for (const char* name : {"proj_xcoord", "proj_ycoord"})
      if (!file.nameExists(name))
        throw FormatError(path + ": not a projection file (no '" + name + "')");
    p.x = hdf5::readDoubles(file, "proj_xcoord", path);
    p.y = hdf5::readDoubles(file, "proj_ycoord", path);
    if (hdf5::hasAttribute(file, "checkpoints")) {
      std::istringstream lines(hdf5::readStringAttribute(file, "checkpoints"));
      for (std::string line; std::getline(lines, line);) p.checkpoints.push_back(line);
    }
    if (hdf5::hasAttribute(file, "dir_file"))
      p.dirFile = hdf5::readStringAttribute(file, "dir_file");
  } catch (const H5::Exception& e) {
    throw FormatError(path + ": corrupt projection file (" + e.getDetailMsg() + ")");
  }
  if (p.x.size() != p.y.size())
    throw FormatError(path + ": proj_xcoord and proj_ycoord differ in length");
  return p;
}

std::string directionFileOfProjection(const Projection& projection,
                                      const std::string& projectionPath) {
  namespace fs = std::filesystem;
  const fs::path folder = fs::path(projectionPath).parent_path();
  if (!projection.dirFile.empty()) {
    const fs::path named(projection.dirFile);
    return named.is_relative() ? (folder / named).string() : named.string();
  }
  const std::string name = fs::path(projectionPath).filename().string();
  const size_t reference = name.rfind(".h5_proj_");  // the reference: DIRS.h5_proj_cos.h5
  if (reference != std::string::npos) return (folder / name.substr(0, reference + 3)).string();
  const std::string basin = "_proj.h5";  // Basin: DIRSTEM_proj.h5
  if (name.size() > basin.size() &&
      name.compare(name.size() - basin.size(), basin.size(), basin) == 0)
    return (folder / (name.substr(0, name.size() - basin.size()) + ".h5")).string();
  return {};
}

}  // namespace basin
