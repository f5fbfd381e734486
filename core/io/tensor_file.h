// Named tensors as a weight file holds them (Basin checkpoint, PyTorch, safetensors), and the
// one place that matches them to a network's state by name.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/net/network.h"

namespace basin {

struct StoredTensor {
  Shape shape;
  std::vector<float> values;      // floating-point tensors, converted to float32
  std::vector<int64_t> integers;  // integer tensors (num_batches_tracked)
  bool isInteger() const { return values.empty() && !integers.empty(); }
};

struct TensorFile {
  std::map<std::string, StoredTensor> tensors;
  std::string metadataJson = "{}";  // a JSON object of whatever scalars the file carries
};

// The name without a leading "module." (what DataParallel adds).
std::string withoutModulePrefix(const std::string& name);

// Copies every state entry of `network` from `file` by name. A "module." prefix (DataParallel)
// on the file's names is dropped; num_batches_tracked counters the network lacks are ignored.
// Throws FormatError listing missing and unexpected tensors, or ShapeError for a tensor of another
// shape, each naming `path`.
void applyTensors(const TensorFile& file, const std::string& path, Network& network);

}  // namespace basin
