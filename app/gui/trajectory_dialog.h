// The options of a training trajectory: the checkpoints, the final model, what the PCA looks at,
// and where the direction and projection files go.
#pragma once

#include <QDialog>

#include "core/landscape/trajectory_job.h"

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;

namespace basin::gui {

class ArchChoice;

class TrajectoryDialog : public QDialog {
  Q_OBJECT

 public:
  TrajectoryDialog(const TrajectoryJob& job, QWidget* parent = nullptr);
  TrajectoryJob job() const;

 private:
  void accept() override;

  QLineEdit* m_checkpoints;
  QLineEdit* m_final;
  ArchChoice* m_arch;
  QComboBox* m_dirType;
  QCheckBox* m_ignore;
  QSpinBox* m_threads;
  QLineEdit* m_out;
};

}  // namespace basin::gui
