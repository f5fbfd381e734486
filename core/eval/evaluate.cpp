#include "core/eval/evaluate.h"

#include <omp.h>

#include <algorithm>

#include "core/error.h"

namespace basin {

namespace {

constexpr int64_t kConvertedBytesLimit = int64_t(1) << 30;

const EvalOptions& validated(const Network& network, const Dataset& data,
                             const EvalOptions& options) {
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
  return options;
}

}  // namespace

Evaluator::Evaluator(const Network& network, const Dataset& data, const EvalOptions& options)
    : m_data(data), m_options(validated(network, data, options)) {
  m_options.threads = std::max(options.threads, 1);
  for (int t = 0; t < m_options.threads; ++t)
    m_executors.push_back(std::make_unique<Executor>(network, options.mode));
  if (data.size() * numel(data.sampleShape()) * int64_t(sizeof(float)) > kConvertedBytesLimit)
    return;
  for (int64_t start = 0; start < data.size(); start += options.batchSize) {
    m_batches.emplace_back();
    m_labels.emplace_back();
    data.batch(start, std::min(options.batchSize, data.size() - start), m_batches.back(),
               m_labels.back());
  }
}

EvalResult Evaluator::run() {
  for (auto& e : m_executors) e->prepare();
  Tensor images;
  std::vector<int32_t> labels;
  LossSums sums;
  std::vector<LossSums> parts;
  std::vector<Tensor> slices(m_executors.size());
  const int64_t total = m_data.size();
  for (int64_t start = 0, b = 0; start < total; start += m_options.batchSize, ++b) {
    if (m_options.cancelled && m_options.cancelled()) throw Cancelled();
    const int64_t count = std::min(m_options.batchSize, total - start);
    if (m_batches.empty()) m_data.batch(start, count, images, labels);
    const Tensor& x = m_batches.empty() ? images : m_batches[b];
    const std::vector<int32_t>& y = m_batches.empty() ? labels : m_labels[b];
    const int64_t pieces = (count + kSubBatch - 1) / kSubBatch;
    const int64_t sampleFloats = numel(m_data.sampleShape());
    parts.assign(pieces, {});
#pragma omp parallel for schedule(dynamic) num_threads(m_options.threads)
    for (int64_t p = 0; p < pieces; ++p) {
      const int thread = omp_get_thread_num();
      const int64_t first = p * kSubBatch, n = std::min(kSubBatch, count - first);
      Shape shape = x.shape();
      shape[0] = n;
      Tensor& slice = slices[thread];
      slice.resize(shape);
      std::copy_n(x.data() + first * sampleFloats, n * sampleFloats, slice.data());
      const std::vector<int32_t> sliceLabels(y.begin() + first, y.begin() + first + n);
      parts[p] =
          lossAndAccuracy(m_executors[thread]->forward(slice, 1), sliceLabels, m_options.loss);
    }
    for (const LossSums& part : parts) sums += part;
    if (m_options.progress) m_options.progress(start + count, total);
  }
  return {sums.meanLoss(), sums.accuracyPercent(), sums.count};
}

EvalResult evaluate(const Network& network, const Dataset& data, const EvalOptions& options) {
  return Evaluator(network, data, options).run();
}

}  // namespace basin
