#include "viz/file_output.h"

#include <filesystem>
#include <fstream>

#include "core/error.h"

namespace basin::viz::detail {

void writeThroughTemporary(const std::string& path,
                           const std::function<bool(const std::string& temporary)>& write) {
  const std::string temporary = path + ".part" + std::filesystem::path(path).extension().string();
  std::error_code error;
  if (!write(temporary) || !std::filesystem::exists(temporary)) {
    std::filesystem::remove(temporary, error);
    throw IoError(path + ": cannot write");
  }
  std::filesystem::rename(temporary, path, error);
  if (error) {
    const std::string reason = error.message();
    std::filesystem::remove(temporary, error);
    throw IoError(path + ": cannot write (" + reason + ")");
  }
}

void writeFileAtomically(const std::string& path, const std::string& bytes) {
  writeThroughTemporary(path, [&](const std::string& temporary) {
    std::ofstream file(temporary, std::ios::binary);
    file << bytes;
    return static_cast<bool>(file.flush());
  });
}

}  // namespace basin::viz::detail
