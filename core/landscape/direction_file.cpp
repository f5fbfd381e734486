#include "core/landscape/direction_file.h"

#include <algorithm>
#include <cmath>

#include "core/error.h"
#include "core/io/hdf5.h"

namespace basin {
namespace {

void writeGroup(H5::H5File& file, const char* name, const Network& network, const Direction& d) {
  H5::Group g = file.createGroup(name);
  for (size_t k = 0; k < d.entries.size(); ++k)
    hdf5::writeFloats(g, std::to_string(k), network.state().entry(d.entries[k]).shape,
                      d.values[k].data());
}

Direction readGroup(const H5::H5File& file, const char* name, const std::string& path,
                    const Network& network) {
  const H5::Group g = file.openGroup(name);
  const int64_t count = static_cast<int64_t>(g.getNumObjs());
  Direction d;
  if (count == static_cast<int64_t>(directionEntries(network, DirectionType::Weights).size())) {
    d.type = DirectionType::Weights;
  } else if (count == static_cast<int64_t>(network.state().entries().size())) {
    d.type = DirectionType::States;
  } else {
    throw ShapeError(
        path + ": '" + name + "' holds " + std::to_string(count) + " tensors; the model has " +
        std::to_string(directionEntries(network, DirectionType::Weights).size()) +
        " parameters and " + std::to_string(network.state().entries().size()) + " state entries");
  }
  d.entries = directionEntries(network, d.type);
  for (size_t k = 0; k < d.entries.size(); ++k) {
    const std::string key = std::to_string(k);
    if (!g.nameExists(key))
      throw FormatError(path + ": '" + name + "' has no dataset '" + key + "'");
    const H5::DataSet ds = g.openDataSet(key);
    const StateEntry& e = network.state().entry(d.entries[k]);
    const Shape shape = hdf5::shapeOf(ds);
    if (numel(shape) != e.size)
      throw ShapeError(path + ": " + name + "/" + key + " has shape " + toString(shape) + " but '" +
                       e.name + "' is " + toString(e.shape));
    d.values.push_back(hdf5::readFloats(ds, path));
    // A NaN in a direction would make every point of the surface NaN.
    if (!std::all_of(d.values.back().begin(), d.values.back().end(),
                     [](float v) { return std::isfinite(v); }))
      throw FormatError(path + ": " + name + "/" + key + " (for '" + e.name +
                        "') holds NaN or infinite values");
  }
  return d;
}

}  // namespace

void writeDirectionFile(const std::string& path, const Network& network, const DirectionPair& d) {
  hdf5::writeAtomically(path, [&](H5::H5File& file) {
    writeGroup(file, "xdirection", network, d.x);
    if (d.y) writeGroup(file, "ydirection", network, *d.y);
    if (!d.origin.empty()) hdf5::writeStringAttribute(file, "basin_directions", d.origin);
    if (d.explained) {
      const std::vector<hsize_t> dims{d.explained->ratio.size()};
      hdf5::writeDoubles(file, "explained_variance_ratio_", dims, d.explained->ratio);
      hdf5::writeDoubles(file, "singular_values_", dims, d.explained->singularValues);
      hdf5::writeDoubles(file, "explained_variance_", dims, d.explained->variance);
    }
  });
}

std::optional<ExplainedVariance> readExplainedVariance(const std::string& path) {
  if (path.empty()) return std::nullopt;
  try {
    const H5::H5File file = hdf5::openReadOnly(path);
    if (!file.nameExists("explained_variance_ratio_")) return std::nullopt;
    ExplainedVariance e;
    e.ratio = hdf5::readDoubles(file, "explained_variance_ratio_", path);
    return e;
  } catch (const Error&) {
    return std::nullopt;
  } catch (const H5::Exception&) {  // not a std::exception
    return std::nullopt;
  }
}

DirectionPair readDirectionFile(const std::string& path, const Network& network) {
  const H5::H5File file = hdf5::openReadOnly(path);
  try {
    if (!file.nameExists("xdirection"))
      throw FormatError(path + ": not a direction file (no 'xdirection' group)");
    DirectionPair d{readGroup(file, "xdirection", path, network), std::nullopt, std::nullopt};
    if (file.nameExists("ydirection")) d.y = readGroup(file, "ydirection", path, network);
    if (file.nameExists("explained_variance_ratio_")) {
      ExplainedVariance& e = d.explained.emplace();
      e.ratio = hdf5::readDoubles(file, "explained_variance_ratio_", path);
      if (file.nameExists("singular_values_"))
        e.singularValues = hdf5::readDoubles(file, "singular_values_", path);
      if (file.nameExists("explained_variance_"))
        e.variance = hdf5::readDoubles(file, "explained_variance_", path);
    }
    if (d.y && d.y->type != d.x.type)
      throw FormatError(path + ": xdirection and ydirection are of different types");
    if (hdf5::hasAttribute(file, "basin_directions"))
      d.origin = hdf5::readStringAttribute(file, "basin_directions");
    return d;
  } catch (const H5::Exception& e) {
    throw FormatError(path + ": corrupt direction file (" + e.getDetailMsg() + ")");
  }
}

}  // namespace basin
