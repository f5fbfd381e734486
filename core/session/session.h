// What a desktop session has open and what belongs to what: models, data sets, direction files,
// surfaces and trajectories, the surface shown, and which trajectory is drawn on which surface.
// Qt-free, so its rules are tested without widgets; the GUI's panel and views are views of it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/io/file_kind.h"
#include "core/landscape/direction_file.h"
#include "core/landscape/projection_file.h"
#include "core/landscape/surface_file.h"

namespace basin {

struct SessionSurface {
  Surface surface;
  std::string directionFile;                   // the file its dir_file names, found
  std::optional<ExplainedVariance> explained;  // read once when opened: redraws read no file
  bool computing = false;
};

struct SessionTrajectory {
  Projection projection;
  std::string directionFile;  // the plane its points lie on (directionFileOfProjection)
};

struct SessionEntry {
  FileKind kind;
  std::string path;    // the session's key: absolute and normal (sessionKey)
  std::string detail;  // what the panel says of it
  std::optional<SessionSurface> surface;
  std::optional<SessionTrajectory> trajectory;
};

// What the session keeps of a surface file: the surface, the direction file its dir_file names
// (found beside it) and that file's explained variance, read once so redraws read no file.
SessionSurface readSessionSurface(const std::string& path);
// A projection file and the direction file of its plane (directionFileOfProjection).
SessionTrajectory readSessionTrajectory(const std::string& path);

// The key of a file in a session: absolute, lexically normal, links resolved where the file
// exists, so one file opened through two names is one entry. Data set specs ("mnist:DIR") keep
// their prefix with the folder made absolute.
std::string sessionKey(const std::string& path);

class Session {
 public:
  // Adds `entry` (its path made a key), or replaces the entry of the same file in place; returns
  // the key. A computing surface's entry is not replaced by a file opened from the disk.
  std::string add(SessionEntry entry);
  void remove(const std::string& path);

  const SessionEntry* find(const std::string& path) const;
  SessionEntry* find(const std::string& path);
  const SessionSurface* surface(const std::string& path) const;
  SessionSurface* surface(const std::string& path);
  // Entries of one kind in the order they were first added.
  std::vector<const SessionEntry*> entries(FileKind kind) const;
  std::vector<std::string> paths(FileKind kind) const;

  // The surface the views show; empty when none.
  void show(const std::string& path);
  const std::string& shown() const { return m_shown; }

  // The trajectory drawn over surface `surfacePath`: one whose points lie on the surface's own
  // plane (its direction file is the surface's), the one chosen last among those, else the one
  // opened last; none for a surface on random directions or on another trajectory's plane.
  const SessionTrajectory* trajectoryOn(const std::string& surfacePath) const;
  // The path of that trajectory (empty when none).
  std::string trajectoryPathOn(const std::string& surfacePath) const;
  // Makes `path` the preferred trajectory on the surfaces of its plane.
  void chooseTrajectory(const std::string& path);

  // Every file the session has open (and the direction files its surfaces name), labelled for
  // refuseOutputOverInput: an export must not write over one.
  std::vector<std::pair<std::string, std::string>> inputs() const;

 private:
  std::vector<SessionEntry> m_entries;
  std::string m_shown;
  std::vector<std::string> m_trajectoryChoice;  // most recently chosen or opened last
};

}  // namespace basin
