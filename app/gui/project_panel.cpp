#include "app/gui/project_panel.h"

#include <QFileInfo>
#include <QGuiApplication>
#include <QHeaderView>
#include <QMenu>

namespace basin::gui {
namespace {

constexpr int kPathRole = Qt::UserRole;
constexpr int kKindRole = Qt::UserRole + 1;
const FileKind kKinds[] = {FileKind::Model, FileKind::Dataset, FileKind::Directions,
                           FileKind::Surface, FileKind::Projection};

}  // namespace

ProjectPanel::ProjectPanel(QWidget* parent) : QTreeWidget(parent) {
  setHeaderHidden(true);
  setSelectionMode(QAbstractItemView::ExtendedSelection);
  setContextMenuPolicy(Qt::CustomContextMenu);
  const QString names[] = {tr("Models"), tr("Data sets"), tr("Direction sets"), tr("Surfaces"),
                           tr("Trajectories")};
  for (size_t i = 0; i < std::size(kKinds); ++i) {
    auto* item = new QTreeWidgetItem(this, {names[i]});
    item->setData(0, kKindRole, int(kKinds[i]));
    item->setFlags(Qt::ItemIsEnabled);
    QFont bold = item->font(0);
    bold.setBold(true);
    item->setFont(0, bold);
    item->setExpanded(true);
  }
  // One click shows (Ctrl and Shift clicks only select, to pick surfaces to compare); Return
  // and double-click too.
  auto activate = [this](QTreeWidgetItem* item) {
    const QString path = item->data(0, kPathRole).toString();
    if (!path.isEmpty()) emit activated(FileKind(item->data(0, kKindRole).toInt()), path);
  };
  connect(this, &QTreeWidget::itemActivated, this, activate);
  connect(this, &QTreeWidget::itemClicked, this, [activate](QTreeWidgetItem* item) {
    if (QGuiApplication::keyboardModifiers() & (Qt::ControlModifier | Qt::ShiftModifier)) return;
    activate(item);
  });
  connect(this, &QWidget::customContextMenuRequested, this, &ProjectPanel::showMenu);
}

QTreeWidgetItem* ProjectPanel::group(FileKind kind) const {
  for (int i = 0; i < topLevelItemCount(); ++i)
    if (topLevelItem(i)->data(0, kKindRole).toInt() == int(kind)) return topLevelItem(i);
  return nullptr;
}

QTreeWidgetItem* ProjectPanel::find(const QString& path) const {
  for (int i = 0; i < topLevelItemCount(); ++i)
    for (int j = 0; j < topLevelItem(i)->childCount(); ++j)
      if (topLevelItem(i)->child(j)->data(0, kPathRole).toString() == path)
        return topLevelItem(i)->child(j);
  return nullptr;
}

QTreeWidgetItem* ProjectPanel::add(FileKind kind, const QString& path, const QString& detail) {
  QTreeWidgetItem* item = find(path);
  if (!item) item = new QTreeWidgetItem(group(kind));
  const QString name = QFileInfo(path).fileName().isEmpty() ? path : QFileInfo(path).fileName();
  item->setText(0, path == m_marked ? QStringLiteral("▸ ") + name : name);
  item->setToolTip(0, detail.isEmpty() ? path : path + "\n" + detail);
  item->setData(0, kPathRole, path);
  item->setData(0, kKindRole, int(kind));
  group(kind)->setExpanded(true);
  return item;
}

void ProjectPanel::remove(const QString& path) {
  if (path == m_marked) m_marked.clear();
  delete find(path);
  emit removed(path);
}

QStringList ProjectPanel::paths(FileKind kind) const {
  QStringList list;
  QTreeWidgetItem* g = group(kind);
  for (int j = 0; j < g->childCount(); ++j) list << g->child(j)->data(0, kPathRole).toString();
  return list;
}

QStringList ProjectPanel::selectedPaths(FileKind kind) const {
  QStringList list;
  for (QTreeWidgetItem* item : selectedItems())
    if (item->data(0, kKindRole).toInt() == int(kind) && item->parent())
      list << item->data(0, kPathRole).toString();
  return list;
}

void ProjectPanel::select(const QString& path) {
  if (QTreeWidgetItem* item = find(path)) setCurrentItem(item);
}

void ProjectPanel::markShown(const QString& path) {
  if (QTreeWidgetItem* old = find(m_marked)) {
    QFont font = old->font(0);
    font.setBold(false);
    old->setFont(0, font);
    old->setText(0, old->text(0).remove(0, 2));
  }
  m_marked.clear();
  QTreeWidgetItem* item = find(path);
  if (!item) return;
  QFont font = item->font(0);
  font.setBold(true);
  item->setFont(0, font);
  item->setText(0, QStringLiteral("▸ ") + item->text(0));
  m_marked = path;
}

void ProjectPanel::showMenu(const QPoint& position) {
  QTreeWidgetItem* item = itemAt(position);
  if (!item || !item->parent()) return;
  QMenu menu(this);
  const QString path = item->data(0, kPathRole).toString();
  const FileKind kind = FileKind(item->data(0, kKindRole).toInt());
  menu.addAction(tr("Show"), this, [this, kind, path] { emit activated(kind, path); });
  if (kind == FileKind::Surface) {
    menu.addAction(tr("Compute similar…"), this,
                   [this, path] { emit computeSimilarRequested(path); });
    QAction* resume =
        menu.addAction(tr("Resume…"), this, [this, path] { emit resumeRequested(path); });
    resume->setEnabled(m_unfinished && m_unfinished(path));
  }
  const QStringList surfaces = selectedPaths(FileKind::Surface);
  QAction* compare = menu.addAction(tr("Compare selected surfaces"), this,
                                    [this, surfaces] { emit compareRequested(surfaces); });
  compare->setEnabled(surfaces.size() >= 2);
  menu.addSeparator();
  menu.addAction(tr("Remove from the session"), this, [this, path] { remove(path); });
  menu.exec(viewport()->mapToGlobal(position));
}

}  // namespace basin::gui
