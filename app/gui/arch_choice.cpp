#include "app/gui/arch_choice.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>

namespace basin::gui {

ArchChoice::ArchChoice(const std::optional<ArchSpec>& current, QWidget* parent)
    : QWidget(parent), m_name(new QComboBox(this)), m_channels(new QSpinBox(this)) {
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  m_name->setEditable(true);  // an ONNX file of the same model also names an architecture
  m_name->addItem(tr("From the file (checkpoint, ONNX)"), QString());
  for (const std::string& name : zooNames())
    m_name->addItem(QString::fromStdString(name), QString::fromStdString(name));
  m_name->setToolTip(
      tr("PyTorch and safetensors weights need the zoo architecture they belong "
         "to, or the path of an ONNX export of the same model"));
  m_channels->setRange(1, 4);
  m_channels->setValue(current ? int(current->inChannels) : 3);
  m_channels->setPrefix(tr("input channels: "));
  if (current) {
    const int index = m_name->findData(QString::fromStdString(current->name));
    if (index >= 0)
      m_name->setCurrentIndex(index);
    else
      m_name->setEditText(QString::fromStdString(current->name));
  }
  layout->addWidget(m_name, 1);
  layout->addWidget(m_channels);
}

std::optional<ArchSpec> ArchChoice::spec() const {
  // The first entry means "from the file"; any other text is a zoo name or an ONNX path.
  const int index = m_name->findText(m_name->currentText());
  if (index == 0) return std::nullopt;
  const QString name =
      index > 0 ? m_name->itemData(index).toString() : m_name->currentText().trimmed();
  if (name.isEmpty()) return std::nullopt;
  ArchSpec spec;
  spec.name = name.toStdString();
  spec.inChannels = m_channels->value();
  return spec;
}

}  // namespace basin::gui
