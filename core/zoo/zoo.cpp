#include "core/zoo/zoo.h"

#include <cmath>
#include <random>

#include "core/error.h"

namespace basin {
namespace {

// Parses "resnet56" / "wrn56_4" (without "_noshort"); false if `name` is neither.
bool parseResNet(const std::string& name, int& depth, int& width) {
  try {
    if (name.rfind("resnet", 0) == 0 && name.size() > 6) {
      size_t used = 0;
      depth = std::stoi(name.substr(6), &used);
      width = 1;
      return used == name.size() - 6;
    }
    if (name.rfind("wrn", 0) == 0) {
      const size_t sep = name.find('_');
      if (sep == std::string::npos) return false;
      size_t usedDepth = 0, usedWidth = 0;
      depth = std::stoi(name.substr(3, sep - 3), &usedDepth);
      width = std::stoi(name.substr(sep + 1), &usedWidth);
      return usedDepth == sep - 3 && usedWidth == name.size() - sep - 1;
    }
  } catch (const std::exception&) {
  }
  return false;
}

std::string joined(const std::vector<std::string>& names) {
  std::string s;
  for (const auto& n : names) s += (s.empty() ? "" : ", ") + n;
  return s;
}

// The reference's ImageNet-style ResNets (`ResNet` in its resnet.py): blocks per stage, and
// whether they are bottlenecks. These names take precedence over the CIFAR rule resnetD (D = 6n+2
// would also read resnet50 and resnet152 as CIFAR depths, another network under the same name).
struct ImageNetResNet {
  const char* name;
  std::vector<int> blocks;
  bool bottleneck;
};
const std::vector<ImageNetResNet>& imageNetResNets() {
  static const std::vector<ImageNetResNet> table = {{"resnet18", {2, 2, 2, 2}, false},
                                                    {"resnet34", {3, 4, 6, 3}, false},
                                                    {"resnet50", {3, 4, 6, 3}, true},
                                                    {"resnet101", {3, 4, 23, 3}, true},
                                                    {"resnet152", {3, 8, 36, 3}, true}};
  return table;
}

}  // namespace

std::vector<std::string> referenceZooNames() {
  // The keys of the reference's cifar10/model_loader.py, in its order.
  return {"vgg9",
          "densenet121",
          "resnet18",
          "resnet18_noshort",
          "resnet34",
          "resnet34_noshort",
          "resnet50",
          "resnet50_noshort",
          "resnet101",
          "resnet101_noshort",
          "resnet152",
          "resnet152_noshort",
          "resnet20",
          "resnet20_noshort",
          "resnet32_noshort",
          "resnet44_noshort",
          "resnet50_16_noshort",
          "resnet56",
          "resnet56_noshort",
          "resnet110",
          "resnet110_noshort",
          "wrn56_2",
          "wrn56_2_noshort",
          "wrn56_4",
          "wrn56_4_noshort",
          "wrn56_8",
          "wrn56_8_noshort",
          "wrn110_2_noshort",
          "wrn110_4_noshort"};
}

std::vector<std::string> zooNames() {
  std::vector<std::string> names = referenceZooNames();
  for (const char* extra : {"resnet32", "resnet44", "densenet_cifar", "densenet_bc40"})
    names.push_back(extra);
  return names;
}

Network buildModel(const ArchSpec& spec) {
  if (spec.inChannels < 1 || spec.height < 1 || spec.width < 1 || spec.numClasses < 1 ||
      spec.inChannels > 4096 || spec.height > 8192 || spec.width > 8192 ||
      spec.numClasses > 1000000)
    throw ArgumentError("architecture '" + spec.name + "': input " +
                        std::to_string(spec.inChannels) + "x" + std::to_string(spec.height) + "x" +
                        std::to_string(spec.width) + " with " + std::to_string(spec.numClasses) +
                        " classes is out of range");
  const std::string noshort = "_noshort";
  const bool plain =
      spec.name.size() > noshort.size() &&
      spec.name.compare(spec.name.size() - noshort.size(), noshort.size(), noshort) == 0;
  const std::string base =
      plain ? spec.name.substr(0, spec.name.size() - noshort.size()) : spec.name;
  for (const ImageNetResNet& r : imageNetResNets())
    if (base == r.name) return buildImageNetResNet(spec, r.blocks, r.bottleneck, !plain);
  // The reference's ResNet50_16_noshort: the CIFAR family at depth 50 (8 blocks a stage).
  if (spec.name == "resnet50_16_noshort") return buildResNet(spec, 50, 1, false);
  int depth = 0, width = 0;
  if (parseResNet(base, depth, width)) {
    // 1202 is the deepest CIFAR ResNet published (He et al. 2016); a file asking for more is
    // corrupt or hostile, and would allocate without end.
    if (depth < 8 || depth > 1202 || (depth - 2) % 6 != 0 || width < 1 || width > 16)
      throw ArgumentError("architecture '" + spec.name +
                          "': ResNet depth must be 6n+2 (20, 32, 44, 56, 110, ... 1202) and "
                          "width 1-16");
    return buildResNet(spec, depth, width, !plain);
  }
  if (!plain) {
    if (spec.name == "vgg9") return buildVgg9(spec);
    if (spec.name == "densenet121") return buildDenseNet(spec, {6, 12, 24, 16}, 32);
    if (spec.name == "densenet_cifar") return buildDenseNet(spec, {6, 12, 24, 16}, 12);
    if (spec.name == "densenet_bc40") return buildDenseNet(spec, {6, 6, 6}, 12);
  }
  throw ArgumentError("unknown architecture '" + spec.name + "'; the zoo has " +
                      joined(zooNames()));
}

void initializeWeights(Network& network, uint64_t seed) {
  std::mt19937_64 rng(seed);
  StateDict& state = network.state();
  for (const Node& n : network.nodes()) {
    if (n.op != OpKind::Conv2d && n.op != OpKind::Linear) continue;
    auto w = state.values(n.weight);
    const double fanIn = double(w.size()) / double(state.entry(n.weight).shape[0]);
    std::normal_distribution<float> normal(0.0f, static_cast<float>(std::sqrt(2.0 / fanIn)));
    for (float& v : w) v = normal(rng);
    if (n.bias >= 0)
      for (float& v : state.values(n.bias)) v = 0.0f;
  }
}

}  // namespace basin
