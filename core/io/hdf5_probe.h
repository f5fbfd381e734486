// Debian's HDF5 1.10 crashes or loops forever on some corrupt files (found by fuzzing: global
// heap reads). Before Basin opens an HDF5 file, a freshly started copy of its own executable (a
// probe mode entered before main, so never a fork of a multithreaded process) opens the file and
// reads its metadata only: object headers, attributes, strings and their heaps, and the global
// heap collections found outside the datasets' raw data. If HDF5 kills or hangs that process,
// only it is lost. Numeric payloads are never read: probing a 600 MB data set costs what its
// metadata costs. Verdicts are remembered per file (device, inode, size, modification time).
#pragma once

#include <string>

namespace basin::hdf5 {

// Why `path` is refused ("the HDF5 library crashed reading it", "a global heap collection at
// byte N has a free-space block of size 0", ...), or "" when it is sound or cannot be probed.
std::string probeFile(const std::string& path);

}  // namespace basin::hdf5
