// ONNX models (architecture + weights) through Debian's ONNX protobuf classes. Initializer names
// become state entry names, so a PyTorch export keeps state_dict names; BatchNormalization
// inputs become BN parameters and running statistics, as in PyTorch.
#pragma once

#include <string>

#include "core/io/checkpoint.h"

namespace basin {

// True if the file parses as an ONNX ModelProto with a graph (cheap enough to call on any file
// that is not one of the other formats).
bool looksLikeOnnx(const std::string& path);

// Builds the network the file describes. The returned arch has name "onnx" and the graph's
// input and output sizes; metadataJson records the producer, the opset and "batchnorm_folded"
// (true when the exporter folded BatchNorm into the convolutions, which renames their weights).
// Throws IoError / FormatError naming the file, and for an unsupported node its name, op type
// and attribute.
Checkpoint readOnnx(const std::string& path);

}  // namespace basin
