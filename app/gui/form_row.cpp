#include "app/gui/form_row.h"

#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>

namespace basin::gui {

QWidget* withButton(QLineEdit* edit, const QString& text, std::function<void()> action) {
  auto* row = new QWidget(edit->parentWidget());
  auto* layout = new QHBoxLayout(row);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(edit, 1);
  auto* button = new QPushButton(text, row);
  QObject::connect(button, &QPushButton::clicked, row, std::move(action));
  layout->addWidget(button);
  return row;
}

}  // namespace basin::gui
