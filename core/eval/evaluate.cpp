#include "core/eval/evaluate.h"

#include <algorithm>

#include "core/error.h"

namespace basin {

EvalResult evaluate(const Network& network, const Dataset& data, const EvalOptions& options) {
  if (options.batchSize < 1) throw ArgumentError("batch size must be at least 1");
  if (data.size() == 0) throw ArgumentError(data.source() + " has no samples to evaluate");
  if (data.sampleShape() != network.inputShape())
    throw ShapeError(data.source() + " gives " + toString(data.sampleShape()) +
                     " samples but the model expects " + toString(network.inputShape()) +
                     " (see --pad, --rgb)");
  const int64_t classes = network.outputShape().at(0);
  if (data.maxLabel() >= classes)
    throw ArgumentError(data.source() + " has label " + std::to_string(data.maxLabel()) +
                        " but the model has only " + std::to_string(classes) + " classes");
  Executor executor(network, options.mode);
  Tensor images;
  std::vector<int32_t> labels;
  LossSums sums;
  const int64_t total = data.size();
  for (int64_t start = 0; start < total; start += options.batchSize) {
    if (options.cancelled && options.cancelled()) throw Cancelled();
    const int64_t count = std::min(options.batchSize, total - start);
    data.batch(start, count, images, labels);
    sums += lossAndAccuracy(executor.forward(images, options.threads), labels, options.loss);
    if (options.progress) options.progress(start + count, total);
  }
  return {sums.meanLoss(), sums.accuracyPercent(), sums.count};
}

}  // namespace basin
