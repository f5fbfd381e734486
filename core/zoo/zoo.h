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

// The keys of the reference's cifar10/model_loader.py, each meaning its network there: vgg9,
// densenet121, the ImageNet-style resnet18/34/50/101/152 (basic or bottleneck blocks, 64-512
// channels) and the CIFAR resnet20/56/110, resnet32/44_noshort, resnet50_16_noshort (CIFAR depth
// 50), wrn56_2/4/8, wrn110_2/4_noshort, with "_noshort" where the reference has it.
std::vector<std::string> referenceZooNames();

// Every name of the zoo: the reference's keys, then Basin's additions resnet32, resnet44,
// densenet_cifar and densenet_bc40. (Any other resnetD / wrnD_K with D = 6n+2, with or without
// "_noshort", builds the CIFAR family at that depth too.)
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
Network buildImageNetResNet(const ArchSpec& spec, const std::vector<int>& blocks, bool bottleneck,
                            bool shortcuts);
Network buildVgg9(const ArchSpec& spec);
Network buildDenseNet(const ArchSpec& spec, const std::vector<int>& blocks, int growth);

}  // namespace basin
