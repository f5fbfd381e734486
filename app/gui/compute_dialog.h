// Every option of a surface computation, with the defaults of the reference implementation
// (filter normalization, biases and BatchNorm ignored, 51 points from -1 to 1).
#pragma once

#include <QDialog>
#include <memory>

#include "core/error.h"
#include "core/landscape/surface_job.h"

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;
class QThread;

namespace basin::gui {

class ArchChoice;

class ComputeDialog : public QDialog {
  Q_OBJECT

 public:
  ComputeDialog(const SurfaceJob& job, int64_t batch, int threads, QWidget* parent = nullptr);
  ~ComputeDialog() override;

  SurfaceJob job() const;
  // Once accepted: the job's model and data loaded and checked to fit each other, its output
  // locked, its directions made or read (prepareSurface), for the SurfaceWorker to compute.
  std::shared_ptr<PreparedSurface> prepared() const { return m_prepared; }
  // What to change in this dialog for data that does not fit the model, in its field names.
  static QString inputShapeAdvice(const InputShapeError& error);
  void reject() override;  // not while loading
  int64_t batch() const;
  int threads() const;

 private:
  void browseModel();
  void browseData();
  void browseOut();
  // Loads and checks the job off the GUI thread; the dialog closes only once that succeeded.
  void accept() override;
  void setLoading(bool loading);

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
  QSpinBox* m_seeds;  // --seeds
  QComboBox* m_loss;
  QSpinBox* m_batch;
  QSpinBox* m_threads;
  QLineEdit* m_out;
  QLineEdit* m_dirFile;
  QLabel* m_status;
  QDialogButtonBox* m_buttons;
  SurfaceJob m_base;
  QThread* m_loader = nullptr;  // the last load, joined before the next and on destruction
  bool m_loading = false;
  std::shared_ptr<PreparedSurface> m_prepared;
};

}  // namespace basin::gui
