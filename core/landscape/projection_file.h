// Where each checkpoint of a trajectory lies on the PCA plane, in the reference's file layout.
#pragma once

#include <string>
#include <vector>

namespace basin {

// The reference's projection file: datasets proj_xcoord and proj_ycoord, plus Basin's
// attributes `checkpoints` (one path per line) and `dir_file` (the PCA direction file whose plane
// the points lie on). Written atomically; reading throws IoError or FormatError naming the file.
struct Projection {
  std::vector<double> x, y;
  std::vector<std::string> checkpoints;  // empty for files from the reference
  std::string dirFile;                   // empty for files from the reference
};
void writeProjectionFile(const std::string& path, const Projection& projection);
Projection readProjectionFile(const std::string& path);

// The direction file whose plane a projection file's points lie on: its `dir_file`, else what
// its name says (the reference writes DIRS_proj_cos.h5 beside DIRS, Basin DIRSTEM_proj.h5).
// Relative names are taken from the projection file's folder; empty when neither tells.
std::string directionFileOfProjection(const Projection& projection,
                                      const std::string& projectionPath);

}  // namespace basin
