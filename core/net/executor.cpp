#include "core/net/executor.h"

#include <algorithm>
#include <chrono>

#include "core/error.h"
#include "core/ops/activation.h"
#include "core/ops/channels.h"
#include "core/ops/elementwise.h"
#include "core/ops/linear.h"
#include "core/ops/tensor_ops.h"

namespace basin {
namespace {

const float* biasOf(const Network& net, const Node& n) {
  return n.bias >= 0 ? net.state().values(n.bias).data() : nullptr;
}

// N x C pooled values seen as N x C x 1 x 1 where the node keeps its spatial axes.
void keepSpatial(const Node& n, Tensor& pooled) {
  if (n.shape.size() == 3) pooled.reshape({pooled.dim(0), pooled.dim(1), 1, 1});
}

}  // namespace

Executor::Executor(const PreparedNet& prepared)
    : m_prepared(prepared), m_network(prepared.network()), m_slots(prepared.slotCount()) {}

Executor::Executor(const Network& network, ExecMode mode)
    : m_owned(std::make_unique<PreparedNet>(network, mode)),
      m_prepared(*m_owned),
      m_network(network),
      m_slots(m_prepared.slotCount()) {}

const Tensor& Executor::valueOf(int node, const Tensor& input) const {
  return node == 0 ? input : m_slots[m_prepared.slotOf()[node]];
}

const Tensor& Executor::forward(const Tensor& input, int threads) {
  const Shape& expected = m_network.inputShape();
  if (input.rank() != 4 || !std::equal(expected.begin(), expected.end(), input.shape().begin() + 1))
    throw ShapeError("input batch " + toString(input.shape()) +
                     " does not fit the network's per-sample input " + toString(expected));
  if (!m_prepared.isPrepared()) {
    if (!m_owned) throw ArgumentError("Executor::forward: the shared PreparedNet is not prepared");
    m_owned->prepare(threads);
  }
  threads = std::max(threads, 1);
  const int64_t pinned = m_network.fixedBatch(), count = input.dim(0);
  if (pinned == 0 || count == pinned) return run(input, threads);
  // A graph that fixed its batch size runs one sample at a time (pinBatch allows 1 only).
  const int64_t sample = input.size() / std::max<int64_t>(count, 1);
  for (int64_t i = 0; i < count; ++i) {
    m_sample.resize({1, expected[0], expected[1], expected[2]});
    std::copy_n(input.data() + i * sample, sample, m_sample.data());
    const Tensor& y = run(m_sample, threads);
    if (i == 0) {
      Shape joined = y.shape();
      joined[0] = count;
      m_joined.resize(joined);
    }
    std::copy_n(y.data(), y.size(), m_joined.data() + i * y.size());
  }
  return m_joined;
}

const Tensor& Executor::run(const Tensor& input, int threads) {
  const bool naive = m_prepared.mode() == ExecMode::Naive;
  for (const Step& s : m_prepared.steps()) {
    Tensor& out = m_slots[m_prepared.slotOf()[s.out]];
    // Named before the step runs: a reshape may take over its input's buffer.
    const std::string key = m_profile ? profileKey(s, input) : std::string();
    const auto start = std::chrono::steady_clock::now();
    if (naive) {
      runNaive(s, input, out);
    } else {
      runFast(s, input, out, threads);
    }
    if (m_profile) {
      OperatorProfile::Entry& e = m_profile->entries[key + " -> " + toString(out.shape())];
      e.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      ++e.calls;
    }
  }
  return valueOf(m_network.output(), input);
}

std::string Executor::profileKey(const Step& s, const Tensor& input) const {
  const Node& n = m_network.node(s.node);
  std::string key = s.gelu ? std::string("Gelu (fused chain)") : operatorName(n);
  for (size_t i = 0; i < n.inputs.size(); ++i)
    key += (i ? ", " : " ") + toString(valueOf(n.inputs[i], input).shape());
  if (n.inputs.empty()) key += " " + toString(input.shape());
  return key;
}

void Executor::runNaive(const Step& s, const Tensor& input, Tensor& out) {
  const Node& n = m_network.node(s.node);
  const Tensor& x = n.inputs.empty() ? input : valueOf(n.inputs[0], input);
  const StateDict& state = m_network.state();
  switch (n.op) {
    case OpKind::Conv2d:
      conv2dNaive(x, state.values(n.weight).data(), n.conv, {biasOf(m_network, n)}, out);
      break;
    case OpKind::BatchNorm:
      batchNormNaive(x, batchNormParams(m_network, n), out);
      break;
    case OpKind::ReLU:
      reluNaive(x, out);
      break;
    case OpKind::MaxPool2d:
      maxPool2dNaive(x, n.pool, out);
      break;
    case OpKind::AvgPool2d:
      avgPool2dNaive(x, n.pool, out);
      break;
    case OpKind::GlobalAvgPool:
      globalAvgPoolNaive(x, out);
      keepSpatial(n, out);
      break;
    case OpKind::Activation:
      activationNaive(x, n.activation, out);
      break;
    case OpKind::Mul:
      multiplyNaive(x, valueOf(n.inputs[1], input), out);
      break;
    case OpKind::ChannelSlice:
      channelSlice(x, n.first, n.last, out, 1);
      break;
    case OpKind::ChannelShuffle:
      channelShuffle(x, n.first, out, 1);
      break;
    case OpKind::Linear:
      linearNaive(x, state.values(n.weight).data(), biasOf(m_network, n), n.outFeatures, false,
                  out);
      break;
    case OpKind::Add:
      addNaive(x, valueOf(n.inputs[1], input), false, out);
      break;
    case OpKind::Concat: {
      std::vector<const Tensor*> parts;
      for (int in : n.inputs) parts.push_back(&valueOf(in, input));
      concatChannelsNaive(parts, out);
      break;
    }
    case OpKind::Flatten:
    case OpKind::Dropout:
      out = x;
      if (n.op == OpKind::Flatten)
        out.reshape({x.dim(0), x.size() / std::max<int64_t>(x.dim(0), 1)});
      break;
    case OpKind::MatMul:
      matmulNaive(x, valueOf(n.inputs[1], input), out);
      break;
    case OpKind::Softmax:
      softmaxNaive(x, n.axis, n.logarithm, out);
      break;
    case OpKind::LayerNorm:
      layerNormNaive(x, n.axis, n.weight >= 0 ? state.values(n.weight).data() : nullptr,
                     biasOf(m_network, n), n.eps, out);
      break;
    default:
      runTensorOp(n, input, out, 1);
      break;
  }
}

// Operators without a separate fast path: data movement, exact elementwise arithmetic and
// double-accumulated reductions.
void Executor::runTensorOp(const Node& n, const Tensor& input, Tensor& out, int threads) {
  const Tensor& x = n.inputs.empty() ? input : valueOf(n.inputs[0], input);
  const int64_t batch = input.dim(0);
  switch (n.op) {
    case OpKind::Constant: {
      const Shape shape = resolve(n.full, batch);
      if (n.weight >= 0) {
        out = Tensor(shape, m_network.state().values(n.weight));
      } else {
        out = Tensor(shape, n.constant);
      }
      break;
    }
    case OpKind::Reshape:
      if (&out != &x) out = x;  // else it took over its input's buffer (assignSlots)
      out.reshape(resolve(n.full, batch));
      break;
    case OpKind::Transpose:
      transpose(x, n.axes, out, threads);
      break;
    case OpKind::Binary:
      binary(x, valueOf(n.inputs[1], input), n.binary, out, threads);
      break;
    case OpKind::Reduce:
      reduce(x, n.axes, !n.sum, n.keepDims, out);
      break;
    case OpKind::Gather:
      gather(x, n.axis, n.axes, !n.keepDims, out, threads);
      break;
    case OpKind::ConcatAxis: {
      std::vector<const Tensor*> parts;
      for (int in : n.inputs) parts.push_back(&valueOf(in, input));
      concatAxis(parts, n.axis, out, threads);
      break;
    }
    case OpKind::Expand:
      expand(x, resolve(n.full, batch), out, threads);
      break;
    default:
      throw ArgumentError("Executor: operator " + operatorName(n) + " has no kernel");
  }
}

void Executor::runFast(const Step& s, const Tensor& input, Tensor& out, int threads) {
  const Node& n = m_network.node(s.node);
  const Tensor& x = n.inputs.empty() ? input : valueOf(n.inputs[0], input);
  switch (n.op) {
    case OpKind::Conv2d: {
      const float* residual = s.residual >= 0 ? valueOf(s.residual, input).data() : nullptr;
      conv2d(x, s.weight.empty() ? nullptr : s.weight.data(), n.conv,
             {s.bias.data(), residual, s.relu, s.upper}, out, m_workspace, threads,
             s.filters.empty() ? nullptr : s.filters.data());
      break;
    }
    case OpKind::BatchNorm:
      channelAffine(x, s.weight.data(), s.bias.data(), s.relu, out, threads);
      break;
    case OpKind::ReLU:
      relu(x, out, threads);
      break;
    case OpKind::MaxPool2d:
      maxPool2d(x, n.pool, out, threads);
      break;
    case OpKind::AvgPool2d:
      avgPool2d(x, n.pool, out, threads);
      break;
    case OpKind::GlobalAvgPool:
      globalAvgPool(x, out, threads);
      keepSpatial(n, out);
      break;
    case OpKind::Activation:
      activation(x, s.gelu ? ActivationParams{Activation::Gelu} : n.activation, out, threads);
      break;
    case OpKind::Mul:
      multiply(x, valueOf(n.inputs[1], input), out, threads);
      break;
    case OpKind::ChannelSlice:
      channelSlice(x, n.first, n.last, out, threads);
      break;
    case OpKind::ChannelShuffle:
      channelShuffle(x, n.first, out, threads);
      break;
    case OpKind::Linear:
      linear(x, s.weight.data(), s.bias.data(), n.outFeatures, s.relu, out, threads);
      break;
    case OpKind::Add:
      add(x, valueOf(n.inputs[1], input), s.relu, out, threads);
      break;
    case OpKind::Concat: {
      std::vector<const Tensor*> parts;
      for (int in : n.inputs) parts.push_back(&valueOf(in, input));
      concatChannels(parts, out, threads);
      break;
    }
    case OpKind::MatMul:
      matmul(x, valueOf(n.inputs[1], input), out, threads);
      break;
    case OpKind::Softmax:
      softmax(x, n.axis, n.logarithm, out, threads);
      break;
    case OpKind::LayerNorm:
      layerNorm(x, n.axis, n.weight >= 0 ? m_network.state().values(n.weight).data() : nullptr,
                biasOf(m_network, n), n.eps, out, threads);
      break;
    case OpKind::Flatten:
    case OpKind::Dropout:
    case OpKind::Input:
      runNaive(s, input, out);
      break;
    default:
      runTensorOp(n, input, out, threads);
      break;
  }
}

}  // namespace basin
