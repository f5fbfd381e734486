// The session's files by kind: models, data sets, direction sets, surfaces and trajectories.
// A view of the Session: a click shows a surface (or draws a trajectory on the surfaces of its
// plane), the shown surface is marked; several selected surfaces can be compared.
#pragma once

#include <QTreeWidget>
#include <functional>

#include "core/io/file_kind.h"

namespace basin::gui {

class ProjectPanel : public QTreeWidget {
  Q_OBJECT

 public:
  explicit ProjectPanel(QWidget* parent = nullptr);

  // Adds (or updates) the entry for `path`; returns it.
  QTreeWidgetItem* add(FileKind kind, const QString& path, const QString& detail);
  void remove(const QString& path);
  QStringList paths(FileKind kind) const;
  QStringList selectedPaths(FileKind kind) const;
  void select(const QString& path);
  // Marks the entry of the surface the views show (bold, with a marker); none for empty.
  void markShown(const QString& path);
  QString markedPath() const { return m_marked; }
  // Says which surfaces have points left to compute (their menu offers Resume).
  void setUnfinished(std::function<bool(const QString&)> unfinished) {
    m_unfinished = std::move(unfinished);
  }

 signals:
  void activated(basin::FileKind kind, const QString& path);
  void compareRequested(const QStringList& surfacePaths);
  void removed(const QString& path);
  void computeSimilarRequested(const QString& surfacePath);
  void resumeRequested(const QString& surfacePath);

 private:
  QTreeWidgetItem* group(FileKind kind) const;
  QTreeWidgetItem* find(const QString& path) const;
  void showMenu(const QPoint& position);

  QString m_marked;
  std::function<bool(const QString&)> m_unfinished;
};

}  // namespace basin::gui
