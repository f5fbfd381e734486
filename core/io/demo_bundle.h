// The bundled demo: three networks trained on real MNIST (a ResNet-20, its plain twin without
// shortcuts, a small DenseNet), their training checkpoints, 1,000 MNIST test images, and the
// surfaces and trajectories Basin computed from them (resources/demo/make_surfaces.sh).
#pragma once

#include <string>
#include <vector>

namespace basin {

struct DemoModel {
  std::string arch;           // "resnet20", "resnet20_noshort", "densenet_bc40"
  std::string label;          // "ResNet-20", "ResNet-20 (no shortcuts)", "DenseNet-BC-40"
  std::string model;          // the final checkpoint
  std::string surface;        // random filter-normalized directions around the final model
  std::string pcaSurface;     // the surface on the trajectory's PCA plane
  std::string pcaDirections;  // the PCA directions (explained variance for the axis titles)
  std::string projection;     // the checkpoints' path on that plane
  std::vector<std::string> checkpoints;  // training order, the final model last
};

struct DemoBundle {
  std::string folder;
  std::string dataSpec;  // "mnist:<folder>/mnist", preprocessed with --normalize mnist --pad 2
  std::vector<DemoModel> models;
};

// The demo folder: $BASIN_RESOURCES/demo, <exe>/../share/basin/demo (installed), then
// `sourceResources`/demo (the source tree). Throws IoError listing where it looked when none
// holds demo/resnet20-mnist.h5.
std::string demoFolder(const std::string& sourceResources);

// The bundle in `folder` with the paths of its files (they may be missing if the surfaces were
// not computed yet: check before use).
DemoBundle demoBundle(const std::string& folder);

}  // namespace basin
