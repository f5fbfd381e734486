// JSON text of values that may hold bytes from files or the command line, and JSON read from
// files (safetensors headers, architecture and metadata attributes).
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/error.h"

namespace basin {

// Like json.dump(), but bytes that are not UTF-8 (a Latin-1 file name, a string from a corrupt
// file) become U+FFFD instead of throwing nlohmann::json::type_error.
inline std::string jsonText(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Nesting deeper than this is refused while parsing: nothing Basin reads nests more than a few
// levels, and a document nested 100,000 deep parses but overflows the stack when printed.
constexpr int kMaxJsonDepth = 64;

// Parses JSON from a file. Throws FormatError "WHAT: ..." for nesting beyond kMaxJsonDepth and
// lets nlohmann::json::parse_error through for text that is not JSON (callers word that).
inline nlohmann::json parseFileJson(std::string_view text, const std::string& what) {
  return nlohmann::json::parse(
      text.begin(), text.end(), [&](int depth, nlohmann::json::parse_event_t, nlohmann::json&) {
        if (depth > kMaxJsonDepth)
          throw FormatError(what + ": JSON nested more than " + std::to_string(kMaxJsonDepth) +
                            " levels deep (corrupt or hostile)");
        return true;
      });
}

// Like parseFileJson, but text that is not JSON, or nests too deep, gives a discarded value.
inline nlohmann::json parseFileJsonOrDiscarded(std::string_view text) {
  try {
    return parseFileJson(text, "");
  } catch (const std::exception&) {
    return nlohmann::json(nlohmann::json::value_t::discarded);
  }
}

}  // namespace basin
