#include "core/landscape/projection_file.h"

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
  } catch (const H5::Exception& e) {
    throw FormatError(path + ": corrupt projection file (" + e.getDetailMsg() + ")");
  }
  if (p.x.size() != p.y.size())
    throw FormatError(path + ": proj_xcoord and proj_ycoord differ in length");
  return p;
}

}  // namespace basin
