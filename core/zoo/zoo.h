// The model zoo: CIFAR-style architectures of the loss-landscape paper with PyTorch's names
// (see ../shared/docs/reference.md and tests/fixtures/torch_zoo.py, their PyTorch twin).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/net/network.h"

namespace basin {

// A zoo architecture and the data it is built for.
struct ArchSpec {
  std::string name = "resnet20";
  int64_t inChannels = 3;
  int64_t height = 32;
  int64_t width = 32;
  int64_t numClasses = 10;
};

// The zoo's names: resnet20/32/44/56/110, wrn56_2/4/8, each also with "_noshort", vgg9,
// densenet121, densenet_cifar, densenet_bc40. (Any resnetD / wrnD_K with D = 6n+2 builds too.)
std::vector<std::string> zooNames();

// Builds the architecture with zero-initialized state (BatchNorm as the identity).
// Throws ArgumentError for an unknown name or bad option, ShapeError if the input size is too
// small for the architecture's pooling.
Network buildModel(const ArchSpec& spec);

// He-normal convolution and linear weights from a seeded generator, zero biases, identity
// BatchNorm: a reproducible untrained model for benchmarks and tests.
void initializeWeights(Network& network, uint64_t seed);

// Builders, one per family (zoo/resnet.cpp, zoo/vgg.cpp, zoo/densenet.cpp).
Network buildResNet(const ArchSpec& spec, int depth, int widthFactor, bool shortcuts);
Network buildVgg9(const ArchSpec& spec);
Network buildDenseNet(const ArchSpec& spec, const std::vector<int>& blocks, int growth);

}  // namespace basin
