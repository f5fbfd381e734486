#include "core/io/model_file.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>

#include "core/error.h"
#include "core/io/onnx_model.h"
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
  // Legacy torch.save: a protocol-2 pickle of PyTorch's magic number (LONG1, 10 bytes).
  if (in.gcount() >= 4 && std::string(head, 4) == "\x80\x02\x8a\x0a")
    return ModelFormat::PyTorchLegacy;
  if (looksLikeSafetensors(path)) return ModelFormat::Safetensors;
  // A damaged .onnx still counts as ONNX, so that the error says what is wrong with it.
  if (looksLikeOnnx(path) || path.ends_with(".onnx")) return ModelFormat::Onnx;
  return ModelFormat::Unknown;
}

const char* formatName(ModelFormat format) {
  switch (format) {
    case ModelFormat::BasinCheckpoint:
      return "Basin checkpoint (HDF5)";
    case ModelFormat::PyTorchZip:
      return "PyTorch checkpoint (torch.save zip)";
    case ModelFormat::PyTorchLegacy:
      return "PyTorch checkpoint (legacy, before 1.6)";
    case ModelFormat::Safetensors:
      return "safetensors";
    case ModelFormat::Onnx:
      return "ONNX";
    case ModelFormat::Unknown:
      break;
  }
  return "unknown";
}

namespace {

Checkpoint readModel(const std::string& path, const std::optional<ArchSpec>& arch) {
  const ModelFormat format = detectModelFormat(path);
  if (format == ModelFormat::BasinCheckpoint) {
    Checkpoint c = loadCheckpoint(path);
    if (arch && arch->name != c.arch.name)
      throw ArgumentError(path + " holds a " + c.arch.name + ", not the requested " + arch->name);
    return c;
  }
  if (format == ModelFormat::Onnx) {
    if (arch)
      throw ArgumentError(path + " is an ONNX model, which carries its architecture: drop --arch");
    return readOnnx(path);
  }
  if (format == ModelFormat::Unknown)
    throw FormatError(path +
                      ": not a model file Basin reads (Basin checkpoint, ONNX, PyTorch "
                      "torch.save, safetensors)");
  if (!arch)
    throw ArgumentError(path + " (" + formatName(format) +
                        ") holds weights only: name its architecture with --arch");
  TensorFile tensors =
      format == ModelFormat::Safetensors ? readSafetensors(path) : readTorchCheckpoint(path);
  // --arch names a zoo architecture, or an ONNX file that describes the same model.
  std::error_code ec;
  if (std::filesystem::is_regular_file(arch->name, ec)) {
    Checkpoint described = readOnnx(arch->name);
    applyTensors(tensors, path, described.network);
    described.metadataJson = tensors.metadataJson;
    return described;
  }
  Network network = buildModel(*arch);
  applyTensors(tensors, path, network);
  return {*arch, std::move(network), tensors.metadataJson};
}

// NaN or infinite weights (a diverged run, a corrupt file) make every loss of a surface NaN:
// refused here, naming the first such tensor, before hours of computing.
void checkFinite(const Network& network, const std::string& path) {
  const StateDict& state = network.state();
  for (int i = 0; i < static_cast<int>(state.entries().size()); ++i) {
    if (state.entry(i).kind == StateKind::Counter) continue;
    const auto values = state.values(i);
    const auto bad =
        std::count_if(values.begin(), values.end(), [](float v) { return !std::isfinite(v); });
    if (bad > 0)
      throw FormatError(path + ": tensor '" + state.entry(i).name + "' holds " +
                        std::to_string(bad) + " NaN or infinite value" + (bad > 1 ? "s" : "") +
                        " of " + std::to_string(values.size()) +
                        " (a diverged training run or a corrupt file)");
  }
}

}  // namespace

Checkpoint loadModel(const std::string& path, const std::optional<ArchSpec>& arch) {
  Checkpoint c = readModel(path, arch);
  checkFinite(c.network, path);
  return c;
}

}  // namespace basin
