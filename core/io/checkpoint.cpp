#include "core/io/checkpoint.h"

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "core/io/hdf5.h"
#include "core/io/json_text.h"
#include "core/io/tensor_file.h"

namespace basin {
namespace {

constexpr const char* kFormat = "basin-checkpoint";
constexpr int64_t kFormatVersion = 1;

// All datasets of /state, by name. Values are read only for tensors the architecture has, with
// its element count: a file of another model (or a corrupt one declaring huge extents) costs no
// memory, and applyTensors reports it by name and shape.
TensorFile readState(const H5::H5File& file, const std::string& path, const Network& network) {
  if (!file.nameExists("state")) throw FormatError(path + ": no /state group with the tensors");
  const H5::Group group = file.openGroup("state");
  TensorFile tensors;
  for (hsize_t i = 0; i < group.getNumObjs(); ++i) {
    const std::string name = group.getObjnameByIdx(i);
    const H5::DataSet ds = group.openDataSet(name);
    StoredTensor& t = tensors.tensors[name];
    t.shape = hdf5::shapeOf(ds);
    const int entry = network.state().find(withoutModulePrefix(name));
    if (entry < 0 || numel(t.shape) != network.state().entry(entry).size) continue;
    if (ds.getTypeClass() == H5T_INTEGER) {
      t.integers = hdf5::readInts(ds, path);
    } else {
      t.values = hdf5::readFloats(ds, path);
    }
  }
  return tensors;
}

}  // namespace

std::string archToJson(const ArchSpec& arch) {
  return jsonText(nlohmann::json{{"name", arch.name},
                                 {"in_channels", arch.inChannels},
                                 {"height", arch.height},
                                 {"width", arch.width},
                                 {"num_classes", arch.numClasses}});
}

ArchSpec archFromJson(const std::string& json, const std::string& where) {
  try {
    const auto j = parseFileJson(json, where + ": architecture attribute");
    ArchSpec arch;
    arch.name = j.at("name").get<std::string>();
    // Whole numbers only: converting 1e59 to int64 is undefined behaviour (found by fuzzing).
    const auto size = [&](const char* key, int64_t fallback) {
      if (!j.contains(key)) return fallback;
      if (!j[key].is_number_integer())
        throw FormatError(where + ": architecture field '" + key + "' is not a whole number");
      return j[key].get<int64_t>();
    };
    arch.inChannels = size("in_channels", arch.inChannels);
    arch.height = size("height", arch.height);
    arch.width = size("width", arch.width);
    arch.numClasses = size("num_classes", arch.numClasses);
    return arch;
  } catch (const nlohmann::json::exception& e) {
    throw FormatError(where + ": bad architecture description (" + e.what() + ")");
  }
}

Checkpoint loadCheckpoint(const std::string& path) {
  const H5::H5File file = hdf5::openReadOnly(path);
  try {
    if (!hdf5::hasAttribute(file, "architecture"))
      throw FormatError(path + ": not a Basin checkpoint (no 'architecture' attribute)");
    if (hdf5::hasAttribute(file, "format_version")) {
      const int64_t version = hdf5::readIntAttribute(file, "format_version");
      if (version > kFormatVersion || version < 1)
        throw FormatError(path + ": checkpoint format version " + std::to_string(version) +
                          "; this Basin reads version " + std::to_string(kFormatVersion) +
                          (version > kFormatVersion ? " (written by a newer Basin?)" : ""));
    }
    const ArchSpec arch = archFromJson(hdf5::readStringAttribute(file, "architecture"), path);
    Network network = [&] {
      try {
        return buildModel(arch);
      } catch (const Error& e) {
        throw FormatError(path + ": " + e.what());
      }
    }();
    applyTensors(readState(file, path, network), path, network);
    std::string metadata = "{}";
    if (hdf5::hasAttribute(file, "metadata"))
      metadata = hdf5::readStringAttribute(file, "metadata");
    return {arch, std::move(network), metadata};
  } catch (const H5::Exception& e) {
    throw FormatError(path + ": corrupt checkpoint (" + e.getDetailMsg() + ")");
  }
}

void saveCheckpoint(const std::string& path, const ArchSpec& arch, const Network& network,
                    const std::string& metadataJson) {
  hdf5::writeAtomically(path, [&](H5::H5File& file) {
    hdf5::writeStringAttribute(file, "format", kFormat);
    hdf5::writeIntAttribute(file, "format_version", kFormatVersion);
    hdf5::writeStringAttribute(file, "architecture", archToJson(arch));
    hdf5::writeStringAttribute(file, "metadata", metadataJson);
    H5::Group group = file.createGroup("state");
    const StateDict& state = network.state();
    for (int i = 0; i < static_cast<int>(state.entries().size()); ++i) {
      const StateEntry& e = state.entry(i);
      if (e.kind == StateKind::Counter) {
        const int64_t value = state.counter(i);
        hdf5::writeInts(group, e.name, e.shape, &value);
      } else {
        hdf5::writeFloats(group, e.name, e.shape, state.values(i).data());
      }
    }
  });
}

}  // namespace basin
