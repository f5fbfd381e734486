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
  // Marks a text field valid or not as it is typed: an invalid one gets a red border and its
  // problem as tooltip. Only a valid text that is committed (Return, focus out) takes effect
  // (`lastValid`); until then the last valid one stays in use.
  void checkField(QLineEdit* edit, const QString& problem, QString& lastValid, bool commit);
  void checkFields(bool commit);

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
  QString m_validLevels, m_validCompareLevels;
  QString m_levelsTip, m_compareLevelsTip;
};

}  // namespace basin::gui
