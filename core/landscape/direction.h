// Directions in parameter space (Li et al. 2018, reference.md "Directions"): one tensor per
// parameter (`weights` type) or per state_dict entry (`states` type), random and normalized per
// filter/layer/..., or the difference between two models (target directions).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/landscape/torch_randn.h"
#include "core/net/network.h"

namespace basin {

enum class DirectionType { Weights, States };
enum class Normalization { Filter, Layer, Weight, DFilter, DLayer, None };

// Parses "weights"/"states" and "filter"/"layer"/"weight"/"dfilter"/"dlayer"/"none" (or "");
// throws ArgumentError otherwise.
DirectionType parseDirectionType(const std::string& name);
Normalization parseNormalization(const std::string& name);

struct Direction {
  DirectionType type = DirectionType::Weights;
  std::vector<int> entries;                // state entries covered, in state_dict order
  std::vector<std::vector<float>> values;  // one tensor per entry, flattened
};

// The state entries a direction of this type covers: parameters, or every entry.
std::vector<int> directionEntries(const Network& network, DirectionType type);

// What PyTorch's default initialisation of `network` draws from the generator before the
// reference draws its directions: one float uniform per element of every Conv/Linear weight and
// bias, found by name ("P.weight" of two or more dimensions and the "P.bias" beside it);
// BatchNorm draws nothing. (torch-randn.md: the reference's order of draws.)
int64_t constructionDraws(const Network& network);

// Current values of those entries (counters as floats): theta*.
Direction currentWeights(const Network& network, DirectionType type);

// A seeded N(0,1) direction, then normalized like the reference: tensors with at most one
// dimension become 0 (ignoreBiasBn) or equal the weights; the others are normalized per
// `norm` against the weights: filter d_i *= |w_i| / (|d_i| + 1e-10) for every slice along dim 0;
// layer d *= |w| / |d|; weight d *= w; dfilter d_i /= |d_i| + 1e-10; dlayer d /= |d|.
Direction randomDirection(const Network& network, DirectionType type, Normalization norm,
                          bool ignoreBiasBn, uint64_t seed);
// The same with the reference's draws: torch.randn of every entry's size, in order, from
// `generator` (seeded and past the construction draws; y continues where x ended).
Direction randomDirection(const Network& network, DirectionType type, Normalization norm,
                          bool ignoreBiasBn, TorchGenerator& generator);

// Normalizes `d` in place as above (exposed for tests against the reference).
void normalizeDirection(Direction& d, const Network& network, Normalization norm,
                        bool ignoreBiasBn);

// target - origin, unnormalized: the interpolation direction from `origin` to `target`, which
// must have the same architecture. Throws ShapeError otherwise.
Direction targetDirection(const Network& origin, const Network& target, DirectionType type);

// Sets the network's entries to base + a * dx (+ b * dy). Counters are left as they are.
void applyDirections(Network& network, const Direction& base, const Direction& dx, double a,
                     const Direction* dy, double b);

}  // namespace basin
