// A line edit with a button beside it (Browse…, Folder…), as the dialogs' file rows.
#pragma once

#include <QString>
#include <functional>

class QLineEdit;
class QWidget;

namespace basin::gui {

QWidget* withButton(QLineEdit* edit, const QString& text, std::function<void()> action);

}  // namespace basin::gui
