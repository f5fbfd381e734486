// Basin's exception hierarchy: every error core throws derives from basin::Error, and its message
// names the file (or model, or tensor) and the problem, ready to show to a user.
#pragma once

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

}  // namespace basin
