// Whole-file reads for the data readers: plain or gzip-compressed, decided by content.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace basin {

// The file's bytes, gunzipped when it is gzip data. Throws IoError naming the file when it is
// missing, unreadable, or a truncated/corrupt gzip stream.
std::vector<uint8_t> readFileBytes(const std::string& path);

}  // namespace basin
