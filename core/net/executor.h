// Runs a network's forward pass in eval mode on a batch: the light, per-thread half of
// PreparedNet (prepared_net.h), owning only activations and workspace. Any number of executors
// may run the same prepared network at the same time, one per thread.
//
// Naive mode runs every node with the oracle kernels, one after the other: the reference the
// fast mode is tested against. Activation buffers are reused as soon as their last reader has
// run and kept across calls.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/net/prepared_net.h"
#include "core/ops/workspace.h"

namespace basin {

// Wall time per operator and shapes ("Gemm 4160x256 -> 4160x768"), summed over the calls:
// basin-cli bench --profile.
struct OperatorProfile {
  struct Entry {
    double seconds = 0.0;
    int64_t calls = 0;
  };
  std::map<std::string, Entry> entries;
};

class Executor {
 public:
  // Runs `prepared`, which must outlive the executor and be prepared before forward().
  explicit Executor(const PreparedNet& prepared);
  // An executor with its own prepared network (for a single thread of use: tests, benchmarks),
  // prepared on the first forward(). Keeps a reference to `network`, which must outlive it.
  explicit Executor(const Network& network, ExecMode mode = ExecMode::Fast);

  // Output of the network (N x classes) for an N x C x H x W batch, using `threads` OpenMP
  // threads inside the kernels. The reference stays valid until the next call. Throws
  // ShapeError if the batch does not fit the network's input shape, ArgumentError if a shared
  // prepared network was not prepared. A network pinned to batch 1 (Network::pinBatch) runs the
  // batch one sample at a time.
  const Tensor& forward(const Tensor& input, int threads = 1);

  // Time every step into `profile` (null: stop); it must outlive the runs it records.
  void setProfile(OperatorProfile* profile) { m_profile = profile; }

  // Number of executed steps (for tests of the fusion).
  int stepCount() const { return static_cast<int>(m_prepared.steps().size()); }

 private:
  using Step = PreparedNet::Step;
  const Tensor& run(const Tensor& input, int threads);
  const Tensor& valueOf(int node, const Tensor& input) const;
  std::string profileKey(const Step& s, const Tensor& input) const;
  void runTensorOp(const Node& n, const Tensor& input, Tensor& out, int threads);
  void runNaive(const Step& s, const Tensor& input, Tensor& out);
  void runFast(const Step& s, const Tensor& input, Tensor& out, int threads);

  std::unique_ptr<PreparedNet> m_owned;  // set by the Network constructor only
  const PreparedNet& m_prepared;
  const Network& m_network;
  std::vector<Tensor> m_slots;
  Workspace m_workspace;
  OperatorProfile* m_profile = nullptr;
  Tensor m_sample, m_joined;  // a pinned-batch graph's one-sample input and joined output
};

}  // namespace basin
