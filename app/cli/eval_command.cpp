// basin-cli eval: loss and accuracy of a checkpoint on a data set.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "app/cli/commands.h"
#include "app/cli/data_options.h"
#include "app/cli/model_options.h"
#include "core/error.h"
#include "core/eval/evaluate.h"

namespace basin::cli {
namespace {

struct EvalArgs {
  ModelArgs model;
  DataArgs data;
  std::string loss = "ce";
  int64_t batch = 128;
  bool json = false, quiet = false;
  int threads = 2;
};

void run(const EvalArgs& a) {
  EvalArgs args = a;
  if (args.model.model.empty() && args.data.data.empty()) {
    const std::string folder = demoFolder();
    args.model.model = folder + "/resnet20-mnist.h5";
    args.data.useDemoDefaults(folder);
  } else if (args.model.model.empty() || args.data.data.empty()) {
    throw ArgumentError("give both --model and --data (or neither, for the bundled demo)");
  }
  if (args.loss != "ce" && args.loss != "mse")
    throw ArgumentError("--loss must be ce or mse, not '" + args.loss + "'");

  const Checkpoint checkpoint = args.model.load();
  const Dataset data = args.data.open();

  EvalOptions options;
  options.batchSize = args.batch;
  options.threads = args.threads;
  options.loss = args.loss == "mse" ? LossKind::MseSoftmax : LossKind::CrossEntropy;
  const bool showProgress = !args.json && !args.quiet && isatty(STDERR_FILENO);
  if (showProgress)
    options.progress = [](int64_t done, int64_t total) {
      std::fprintf(stderr, "\r%lld / %lld images", static_cast<long long>(done),
                   static_cast<long long>(total));
      if (done == total) std::fprintf(stderr, "\n");
    };
  const auto start = std::chrono::steady_clock::now();
  const EvalResult r = evaluate(checkpoint.network, data, options);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  const ArchSpec& arch = checkpoint.arch;
  const std::string lossName = args.loss == "mse" ? "mse_softmax" : "cross_entropy";
  if (args.json) {
    nlohmann::json j = {{"model", args.model.model},
                        {"architecture", nlohmann::json::parse(archToJson(arch))},
                        {"parameters", checkpoint.network.state().parameterCount()},
                        {"data", data.source()},
                        {"samples", r.samples},
                        {"loss_kind", lossName},
                        {"loss", r.loss},
                        {"accuracy", r.accuracy},
                        {"seconds", seconds},
                        {"threads", args.threads},
                        {"batch", args.batch}};
    std::cout << j.dump(2) << "\n";
    return;
  }
  const Shape& in = checkpoint.network.inputShape();
  std::printf("model     %s\n          %s, %s input, %lld classes, %s parameters\n",
              args.model.model.c_str(), arch.name.c_str(), toString(in).c_str(),
              static_cast<long long>(arch.numClasses),
              grouped(checkpoint.network.state().parameterCount()).c_str());
  std::printf("data      %s, %s samples\n", data.source().c_str(), grouped(r.samples).c_str());
  std::printf("loss      %.6f (%s)\n", r.loss,
              args.loss == "mse" ? "MSE on softmax" : "cross-entropy");
  std::printf("accuracy  %.2f %%\n", r.accuracy);
  std::printf("time      %.2f s (%.0f images/s, %d threads)\n", seconds, r.samples / seconds,
              args.threads);
}

}  // namespace

void addEvalCommand(CLI::App& app) {
  auto args = std::make_shared<EvalArgs>();
  CLI::App* cmd = app.add_subcommand(
      "eval",
      "Loss and top-1 accuracy of a model on a data set (eval mode). Without --model and "
      "--data: the bundled demo, a ResNet-20 trained on MNIST, on 1,000 MNIST test images.");
  cmd->add_option("--model", args->model.model,
                  "Model: Basin checkpoint, PyTorch torch.save file or safetensors (by content)");
  args->model.addTo(cmd, "Zoo architecture of a PyTorch or safetensors --model");
  args->data.addTo(cmd);
  cmd->add_option("--loss", args->loss, "ce (softmax cross-entropy) or mse (MSE on softmax)")
      ->capture_default_str();
  addComputeOptions(cmd, args->batch, args->threads);
  cmd->add_flag("--json", args->json, "Print the result as JSON");
  cmd->add_flag("--quiet", args->quiet, "No progress on stderr");
  cmd->footer(
      "Examples:\n"
      "  basin-cli eval\n"
      "  basin-cli eval --model resnet56.h5 --data cifar10:~/data/cifar-10-batches-bin "
      "--normalize cifar10\n"
      "  basin-cli eval --model m.h5 --data mnist:DIR --normalize mnist --pad 2 --rgb "
      "--samples 5000 --subset-seed 1 --json\n"
      "Exit codes: 0 done, 1 unreadable or unsuitable files, 2 bad arguments, 3 internal error,\n"
      "130 stopped by Ctrl-C.");
  cmd->callback([args] { run(*args); });
}

}  // namespace basin::cli
