// Surface files in the reference implementation's HDF5 layout (reference.md "Files"):
// `dir_file` (string), `xcoordinates` and optional `ycoordinates` (float64), and float64 arrays
// such as `train_loss`, `train_acc`, `test_loss`, `test_acc` of shape (nx) or (nx, ny), -1 where
// not computed. Trap kept on purpose: 2-D arrays are declared (nx, ny) but filled in
// meshgrid(x, y).ravel() order, so flat index k is the point (x[k % nx], y[k / nx]).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace basin {

struct Axis {
  double min = -1.0, max = 1.0;
  int64_t num = 51;
  // numpy.linspace(min, max, num).
  std::vector<double> coordinates() const;
};

// "min:max:num" as the reference's --x/--y. Throws ArgumentError (naming `option`) for bad text,
// num outside 1..10000, or min > max.
Axis parseAxis(const std::string& text, const std::string& option);

struct SeedSurface;

struct Surface {
  std::string dirFile;
  std::vector<double> x, y;                           // y empty for a 1-D surface
  std::map<std::string, std::vector<double>> arrays;  // "train_loss" -> flat values
  std::string metadataJson = "{}";                    // Basin's own attribute `basin_metadata`
  // The same grid along further seeds' random directions (--seeds K), in the file's group
  // seeds/<seed> (its dir_file and arrays), where the reference's tools do not look: they read
  // the first seed's arrays above.
  std::vector<SeedSurface> seeds;

  int64_t points() const { return int64_t(x.size()) * int64_t(y.empty() ? 1 : y.size()); }
  // Points over all seeds: points() * (1 + seeds.size()).
  int64_t totalPoints() const;
  // The array `name`, created full of -1 if missing.
  std::vector<double>& array(const std::string& name);
  // Points some loss array (`*_loss`) has not computed yet (-1), over all seeds: the one rule
  // for "is this point computed".
  int64_t missing() const;
};

// Seeds a surface file may hold beside the first; more are refused as not Basin's.
constexpr int64_t kMaxSeeds = 64;

struct SeedSurface {
  int64_t seed = 0;
  std::string dirFile;
  std::map<std::string, std::vector<double>> arrays;  // as Surface::arrays, same grid
};

// arrays[name], created full of -1 (not computed) for `points` points if missing.
std::vector<double>& arrayOf(std::map<std::string, std::vector<double>>& arrays,
                             const std::string& name, int64_t points);

// Seed i's surface on its own (0: the first, i.e. `s` without its further seeds): what the
// measures and views of one surface take.
Surface seedSurface(const Surface& s, size_t i);

// The direction file a surface file names (its dir_file), found next to the surface file when
// the name is relative and not found from the working folder; empty when it names none.
std::string directionFileOf(const Surface& surface, const std::string& surfacePath);
// The same for a dir_file as named in a surface file (a further seed's).
std::string directionFileOf(const std::string& dirFile, const std::string& surfacePath);

// Index of the coordinate of `axis` nearest `value` (the first of equals); 0 for an empty axis.
int64_t nearestIndex(const std::vector<double>& axis, double value);

// Writes atomically (temporary file + rename): a reader, or a crash, never sees half a file.
// Throws IoError.
void writeSurfaceFile(const std::string& path, const Surface& surface);

// Reads every array of a surface file (Basin's or the reference's). Throws IoError, FormatError.
Surface readSurfaceFile(const std::string& path);

}  // namespace basin
