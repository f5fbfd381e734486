// Pieces the commands share: the demo lookup, the compute options, number formatting.
#include "app/cli/commands.h"

#include <sys/resource.h>

#include <cmath>
#include <cstdlib>

#include "core/io/demo_bundle.h"

namespace basin::cli {

std::string demoFolder() {
  return basin::demoFolder(BASIN_SOURCE_RESOURCES);
}

void addComputeOptions(CLI::App* cmd, int64_t& batch, int& threads) {
  cmd->add_option("--batch", batch, "Images per batch")
      ->check(CLI::Range(int64_t(1), int64_t(65536)))
      ->capture_default_str();
  cmd->add_option("--threads", threads, "OpenMP threads")
      ->check(CLI::Range(1, 1024))
      ->capture_default_str();
}

CLI::Validator atLeast(double min) {
  return CLI::Validator(
      [min](std::string& text) -> std::string {
        char* end = nullptr;
        const double v = std::strtod(text.c_str(), &end);
        if (end == text.c_str() || *end != '\0' || !std::isfinite(v) || v < min)
          return "must be a number of at least " + CLI::detail::to_string(min) + ", not '" + text +
                 "'";
        return {};
      },
      ">=" + CLI::detail::to_string(min));
}

double peakRssMiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;  // Linux reports KiB
}

std::string grouped(int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return (n < 0 ? "-" : "") + out;
}

}  // namespace basin::cli
