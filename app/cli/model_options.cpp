#include "app/cli/model_options.h"

namespace basin::cli {

void ModelArgs::addTo(CLI::App* cmd, const std::string& archHelp) {
  cmd->add_option("--arch", arch, archHelp);
  cmd->add_option("--in-channels", inChannels, "With --arch: input channels")
      ->capture_default_str();
  cmd->add_option("--size", size, "With --arch: input height and width")->capture_default_str();
  cmd->add_option("--classes", classes, "With --arch: number of classes")->capture_default_str();
}

std::optional<ArchSpec> ModelArgs::spec() const {
  if (arch.empty()) return std::nullopt;
  return ArchSpec{arch, inChannels, size, size, classes};
}

}  // namespace basin::cli
