#include "core/session/session.h"

#include <algorithm>
#include <filesystem>

#include "core/data/dataset.h"

namespace basin {
namespace fs = std::filesystem;
namespace {

std::string fileKey(const std::string& path) {
  if (path.empty()) return path;
  std::error_code ec;
  const fs::path canonical = fs::weakly_canonical(fs::absolute(path, ec), ec);
  if (!ec) return canonical.string();
  return fs::absolute(path, ec).lexically_normal().string();
}

// Two keys of one file: equal, or (hard links) the same inode.
bool sameFile(const std::string& keyA, const std::string& keyB) {
  if (keyA.empty() || keyB.empty()) return false;
  std::error_code ec;
  return keyA == keyB || fs::equivalent(keyA, keyB, ec);
}

}  // namespace

SessionSurface readSessionSurface(const std::string& path) {
  SessionSurface open;
  open.surface = readSurfaceFile(path);
  // Relative names are relative to the file itself, not to a link that points at it.
  open.directionFile = directionFileOf(open.surface, fileKey(path));
  open.explained = readExplainedVariance(open.directionFile);
  return open;
}

SessionTrajectory readSessionTrajectory(const std::string& path) {
  SessionTrajectory open;
  open.projection = readProjectionFile(path);
  open.directionFile = directionFileOfProjection(open.projection, fileKey(path));
  return open;
}

std::string sessionKey(const std::string& path) {
  if (const auto spec = splitDataSpec(path)) return spec->first + ":" + fileKey(spec->second);
  return fileKey(path);
}

std::string Session::add(SessionEntry entry) {
  entry.path = sessionKey(entry.path);
  if (entry.trajectory && !entry.trajectory->directionFile.empty())
    entry.trajectory->directionFile = fileKey(entry.trajectory->directionFile);
  if (entry.surface && !entry.surface->directionFile.empty())
    entry.surface->directionFile = fileKey(entry.surface->directionFile);
  const std::string key = entry.path;
  if (entry.kind == FileKind::Projection) {
    std::erase(m_trajectoryChoice, key);
    m_trajectoryChoice.push_back(key);
  }
  if (SessionEntry* existing = find(key)) {
    if (existing->surface && existing->surface->computing &&
        !(entry.surface && entry.surface->computing))
      return key;
    *existing = std::move(entry);
  } else {
    m_entries.push_back(std::move(entry));
  }
  return key;
}

void Session::remove(const std::string& path) {
  const std::string key = sessionKey(path);
  std::erase_if(m_entries, [&](const SessionEntry& e) { return e.path == key; });
  std::erase(m_trajectoryChoice, key);
  if (m_shown == key) m_shown.clear();
}

const SessionEntry* Session::find(const std::string& path) const {
  const std::string key = sessionKey(path);
  for (const SessionEntry& e : m_entries)
    if (e.path == key) return &e;
  return nullptr;
}

SessionEntry* Session::find(const std::string& path) {
  return const_cast<SessionEntry*>(std::as_const(*this).find(path));
}

const SessionSurface* Session::surface(const std::string& path) const {
  const SessionEntry* e = find(path);
  return e && e->surface ? &*e->surface : nullptr;
}

SessionSurface* Session::surface(const std::string& path) {
  SessionEntry* e = find(path);
  return e && e->surface ? &*e->surface : nullptr;
}

std::vector<const SessionEntry*> Session::entries(FileKind kind) const {
  std::vector<const SessionEntry*> list;
  for (const SessionEntry& e : m_entries)
    if (e.kind == kind) list.push_back(&e);
  return list;
}

std::vector<std::string> Session::paths(FileKind kind) const {
  std::vector<std::string> list;
  for (const SessionEntry* e : entries(kind)) list.push_back(e->path);
  return list;
}

void Session::show(const std::string& path) {
  m_shown = surface(path) ? sessionKey(path) : std::string();
}

std::string Session::trajectoryPathOn(const std::string& surfacePath) const {
  const SessionSurface* s = surface(surfacePath);
  if (!s || s->directionFile.empty()) return {};
  for (auto it = m_trajectoryChoice.rbegin(); it != m_trajectoryChoice.rend(); ++it) {
    const SessionEntry* t = find(*it);
    if (t && t->trajectory && sameFile(t->trajectory->directionFile, s->directionFile))
      return t->path;
  }
  return {};
}

const SessionTrajectory* Session::trajectoryOn(const std::string& surfacePath) const {
  const SessionEntry* t = find(trajectoryPathOn(surfacePath));
  return t ? &*t->trajectory : nullptr;
}

void Session::chooseTrajectory(const std::string& path) {
  const std::string key = sessionKey(path);
  if (!find(key)) return;
  std::erase(m_trajectoryChoice, key);
  m_trajectoryChoice.push_back(key);
}

std::vector<std::pair<std::string, std::string>> Session::inputs() const {
  std::vector<std::pair<std::string, std::string>> list;
  for (const SessionEntry& e : m_entries) {
    const auto spec = splitDataSpec(e.path);
    list.push_back({fileKindName(e.kind), spec ? spec->second : e.path});
    if (e.surface && !e.surface->directionFile.empty())
      list.push_back({"direction", e.surface->directionFile});
  }
  return list;
}

}  // namespace basin
