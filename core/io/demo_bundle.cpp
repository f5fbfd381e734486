#include "core/io/demo_bundle.h"

#include <cstdlib>
#include <filesystem>

#include "core/error.h"

namespace basin {
namespace fs = std::filesystem;

std::string demoFolder(const std::string& sourceResources) {
  std::vector<fs::path> candidates;
  if (const char* env = std::getenv("BASIN_RESOURCES")) candidates.emplace_back(env);
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) candidates.push_back(exe.parent_path().parent_path() / "share" / "basin");
  candidates.emplace_back(sourceResources);
  std::string tried;
  for (const auto& c : candidates) {
    if (fs::is_regular_file(c / "demo" / "resnet20-mnist.h5", ec)) return (c / "demo").string();
    tried += "\n  " + (c / "demo").string();
  }
  throw IoError("the bundled demo (demo/resnet20-mnist.h5) was not found; looked in:" + tried);
}

DemoBundle demoBundle(const std::string& folder) {
  const fs::path root(folder);
  DemoBundle bundle{folder, "mnist:" + (root / "mnist").string(), {}};
  const std::pair<const char*, const char*> models[] = {
      {"resnet20", "ResNet-20"},
      {"resnet20_noshort", "ResNet-20 (no shortcuts)"},
      {"densenet_bc40", "DenseNet-BC-40"}};
  for (const auto& [arch, label] : models) {
    DemoModel m;
    m.arch = arch;
    m.label = label;
    m.model = (root / (std::string(arch) + "-mnist.h5")).string();
    m.surface = (root / "surfaces" / (std::string(arch) + ".h5")).string();
    m.pcaSurface = (root / "surfaces" / (std::string(arch) + "_pca.h5")).string();
    m.pcaDirections = (root / "trajectories" / (std::string(arch) + "_pca.h5")).string();
    m.projection = (root / "trajectories" / (std::string(arch) + "_pca_proj.h5")).string();
    const fs::path steps = root / "trajectories" / arch;
    for (int k = 0; fs::exists(steps / ("model_" + std::to_string(k) + ".h5")); ++k)
      m.checkpoints.push_back((steps / ("model_" + std::to_string(k) + ".h5")).string());
    m.checkpoints.push_back(m.model);
    bundle.models.push_back(m);
  }
  return bundle;
}

}  // namespace basin
