// basin-cli info: what a model file holds.
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "core/io/json_text.h"

#include "app/cli/commands.h"
#include "app/cli/model_options.h"
#include "core/error.h"
#include "core/zoo/zoo.h"

namespace basin::cli {
namespace {

const char* kindName(StateKind kind) {
  switch (kind) {
    case StateKind::Parameter:
      return "parameter";
    case StateKind::Buffer:
      return "buffer";
    case StateKind::Counter:
      return "counter";
  }
  return "";
}

// "Conv2d 20, BatchNorm 19, ReLU 17, ..."
std::string operatorSummary(const Network& net) {
  std::string text;
  for (const auto& [name, count] : net.operatorCounts())
    text += (text.empty() ? "" : ", ") + name + " " + std::to_string(count);
  return text;
}

void run(const ModelArgs& args, bool json) {
  if (args.model.empty()) throw ArgumentError("give --model FILE");
  const ModelFormat format = detectModelFormat(args.model);
  const Checkpoint c = args.load();
  const StateDict& state = c.network.state();
  if (json) {
    nlohmann::json entries = nlohmann::json::array();
    for (const StateEntry& e : state.entries())
      entries.push_back({{"name", e.name}, {"shape", e.shape}, {"kind", kindName(e.kind)}});
    nlohmann::json operators = nlohmann::json::object();
    for (const auto& [name, count] : c.network.operatorCounts()) operators[name] = count;
    std::cout << nlohmann::json{{"model", args.model},
                                {"format", formatName(format)},
                                {"architecture", nlohmann::json::parse(archToJson(c.arch))},
                                {"parameters", state.parameterCount()},
                                {"mflop_per_sample", c.network.flopsPerSample() / 1e6},
                                {"input_shape", c.network.inputShape()},
                                {"operators", operators},
                                {"metadata", parseFileJsonOrDiscarded(c.metadataJson)},
                                {"state", entries}}
                     .dump(2)
              << "\n";
    return;
  }
  std::printf("file          %s\nformat        %s\n", args.model.c_str(), formatName(format));
  std::printf("architecture  %s, input %s, %lld classes\n", c.arch.name.c_str(),
              toString(c.network.inputShape()).c_str(), static_cast<long long>(c.arch.numClasses));
  std::printf("parameters    %s (%.1f MFLOP per sample)\n", grouped(state.parameterCount()).c_str(),
              c.network.flopsPerSample() / 1e6);
  std::printf("graph         %zu operators: %s\n", c.network.nodes().size() - 1,
              operatorSummary(c.network).c_str());
  std::printf("metadata      %s\n", c.metadataJson.c_str());
  if (c.metadataJson.find("\"batchnorm_folded\":true") != std::string::npos)
    std::printf(
        "note          the exporter folded BatchNorm into the convolutions and renamed their\n"
        "              weights, so filter-normalized directions differ from PyTorch's; export\n"
        "              with training=torch.onnx.TrainingMode.PRESERVE to keep BatchNorm\n");
  std::printf("\n");
  std::printf("%-44s %-16s %s\n", "state entry", "shape", "kind");
  for (const StateEntry& e : state.entries())
    std::printf("%-44s %-16s %s\n", e.name.c_str(), toString(e.shape).c_str(), kindName(e.kind));
}

// Every zoo name with its size at 3 x 32 x 32 and 10 classes (the README's table).
void listZoo(bool json) {
  const std::vector<std::string> reference = referenceZooNames();
  nlohmann::json rows = nlohmann::json::array();
  if (!json)
    std::printf("%-22s %-10s %14s %12s\n", "architecture", "source", "parameters", "MFLOP/image");
  for (const std::string& name : zooNames()) {
    const Network net = buildModel({name});
    const bool fromReference =
        std::find(reference.begin(), reference.end(), name) != reference.end();
    const char* source = fromReference ? "reference" : "Basin";
    if (json) {
      rows.push_back({{"name", name},
                      {"source", source},
                      {"parameters", net.state().parameterCount()},
                      {"mflop_per_sample", net.flopsPerSample() / 1e6}});
    } else {
      std::printf("%-22s %-10s %14s %12.1f\n", name.c_str(), source,
                  grouped(net.state().parameterCount()).c_str(), net.flopsPerSample() / 1e6);
    }
  }
  if (json) std::cout << rows.dump(2) << "\n";
}

}  // namespace

void addInfoCommand(CLI::App& app) {
  auto args = std::make_shared<ModelArgs>();
  auto json = std::make_shared<bool>(false);
  auto zoo = std::make_shared<bool>(false);
  CLI::App* cmd = app.add_subcommand(
      "info",
      "What a model file holds: format, architecture, input shape, parameter count, the graph's "
      "operators by count, every state entry with its shape, metadata. Reads Basin checkpoints, "
      "ONNX, PyTorch torch.save files and "
      "safetensors (the last two need --arch). With --zoo: every zoo architecture.");
  auto* model = cmd->add_option("--model", args->model, "Model file");
  args->addTo(cmd, "Zoo architecture of a PyTorch or safetensors file");
  cmd->add_flag("--zoo", *zoo,
                "List every --arch name (the reference's model_loader.py keys, then Basin's) "
                "with its parameters and MFLOP per 3x32x32 image")
      ->excludes(model);
  cmd->add_flag("--json", *json, "Print as JSON");
  cmd->callback([args, json, zoo] { *zoo ? listZoo(*json) : run(*args, *json); });
}

}  // namespace basin::cli
