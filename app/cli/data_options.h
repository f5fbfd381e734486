// Options that choose and preprocess a data set, shared by the commands that evaluate.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "core/data/data_spec.h"

namespace basin::cli {

struct DataArgs : DataSpec {
  void addTo(CLI::App* cmd);
  // Fills what the bundled demo needs where the user gave nothing.
  void useDemoDefaults(const std::string& demoFolder);
  // Opens --data with the preprocessing and subset asked for. Throws ArgumentError and what the
  // readers throw.
  Dataset open() const { return openDataset(*this); }
};

}  // namespace basin::cli
