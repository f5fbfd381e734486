// PyTorch checkpoints written by torch.save (the zip format of PyTorch >= 1.6): a state_dict,
// or a dict holding one under "state_dict", "model_state_dict" or "model"; the dict's other
// scalars (epoch, accuracy, ...) become metadata. Read through the restricted unpickler.
#pragma once

#include <string>

#include "core/io/tensor_file.h"

namespace basin {

// True if the file starts with a zip signature.
bool looksLikeZip(const std::string& path);

// Throws IoError / FormatError naming the file: not a zip (the legacy pre-1.6 format included),
// corrupt archive, refused pickle globals, storages shorter than their tensors need.
TensorFile readTorchCheckpoint(const std::string& path);

}  // namespace basin
