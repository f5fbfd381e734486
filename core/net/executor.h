// Runs a Network's forward pass in eval mode on a batch.
//
// Naive mode runs every node with the oracle kernels, one after the other: the reference the
// fast mode is tested against. Fast mode fuses at plan time: eval-mode BatchNorm folded into the
// preceding convolution or linear layer, bias, residual Add and ReLU applied in the
// convolution's output pass, standalone BatchNorm+ReLU as one per-channel sweep. Activation
// buffers are reused as soon as their last reader has run and kept across calls.
#pragma once

#include <vector>

#include "core/net/network.h"
#include "core/ops/workspace.h"

namespace basin {

enum class ExecMode { Naive, Fast };

class Executor {
 public:
  // Keeps a reference to `network`, which must outlive the executor.
  explicit Executor(const Network& network, ExecMode mode = ExecMode::Fast);

  // Re-derives folded weights from the network's current state, over `threads` OpenMP
  // threads. Call after changing weights; forward() calls it once by itself before its first
  // run.
  void prepare(int threads = 1);
  // The same as prepare(), by copying what `other`, a prepared executor of the same network
  // and mode, derived (cheaper than deriving it again). Throws ArgumentError otherwise.
  void prepareFrom(const Executor& other);

  // Output of the network (N x classes) for an N x C x H x W batch, using `threads` OpenMP
  // threads. The reference stays valid until the next call. Throws ShapeError if the batch
  // does not fit the network's input shape.
  const Tensor& forward(const Tensor& input, int threads = 1);

  // Number of executed steps (for tests of the fusion).
  int stepCount() const { return static_cast<int>(m_steps.size()); }

 private:
  struct Step {
    Step(OpKind o, int n) : op(o), node(n), out(n) {}
    OpKind op;
    int node;            // node whose op and state the step runs
    int out;             // node whose output it produces (end of the fused group)
    int residual = -1;   // node added in the convolution epilogue
    int batchNorm = -1;  // BatchNorm node folded into this step
    bool relu = false;
    std::vector<float> weight, bias;                               // folded parameters (fast mode)
    std::vector<float, Eigen::aligned_allocator<float>> winograd;  // weight, transformed
  };

  void prepareStep(Step& s) const;
  void planNaive();
  void planFast();
  void assignSlots();
  const Tensor& valueOf(int node, const Tensor& input) const;
  void runNaive(const Step& s, const Tensor& input, Tensor& out);
  void runFast(const Step& s, const Tensor& input, Tensor& out, int threads);

  const Network& m_network;
  ExecMode m_mode;
  std::vector<Step> m_steps;
  std::vector<int> m_slotOf;  // per node: index into m_slots, or -1 (not materialized)
  std::vector<Tensor> m_slots;
  Workspace m_workspace;
  bool m_prepared = false;
};

}  // namespace basin
