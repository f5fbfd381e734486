// The render settings panel: colormap, log scale, clip, contour levels and labels, vertical
// exaggeration, lighting, trajectory, accuracy, shared scale for comparisons.
#pragma once

#include <QWidget>

#include "app/gui/render_settings.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;

namespace basin::gui {

class Inspector : public QWidget {
  Q_OBJECT

 public:
  explicit Inspector(const RenderSettings& settings, QWidget* parent = nullptr);
  RenderSettings settings() const;
  // Shows `settings` and reports them once through changed().
  void setSettings(const RenderSettings& settings);

 signals:
  void changed(const basin::gui::RenderSettings& settings);

 private:
  void emitChanged();

  QComboBox* m_colormap;
  QCheckBox* m_accuracy;
  QCheckBox* m_log;
  QCheckBox* m_clipOn;
  QDoubleSpinBox* m_clip;
  QComboBox* m_planeKind;
  QLineEdit* m_levels;
  QCheckBox* m_labels;
  QDoubleSpinBox* m_scale;
  QCheckBox* m_lighting;
  QCheckBox* m_trajectory;
  QCheckBox* m_shared;
  QLineEdit* m_compareLevels;
  RenderSettings m_base;  // what the panel does not show (accuracy levels)
};

}  // namespace basin::gui
