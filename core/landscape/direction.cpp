#include "core/landscape/direction.h"

#include <cmath>
#include <random>

#include "core/error.h"

namespace basin {
namespace {

// Values of one entry as floats (counters included).
std::vector<float> entryValues(const Network& network, int entry) {
  const StateDict& state = network.state();
  if (state.entry(entry).kind == StateKind::Counter)
    return {static_cast<float>(state.counter(entry))};
  const auto v = state.values(entry);
  return {v.begin(), v.end()};
}

double l2(const float* v, int64_t n) {
  double s = 0.0;
  for (int64_t i = 0; i < n; ++i) s += double(v[i]) * v[i];
  return std::sqrt(s);
}

void scale(float* v, int64_t n, double factor) {
  for (int64_t i = 0; i < n; ++i) v[i] = static_cast<float>(v[i] * factor);
}

}  // namespace

DirectionType parseDirectionType(const std::string& name) {
  if (name == "weights") return DirectionType::Weights;
  if (name == "states") return DirectionType::States;
  throw ArgumentError("direction type must be weights or states, not '" + name + "'");
}

Normalization parseNormalization(const std::string& name) {
  if (name == "filter") return Normalization::Filter;
  if (name == "layer") return Normalization::Layer;
  if (name == "weight") return Normalization::Weight;
  if (name == "dfilter") return Normalization::DFilter;
  if (name == "dlayer") return Normalization::DLayer;
  if (name == "none" || name.empty()) return Normalization::None;
  throw ArgumentError(
      "normalization must be filter, layer, weight, dfilter, dlayer or none, not '" + name + "'");
}

std::vector<int> directionEntries(const Network& network, DirectionType type) {
  std::vector<int> entries;
  const auto& all = network.state().entries();
  for (int i = 0; i < static_cast<int>(all.size()); ++i)
    if (type == DirectionType::States || all[i].kind == StateKind::Parameter) entries.push_back(i);
  return entries;
}

int64_t constructionDraws(const Network& network) {
  const StateDict& state = network.state();
  int64_t draws = 0;
  for (const StateEntry& e : state.entries()) {
    if (e.kind != StateKind::Parameter || e.shape.size() < 2 || !e.name.ends_with("weight"))
      continue;
    draws += e.size;  // a Conv/Linear weight, then its bias if it has one
    const std::string prefix = e.name.substr(0, e.name.size() - 6);
    const int bias = state.find(prefix + "bias");
    if (bias >= 0 && state.entry(bias).kind == StateKind::Parameter)
      draws += state.entry(bias).size;
  }
  return draws;
}

Direction currentWeights(const Network& network, DirectionType type) {
  Direction d{type, directionEntries(network, type), {}};
  for (int e : d.entries) d.values.push_back(entryValues(network, e));
  return d;
}

void normalizeDirection(Direction& d, const Network& network, Normalization norm,
                        bool ignoreBiasBn) {
  const StateDict& state = network.state();
  for (size_t k = 0; k < d.entries.size(); ++k) {
    const StateEntry& e = state.entry(d.entries[k]);
    std::vector<float>& v = d.values[k];
    const std::vector<float> w = entryValues(network, d.entries[k]);
    if (e.shape.size() <= 1) {
      if (ignoreBiasBn) {
        std::fill(v.begin(), v.end(), 0.0f);
      } else {
        v = w;
      }
      continue;
    }
    const int64_t n = static_cast<int64_t>(v.size()), rows = e.shape[0], per = n / rows;
    switch (norm) {
      case Normalization::Filter:
        for (int64_t r = 0; r < rows; ++r)
          scale(v.data() + r * per, per,
                l2(w.data() + r * per, per) / (l2(v.data() + r * per, per) + 1e-10));
        break;
      case Normalization::Layer:
        scale(v.data(), n, l2(w.data(), n) / l2(v.data(), n));
        break;
      case Normalization::Weight:
        for (int64_t i = 0; i < n; ++i) v[i] *= w[i];
        break;
      case Normalization::DFilter:
        for (int64_t r = 0; r < rows; ++r)
          scale(v.data() + r * per, per, 1.0 / (l2(v.data() + r * per, per) + 1e-10));
        break;
      case Normalization::DLayer:
        scale(v.data(), n, 1.0 / l2(v.data(), n));
        break;
      case Normalization::None:
        break;
    }
  }
}

Direction randomDirection(const Network& network, DirectionType type, Normalization norm,
                          bool ignoreBiasBn, uint64_t seed) {
  Direction d{type, directionEntries(network, type), {}};
  std::mt19937_64 rng(seed);
  std::normal_distribution<float> gaussian(0.0f, 1.0f);
  for (int e : d.entries) {
    std::vector<float> v(network.state().entry(e).size);
    for (float& x : v) x = gaussian(rng);
    d.values.push_back(std::move(v));
  }
  normalizeDirection(d, network, norm, ignoreBiasBn);
  return d;
}

Direction randomDirection(const Network& network, DirectionType type, Normalization norm,
                          bool ignoreBiasBn, TorchGenerator& generator) {
  Direction d{type, directionEntries(network, type), {}};
  for (int e : d.entries) d.values.push_back(generator.randn(network.state().entry(e).size));
  normalizeDirection(d, network, norm, ignoreBiasBn);
  return d;
}

Direction targetDirection(const Network& origin, const Network& target, DirectionType type) {
  Direction d = currentWeights(target, type);
  const Direction o = currentWeights(origin, type);
  if (o.entries.size() != d.entries.size())
    throw ShapeError("the two models have different architectures");
  for (size_t k = 0; k < d.values.size(); ++k) {
    if (d.values[k].size() != o.values[k].size() ||
        origin.state().entry(o.entries[k]).name != target.state().entry(d.entries[k]).name)
      throw ShapeError("the two models differ at '" + target.state().entry(d.entries[k]).name +
                       "'");
    for (size_t i = 0; i < d.values[k].size(); ++i) d.values[k][i] -= o.values[k][i];
  }
  return d;
}

void applyDirections(Network& network, const Direction& base, const Direction& dx, double a,
                     const Direction* dy, double b) {
  StateDict& state = network.state();
  for (size_t k = 0; k < base.entries.size(); ++k) {
    const int e = base.entries[k];
    if (state.entry(e).kind == StateKind::Counter) continue;
    auto out = state.values(e);
    const auto& w = base.values[k];
    const auto& x = dx.values[k];
    if (dy) {
      const auto& y = dy->values[k];
      for (size_t i = 0; i < out.size(); ++i)
        out[i] = static_cast<float>(w[i] + a * x[i] + b * y[i]);
    } else {
      for (size_t i = 0; i < out.size(); ++i) out[i] = static_cast<float>(w[i] + a * x[i]);
    }
  }
}

}  // namespace basin
