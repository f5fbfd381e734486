#include "core/net/executor.h"

#include <algorithm>

#include "core/error.h"
#include "core/ops/batchnorm.h"
#include "core/ops/elementwise.h"
#include "core/ops/linear.h"

namespace basin {
namespace {

BatchNormParams batchNormParams(const Network& net, const Node& n) {
  const StateDict& s = net.state();
  return {s.values(n.weight).data(),
          s.values(n.bias).data(),
          s.values(n.runningMean).data(),
          s.values(n.runningVar).data(),
          n.eps,
          n.shape.at(0)};
}

const float* biasOf(const Network& net, const Node& n) {
  return n.bias >= 0 ? net.state().values(n.bias).data() : nullptr;
}

}  // namespace

Executor::Executor(const Network& network, ExecMode mode) : m_network(network), m_mode(mode) {
  if (mode == ExecMode::Naive) {
    planNaive();
  } else {
    planFast();
  }
  assignSlots();
}

void Executor::planNaive() {
  const auto& nodes = m_network.nodes();
  for (int i = 1; i < static_cast<int>(nodes.size()); ++i) m_steps.emplace_back(nodes[i].op, i);
}

void Executor::planFast() {
  const auto& nodes = m_network.nodes();
  const int count = static_cast<int>(nodes.size());
  std::vector<std::vector<int>> readers(count);
  for (int i = 0; i < count; ++i)
    for (int in : nodes[i].inputs) readers[in].push_back(i);
  // The only reader of node n if it is an `op` that no earlier step has fused, else -1.
  std::vector<bool> covered(count, false);
  auto soleReader = [&](int n, OpKind op) {
    if (n == m_network.output() || readers[n].size() != 1) return -1;
    const int r = readers[n][0];
    return nodes[r].op == op && !covered[r] ? r : -1;
  };

  for (int i = 1; i < count; ++i) {
    if (covered[i]) continue;
    const Node& node = nodes[i];
    Step s(node.op, i);
    std::vector<int> group = {i};
    if (node.op == OpKind::Conv2d || node.op == OpKind::Linear) {
      if (int bn = soleReader(s.out, OpKind::BatchNorm); bn >= 0) {
        s.batchNorm = s.out = bn;
        group.push_back(bn);
      }
    }
    if (node.op == OpKind::Conv2d) {
      if (int add = soleReader(s.out, OpKind::Add); add >= 0) {
        const auto& in = nodes[add].inputs;
        const int other = in[0] == s.out ? in[1] : in[0];
        if (other != s.out) {
          s.residual = other;
          s.out = add;
          group.push_back(add);
        }
      }
    }
    if (node.op == OpKind::Conv2d || node.op == OpKind::Linear || node.op == OpKind::BatchNorm ||
        node.op == OpKind::Add) {
      if (int r = soleReader(s.out, OpKind::ReLU); r >= 0) {
        s.relu = true;
        s.out = r;
        group.push_back(r);
      }
    }
    for (int k : group) covered[k] = true;
    m_steps.push_back(std::move(s));
  }
  // A fused step runs where its group ends, after everything its residual depends on.
  std::stable_sort(m_steps.begin(), m_steps.end(),
                   [](const Step& a, const Step& b) { return a.out < b.out; });
}

void Executor::assignSlots() {
  const int count = static_cast<int>(m_network.nodes().size());
  std::vector<int> lastRead(count, -1);
  for (int k = 0; k < static_cast<int>(m_steps.size()); ++k) {
    for (int in : m_network.node(m_steps[k].node).inputs) lastRead[in] = k;
    if (m_steps[k].residual >= 0) lastRead[m_steps[k].residual] = k;
  }
  m_slotOf.assign(count, -1);
  std::vector<int> free;
  int slots = 0;
  for (int k = 0; k < static_cast<int>(m_steps.size()); ++k) {
    const int out = m_steps[k].out;
    if (free.empty()) {
      m_slotOf[out] = slots++;
    } else {
      m_slotOf[out] = free.back();
      free.pop_back();
    }
    for (int n = 1; n < count; ++n)
      if (lastRead[n] == k && n != m_network.output() && m_slotOf[n] >= 0)
        free.push_back(m_slotOf[n]);
  }
  m_slots.resize(slots);
}

void Executor::prepare(int threads) {
  m_prepared = true;
  if (m_mode == ExecMode::Naive) return;
  const int64_t steps = static_cast<int64_t>(m_steps.size());
  // Steps are independent; the convolutions' Winograd transforms make most of the work.
  FirstError error;
#pragma omp parallel for schedule(dynamic) num_threads(threads) if (threads > 1)
  for (int64_t k = 0; k < steps; ++k) error.run([&] { prepareStep(m_steps[k]); });
  error.rethrow();
}

void Executor::prepareFrom(const Executor& other) {
  if (&other.m_network != &m_network || other.m_mode != m_mode || !other.m_prepared)
    throw ArgumentError("Executor::prepareFrom needs a prepared executor of the same network");
  m_prepared = true;
  for (size_t k = 0; k < m_steps.size(); ++k) {
    m_steps[k].weight = other.m_steps[k].weight;
    m_steps[k].bias = other.m_steps[k].bias;
    m_steps[k].winograd = other.m_steps[k].winograd;
  }
}

void Executor::prepareStep(Step& s) const {
  const Node& n = m_network.node(s.node);
  if (s.op != OpKind::Conv2d && s.op != OpKind::Linear && s.op != OpKind::BatchNorm) return;
  if (s.op == OpKind::BatchNorm) {
    s.weight.resize(n.shape[0]);
    s.bias.resize(n.shape[0]);
    batchNormAffine(batchNormParams(m_network, n), s.weight.data(), s.bias.data());
    return;
  }
  const auto w = m_network.state().values(n.weight);
  const int64_t outputs = m_network.state().entry(n.weight).shape[0];
  const int64_t fanIn = static_cast<int64_t>(w.size()) / outputs;
  s.weight.assign(w.begin(), w.end());
  s.bias.assign(outputs, 0.0f);
  if (const float* b = biasOf(m_network, n)) std::copy(b, b + outputs, s.bias.begin());
  if (s.batchNorm >= 0) {
    std::vector<float> scale(outputs), shift(outputs);
    batchNormAffine(batchNormParams(m_network, m_network.node(s.batchNorm)), scale.data(),
                    shift.data());
    for (int64_t o = 0; o < outputs; ++o) {
      for (int64_t k = 0; k < fanIn; ++k) s.weight[o * fanIn + k] *= scale[o];
      s.bias[o] = s.bias[o] * scale[o] + shift[o];
    }
  }
  // Once per set of weights rather than once per batch.
  if (s.op == OpKind::Conv2d) {
    const Conv2dGeometry& g = n.conv;
    s.winograd.resize(winogradFilterFloats(g));
    if (!s.winograd.empty()) winogradTransformFilters(s.weight.data(), g, s.winograd.data());
  }
}

const Tensor& Executor::valueOf(int node, const Tensor& input) const {
  return node == 0 ? input : m_slots[m_slotOf[node]];
}

const Tensor& Executor::forward(const Tensor& input, int threads) {
  const Shape& expected = m_network.inputShape();
  if (input.rank() != 4 || !std::equal(expected.begin(), expected.end(), input.shape().begin() + 1))
    throw ShapeError("input batch " + toString(input.shape()) +
                     " does not fit the network's per-sample input " + toString(expected));
  if (!m_prepared) prepare();
  threads = std::max(threads, 1);
  for (const Step& s : m_steps) {
    Tensor& out = m_slots[m_slotOf[s.out]];
    if (m_mode == ExecMode::Naive) {
      runNaive(s, input, out);
    } else {
      runFast(s, input, out, threads);
    }
  }
  return valueOf(m_network.output(), input);
}

void Executor::runNaive(const Step& s, const Tensor& input, Tensor& out) {
  const Node& n = m_network.node(s.node);
  const Tensor& x = valueOf(n.inputs[0], input);
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
    case OpKind::Input:
      break;
  }
}

void Executor::runFast(const Step& s, const Tensor& input, Tensor& out, int threads) {
  const Node& n = m_network.node(s.node);
  const Tensor& x = valueOf(n.inputs[0], input);
  switch (n.op) {
    case OpKind::Conv2d: {
      const float* residual = s.residual >= 0 ? valueOf(s.residual, input).data() : nullptr;
      conv2d(x, s.weight.data(), n.conv, {s.bias.data(), residual, s.relu}, out, m_workspace,
             threads, s.winograd.empty() ? nullptr : s.winograd.data());
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
    case OpKind::Flatten:
    case OpKind::Dropout:
    case OpKind::Input:
      runNaive(s, input, out);
      break;
  }
}

}  // namespace basin
