// The front door for model files: picks the reader by content (magic bytes), not extension.
#pragma once

#include <optional>
#include <string>

#include "core/io/checkpoint.h"

namespace basin {

enum class ModelFormat {
  BasinCheckpoint,
  PyTorchZip,
  PyTorchLegacy,  // torch.save before PyTorch 1.6: recognised, refused with advice
  Safetensors,
  Onnx,
  Unknown
};

// The format the file's first bytes announce. Throws IoError if the file is missing.
ModelFormat detectModelFormat(const std::string& path);
const char* formatName(ModelFormat format);

// Opens a Basin checkpoint (architecture inside; `arch`, if given, must name the same one), an
// ONNX model (architecture inside; no `arch`), or PyTorch / safetensors weights, which need
// `arch`: a zoo architecture and its options, or the path of an ONNX file of the same model
// whose tensor names the weights match.
// Throws ArgumentError when `arch` is missing or contradicts the file, FormatError when a tensor
// holds NaN or infinite values, and whatever the readers throw.
Checkpoint loadModel(const std::string& path, const std::optional<ArchSpec>& arch);

}  // namespace basin
