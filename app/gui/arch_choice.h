// Choosing the architecture of weights-only files (PyTorch, safetensors): a zoo name or an ONNX
// file of the same model, with the number of input channels. Checkpoints and ONNX files carry
// their own and need nothing.
#pragma once

#include <QWidget>
#include <optional>

#include "core/zoo/zoo.h"

class QComboBox;
class QSpinBox;

namespace basin::gui {

class ArchChoice : public QWidget {
  Q_OBJECT

 public:
  ArchChoice(const std::optional<ArchSpec>& current, QWidget* parent = nullptr);
  std::optional<ArchSpec> spec() const;

 private:
  QComboBox* m_name;
  QSpinBox* m_channels;
};

}  // namespace basin::gui
