// The reference's ResNets (its cifar10/models/resnet.py), with and without shortcuts:
// ResNet-D and Wide-ResNet-D-k of the CIFAR family (`ResNet_cifar`, `WResNet_cifar`: 3 stages of
// basic blocks from 16k channels) and the ImageNet-style ResNet-18/34/50/101/152 (`ResNet`:
// 4 stages from 64 channels, basic or bottleneck blocks, at CIFAR size: a 3x3 stem, no max pool).
#include "core/zoo/zoo.h"

namespace basin {
namespace {

// The projection shortcut (1x1 conv + BN) where the block changes resolution or width, else the
// identity; scope is the block's.
int shortcut(Network& net, int x, int64_t inPlanes, int64_t outPlanes, int64_t stride) {
  if (stride == 1 && inPlanes == outPlanes) return x;
  net.pushScope("shortcut");
  const int skip = net.batchNorm(net.conv2d(x, "0", outPlanes, 1, stride, 0, false), "1");
  net.popScope();
  return skip;
}

// conv-bn-relu-conv-bn (+ shortcut) - relu (reference: BasicBlock, BasicBlock_noshortcut).
int basicBlock(Network& net, int x, int64_t inPlanes, int64_t planes, int64_t stride,
               bool shortcuts) {
  int out = net.relu(net.batchNorm(net.conv2d(x, "conv1", planes, 3, stride, 1, false), "bn1"));
  out = net.batchNorm(net.conv2d(out, "conv2", planes, 3, 1, 1, false), "bn2");
  if (shortcuts) out = net.add(out, shortcut(net, x, inPlanes, planes, stride));
  return net.relu(out);
}

// 1x1 - 3x3 (stride) - 1x1 to 4 x planes, + shortcut - relu (reference: Bottleneck). The
// reference's Bottleneck_noshortcut ends at bn3, with no ReLU (unlike its basic blocks).
int bottleneckBlock(Network& net, int x, int64_t inPlanes, int64_t planes, int64_t stride,
                    bool shortcuts) {
  int out = net.relu(net.batchNorm(net.conv2d(x, "conv1", planes, 1, 1, 0, false), "bn1"));
  out = net.relu(net.batchNorm(net.conv2d(out, "conv2", planes, 3, stride, 1, false), "bn2"));
  out = net.batchNorm(net.conv2d(out, "conv3", 4 * planes, 1, 1, 0, false), "bn3");
  if (!shortcuts) return out;
  return net.relu(net.add(out, shortcut(net, x, inPlanes, 4 * planes, stride)));
}

// conv1-bn1-relu, then stages `layer1`... of `blocks[s]` blocks with widths base << s (first
// block of every stage after the first with stride 2), global average pooling, `linear`.
Network buildStages(const ArchSpec& spec, int64_t base, const std::vector<int>& blocks,
                    bool bottleneck, bool shortcuts) {
  Network net({spec.inChannels, spec.height, spec.width});
  int x = net.relu(net.batchNorm(net.conv2d(net.input(), "conv1", base, 3, 1, 1, false), "bn1"));
  const int64_t expansion = bottleneck ? 4 : 1;
  int64_t inPlanes = base;
  for (size_t stage = 0; stage < blocks.size(); ++stage) {
    const int64_t planes = base << stage;
    net.pushScope("layer" + std::to_string(stage + 1));
    for (int b = 0; b < blocks[stage]; ++b) {
      net.pushScope(std::to_string(b));
      const int64_t stride = (stage > 0 && b == 0) ? 2 : 1;
      x = bottleneck ? bottleneckBlock(net, x, inPlanes, planes, stride, shortcuts)
                     : basicBlock(net, x, inPlanes, planes, stride, shortcuts);
      net.popScope();
      inPlanes = planes * expansion;
    }
    net.popScope();
  }
  // The reference pools with avg_pool2d(8) (CIFAR family) or avg_pool2d(4) (ImageNet style):
  // on 32 x 32 inputs both cover the whole last feature map, as this does on any size.
  net.setOutput(net.linear(net.globalAvgPool(x), "linear", spec.numClasses));
  return net;
}

}  // namespace

Network buildResNet(const ArchSpec& spec, int depth, int widthFactor, bool shortcuts) {
  const int n = (depth - 2) / 6;
  return buildStages(spec, 16 * widthFactor, {n, n, n}, false, shortcuts);
}

Network buildImageNetResNet(const ArchSpec& spec, const std::vector<int>& blocks, bool bottleneck,
                            bool shortcuts) {
  return buildStages(spec, 64, blocks, bottleneck, shortcuts);
}

}  // namespace basin
