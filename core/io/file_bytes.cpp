#include "core/io/file_bytes.h"

#include <zlib.h>

#include <filesystem>
#include <memory>

#include "core/error.h"

namespace basin {

std::vector<uint8_t> readFileBytes(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) throw IoError(path + ": file not found");
  // zlib reads plain files unchanged and inflates gzip ones.
  std::unique_ptr<gzFile_s, int (*)(gzFile)> file(gzopen(path.c_str(), "rb"), gzclose);
  if (!file) throw IoError(path + ": cannot open for reading");
  std::vector<uint8_t> bytes;
  std::vector<uint8_t> chunk(1 << 20);
  for (;;) {
    const int n = gzread(file.get(), chunk.data(), static_cast<unsigned>(chunk.size()));
    if (n < 0) {
      int code = 0;
      throw IoError(path + ": corrupt compressed data (" + gzerror(file.get(), &code) + ")");
    }
    if (n == 0) break;
    bytes.insert(bytes.end(), chunk.begin(), chunk.begin() + n);
  }
  int code = Z_OK;
  const char* message = gzerror(file.get(), &code);
  if (code != Z_OK && code != Z_STREAM_END)
    throw IoError(path + ": truncated or corrupt compressed data (" + message + ")");
  return bytes;
}

}  // namespace basin
