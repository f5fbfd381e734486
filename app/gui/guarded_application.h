// The desktop app's QApplication: the last net under every slot. An exception that a slot did not
// catch would otherwise end the app and lose the session; here it is shown to the user instead.
#pragma once

#include <QApplication>

namespace basin::gui {

class GuardedApplication : public QApplication {
  Q_OBJECT

 public:
  using QApplication::QApplication;
  bool notify(QObject* receiver, QEvent* event) override;
};

}  // namespace basin::gui
