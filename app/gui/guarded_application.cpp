#include "app/gui/guarded_application.h"

#include <QMessageBox>
#include <QTimer>
#include <exception>

namespace basin::gui {

bool GuardedApplication::notify(QObject* receiver, QEvent* event) {
  QString message;
  try {
    return QApplication::notify(receiver, event);
  } catch (const std::exception& error) {
    message = QString::fromUtf8(error.what());
  } catch (...) {
    message = tr("an unknown error");
  }
  qWarning("basin: uncaught error in an event handler: %s", qPrintable(message));
  // Shown from the event loop, not from inside this event's delivery.
  QTimer::singleShot(0, [message] {
    QMessageBox::warning(QApplication::activeWindow(), QApplication::applicationName(),
                         tr("Basin could not finish this action:\n\n%1").arg(message));
  });
  return false;
}

}  // namespace basin::gui
