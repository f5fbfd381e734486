// Losses and top-1 accuracy over a batch of logits, as the reference evaluates them:
// softmax cross-entropy, or MSE between softmax and one-hot averaged over classes.
#pragma once

#include <cstdint>
#include <span>

#include "core/tensor/tensor.h"

namespace basin {

enum class LossKind { CrossEntropy, MseSoftmax };

// Sums over samples, so batches add up exactly; mean loss = loss / count.
struct LossSums {
  double loss = 0.0;
  int64_t correct = 0;
  int64_t count = 0;

  LossSums& operator+=(const LossSums& o) {
    loss += o.loss;
    correct += o.correct;
    count += o.count;
    return *this;
  }
  double meanLoss() const { return count ? loss / double(count) : 0.0; }
  double accuracyPercent() const { return count ? 100.0 * double(correct) / double(count) : 0.0; }
};

// Per-sample losses in double, added in sample order (deterministic for any thread count).
// A sample is correct when its label is the first maximal logit (torch.argmax's rule).
// Throws ShapeError if logits are not N x K with N labels, ArgumentError for a label outside [0,K).
LossSums lossAndAccuracy(const Tensor& logits, std::span<const int32_t> labels, LossKind kind);

}  // namespace basin
