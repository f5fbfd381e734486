// A network made ready to run: the plan of steps (fast mode fuses at plan time: eval-mode
// BatchNorm folded into the preceding convolution or linear layer, bias, residual Add and ReLU
// applied in the convolution's output pass (a Clip(0, c) too: ReLU6), standalone BatchNorm+ReLU
// as one per-channel sweep, PyTorch's exported exact GELU chain as one activation) and the weights
// derived from the network's state (folded, and laid out for the kernel each convolution runs:
// Winograd-transformed in its one tiling, tap-major on small maps). Built once per set of weights
// and read by every thread's Executor at the same time (ncnn's split between a loaded Net and its
// light Extractors), so a process holds one copy of the derived weights whatever its thread count.
#pragma once

#include <Eigen/Core>
#include <limits>
#include <vector>

#include "core/net/network.h"

namespace basin {

enum class ExecMode { Naive, Fast };

class PreparedNet {
 public:
  struct Step {
    Step(OpKind o, int n) : op(o), node(n), out(n) {}
    OpKind op;
    int node;            // node whose op and state the step runs
    int out;             // node whose output it produces (end of the fused group)
    int residual = -1;   // node added in the convolution epilogue
    int batchNorm = -1;  // BatchNorm node folded into this step
    bool relu = false;
    bool gelu = false;  // an exported GELU chain (Div, Erf, Add, Mul, Mul) run as one activation
    float upper = std::numeric_limits<float>::infinity();  // a fused Clip(0, upper): ReLU6
    // Fast mode: folded weight (empty for a convolution that reads `filters` only), folded
    // bias, and the weight laid out for the convolution's kernel (conv2d.h prepareFilters).
    std::vector<float> weight, bias;
    std::vector<float, Eigen::aligned_allocator<float>> filters;
  };

  // Plans the steps; keeps a reference to `network`, which must outlive this object.
  PreparedNet(const Network& network, ExecMode mode);

  // Derives the weights from the network's current state, over `threads` OpenMP threads. Call
  // after changing weights and before running executors; not while one runs.
  void prepare(int threads = 1);
  bool isPrepared() const { return m_prepared; }

  const Network& network() const { return m_network; }
  ExecMode mode() const { return m_mode; }
  const std::vector<Step>& steps() const { return m_steps; }
  // Per node: the activation buffer its output lives in, or -1 (not materialized).
  const std::vector<int>& slotOf() const { return m_slotOf; }
  int slotCount() const { return m_slotCount; }
  // Bytes of derived weights held (what one process keeps besides the network's own state).
  int64_t derivedBytes() const;

 private:
  void planNaive();
  void planFast();
  void assignSlots();
  void prepareStep(Step& s) const;

  const Network& m_network;
  ExecMode m_mode;
  std::vector<Step> m_steps;
  std::vector<int> m_slotOf;
  int m_slotCount = 0;
  bool m_prepared = false;
};

}  // namespace basin
