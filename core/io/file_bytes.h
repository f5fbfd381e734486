// Reads for the data and weight readers: plain or gzip-compressed files, decided by content.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

struct gzFile_s;

namespace basin {

// The file's bytes, gunzipped when it is gzip data. Throws IoError naming the file when it is
// missing, unreadable, or a truncated/corrupt gzip stream.
std::vector<uint8_t> readFileBytes(const std::string& path);

// A file read front to back in pieces, plain or gzip-compressed: the data set readers read the
// header and the samples they use, nothing else (asking for 10 samples of a compressed set used
// to inflate all of it). Every error is an IoError naming the file.
class ForwardReader {
 public:
  explicit ForwardReader(const std::string& path);
  ~ForwardReader();
  ForwardReader(const ForwardReader&) = delete;
  ForwardReader& operator=(const ForwardReader&) = delete;

  const std::string& path() const { return m_path; }
  bool compressed() const { return m_compressed; }
  // The uncompressed size: a plain file's size, or what a gzip file's trailer records (the
  // size modulo 2^32, as gzip keeps it; exact below 4 GiB).
  uint64_t size() const { return m_size; }
  // True when `bytes` is the uncompressed size (modulo 2^32 for a gzip file).
  bool sizeIs(uint64_t bytes) const {
    return m_compressed ? (bytes & 0xffffffffu) == m_size : bytes == m_size;
  }
  // Reads `n` bytes at `offset`, which may not lie before the end of the previous read (a gzip
  // stream is inflated forward only). IoError when the data ends first or is corrupt.
  void read(uint64_t offset, uint8_t* out, size_t n);

 private:
  std::string m_path;
  std::unique_ptr<gzFile_s, int (*)(gzFile_s*)> m_file;
  bool m_compressed = false;
  uint64_t m_size = 0, m_position = 0;
};

}  // namespace basin
