// basin-cli bench: forward + loss throughput of a model at a batch size and thread count.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <random>

#include "app/cli/commands.h"
#include "app/cli/model_options.h"
#include "core/error.h"
#include "core/net/executor.h"
#include "core/ops/loss.h"

namespace basin::cli {
namespace {

struct BenchArgs {
  ModelArgs model;
  std::string mode = "fast";
  int64_t batch = 128;
  int threads = 2, iterations = 10, warmup = 2;
  bool json = false, profile = false;
};

// The operators by total time, per timed batch, slowest first.
void printProfile(const OperatorProfile& profile, int batches) {
  std::vector<std::pair<std::string, OperatorProfile::Entry>> rows(profile.entries.begin(),
                                                                   profile.entries.end());
  std::sort(rows.begin(), rows.end(),
            [](const auto& a, const auto& b) { return a.second.seconds > b.second.seconds; });
  double total = 0.0;
  for (const auto& r : rows) total += r.second.seconds;
  std::printf("%9s %6s %6s  operator, input shapes -> output shape (per timed batch)\n", "ms",
              "share", "calls");
  for (const auto& [key, e] : rows)
    std::printf("%9.2f %5.1f%% %6lld  %s\n", 1e3 * e.seconds / batches,
                100.0 * e.seconds / std::max(total, 1e-30),
                static_cast<long long>(e.calls / batches), key.c_str());
}

void run(const BenchArgs& args) {
  if (args.iterations < 1 || args.warmup < 0) throw ArgumentError("--iterations must be >= 1");
  if (args.mode != "fast" && args.mode != "naive")
    throw ArgumentError("--mode must be fast or naive");
  const ModelArgs& m = args.model;
  ArchSpec arch{m.arch.empty() ? "resnet20" : m.arch, m.inChannels, m.size, m.size, m.classes};
  Network network = [&] {
    if (!args.model.model.empty()) {
      Checkpoint c = args.model.load();
      arch = c.arch;
      return std::move(c.network);
    }
    Network n = buildModel(arch);
    initializeWeights(n, 0);
    return n;
  }();
  Shape shape = {args.batch};
  for (int64_t d : network.inputShape()) shape.push_back(d);
  Tensor input(shape);
  std::mt19937_64 rng(1);
  std::normal_distribution<float> normal;
  for (float& v : input.values()) v = normal(rng);
  std::vector<int32_t> labels(args.batch);
  for (int64_t i = 0; i < args.batch; ++i) labels[i] = static_cast<int32_t>(i % arch.numClasses);

  Executor executor(network, args.mode == "naive" ? ExecMode::Naive : ExecMode::Fast);
  std::vector<double> seconds;
  double checksum = 0.0;
  OperatorProfile profile;
  for (int i = 0; i < args.warmup + args.iterations; ++i) {
    if (args.profile && i == args.warmup) executor.setProfile(&profile);
    const auto start = std::chrono::steady_clock::now();
    checksum =
        lossAndAccuracy(executor.forward(input, args.threads), labels, LossKind::CrossEntropy)
            .meanLoss();
    const double s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (i >= args.warmup) seconds.push_back(s);
  }
  std::sort(seconds.begin(), seconds.end());
  const double median = seconds[seconds.size() / 2];
  const double imagesPerSecond = args.batch / median;
  const double mflop = network.flopsPerSample() / 1e6;
  const double gflops = mflop * imagesPerSecond / 1e3;
  if (args.profile) printProfile(profile, args.iterations);
  if (args.json) {
    std::cout << nlohmann::json{{"architecture", arch.name},
                                {"batch", args.batch},
                                {"threads", args.threads},
                                {"iterations", args.iterations},
                                {"median_seconds", median},
                                {"images_per_second", imagesPerSecond},
                                {"mflop_per_image", mflop},
                                {"gflops", gflops},
                                {"parameters", network.state().parameterCount()},
                                {"loss", checksum}}
                     .dump(2)
              << "\n";
    return;
  }
  std::printf(
      "%s, batch %lld, %d threads, %s mode: %.1f images/s, %.1f GFLOP/s "
      "(%.1f MFLOP/image, median of %d batches: %.4f s)\n",
      arch.name.c_str(), static_cast<long long>(args.batch), args.threads, args.mode.c_str(),
      imagesPerSecond, gflops, mflop, args.iterations, median);
}

}  // namespace

void addBenchCommand(CLI::App& app) {
  auto args = std::make_shared<BenchArgs>();
  CLI::App* cmd = app.add_subcommand(
      "bench",
      "Forward + cross-entropy throughput (images/s, GFLOP/s) of a zoo model with "
      "seeded random weights, or of a checkpoint, on a random batch.");
  cmd->add_option("--model", args->model.model, "Benchmark this model file instead of --arch");
  args->model.addTo(cmd, "Zoo architecture (default resnet20)");
  addComputeOptions(cmd, args->batch, args->threads);
  cmd->add_option("--iterations", args->iterations, "Timed batches (the median is reported)")
      ->capture_default_str();
  cmd->add_option("--warmup", args->warmup, "Untimed batches first")->capture_default_str();
  cmd->add_option("--mode", args->mode, "fast, or naive (the oracle kernels)")
      ->capture_default_str();
  cmd->add_flag("--json", args->json, "Print the result as JSON");
  cmd->add_flag("--profile", args->profile,
                "Also print the time of each operator and shape per timed batch (the timing "
                "itself costs a little)");
  std::string names;
  for (const std::string& n : zooNames()) names += (names.empty() ? "" : ", ") + n;
  cmd->footer("Zoo architectures: " + names +
              "\nCompare with PyTorch in the same run: tests/benchmarks/compare_pytorch.sh");
  addBenchSurfaceCommand(*cmd);
  addBenchTrajectoryCommand(*cmd);
  cmd->callback([args, cmd] {
    if (cmd->get_subcommands().empty()) run(*args);  // not after `bench surface` etc.
  });
}

}  // namespace basin::cli
