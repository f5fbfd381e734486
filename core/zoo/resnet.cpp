// ResNet-D and Wide-ResNet-D-k for CIFAR, with and without shortcuts (reference's resnet.py).
#include "core/zoo/zoo.h"

namespace basin {
namespace {

// conv-bn-relu-conv-bn (+ shortcut) - relu; scope is the block's ("layer2.0").
int basicBlock(Network& net, int x, int64_t inPlanes, int64_t planes, int64_t stride,
               bool shortcuts) {
  int out = net.relu(net.batchNorm(net.conv2d(x, "conv1", planes, 3, stride, 1, false), "bn1"));
  out = net.batchNorm(net.conv2d(out, "conv2", planes, 3, 1, 1, false), "bn2");
  if (shortcuts) {
    int skip = x;
    if (stride != 1 || inPlanes != planes) {
      net.pushScope("shortcut");
      skip = net.batchNorm(net.conv2d(x, "0", planes, 1, stride, 0, false), "1");
      net.popScope();
    }
    out = net.add(out, skip);
  }
  return net.relu(out);
}

}  // namespace

Network buildResNet(const ArchSpec& spec, int depth, int widthFactor, bool shortcuts) {
  Network net({spec.inChannels, spec.height, spec.width});
  const int blocks = (depth - 2) / 6;
  int64_t planes = 16 * widthFactor;
  int x = net.relu(net.batchNorm(net.conv2d(net.input(), "conv1", planes, 3, 1, 1, false), "bn1"));
  int64_t inPlanes = planes;
  for (int stage = 1; stage <= 3; ++stage) {
    planes = (16 * widthFactor) << (stage - 1);
    net.pushScope("layer" + std::to_string(stage));
    for (int b = 0; b < blocks; ++b) {
      net.pushScope(std::to_string(b));
      x = basicBlock(net, x, inPlanes, planes, (stage > 1 && b == 0) ? 2 : 1, shortcuts);
      net.popScope();
      inPlanes = planes;
    }
    net.popScope();
  }
  net.setOutput(net.linear(net.globalAvgPool(x), "linear", spec.numClasses));
  return net;
}

}  // namespace basin
