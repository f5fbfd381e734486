#include "core/io/file_bytes.h"

#include <zlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "core/error.h"

namespace basin {
namespace {

std::unique_ptr<gzFile_s, int (*)(gzFile)> openForReading(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) throw IoError(path + ": file not found");
  // zlib reads plain files unchanged and inflates gzip ones.
  std::unique_ptr<gzFile_s, int (*)(gzFile)> file(gzopen(path.c_str(), "rb"), gzclose);
  if (!file) throw IoError(path + ": cannot open for reading");
  gzbuffer(file.get(), 1 << 17);
  return file;
}

[[noreturn]] void corrupt(gzFile file, const std::string& path) {
  int code = 0;
  const char* message = gzerror(file, &code);
  throw IoError(path + ": truncated or corrupt compressed data (" + message + ")");
}

}  // namespace

std::vector<uint8_t> readFileBytes(const std::string& path) {
  auto file = openForReading(path);
  std::vector<uint8_t> bytes;
  std::vector<uint8_t> chunk(1 << 20);
  for (;;) {
    const int n = gzread(file.get(), chunk.data(), static_cast<unsigned>(chunk.size()));
    if (n < 0) corrupt(file.get(), path);
    if (n == 0) break;
    bytes.insert(bytes.end(), chunk.begin(), chunk.begin() + n);
  }
  int code = Z_OK;
  gzerror(file.get(), &code);
  if (code != Z_OK && code != Z_STREAM_END) corrupt(file.get(), path);
  return bytes;
}

ForwardReader::ForwardReader(const std::string& path) : m_path(path), m_file(openForReading(path)) {
  std::ifstream raw(path, std::ios::binary | std::ios::ate);
  const uint64_t onDisk = uint64_t(raw.tellg());
  uint8_t head[2] = {};
  raw.seekg(0);
  raw.read(reinterpret_cast<char*>(head), 2);
  m_compressed = raw && head[0] == 0x1f && head[1] == 0x8b;
  m_size = onDisk;
  if (m_compressed) {
    uint8_t trailer[4] = {};
    raw.clear();
    raw.seekg(std::streamoff(onDisk) - 4);
    if (onDisk < 18 || !raw.read(reinterpret_cast<char*>(trailer), 4))
      throw IoError(path + ": truncated gzip file");
    m_size = uint64_t(trailer[0]) | uint64_t(trailer[1]) << 8 | uint64_t(trailer[2]) << 16 |
             uint64_t(trailer[3]) << 24;
  }
}

ForwardReader::~ForwardReader() = default;

void ForwardReader::read(uint64_t offset, uint8_t* out, size_t n) {
  if (offset < m_position) throw IoError(m_path + ": read backwards (internal error)");
  if (offset > m_position) {
    if (gzseek(m_file.get(), z_off_t(offset), SEEK_SET) != z_off_t(offset))
      corrupt(m_file.get(), m_path);
    m_position = offset;
  }
  while (n > 0) {
    const unsigned piece = unsigned(std::min<size_t>(n, size_t(1) << 30));
    const int got = gzread(m_file.get(), out, piece);
    if (got < 0) corrupt(m_file.get(), m_path);
    if (got == 0)
      throw IoError(m_path + ": ends at byte " + std::to_string(m_position) +
                    " (truncated: the header promises more)");
    out += got;
    n -= size_t(got);
    m_position += uint64_t(got);
  }
}

}  // namespace basin
