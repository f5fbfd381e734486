// How Basin writes every output file (surfaces, directions, checkpoints, figures, exports): the
// one atomic writer, the lock that keeps two writers of one output apart, and the rule that an
// output is never one of the inputs.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace basin {

// Writes `bytes` under a unique temporary name beside `path` (so two processes never share
// one), flushes them to the disk, then renames over `path`: readers, a crash or a full disk see
// the old file or the new one, never half of one. Throws IoError naming `path` and the reason.
void writeFileAtomically(const std::string& path, std::string_view bytes);

// Refuses (ArgumentError, exit 2) an output that is one of the inputs, also through symbolic or
// hard links, before anything is read or written. `inputs` pairs an option name ("--model") with
// the path given for it; empty paths are skipped. `outputOption` names the output in the message
// ("--out", "the figure").
void refuseOutputOverInput(const std::string& outputOption, const std::string& output,
                           const std::vector<std::pair<std::string, std::string>>& inputs);

// Refuses (ArgumentError) two outputs of one command that are the same file: the same name, or
// the same existing file through a link.
void refuseSameOutput(const std::string& optionA, const std::string& a, const std::string& optionB,
                      const std::string& b);

// An advisory lock on an output for as long as this object lives: a second process (or a second
// lock in this process) that asks for the same output gets IoError "FILE is being written by
// process N", or with `wait` blocks until the first is done. The lock is a hidden file beside the
// output (".NAME.lock"), removed when the lock is released.
class OutputLock {
 public:
  explicit OutputLock(const std::string& path, bool wait = false);
  ~OutputLock();
  OutputLock(const OutputLock&) = delete;
  OutputLock& operator=(const OutputLock&) = delete;

  // The lock file's path for `path`.
  static std::string lockPath(const std::string& path);

 private:
  std::string m_lockPath;
  int m_fd = -1;
};

}  // namespace basin
