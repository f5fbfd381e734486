// VGG-9 of the reference (vgg.py): features [conv-bn-relu] x 7 with three ceil-mode max pools,
// then fc = [Linear(256*h*w, 256), BatchNorm1d, ReLU] and classifier = Linear(256, classes).
#include "core/zoo/zoo.h"

namespace basin {

Network buildVgg9(const ArchSpec& spec) {
  Network net({spec.inChannels, spec.height, spec.width});
  int x = net.input();
  int index = 0;  // position in the `features` Sequential, as PyTorch numbers it
  net.pushScope("features");
  for (int v : {64, 64, 0, 128, 128, 0, 256, 256, 256, 0}) {
    if (v == 0) {
      x = net.maxPool2d(x, {2, 2, 2, 2, 0, 0, true});
      index += 1;
      continue;
    }
    x = net.conv2d(x, std::to_string(index), v, 3, 1, 1, true);
    x = net.relu(net.batchNorm(x, std::to_string(index + 1)));
    index += 3;
  }
  net.popScope();
  x = net.flatten(x);
  net.pushScope("fc");
  x = net.relu(net.batchNorm(net.linear(x, "0", 256), "1"));
  net.popScope();
  net.setOutput(net.linear(x, "classifier", spec.numClasses));
  return net;
}

}  // namespace basin
