// Loss and top-1 accuracy of a network over a data set, in eval mode, batch by batch.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "core/data/dataset.h"
#include "core/net/executor.h"
#include "core/ops/loss.h"

namespace basin {

struct EvalOptions {
  int64_t batchSize = 128;
  int threads = 1;
  LossKind loss = LossKind::CrossEntropy;
  ExecMode mode = ExecMode::Fast;
  // Called after each batch with samples done and total; may be empty.
  std::function<void(int64_t done, int64_t total)> progress;
  // Polled before each batch; returning true stops the evaluation with Cancelled.
  std::function<bool()> cancelled;
};

struct EvalResult {
  double loss = 0.0;      // mean over samples
  double accuracy = 0.0;  // percent
  int64_t samples = 0;
};

// Evaluates the network's current weights on one data set, again and again (a surface evaluates
// it at every grid point): validates once, converts the batches once (up to 1 GiB of
// preprocessed images; larger sets are converted batch by batch), keeps one executor per thread.
// Each batch is cut into sub-batches of at most kSubBatch images that threads take whole, each
// through the entire network on its own executor: a sub-batch's activations stay in the core's
// cache, where a whole batch layer by layer would stream through memory at every layer. The
// executors share one prepared network, so memory for weights does not grow with threads. The cut
// does not depend on the thread count, and sub-batch sums are added in order, so results are
// identical for any number of threads.
class Evaluator {
 public:
  // Throws like evaluate(). Keeps references to `network` (through its executor) and `data`.
  Evaluator(const Network& network, const Dataset& data, const EvalOptions& options);
  // Loss and accuracy with the network's weights as they are now. Throws Cancelled.
  EvalResult run();

 private:
  static constexpr int64_t kSubBatch = 8;

  const Dataset& m_data;
  EvalOptions m_options;
  PreparedNet m_prepared;  // derived weights: one copy, read by every thread's executor
  std::vector<std::unique_ptr<Executor>> m_executors;  // one per thread
  // A batch already cut into its sub-batches, images and labels.
  struct Batch {
    std::vector<Tensor> pieces;
    std::vector<std::vector<int32_t>> labels;
  };
  // Converts and cuts the batch of `count` samples from `start`.
  void convert(int64_t start, int64_t count, Batch& batch) const;
  std::vector<Batch> m_batches;  // empty when converting on the fly
};

// Throws InputShapeError (with the padding and channel repeat that would fit, where some would)
// when the data's samples do not have the network's input shape.
void checkInputShape(const Network& network, const Dataset& data);

// Throws InputShapeError if the data's sample shape does not fit the network's input,
// ArgumentError for an empty selection, labels beyond the network's classes or a batch size
// below 1,
// Cancelled when `cancelled` says so.
EvalResult evaluate(const Network& network, const Dataset& data, const EvalOptions& options);

}  // namespace basin
