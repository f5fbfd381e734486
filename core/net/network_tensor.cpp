// The Network's builders for operators on tensors of any rank (network.h): shapes are checked
// with the batch size N symbolic, so a graph that would mix samples, or whose shapes fit only
// for some N, is refused at build time.
#include <algorithm>

#include "core/error.h"
#include "core/net/network.h"

namespace basin {
namespace {

// Product of the dims: extent and how many of them carry the batch.
struct Volume {
  int64_t extent = 1;
  int batches = 0;
  bool operator==(const Volume&) const = default;
};

Volume volume(const BatchedShape& s) {
  Volume v;
  for (const Dim& d : s) {
    if (d.extent < 0 || __builtin_mul_overflow(v.extent, d.extent, &v.extent))
      throw ShapeError("shape " + toString(s) + " is too large");
    v.batches += d.batch ? 1 : 0;
  }
  return v;
}

void checkAxis(const BatchedShape& s, int64_t axis, const char* op) {
  if (axis < 0 || axis >= static_cast<int64_t>(s.size()))
    throw ShapeError(std::string(op) + ": axis " + std::to_string(axis) + " is outside " +
                     toString(s));
}

}  // namespace

void Network::pinBatch(int64_t batch) {
  if (batch != 1) throw ArgumentError("a graph can only be pinned to batch size 1");
  m_fixedBatch = batch;
}

bool Network::sameShape(const BatchedShape& a, const BatchedShape& b) const {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (canonical(a[i]) != canonical(b[i])) return false;
  return true;
}

Dim Network::broadcast(Dim a, Dim b) const {
  a = canonical(a);
  b = canonical(b);
  if (a == b || b == Dim{1, false}) return a;
  if (a == Dim{1, false}) return b;
  throw ShapeError("extents " + toString(BatchedShape{a}) + " and " + toString(BatchedShape{b}) +
                   " do not broadcast");
}

BatchedShape Network::broadcast(const BatchedShape& a, const BatchedShape& b) const {
  const size_t rank = std::max(a.size(), b.size());
  BatchedShape out(rank);
  try {
    for (size_t i = 0; i < rank; ++i) {
      const Dim x = i < rank - a.size() ? Dim{} : a[i - (rank - a.size())];
      const Dim y = i < rank - b.size() ? Dim{} : b[i - (rank - b.size())];
      out[i] = broadcast(x, y);
    }
  } catch (const ShapeError&) {
    throw ShapeError("shapes " + describe(a) + " and " + describe(b) + " do not broadcast");
  }
  return out;
}

int Network::appendTensor(Node n) {
  const BatchedShape& f = n.full;
  if (volume(f).batches > 1)
    throw ShapeError("shape " + describe(f) + " holds the batch size more than once");
  const Dim first = f.empty() ? Dim{} : canonical(f[0]);
  n.batchFirst = m_fixedBatch ? !f.empty() && first.extent == m_fixedBatch
                              : !f.empty() && first == Dim{1, true} && volume(f).batches == 1;
  n.shape.clear();
  if (n.batchFirst)
    for (size_t i = 1; i < f.size(); ++i) n.shape.push_back(canonical(f[i]).extent);
  return append(std::move(n));
}

int Network::constant(int entry) {
  Node n;
  n.op = OpKind::Constant;
  n.name = m_state.entry(entry).name;
  n.weight = entry;
  for (int64_t d : m_state.entry(entry).shape) n.full.push_back({d, false});
  return appendTensor(std::move(n));
}

int Network::constant(const Shape& shape, std::vector<float> values) {
  if (numel(shape) != static_cast<int64_t>(values.size()))
    throw ShapeError("constant of shape " + toString(shape) + " holds " +
                     std::to_string(values.size()) + " values");
  Node n;
  n.op = OpKind::Constant;
  for (int64_t d : shape) n.full.push_back({d, false});
  n.constant = std::move(values);
  return appendTensor(std::move(n));
}

int Network::reshape(int x, const BatchedShape& shape) {
  BatchedShape from = m_nodes.at(x).full, to = shape;
  for (Dim& d : from) d = canonical(d);
  for (Dim& d : to) d = canonical(d);
  if (volume(from) != volume(to))
    throw ShapeError("cannot reshape " + describe(m_nodes[x].full) + " to " + describe(shape));
  Node n;
  n.op = OpKind::Reshape;
  n.inputs = {x};
  n.full = shape;
  return appendTensor(std::move(n));
}

int Network::transpose(int x, const std::vector<int64_t>& perm) {
  const BatchedShape& in = m_nodes.at(x).full;
  std::vector<int64_t> sorted = perm;
  std::sort(sorted.begin(), sorted.end());
  for (size_t i = 0; i < sorted.size(); ++i)
    if (sorted.size() != in.size() || sorted[i] != static_cast<int64_t>(i))
      throw ShapeError("transpose: the permutation does not fit " + describe(in));
  Node n;
  n.op = OpKind::Transpose;
  n.inputs = {x};
  n.axes = perm;
  for (int64_t p : perm) n.full.push_back(in[p]);
  return appendTensor(std::move(n));
}

int Network::binary(int a, int b, BinaryOp op) {
  Node n;
  n.op = OpKind::Binary;
  n.inputs = {a, b};
  n.binary = op;
  n.full = broadcast(m_nodes.at(a).full, m_nodes.at(b).full);
  return appendTensor(std::move(n));
}

int Network::matmul(int a, int b) {
  const BatchedShape& x = m_nodes.at(a).full;
  const BatchedShape& y = m_nodes.at(b).full;
  if (x.size() < 2 || y.size() < 2 || canonical(x.back()) != canonical(y[y.size() - 2]) ||
      canonical(x.back()).batch)
    throw ShapeError("cannot multiply " + describe(x) + " by " + describe(y));
  Node n;
  n.op = OpKind::MatMul;
  n.inputs = {a, b};
  n.full = broadcast(BatchedShape(x.begin(), x.end() - 2), BatchedShape(y.begin(), y.end() - 2));
  n.full.push_back(x[x.size() - 2]);
  n.full.push_back(y.back());
  return appendTensor(std::move(n));
}

int Network::softmax(int x, int64_t axis, bool logarithm) {
  const BatchedShape& in = m_nodes.at(x).full;
  checkAxis(in, axis, "softmax");
  if (canonical(in[axis]).batch) throw ShapeError("a softmax over the batch mixes samples");
  Node n;
  n.op = OpKind::Softmax;
  n.inputs = {x};
  n.axis = axis;
  n.logarithm = logarithm;
  n.full = in;
  return appendTensor(std::move(n));
}

int Network::layerNorm(int x, int64_t axis, int weight, int bias, double eps) {
  const BatchedShape& in = m_nodes.at(x).full;
  checkAxis(in, axis, "layer normalization");
  const BatchedShape normalized(in.begin() + axis, in.end());
  Shape extents;
  for (const Dim& d : normalized) {
    if (canonical(d).batch) throw ShapeError("a layer normalization over the batch mixes samples");
    extents.push_back(d.extent);
  }
  for (int e : {weight, bias})
    if (e >= 0 && numel(m_state.entry(e).shape) != numel(extents))
      throw ShapeError("layer normalization tensor '" + m_state.entry(e).name + "' of shape " +
                       toString(m_state.entry(e).shape) + " does not fit " + toString(extents));
  Node n;
  n.op = OpKind::LayerNorm;
  n.name = weight >= 0 ? m_state.entry(weight).name : "";
  n.inputs = {x};
  n.axis = axis;
  n.weight = weight;
  n.bias = bias;
  n.eps = eps;
  n.full = in;
  return appendTensor(std::move(n));
}

int Network::reduce(int x, std::vector<int64_t> axes, bool sum, bool keepDims) {
  const BatchedShape& in = m_nodes.at(x).full;
  std::sort(axes.begin(), axes.end());
  if (std::adjacent_find(axes.begin(), axes.end()) != axes.end())
    throw ShapeError("reduce: an axis is named twice");
  Node n;
  n.op = OpKind::Reduce;
  n.inputs = {x};
  n.sum = sum;
  n.keepDims = keepDims;
  for (int64_t a : axes) {
    checkAxis(in, a, "reduce");
    if (canonical(in[a]).batch) throw ShapeError("a reduction over the batch mixes samples");
  }
  for (int64_t i = 0; i < static_cast<int64_t>(in.size()); ++i) {
    const bool reduced = std::binary_search(axes.begin(), axes.end(), i);
    if (!reduced) n.full.push_back(in[i]);
    if (reduced && keepDims) n.full.push_back({1, false});
  }
  n.axes = std::move(axes);
  return appendTensor(std::move(n));
}

int Network::gather(int x, int64_t axis, const std::vector<int64_t>& indices, bool keepAxis) {
  const BatchedShape& in = m_nodes.at(x).full;
  checkAxis(in, axis, "gather");
  const Dim d = canonical(in[axis]);
  if (d.batch) throw ShapeError("gathering along the batch axis picks samples");
  for (int64_t i : indices)
    if (i < 0 || i >= d.extent)
      throw ShapeError("index " + std::to_string(i) + " is outside axis " + std::to_string(axis) +
                       " of " + describe(in));
  if (!keepAxis && indices.size() != 1) throw ShapeError("gather: one index drops its axis");
  Node n;
  n.op = OpKind::Gather;
  n.inputs = {x};
  n.axis = axis;
  n.axes = indices;
  n.keepDims = keepAxis;
  n.full = in;
  if (keepAxis) {
    n.full[axis] = {static_cast<int64_t>(indices.size()), false};
  } else {
    n.full.erase(n.full.begin() + axis);
  }
  return appendTensor(std::move(n));
}

int Network::slice(int x, int64_t axis, int64_t begin, int64_t end, int64_t step) {
  // A slice is the gather of begin, begin + step, ...: one node kind, one set of checks.
  if (step < 1 || begin < 0 || begin >= end)
    throw ShapeError("slice " + std::to_string(begin) + ":" + std::to_string(end) + ":" +
                     std::to_string(step) + " is empty");
  std::vector<int64_t> indices;
  for (int64_t i = begin; i < end; i += step) indices.push_back(i);
  return gather(x, axis, indices, true);
}

int Network::concatAxis(const std::vector<int>& xs, int64_t axis) {
  if (xs.empty()) throw ShapeError("concat of nothing");
  Node n;
  n.op = OpKind::ConcatAxis;
  n.inputs = xs;
  n.axis = axis;
  n.full = m_nodes.at(xs[0]).full;
  checkAxis(n.full, axis, "concat");
  for (Dim& d : n.full) d = canonical(d);
  n.full[axis].extent = 0;
  for (int x : xs) {
    BatchedShape s = m_nodes.at(x).full;
    for (Dim& d : s) d = canonical(d);
    if (s.size() != n.full.size() || s[axis].batch)
      throw ShapeError("cannot concatenate " + describe(s) + " along axis " + std::to_string(axis));
    n.full[axis].extent += s[axis].extent;
    s[axis] = n.full[axis];
    if (s != n.full)
      throw ShapeError("cannot concatenate " + describe(m_nodes[x].full) + " with " +
                       describe(m_nodes[xs[0]].full));
  }
  return appendTensor(std::move(n));
}

int Network::expand(int x, const BatchedShape& shape) {
  Node n;
  n.op = OpKind::Expand;
  n.inputs = {x};
  n.full = broadcast(m_nodes.at(x).full, shape);
  return appendTensor(std::move(n));
}

}  // namespace basin
