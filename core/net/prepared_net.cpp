#include "core/net/prepared_net.h"

#include <algorithm>
#include <cmath>

#include "core/error.h"

namespace basin {
PreparedNet::PreparedNet(const Network& network, ExecMode mode) : m_network(network), m_mode(mode) {
  if (mode == ExecMode::Naive) {
    planNaive();
  } else {
    planFast();
  }
  assignSlots();
}

void PreparedNet::planNaive() {
  const auto& nodes = m_network.nodes();
  for (int i = 1; i < static_cast<int>(nodes.size()); ++i) m_steps.emplace_back(nodes[i].op, i);
}

void PreparedNet::planFast() {
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

  // PyTorch's exact GELU below opset 20: x / sqrt 2 -> Erf -> + 1 -> * x -> * 0.5 (the scalar
  // steps imported as Affine). The chain from its Div node, or empty.
  auto isAffine = [&](int n, float alpha, float beta) {
    const Node& d = nodes[n];
    return d.op == OpKind::Activation && d.activation.kind == Activation::Affine &&
           std::abs(d.activation.alpha - alpha) <= 1e-6f && d.activation.beta == beta;
  };
  auto geluChain = [&](int div) -> std::vector<int> {
    if (!isAffine(div, 0.70710678f, 0.0f)) return {};
    const int x = nodes[div].inputs[0];
    const int erf = soleReader(div, OpKind::Activation);
    if (erf < 0 || nodes[erf].activation.kind != Activation::Erf) return {};
    const int plus = soleReader(erf, OpKind::Activation);
    if (plus < 0 || !isAffine(plus, 1.0f, 1.0f)) return {};
    int product = soleReader(plus, OpKind::Mul);
    if (product < 0) product = soleReader(plus, OpKind::Binary);
    if (product < 0 ||
        (nodes[product].op == OpKind::Binary && nodes[product].binary != BinaryOp::Mul))
      return {};
    const auto& in = nodes[product].inputs;
    if (!((in[0] == x && in[1] == plus) || (in[0] == plus && in[1] == x))) return {};
    const int half = soleReader(product, OpKind::Activation);
    if (half < 0 || !isAffine(half, 0.5f, 0.0f)) return {};
    return {div, erf, plus, product, half};
  };

  for (int i = 1; i < count; ++i) {
    if (covered[i]) continue;
    const Node& node = nodes[i];
    Step s(node.op, i);
    std::vector<int> group = {i};
    if (const std::vector<int> gelu = geluChain(i); !gelu.empty()) {
      s.gelu = true;
      s.out = gelu.back();
      group = gelu;
    }
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
    if (node.op == OpKind::Conv2d && !s.relu) {
      if (int c = soleReader(s.out, OpKind::Activation); c >= 0) {
        const ActivationParams& a = nodes[c].activation;
        if (a.kind == Activation::Clip && a.alpha == 0.0f && a.beta > 0.0f) {
          s.relu = true;
          s.upper = a.beta;
          s.out = c;
          group.push_back(c);
        }
      }
    }
    for (int k : group) covered[k] = true;
    m_steps.push_back(std::move(s));
  }
  // A fused step runs where its group ends, after everything its residual depends on.
  std::stable_sort(m_steps.begin(), m_steps.end(),
                   [](const Step& a, const Step& b) { return a.out < b.out; });
}

void PreparedNet::assignSlots() {
  const int count = static_cast<int>(m_network.nodes().size());
  std::vector<int> lastRead(count, -1);
  for (int k = 0; k < static_cast<int>(m_steps.size()); ++k) {
    for (int in : m_network.node(m_steps[k].node).inputs) lastRead[in] = k;
    if (m_steps[k].residual >= 0) lastRead[m_steps[k].residual] = k;
  }
  m_slotOf.assign(count, -1);
  std::vector<int> free;
  for (int k = 0; k < static_cast<int>(m_steps.size()); ++k) {
    const int out = m_steps[k].out;
    // A reshape whose input dies here keeps the input's buffer: no copy.
    const Node& node = m_network.node(m_steps[k].node);
    const int in = node.inputs.empty() ? -1 : node.inputs[0];
    if (m_mode == ExecMode::Fast && node.op == OpKind::Reshape && in > 0 && m_slotOf[in] >= 0 &&
        lastRead[in] == k && in != m_network.output()) {
      m_slotOf[out] = m_slotOf[in];
      lastRead[in] = -1;  // its buffer lives on as the reshape's
    } else if (free.empty()) {
      m_slotOf[out] = m_slotCount++;
    } else {
      m_slotOf[out] = free.back();
      free.pop_back();
    }
    for (int n = 1; n < count; ++n)
      if (lastRead[n] == k && n != m_network.output() && m_slotOf[n] >= 0)
        free.push_back(m_slotOf[n]);
  }
}

void PreparedNet::prepare(int threads) {
  m_prepared = true;
  if (m_mode == ExecMode::Naive) return;
  const int64_t steps = static_cast<int64_t>(m_steps.size());
  // Steps are independent; the convolutions' Winograd transforms make most of the work.
  FirstError error;
#pragma omp parallel for schedule(dynamic) num_threads(threads) if (threads > 1)
  for (int64_t k = 0; k < steps; ++k) error.run([&] { prepareStep(m_steps[k]); });
  error.rethrow();
}

void PreparedNet::prepareStep(Step& s) const {
  const Node& n = m_network.node(s.node);
  if (s.op == OpKind::BatchNorm) {
    s.weight.resize(n.shape[0]);
    s.bias.resize(n.shape[0]);
    batchNormAffine(batchNormParams(m_network, n), s.weight.data(), s.bias.data());
    return;
  }
  if (s.op != OpKind::Conv2d && s.op != OpKind::Linear) return;
  const auto w = m_network.state().values(n.weight);
  const int64_t outputs = m_network.state().entry(n.weight).shape[0];
  const int64_t fanIn = static_cast<int64_t>(w.size()) / outputs;
  s.weight.assign(w.begin(), w.end());
  s.bias.assign(outputs, 0.0f);
  if (n.bias >= 0) {
    const auto b = m_network.state().values(n.bias);
    std::copy(b.begin(), b.end(), s.bias.begin());
  }
  if (s.batchNorm >= 0) {
    std::vector<float> scale(outputs), shift(outputs);
    batchNormAffine(batchNormParams(m_network, m_network.node(s.batchNorm)), scale.data(),
                    shift.data());
    for (int64_t o = 0; o < outputs; ++o) {
      for (int64_t k = 0; k < fanIn; ++k) s.weight[o * fanIn + k] *= scale[o];
      s.bias[o] = s.bias[o] * scale[o] + shift[o];
    }
  }
  if (s.op != OpKind::Conv2d) return;
  // Once per set of weights rather than once per batch; the layer then needs only its arranged
  // filters (Winograd: 4x the weights for F(4x4), 1.8x for F(2x2); small maps: tap-major).
  const Shape& o = n.shape;
  s.filters.resize(preparedFilterFloats(n.conv, o[1], o[2]));
  if (s.filters.empty()) return;
  prepareFilters(s.weight.data(), n.conv, o[1], o[2], s.filters.data());
  std::vector<float>().swap(s.weight);
}

int64_t PreparedNet::derivedBytes() const {
  int64_t floats = 0;
  for (const Step& s : m_steps)
    floats += static_cast<int64_t>(s.weight.size() + s.bias.size() + s.filters.size());
  return floats * static_cast<int64_t>(sizeof(float));
}

}  // namespace basin
