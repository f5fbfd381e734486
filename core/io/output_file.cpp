#include "core/io/output_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>

#include "core/error.h"

namespace basin {
namespace fs = std::filesystem;
namespace {

// What a failed write's errno means for the user.
std::string writeFailureReason(int error) {
  if (error == ENOSPC) return "no space left on the device";
  if (error == EFBIG) return "the file size limit (ulimit -f) is reached";
  return std::strerror(error);
}

// ".NAME." beside `path`: the start of the names of its temporaries and of its lock.
std::string hiddenPrefix(const std::string& path) {
  const fs::path p(path);
  const fs::path dir = p.has_parent_path() ? p.parent_path() : fs::path(".");
  return (dir / ("." + p.filename().string() + ".")).string();
}

// Temporaries are ".NAME.PID.XXXXXX.partial": a kill -9 leaves one behind, and the next write of
// the same output removes those whose process is gone (it cannot be writing any more).
void removeStaleTemporaries(const std::string& path) {
  const std::string prefix = fs::path(hiddenPrefix(path)).filename().string();
  const fs::path dir = fs::path(hiddenPrefix(path)).parent_path();
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(dir, error)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) != 0 || !name.ends_with(".partial")) continue;
    const long pid = std::strtol(name.c_str() + prefix.size(), nullptr, 10);
    if (pid > 0 && pid != ::getpid() && ::kill(pid_t(pid), 0) != 0 && errno == ESRCH)
      fs::remove(entry.path(), error);
  }
}

bool sameName(const std::string& a, const std::string& b) {
  return fs::absolute(a).lexically_normal() == fs::absolute(b).lexically_normal();
}

std::string lockHolder(int fd) {
  char text[32] = {};
  const ssize_t n = ::pread(fd, text, sizeof text - 1, 0);
  const long pid = n > 0 ? std::strtol(text, nullptr, 10) : 0;
  return pid > 0 ? "process " + std::to_string(pid) : "another process";
}

}  // namespace

void writeFileAtomically(const std::string& path, std::string_view bytes) {
  std::string temporary = hiddenPrefix(path) + std::to_string(::getpid()) + ".XXXXXX.partial";
  const int fd = ::mkstemps(temporary.data(), int(std::strlen(".partial")));
  const auto fail = [&](int error, int openFd) {
    if (openFd >= 0) ::close(openFd);
    if (fd >= 0) ::unlink(temporary.c_str());
    throw IoError(path + ": cannot write (" + writeFailureReason(error) +
                  "); the previous version of the file, if any, is unchanged");
  };
  if (fd < 0) fail(errno, -1);
  if (::fchmod(fd, 0644) != 0) fail(errno, fd);  // mkstemp makes 0600; outputs are shared
  for (size_t done = 0; done < bytes.size();) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) fail(n < 0 ? errno : ENOSPC, fd);
    done += static_cast<size_t>(n);
  }
  // On the disk before the rename: after a power cut the name shows the old file or the new one.
  if (::fsync(fd) != 0) fail(errno, fd);
  if (::close(fd) != 0) fail(errno, -1);
  if (::rename(temporary.c_str(), path.c_str()) != 0) fail(errno, -1);
  removeStaleTemporaries(path);
}

void refuseOutputOverInput(const std::string& outputOption, const std::string& output,
                           const std::vector<std::pair<std::string, std::string>>& inputs) {
  std::error_code error;
  if (output.empty() || !fs::exists(output, error)) return;  // a new file is no input
  for (const auto& [option, input] : inputs) {
    if (input.empty() || !fs::equivalent(output, input, error)) continue;
    throw ArgumentError(output + " is the " + option + " file" +
                        (sameName(output, input) ? "" : " " + input + " (through a link)") +
                        "; Basin never writes over an input: choose another name for " +
                        outputOption);
  }
}

void refuseSameOutput(const std::string& optionA, const std::string& a, const std::string& optionB,
                      const std::string& b) {
  std::error_code error;
  if (sameName(a, b) || fs::equivalent(a, b, error))
    throw ArgumentError(optionA + " and " + optionB + " are the same file " + a);
}

std::string OutputLock::lockPath(const std::string& path) {
  return hiddenPrefix(path) + "lock";
}

OutputLock::OutputLock(const std::string& path, bool wait) : m_lockPath(lockPath(path)) {
  for (;;) {
    m_fd = ::open(m_lockPath.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (m_fd < 0) return;  // a folder Basin cannot write to: the write itself will say so
    struct flock region {};
    region.l_type = F_WRLCK;
    region.l_whence = SEEK_SET;
    // Open-file-description locks: they also keep two writers in one process (the GUI) apart.
    while (::fcntl(m_fd, wait ? F_OFD_SETLKW : F_OFD_SETLK, &region) != 0) {
      if (errno == EINTR) continue;
      const int error = errno;
      const std::string holder = lockHolder(m_fd);
      ::close(m_fd);
      m_fd = -1;
      if (error == EAGAIN || error == EACCES)
        throw OutputBusyError(path + " is being written by " + holder +
                              "; wait for it to finish, or choose another output file");
      return;  // a file system without locks: proceed as before locks existed
    }
    // The holder before us may have removed the file it locked: lock the file the name shows.
    struct stat held {
    }, named{};
    if (::fstat(m_fd, &held) == 0 && ::stat(m_lockPath.c_str(), &named) == 0 &&
        held.st_ino == named.st_ino && held.st_dev == named.st_dev)
      break;
    ::close(m_fd);
  }
  const std::string pid = std::to_string(::getpid()) + "\n";
  if (::ftruncate(m_fd, 0) == 0 && ::pwrite(m_fd, pid.data(), pid.size(), 0) < 0) {
    // The pid is only for the message of a second writer; the lock holds without it.
  }
}

OutputLock::~OutputLock() {
  if (m_fd < 0) return;
  ::unlink(m_lockPath.c_str());  // while still holding it: see the inode check above
  ::close(m_fd);
}

}  // namespace basin
