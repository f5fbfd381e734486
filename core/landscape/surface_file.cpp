#include "core/landscape/surface_file.h"

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "core/error.h"
#include "core/io/hdf5.h"

namespace basin {

std::vector<double> Axis::coordinates() const {
  std::vector<double> c(num);
  for (int64_t i = 0; i < num; ++i)
    c[i] = num == 1 ? min : min + (max - min) * double(i) / double(num - 1);
  if (num > 1) c.back() = max;
  return c;
}

Axis parseAxis(const std::string& text, const std::string& option) {
  Axis a;
  const size_t c1 = text.find(':'), c2 = text.find(':', c1 + 1);
  try {
    if (c1 == std::string::npos || c2 == std::string::npos) throw std::invalid_argument("");
    size_t used = 0;
    a.min = std::stod(text.substr(0, c1), &used);
    if (used != c1) throw std::invalid_argument("");
    a.max = std::stod(text.substr(c1 + 1, c2 - c1 - 1), &used);
    if (used != c2 - c1 - 1) throw std::invalid_argument("");
    a.num = std::stoll(text.substr(c2 + 1), &used);
    if (used != text.size() - c2 - 1) throw std::invalid_argument("");
  } catch (const std::exception&) {
    throw ArgumentError(option + " must be min:max:num (like -1:1:51), not '" + text + "'");
  }
  if (a.num < 1 || a.num > 10000)
    throw ArgumentError(option + " asks for " + std::to_string(a.num) +
                        " points; use 1 to 10000 per axis");
  if (!(a.min <= a.max) || !std::isfinite(a.min) || !std::isfinite(a.max))
    throw ArgumentError(option + " needs finite min <= max, not '" + text + "'");
  if (!std::isfinite(a.max - a.min))
    throw ArgumentError(option + " '" + text + "' spans more than a double holds");
  if (a.num > 1) {
    const std::vector<double> c = a.coordinates();
    if (std::adjacent_find(c.begin(), c.end(), std::greater_equal<double>()) != c.end())
      throw ArgumentError(option + " '" + text + "' gives equal coordinates; use min < max" +
                          (a.min == a.max ? " (or num 1 for a single point)" : "") +
                          " with points a double can tell apart");
  }
  return a;
}

namespace {

using Arrays = std::map<std::string, std::vector<double>>;

int64_t missingOf(const Arrays& arrays, int64_t points) {
  std::vector<char> open(static_cast<size_t>(points), 0);
  for (const auto& [name, values] : arrays)
    if (name.ends_with("_loss"))
      for (size_t k = 0; k < values.size() && k < open.size(); ++k) open[k] |= values[k] < 0.0;
  return std::count(open.begin(), open.end(), char(1));
}

void writeArrays(H5::Group& group, const Surface& s, const std::string& dirFile,
                 const Arrays& arrays) {
  // dir_file as the reference writes it: a scalar string dataset.
  H5::StrType str(H5::PredType::C_S1, H5T_VARIABLE);
  group.createDataSet("dir_file", str, H5::DataSpace(H5S_SCALAR)).write(dirFile, str);
  std::vector<hsize_t> dims{s.x.size()};
  if (!s.y.empty()) dims.push_back(s.y.size());
  for (const auto& [name, values] : arrays) hdf5::writeDoubles(group, name, dims, values);
}

// The value arrays of `group` (every dataset but the coordinates and dir_file), each holding one
// value per grid point.
Arrays readArrays(const H5::Group& group, const std::string& where, int64_t points,
                  const std::string& path) {
  Arrays arrays;
  for (hsize_t i = 0; i < group.getNumObjs(); ++i) {
    const std::string name = group.getObjnameByIdx(i);
    if (name == "xcoordinates" || name == "ycoordinates" || name == "dir_file") continue;
    if (group.childObjType(name) != H5O_TYPE_DATASET) continue;
    const int64_t count = numel(hdf5::shapeOf(group.openDataSet(name)));
    if (count != points)
      throw FormatError(path + ": '" + where + name + "' holds " + std::to_string(count) +
                        " values for a grid of " + std::to_string(points) + " points");
    arrays[name] = hdf5::readDoubles(group, name, path);
  }
  return arrays;
}

// The group seeds/<seed>, one per further seed, sorted by seed.
std::vector<SeedSurface> readSeeds(const H5::H5File& file, const Surface& s,
                                   const std::string& path) {
  std::vector<SeedSurface> seeds;
  if (!file.nameExists("seeds")) return seeds;
  if (file.childObjType("seeds") != H5O_TYPE_GROUP)
    throw FormatError(path + ": 'seeds' is not a group of further seeds' surfaces");
  const H5::Group group = file.openGroup("seeds");
  if (group.getNumObjs() > hsize_t(kMaxSeeds))
    throw FormatError(path + ": 'seeds' holds " + std::to_string(group.getNumObjs()) +
                      " surfaces; Basin reads at most " + std::to_string(kMaxSeeds));
  for (hsize_t i = 0; i < group.getNumObjs(); ++i) {
    const std::string name = group.getObjnameByIdx(i);
    SeedSurface seed;
    size_t used = 0;
    try {
      seed.seed = std::stoll(name, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    // Only the canonical decimal name, so that no two groups can name one seed.
    if (used != name.size() || name != std::to_string(seed.seed) || seed.seed < 0 ||
        group.childObjType(name) != H5O_TYPE_GROUP)
      throw FormatError(path + ": 'seeds/" + name + "' is not a seed's group (seeds/<seed>)");
    const H5::Group one = group.openGroup(name);
    if (one.nameExists("dir_file"))
      seed.dirFile = hdf5::readStringDataset(one.openDataSet("dir_file"));
    seed.arrays = readArrays(one, "seeds/" + name + "/", s.points(), path);
    seeds.push_back(std::move(seed));
  }
  std::sort(seeds.begin(), seeds.end(), [](auto& a, auto& b) { return a.seed < b.seed; });
  return seeds;
}

}  // namespace

int64_t Surface::totalPoints() const {
  return points() * int64_t(1 + seeds.size());
}

std::vector<double>& arrayOf(std::map<std::string, std::vector<double>>& arrays,
                             const std::string& name, int64_t points) {
  auto [it, inserted] = arrays.try_emplace(name);
  if (inserted) it->second.assign(points, -1.0);
  return it->second;
}

std::vector<double>& Surface::array(const std::string& name) {
  return arrayOf(arrays, name, points());
}

int64_t Surface::missing() const {
  int64_t open = missingOf(arrays, points());
  for (const SeedSurface& seed : seeds) open += missingOf(seed.arrays, points());
  return open;
}

Surface seedSurface(const Surface& s, size_t i) {
  Surface one;
  one.x = s.x;
  one.y = s.y;
  one.metadataJson = s.metadataJson;
  if (i == 0) {
    one.dirFile = s.dirFile;
    one.arrays = s.arrays;
  } else {
    one.dirFile = s.seeds.at(i - 1).dirFile;
    one.arrays = s.seeds.at(i - 1).arrays;
  }
  return one;
}

int64_t nearestIndex(const std::vector<double>& axis, double value) {
  int64_t best = 0;
  for (int64_t i = 1; i < static_cast<int64_t>(axis.size()); ++i)
    if (std::abs(axis[i] - value) < std::abs(axis[best] - value)) best = i;
  return best;
}

void writeSurfaceFile(const std::string& path, const Surface& s) {
  hdf5::writeAtomically(path, [&](H5::H5File& file) {
    hdf5::writeDoubles(file, "xcoordinates", {s.x.size()}, s.x);
    if (!s.y.empty()) hdf5::writeDoubles(file, "ycoordinates", {s.y.size()}, s.y);
    writeArrays(file, s, s.dirFile, s.arrays);
    if (!s.seeds.empty()) {
      H5::Group seeds = file.createGroup("seeds");
      for (const SeedSurface& seed : s.seeds) {
        H5::Group one = seeds.createGroup(std::to_string(seed.seed));
        writeArrays(one, s, seed.dirFile, seed.arrays);
      }
    }
    hdf5::writeStringAttribute(file, "basin_metadata", s.metadataJson);
  });
}

std::string directionFileOf(const Surface& surface, const std::string& surfacePath) {
  return directionFileOf(surface.dirFile, surfacePath);
}

std::string directionFileOf(const std::string& dirFile, const std::string& surfacePath) {
  std::string dirs = dirFile;
  std::error_code ec;
  if (!dirs.empty() && std::filesystem::path(dirs).is_relative() &&
      !std::filesystem::exists(dirs, ec))
    dirs = (std::filesystem::path(surfacePath).parent_path() / dirs).string();
  return dirs;
}

Surface readSurfaceFile(const std::string& path) {
  const H5::H5File file = hdf5::openReadOnly(path);
  try {
    if (!file.nameExists("xcoordinates"))
      throw FormatError(path + ": not a surface file (no 'xcoordinates')");
    Surface s;
    s.x = hdf5::readDoubles(file, "xcoordinates", path);
    if (file.nameExists("ycoordinates")) s.y = hdf5::readDoubles(file, "ycoordinates", path);
    if (s.x.empty()) throw FormatError(path + ": 'xcoordinates' is empty");
    for (const auto* axis : {&s.x, &s.y}) {
      const std::string name = axis == &s.x ? "xcoordinates" : "ycoordinates";
      if (axis->size() > 10000)
        throw FormatError(path + ": " + std::to_string(axis->size()) +
                          " coordinates on one axis; Basin handles at most 10000");
      for (double v : *axis)
        if (!std::isfinite(v))
          throw FormatError(path + ": '" + name + "' holds " + std::to_string(v) +
                            "; coordinates must be finite");
      const auto bad = std::adjacent_find(axis->begin(), axis->end(), std::greater_equal<double>());
      if (bad != axis->end())
        throw FormatError(path + ": '" + name + "' is not strictly increasing (" +
                          std::to_string(*bad) + " then " + std::to_string(*(bad + 1)) +
                          "); a grid's coordinates must rise without repeats");
    }
    if (file.nameExists("dir_file"))
      s.dirFile = hdf5::readStringDataset(file.openDataSet("dir_file"));
    if (hdf5::hasAttribute(file, "basin_metadata"))
      s.metadataJson = hdf5::readStringAttribute(file, "basin_metadata");
    s.arrays = readArrays(file, "", s.points(), path);
    s.seeds = readSeeds(file, s, path);
    return s;
  } catch (const H5::Exception& e) {
    throw FormatError(path + ": corrupt surface file (" + e.getDetailMsg() + ")");
  }
}

}  // namespace basin
