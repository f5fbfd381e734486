// Shared by the fuzz targets: the readers take file paths, so each input is written to a scratch
// file first (in TMPDIR, one per process). basin::Error is the expected answer to bad bytes; any
// other exception escapes and libFuzzer reports it as a crash, as it does ASan/UBSan findings.
#pragma once
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/error.h"

namespace basin::fuzz {

// A folder of this process's own, removed at exit.
inline const std::filesystem::path& scratchDir() {
  static const std::filesystem::path dir = [] {
    const char* tmp = std::getenv("TMPDIR");
    std::filesystem::path d =
        std::filesystem::path(tmp ? tmp : "/tmp") / ("basin-fuzz-" + std::to_string(::getpid()));
    std::filesystem::create_directories(d);
    std::atexit([] { std::filesystem::remove_all(scratchDir()); });
    return d;
  }();
  return dir;
}

// Writes the bytes to `name` inside the scratch folder and returns its path.
inline std::string writeScratch(const std::string& name, const uint8_t* data, size_t size) {
  const std::string path = (scratchDir() / name).string();
  std::ofstream(path, std::ios::binary | std::ios::trunc)
      .write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  return path;
}

// Runs `read`; basin::Error (the clear message a user would see) is the right end for bad input.
template <typename Read>
void expectCleanEnd(Read&& read) {
  try {
    read();
  } catch (const basin::Error&) {
  }
}

}  // namespace basin::fuzz
