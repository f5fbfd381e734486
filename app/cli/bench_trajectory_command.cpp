// basin-cli bench trajectory: time and peak memory of the PCA of a synthetic training path
// (default 1,000 checkpoints x 1,000,000 parameters), to show memory stays
// O(checkpoints x parameters): the parameters-by-parameters matrix would need 8 TB.

#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "app/cli/commands.h"
#include "core/error.h"
#include "core/landscape/trajectory.h"

namespace basin::cli {
namespace {

struct BenchTrajectoryArgs {
  int64_t checkpoints = 1000, parameters = 1000000;
  int threads = 2;
  bool json = false;
};

uint64_t splitmix(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// A training-like path theta_0..theta_n: a curved drift that slows down (steps shrink like
// exp(-3 i / m), turning by a half cosine) plus noise, stored as offsets theta_i - theta_n.
OffsetMatrix syntheticPath(int64_t m, int64_t n, int threads) {
  OffsetMatrix offsets(m, n);
  auto uniform = [](uint64_t& state) {
    return float(splitmix(state) >> 40) / float(1 << 24) - 0.5f;
  };
#pragma omp parallel for schedule(static) num_threads(threads)
  for (int64_t j = 0; j < n; ++j) {
    uint64_t state = 0x5EED0000ull + uint64_t(j);
    const float along = uniform(state), across = uniform(state);
    float theta = 0.0f;
    for (int64_t i = 0; i < m; ++i) {
      offsets(i, j) = theta;
      const float t = float(i) / float(m), speed = std::exp(-3.0f * t);
      theta += speed * (along + across * std::cos(3.14159265f * t)) + 0.05f * uniform(state);
    }
    const float last = offsets(m - 1, j);
    for (int64_t i = 0; i < m; ++i) offsets(i, j) -= last;
  }
  return offsets;
}

void run(const BenchTrajectoryArgs& a) {
  if (a.checkpoints < 3 || a.parameters < 2)
    throw ArgumentError("--checkpoints must be at least 3 and --parameters at least 2");
  if (double(a.checkpoints) * double(a.parameters) > 4e9)
    throw ArgumentError("--checkpoints x --parameters above 4e9 floats (16 GB) is too large");
  const auto t0 = std::chrono::steady_clock::now();
  const OffsetMatrix offsets = syntheticPath(a.checkpoints, a.parameters, a.threads);
  const auto t1 = std::chrono::steady_clock::now();
  const PrincipalPlane plane = principalPlane(offsets, {a.threads});
  const auto t2 = std::chrono::steady_clock::now();
  const double generate = std::chrono::duration<double>(t1 - t0).count();
  const double pca = std::chrono::duration<double>(t2 - t1).count();
  const double matrixMiB = double(a.checkpoints) * double(a.parameters) * 4.0 / (1 << 20);
  if (a.json) {
    std::cout << nlohmann::json{{"checkpoints", a.checkpoints},
                                {"parameters", a.parameters},
                                {"threads", a.threads},
                                {"pca_seconds", pca},
                                {"generate_seconds", generate},
                                {"offsets_mib", matrixMiB},
                                {"peak_rss_mib", peakRssMiB()},
                                {"explained_variance_ratio", plane.explained.ratio}}
                     .dump(2)
              << "\n";
    return;
  }
  std::printf(
      "trajectory PCA: %lld checkpoints x %s parameters, %d threads: %.2f s (synthetic path "
      "made in %.2f s)\npeak memory %.0f MiB, of which the offsets are %.0f MiB; explained "
      "%.1f %% + %.1f %%\n",
      static_cast<long long>(a.checkpoints), grouped(a.parameters).c_str(), a.threads, pca,
      generate, peakRssMiB(), matrixMiB, 100 * plane.explained.ratio[0],
      100 * plane.explained.ratio[1]);
}

}  // namespace

void addBenchTrajectoryCommand(CLI::App& bench) {
  auto a = std::make_shared<BenchTrajectoryArgs>();
  CLI::App* cmd = bench.add_subcommand(
      "trajectory", "Time and peak memory of the trajectory PCA on a synthetic training path.");
  cmd->add_option("--checkpoints", a->checkpoints, "Checkpoints on the path")
      ->capture_default_str();
  cmd->add_option("--parameters", a->parameters, "Parameters per checkpoint")
      ->capture_default_str();
  cmd->add_option("--threads", a->threads, "Threads")
      ->check(CLI::Range(1, 1024))
      ->capture_default_str();
  cmd->add_flag("--json", a->json, "Print as JSON");
  cmd->callback([a] { run(*a); });
}

}  // namespace basin::cli
