// How viz writes files: under a temporary name beside the target (same extension), then one
// rename, so that readers, and a crash, see the old file or the new one, never half a figure.
#pragma once

#include <functional>
#include <string>

namespace basin::viz::detail {

// `write` writes the temporary path it is given and says whether that worked; the temporary is
// then renamed onto `path`, or removed. Throws IoError naming `path` on any failure.
void writeThroughTemporary(const std::string& path,
                           const std::function<bool(const std::string& temporary)>& write);

// The whole file at once.
void writeFileAtomically(const std::string& path, const std::string& bytes);

}  // namespace basin::viz::detail
