// Every option of a surface computation, with the defaults of the reference implementation
// (filter normalization, biases and BatchNorm ignored, 51 points from -1 to 1).
#pragma once

#include <QDialog>

#include "core/landscape/surface_job.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;

namespace basin::gui {

class ArchChoice;

class ComputeDialog : public QDialog {
  Q_OBJECT

 public:
  ComputeDialog(const SurfaceJob& job, int64_t batch, int threads, QWidget* parent = nullptr);

  SurfaceJob job() const;
  int64_t batch() const;
  int threads() const;

 private:
  void browseModel();
  void browseData();
  void browseOut();
  void accept() override;

  QLineEdit* m_model;
  ArchChoice* m_arch;
  QLineEdit* m_data;
  QComboBox* m_split;
  QSpinBox* m_samples;
  QSpinBox* m_subsetSeed;
  QComboBox* m_normalize;
  QSpinBox* m_pad;
  QCheckBox* m_rgb;
  QDoubleSpinBox* m_xmin;
  QDoubleSpinBox* m_xmax;
  QSpinBox* m_xnum;
  QCheckBox* m_twoD;
  QDoubleSpinBox* m_ymin;
  QDoubleSpinBox* m_ymax;
  QSpinBox* m_ynum;
  QComboBox* m_norm;
  QCheckBox* m_ignore;
  QComboBox* m_dirType;
  QSpinBox* m_seed;
  QComboBox* m_loss;
  QSpinBox* m_batch;
  QSpinBox* m_threads;
  QLineEdit* m_out;
  QLineEdit* m_dirFile;
  SurfaceJob m_base;
};

}  // namespace basin::gui
