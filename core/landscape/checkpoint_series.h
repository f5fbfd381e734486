// The checkpoints of one training run, in training order: from a folder, a glob pattern
// (`run/model_*.pt`) or an explicit list of files.
#pragma once

#include <string>
#include <vector>

namespace basin {

// "model_2.pt" < "model_10.pt": digit runs compare as numbers, everything else as text.
bool naturalLess(const std::string& a, const std::string& b);

// One argument that is a folder gives its regular files whose names end in .h5, .hdf5, .pt,
// .pth, .t7, .bin, .ckpt, .safetensors or .onnx, and of those only the model_* ones if there are
// any (the reference's training folder also holds opt_state_*.t7); one with *, ? or [ is a glob
// pattern; both are sorted naturally. `skipped`, if given, receives a folder's other files.
// Several arguments are an explicit list and keep their order. Throws IoError when a folder or
// pattern matches nothing or a listed file does not exist.
std::vector<std::string> resolveCheckpointSeries(const std::vector<std::string>& arguments,
                                                 std::vector<std::string>* skipped = nullptr);

}  // namespace basin
