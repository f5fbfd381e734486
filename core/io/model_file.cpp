#include "core/io/model_file.h"

#include <filesystem>
#include <fstream>

#include "core/error.h"
#include "core/io/safetensors.h"
#include "core/io/tensor_file.h"
#include "core/io/torch_file.h"

namespace basin {

ModelFormat detectModelFormat(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) throw IoError(path + ": file not found");
  std::ifstream in(path, std::ios::binary);
  char head[8] = {};
  in.read(head, 8);
  if (in.gcount() == 8 && std::string(head, 8) == "\x89HDF\r\n\x1a\n")
    return ModelFormat::BasinCheckpoint;
  if (looksLikeZip(path)) return ModelFormat::PyTorchZip;
  if (looksLikeSafetensors(path)) return ModelFormat::Safetensors;
  return ModelFormat::Unknown;
}

const char* formatName(ModelFormat format) {
  switch (format) {
    case ModelFormat::BasinCheckpoint:
      return "Basin checkpoint (HDF5)";
    case ModelFormat::PyTorchZip:
      return "PyTorch checkpoint (torch.save zip)";
    case ModelFormat::Safetensors:
      return "safetensors";
    case ModelFormat::Unknown:
      break;
  }
  return "unknown";
}

Checkpoint loadModel(const std::string& path, const std::optional<ArchSpec>& arch) {
  const ModelFormat format = detectModelFormat(path);
  if (format == ModelFormat::BasinCheckpoint) {
    Checkpoint c = loadCheckpoint(path);
    if (arch && arch->name != c.arch.name)
      throw ArgumentError(path + " holds a " + c.arch.name + ", not the requested " + arch->name);
    return c;
  }
  if (format == ModelFormat::Unknown)
    throw FormatError(path +
                      ": not a model file Basin reads (Basin checkpoint, PyTorch "
                      "torch.save zip, safetensors)");
  if (!arch)
    throw ArgumentError(path + " is a " + formatName(format) +
                        " holding weights only: name its architecture with --arch");
  TensorFile tensors =
      format == ModelFormat::PyTorchZip ? readTorchCheckpoint(path) : readSafetensors(path);
  Network network = buildModel(*arch);
  applyTensors(tensors, path, network);
  return {*arch, std::move(network), tensors.metadataJson};
}

}  // namespace basin
