// Basin's exception hierarchy: every error core throws derives from basin::Error, and its message
// names the file (or model, or tensor) and the problem, ready to show to a user.
#pragma once

#include <cstdint>
#include <exception>
#include <mutex>
#include <stdexcept>
#include <string>

namespace basin {

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A file could not be opened, read or written (missing, unreadable, truncated).
class IoError : public Error {
 public:
  using Error::Error;
};

// The output is locked by another writer (a process, or another job in this one). The message says
// who; front ends add how their user can wait (the CLI's --wait, the GUI's later retry).
class OutputBusyError : public IoError {
 public:
  using IoError::IoError;
};

// A file's content is not what its format says (bad magic, corrupt header, unknown names).
class FormatError : public Error {
 public:
  using Error::Error;
};

// Tensor or data shapes that do not fit each other.
class ShapeError : public Error {
 public:
  using Error::Error;
};

// A data set whose samples do not have the model's input shape. Front ends add how their user
// makes them fit (the CLI's --pad and --rgb, the compute dialog's fields): `pad` and `rgb` say
// what would (pad < 0: no padding and channel repeat fits).
class InputShapeError : public ShapeError {
 public:
  InputShapeError(const std::string& message, int64_t padNeeded, bool rgbNeeded)
      : ShapeError(message), pad(padNeeded), rgb(rgbNeeded) {}
  int64_t pad;
  bool rgb;
};

// An argument outside what the function accepts (unknown architecture, bad option value).
class ArgumentError : public Error {
 public:
  using Error::Error;
};

// The caller's cancel callback asked to stop; work finished before that is kept by the caller.
class Cancelled : public Error {
 public:
  Cancelled() : Error("cancelled") {}
};

// Carries the first exception thrown in the iterations of an OpenMP loop out of it: an
// exception must not leave a parallel region. Run each iteration's body through run(), then
// call rethrow() after the loop.
class FirstError {
 public:
  template <class Body>
  void run(Body&& body) noexcept {
    try {
      body();
    } catch (...) {
      std::lock_guard lock(m_mutex);
      if (!m_error) m_error = std::current_exception();
    }
  }
  void rethrow() const {
    if (m_error) std::rethrow_exception(m_error);
  }

 private:
  std::mutex m_mutex;
  std::exception_ptr m_error;
};

}  // namespace basin
