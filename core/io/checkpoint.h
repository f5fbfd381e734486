// Basin's native checkpoint: an HDF5 file holding the zoo architecture (JSON attribute), one
// dataset per state_dict entry under /state with its PyTorch name, and free-form metadata
// (JSON attribute). Layout in docs/formats.md.
#pragma once

#include <string>

#include "core/net/network.h"
#include "core/zoo/zoo.h"

namespace basin {

struct Checkpoint {
  ArchSpec arch;
  Network network;
  std::string metadataJson = "{}";  // a JSON object: epoch, accuracy, anything else
};

// Opens a checkpoint and builds its network with the stored state.
// Throws IoError (missing/unreadable), FormatError (not HDF5, not a Basin checkpoint, bad
// architecture JSON, unknown architecture, missing or unexpected tensors) or ShapeError (a tensor
// whose shape differs from the architecture's), each naming the file.
Checkpoint loadCheckpoint(const std::string& path);

// Writes a checkpoint atomically (a temporary file renamed over `path`). Throws IoError.
void saveCheckpoint(const std::string& path, const ArchSpec& arch, const Network& network,
                    const std::string& metadataJson = "{}");

// Architecture <-> the JSON of the `architecture` attribute. archFromJson throws FormatError
// mentioning `where` when a field is missing or has the wrong type.
std::string archToJson(const ArchSpec& arch);
ArchSpec archFromJson(const std::string& json, const std::string& where);

}  // namespace basin
