#include "app/cli/data_options.h"

#include "app/cli/commands.h"

namespace basin::cli {

void DataArgs::addTo(CLI::App* cmd) {
  cmd->add_option("--data", data,
                  "Data set: mnist:DIR, fashion:DIR, cifar10:DIR, cifar100:DIR or h5:FILE");
  cmd->add_option("--split", split, "train or test")->capture_default_str();
  cmd->add_option("--samples", samples, "Use only N samples (the first N, or see --subset-seed)")
      ->check(atLeast(0));
  cmd->add_option("--subset-seed", subsetSeed,
                  "With --samples: draw the N samples at random with this seed")
      ->check(atLeast(0));
  cmd->add_option("--normalize", normalize,
                  "Per-channel normalization: mnist, cifar10 or none (default none; demo: mnist)");
  cmd->add_option("--pad", pad, "Zero pixels added on each side (default 0; demo: 2)")
      ->check(atLeast(0));
  cmd->add_flag("--rgb", rgb, "Repeat a grey channel three times (MNIST into CIFAR models)");
}

void DataArgs::useDemoDefaults(const std::string& demoFolder) {
  if (data.empty()) data = "mnist:" + demoFolder + "/mnist";
  if (normalize.empty()) normalize = "mnist";
  if (pad < 0) pad = 2;
}

}  // namespace basin::cli
