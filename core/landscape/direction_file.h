// Direction files in the reference implementation's HDF5 layout: groups `xdirection` and
// optionally `ydirection`, each with datasets "0", "1", ... (one per tensor, float32, the
// tensor's shape), in parameter order (`weights`) or state_dict order (`states`); PCA direction
// files also hold the explained variance.
#pragma once

#include <optional>
#include <string>

#include "core/landscape/direction.h"

namespace basin {

// What a PCA direction file adds (datasets `explained_variance_ratio_`, `singular_values_`,
// `explained_variance_`, sklearn's names, one value per direction).
struct ExplainedVariance {
  std::vector<double> ratio, singularValues, variance;
};

struct DirectionPair {
  Direction x;
  std::optional<Direction> y;
  std::optional<ExplainedVariance> explained;  // PCA directions only
  // How random directions were drawn (JSON: rng, seed, skip_draws), the attribute
  // "basin_directions"; empty for other directions and files without it.
  std::string origin;
};

// Writes atomically. Throws IoError.
void writeDirectionFile(const std::string& path, const Network& network, const DirectionPair& d);

// The explained variance of a PCA direction file, without checking the directions against a
// model; nullopt when the file has none or cannot be read (it only labels axes), or for "".
std::optional<ExplainedVariance> readExplainedVariance(const std::string& path);

// Reads and checks against `network`: the tensor count says the type (one per parameter:
// weights; one per state entry: states), every shape must match. Throws IoError, FormatError or
// ShapeError naming the file and the tensor.
DirectionPair readDirectionFile(const std::string& path, const Network& network);

}  // namespace basin
