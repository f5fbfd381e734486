// JSON text of values that may hold bytes from files or the command line.
#pragma once
#include <nlohmann/json.hpp>
#include <string>

namespace basin {

// Like json.dump(), but bytes that are not UTF-8 (a Latin-1 file name, a string from a corrupt
// file) become U+FFFD instead of throwing nlohmann::json::type_error.
inline std::string jsonText(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace basin
