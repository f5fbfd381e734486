// Which samples of a data set are used, decided before any pixel is read.
#include <algorithm>
#include <numeric>
#include <random>
#include <unordered_map>

#include "core/data/image_set.h"
#include "core/error.h"

namespace basin {

std::vector<int64_t> chosenSamples(const SampleChoice& choice, int64_t count) {
  if (!choice) return firstSamples(-1)(count);
  std::vector<int64_t> chosen = choice(count);
  for (size_t i = 0; i < chosen.size(); ++i)
    if (chosen[i] < 0 || chosen[i] >= count || (i > 0 && chosen[i] <= chosen[i - 1]))
      throw ArgumentError("sample choice is not sorted, distinct indices below the count");
  return chosen;
}

SampleChoice firstSamples(int64_t n) {
  return [n](int64_t count) {
    std::vector<int64_t> chosen(n >= 0 && n < count ? n : count);
    std::iota(chosen.begin(), chosen.end(), 0);
    return chosen;
  };
}

SampleChoice randomSamples(int64_t n, uint64_t seed) {
  return [n, seed](int64_t count) {
    if (n < 0 || n >= count) return firstSamples(-1)(count);
    // A partial Fisher-Yates shuffle of 0..count-1, with the array held sparsely: only moved
    // entries are stored. The draws are those of a shuffle of the whole array.
    std::mt19937_64 rng(seed);
    std::unordered_map<int64_t, int64_t> moved;
    const auto at = [&](int64_t i) {
      const auto it = moved.find(i);
      return it == moved.end() ? i : it->second;
    };
    std::vector<int64_t> chosen(n);
    for (int64_t i = 0; i < n; ++i) {
      std::uniform_int_distribution<int64_t> pick(i, count - 1);
      const int64_t j = pick(rng);
      const int64_t vi = at(i), vj = at(j);
      chosen[i] = vj;
      moved[j] = vi;
      moved[i] = vj;
    }
    std::sort(chosen.begin(), chosen.end());
    return chosen;
  };
}

}  // namespace basin
