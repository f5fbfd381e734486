// Help: the five-minute guide, the keyboard shortcuts (read from the menus, so the page cannot
// go stale), About with the paper's citation, and the banner that explains the demo's picture.
#pragma once

#include <QFrame>
#include <QList>

class QLabel;
class QMenu;
class QWidget;

namespace basin::gui {

void showGuide(QWidget* parent);
void showShortcuts(QWidget* parent, const QList<QMenu*>& menus);
void showAbout(QWidget* parent);

// What the first-start demo shows and what to do next; Close hides it for good (QSettings).
class DemoBanner : public QFrame {
  Q_OBJECT

 public:
  explicit DemoBanner(QWidget* parent = nullptr);
  // Shows the banner unless the user closed it before.
  void offer();
  QString text() const;

 private:
  QLabel* m_text;
};

}  // namespace basin::gui
