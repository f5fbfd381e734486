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
  checkInputShape(network, data);
  const int64_t classes = network.outputShape().at(0);
  if (data.maxLabel() >= classes)
    throw ArgumentError(data.source() + " has label " + std::to_string(data.maxLabel()) +
                        " but the model has only " + std::to_string(classes) + " classes");
  return options;
}

}  // namespace

void checkInputShape(const Network& network, const Dataset& data) {
  const Shape& given = data.sampleShape();
  const Shape& wanted = network.inputShape();
  if (given != wanted) {
    // Square grey or colour images smaller by an even margin fit with padding (and a repeated
    // channel): the usual MNIST-into-CIFAR-network case.
    int64_t pad = -1;
    bool rgb = false;
    if (given.size() == 3 && wanted.size() == 3 && (given[0] == wanted[0] || given[0] == 1) &&
        wanted[1] - given[1] == wanted[2] - given[2] && wanted[1] >= given[1] &&
        (wanted[1] - given[1]) % 2 == 0) {
      pad = (wanted[1] - given[1]) / 2;
      rgb = given[0] != wanted[0];
    }
    throw InputShapeError(data.source() + " gives " + toString(given) +
                              " samples but the model expects " + toString(wanted),
                          pad, rgb);
  }
}

Evaluator::Evaluator(const Network& network, const Dataset& data, const EvalOptions& options)
    : m_data(data),
      m_options(validated(network, data, options)),
      m_prepared(network, options.mode) {
  m_options.threads = std::max(options.threads, 1);
  for (int t = 0; t < m_options.threads; ++t)
    m_executors.push_back(std::make_unique<Executor>(m_prepared));
  if (data.size() * numel(data.sampleShape()) * int64_t(sizeof(float)) > kConvertedBytesLimit)
    return;
  for (int64_t start = 0; start < data.size(); start += options.batchSize)
    convert(start, std::min(options.batchSize, data.size() - start), m_batches.emplace_back());
}

void Evaluator::convert(int64_t start, int64_t count, Batch& batch) const {
  Tensor images;
  std::vector<int32_t> labels;
  m_data.batch(start, count, images, labels);
  const int64_t sampleFloats = numel(m_data.sampleShape());
  batch.pieces.clear();
  batch.labels.clear();
  for (int64_t first = 0; first < count; first += kSubBatch) {
    const int64_t n = std::min(kSubBatch, count - first);
    Shape shape = images.shape();
    shape[0] = n;
    Tensor& piece = batch.pieces.emplace_back(shape);
    std::copy_n(images.data() + first * sampleFloats, n * sampleFloats, piece.data());
    batch.labels.emplace_back(labels.begin() + first, labels.begin() + first + n);
  }
}

EvalResult Evaluator::run() {
  // Folded and transformed weights derived once, with all threads, for all executors.
  m_prepared.prepare(m_options.threads);
  Batch onTheFly;
  LossSums sums;
  std::vector<LossSums> parts;
  const int64_t total = m_data.size();
  for (int64_t start = 0, b = 0; start < total; start += m_options.batchSize, ++b) {
    if (m_options.cancelled && m_options.cancelled()) throw Cancelled();
    const int64_t count = std::min(m_options.batchSize, total - start);
    if (m_batches.empty()) convert(start, count, onTheFly);
    const Batch& batch = m_batches.empty() ? onTheFly : m_batches[b];
    const int64_t pieces = static_cast<int64_t>(batch.pieces.size());
    parts.assign(pieces, {});
    FirstError error;
#pragma omp parallel for schedule(dynamic) num_threads(m_options.threads)
    for (int64_t p = 0; p < pieces; ++p)
      error.run([&] {
        parts[p] = lossAndAccuracy(m_executors[omp_get_thread_num()]->forward(batch.pieces[p], 1),
                                   batch.labels[p], m_options.loss);
      });
    error.rethrow();
    for (const LossSums& part : parts) sums += part;
    if (m_options.progress) m_options.progress(start + count, total);
  }
  return {sums.meanLoss(), sums.accuracyPercent(), sums.count};
}

EvalResult evaluate(const Network& network, const Dataset& data, const EvalOptions& options) {
  return Evaluator(network, data, options).run();
}

}  // namespace basin
