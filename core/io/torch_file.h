// PyTorch checkpoints written by torch.save (the zip format of PyTorch >= 1.6, and the legacy
// format of PyTorch 0.4 to 1.5 the reference's .t7 files have): a state_dict,
// or a dict holding one under "state_dict", "model_state_dict" or "model"; the dict's other
// scalars (epoch, accuracy, ...) become metadata. Read through the restricted unpickler.
#pragma once

#include <string>

#include "core/io/tensor_file.h"

namespace basin {

// True if the file starts with a zip signature.
bool looksLikeZip(const std::string& path);

// Throws IoError / FormatError naming the file: neither format, corrupt archive or stream,
// refused pickle globals, storages shorter than their tensors need.
TensorFile readTorchCheckpoint(const std::string& path);

}  // namespace basin
