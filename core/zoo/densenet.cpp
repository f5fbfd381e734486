// DenseNet-BC for CIFAR (reference's densenet.py): bottleneck layers whose output is
// concat([new features, input]), transitions halving channels and resolution.
#include "core/zoo/zoo.h"

namespace basin {

Network buildDenseNet(const ArchSpec& spec, const std::vector<int>& blocks, int growth) {
  Network net({spec.inChannels, spec.height, spec.width});
  int64_t planes = 2 * growth;
  int x = net.conv2d(net.input(), "conv1", planes, 3, 1, 1, false);
  for (size_t b = 0; b < blocks.size(); ++b) {
    net.pushScope("dense" + std::to_string(b + 1));
    for (int i = 0; i < blocks[b]; ++i) {
      net.pushScope(std::to_string(i));
      int y = net.conv2d(net.relu(net.batchNorm(x, "bn1")), "conv1", 4 * growth, 1, 1, 0, false);
      y = net.conv2d(net.relu(net.batchNorm(y, "bn2")), "conv2", growth, 3, 1, 1, false);
      x = net.concat({y, x});
      net.popScope();
      planes += growth;
    }
    net.popScope();
    if (b + 1 < blocks.size()) {
      net.pushScope("trans" + std::to_string(b + 1));
      planes = planes / 2;
      x = net.conv2d(net.relu(net.batchNorm(x, "bn")), "conv", planes, 1, 1, 0, false);
      x = net.avgPool2d(x, {2, 2, 2, 2, 0, 0, false});
      net.popScope();
    }
  }
  x = net.globalAvgPool(net.relu(net.batchNorm(x, "bn")));
  net.setOutput(net.linear(x, "linear", spec.numClasses));
  return net;
}

}  // namespace basin
