// Where each checkpoint of a trajectory lies on the PCA plane, in the reference's file layout.
#pragma once

#include <string>
#include <vector>

namespace basin {

// The reference's projection file: datasets proj_xcoord and proj_ycoord, plus Basin's
// attribute `checkpoints` (one path per line). Written atomically; reading throws IoError or
// FormatError naming the file.
struct Projection {
  std::vector<double> x, y;
  std::vector<std::string> checkpoints;  // empty for files from the reference
};
void writeProjectionFile(const std::string& path, const Projection& projection);
Projection readProjectionFile(const std::string& path);

}  // namespace basin
