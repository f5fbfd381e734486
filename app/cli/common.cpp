// Pieces the commands share: the demo lookup, the compute options, number formatting.
#include <filesystem>

#include "app/cli/commands.h"
#include "core/error.h"

namespace basin::cli {

std::string demoFolder() {
  namespace fs = std::filesystem;
  std::vector<fs::path> candidates;
  if (const char* env = std::getenv("BASIN_RESOURCES")) candidates.emplace_back(env);
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) candidates.push_back(exe.parent_path().parent_path() / "share" / "basin");
  candidates.emplace_back(BASIN_SOURCE_RESOURCES);
  std::string tried;
  for (const auto& c : candidates) {
    if (fs::is_regular_file(c / "demo" / "resnet20-mnist.h5", ec)) return (c / "demo").string();
    tried += "\n  " + (c / "demo").string();
  }
  throw IoError("the bundled demo (demo/resnet20-mnist.h5) was not found; looked in:" + tried);
}

void addComputeOptions(CLI::App* cmd, int64_t& batch, int& threads) {
  cmd->add_option("--batch", batch, "Images per batch")
      ->check(CLI::Range(int64_t(1), int64_t(65536)))
      ->capture_default_str();
  cmd->add_option("--threads", threads, "OpenMP threads")
      ->check(CLI::Range(1, 1024))
      ->capture_default_str();
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
