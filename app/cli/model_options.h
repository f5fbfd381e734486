// Options that name a model, shared by the commands: --model FILE and the zoo architecture
// (--arch, --in-channels, --size, --classes) for weight files that do not carry one.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

#include "core/io/model_file.h"

namespace basin::cli {

struct ModelArgs {
  std::string model;
  std::string arch;
  int64_t inChannels = 3, size = 32, classes = 10;

  // Registers the options; `archHelp` says what --arch means for this command.
  void addTo(CLI::App* cmd, const std::string& archHelp);
  // The architecture asked for, if --arch was given.
  std::optional<ArchSpec> spec() const;
  // Loads --model with spec(). Throws like loadModel.
  Checkpoint load() const { return loadModel(model, spec()); }
  // The same architecture options for another file (a second model of the same kind).
  ModelArgs withPath(const std::string& path) const {
    ModelArgs other = *this;
    other.model = path;
    return other;
  }
};

}  // namespace basin::cli
