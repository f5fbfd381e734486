#include "app/gui/compute_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>
#include <filesystem>

#include "app/gui/arch_choice.h"
#include "app/gui/form_row.h"

namespace basin::gui {
namespace {

QDoubleSpinBox* coordinate(double value, QWidget* parent) {
  auto* box = new QDoubleSpinBox(parent);
  box->setRange(-1000, 1000);
  box->setDecimals(3);
  box->setSingleStep(0.1);
  box->setValue(value);
  return box;
}

QSpinBox* integer(int64_t value, int low, int high, QWidget* parent) {
  auto* box = new QSpinBox(parent);
  box->setRange(low, high);
  box->setValue(int(std::clamp<int64_t>(value, low, high)));
  return box;
}

}  // namespace

ComputeDialog::ComputeDialog(const SurfaceJob& job, int64_t batch, int threads, QWidget* parent)
    : QDialog(parent), m_base(job) {
  setWindowTitle(tr("Compute a loss surface"));
  auto* layout = new QVBoxLayout(this);

  auto* modelBox = new QGroupBox(tr("Model and data"), this);
  auto* modelForm = new QFormLayout(modelBox);
  m_model = new QLineEdit(QString::fromStdString(job.model), modelBox);
  modelForm->addRow(tr("Model"), withButton(m_model, tr("Browse…"), [this] { browseModel(); }));
  m_arch = new ArchChoice(job.arch, modelBox);
  modelForm->addRow(tr("Architecture"), m_arch);
  m_data = new QLineEdit(QString::fromStdString(job.data.data), modelBox);
  m_data->setPlaceholderText(
      tr("mnist:FOLDER, fashion:FOLDER, cifar10:FOLDER, cifar100:FOLDER or h5:FILE"));
  modelForm->addRow(tr("Data set"), withButton(m_data, tr("Browse…"), [this] { browseData(); }));
  m_split = new QComboBox(modelBox);
  m_split->addItem(tr("Training split"), "train");
  m_split->addItem(tr("Test split"), "test");
  m_split->setCurrentIndex(job.data.split == "test" ? 1 : 0);
  modelForm->addRow(tr("Split"), m_split);
  m_samples = integer(job.data.samples < 0 ? 0 : job.data.samples, 0, 100000000, modelBox);
  m_samples->setSpecialValueText(tr("all"));
  modelForm->addRow(tr("Samples"), m_samples);
  m_subsetSeed = integer(job.data.subsetSeed, -1, 1000000000, modelBox);
  m_subsetSeed->setSpecialValueText(tr("the first samples"));
  m_subsetSeed->setToolTip(tr("With a seed, the samples are drawn at random"));
  modelForm->addRow(tr("Subset seed"), m_subsetSeed);
  m_normalize = new QComboBox(modelBox);
  for (const char* preset : {"none", "mnist", "cifar10"}) m_normalize->addItem(preset, preset);
  m_normalize->setCurrentIndex(
      std::max(0, m_normalize->findData(QString::fromStdString(job.data.normalize))));
  modelForm->addRow(tr("Normalization"), m_normalize);
  m_pad = integer(std::max<int64_t>(job.data.pad, 0), 0, 64, modelBox);
  m_pad->setSuffix(tr(" px"));
  modelForm->addRow(tr("Zero padding"), m_pad);
  m_rgb = new QCheckBox(tr("Repeat a grey channel as RGB"), modelBox);
  m_rgb->setChecked(job.data.rgb);
  modelForm->addRow(m_rgb);
  layout->addWidget(modelBox);

  auto* gridBox = new QGroupBox(tr("Grid and directions"), this);
  auto* gridForm = new QFormLayout(gridBox);
  auto axisRow = [&](QDoubleSpinBox*& low, QDoubleSpinBox*& high, QSpinBox*& num, const Axis& a) {
    auto* row = new QWidget(gridBox);
    auto* h = new QHBoxLayout(row);
    h->setContentsMargins(0, 0, 0, 0);
    low = coordinate(a.min, row);
    high = coordinate(a.max, row);
    num = integer(a.num, 1, 1001, row);
    num->setSuffix(tr(" points"));
    h->addWidget(low);
    h->addWidget(new QLabel(tr("to"), row));
    h->addWidget(high);
    h->addWidget(num);
    return row;
  };
  gridForm->addRow(tr("x"), axisRow(m_xmin, m_xmax, m_xnum, job.x));
  m_twoD = new QCheckBox(tr("2-D surface"), gridBox);
  m_twoD->setChecked(job.y.has_value());
  gridForm->addRow(m_twoD);
  QWidget* yRow = axisRow(m_ymin, m_ymax, m_ynum, job.y.value_or(job.x));
  gridForm->addRow(tr("y"), yRow);
  yRow->setEnabled(m_twoD->isChecked());
  connect(m_twoD, &QCheckBox::toggled, yRow, &QWidget::setEnabled);
  m_norm = new QComboBox(gridBox);
  for (const char* n : {"filter", "layer", "weight", "dfilter", "dlayer", "none"})
    m_norm->addItem(n, n);
  m_norm->setCurrentIndex(std::max(0, m_norm->findData(QString::fromStdString(job.xnorm))));
  gridForm->addRow(tr("Normalization"), m_norm);
  m_ignore = new QCheckBox(tr("Leave biases and BatchNorm unchanged (biasbn)"), gridBox);
  m_ignore->setChecked(job.xignore == "biasbn");
  gridForm->addRow(m_ignore);
  m_dirType = new QComboBox(gridBox);
  m_dirType->addItem(tr("weights"), "weights");
  m_dirType->addItem(tr("states (with BatchNorm statistics)"), "states");
  m_dirType->setCurrentIndex(job.dirType == "states" ? 1 : 0);
  gridForm->addRow(tr("Direction type"), m_dirType);
  m_seed = integer(job.seed, 0, 1000000000, gridBox);
  gridForm->addRow(tr("Seed"), m_seed);
  m_seeds = integer(job.seeds, 1, 1 + kMaxSeeds, gridBox);
  m_seeds->setSuffix(tr(" seeds"));
  m_seeds->setToolTip(
      tr("Compute the surface along the random directions of this many seeds (the seed, the "
         "seed + 1, ...) to see how much its measures depend on the directions: the Compare tab "
         "then shows each measure's mean and spread. Costs one surface per seed."));
  gridForm->addRow(tr("Seeds"), m_seeds);
  m_dirFile = new QLineEdit(QString::fromStdString(job.dirFile), gridBox);
  m_dirFile->setPlaceholderText(tr("new random directions, saved beside the surface"));
  m_dirFile->setToolTip(
      tr("A direction file (e.g. a trajectory's PCA directions) to use "
         "instead of random directions"));
  gridForm->addRow(tr("Direction file"), withButton(m_dirFile, tr("Browse…"), [this] {
                     const QString f = QFileDialog::getOpenFileName(
                         this, tr("Direction file"), m_dirFile->text(), tr("HDF5 (*.h5)"));
                     if (!f.isEmpty()) m_dirFile->setText(f);
                   }));
  layout->addWidget(gridBox);

  auto* runBox = new QGroupBox(tr("Run"), this);
  auto* runForm = new QFormLayout(runBox);
  m_loss = new QComboBox(runBox);
  m_loss->addItem(tr("Cross-entropy"), "ce");
  m_loss->addItem(tr("MSE on softmax"), "mse");
  m_loss->setCurrentIndex(job.loss == "mse" ? 1 : 0);
  runForm->addRow(tr("Loss"), m_loss);
  m_batch = integer(batch, 1, 65536, runBox);
  runForm->addRow(tr("Batch size"), m_batch);
  m_threads = integer(threads, 1, 1024, runBox);
  m_threads->setToolTip(
      tr("This machine has %1 hardware threads").arg(QThread::idealThreadCount()));
  runForm->addRow(tr("Threads"), m_threads);
  m_out = new QLineEdit(QString::fromStdString(job.out), runBox);
  runForm->addRow(tr("Surface file"), withButton(m_out, tr("Browse…"), [this] { browseOut(); }));
  layout->addWidget(runBox);

  m_status = new QLabel(this);
  m_status->hide();
  layout->addWidget(m_status);
  m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Compute"));
  connect(m_buttons, &QDialogButtonBox::accepted, this, &ComputeDialog::accept);
  connect(m_buttons, &QDialogButtonBox::rejected, this, &ComputeDialog::reject);
  layout->addWidget(m_buttons);
  // Names for tests and accessibility tools.
  m_samples->setObjectName("samples");
  m_xnum->setObjectName("xPoints");
  m_ynum->setObjectName("yPoints");
  m_out->setObjectName("surfaceFile");
  m_pad->setObjectName("zeroPadding");
  m_seeds->setObjectName("seeds");
}

SurfaceJob ComputeDialog::job() const {
  SurfaceJob job = m_base;  // keeps what the dialog does not show (target models)
  job.model = m_model->text().trimmed().toStdString();
  job.arch = m_arch->spec();
  job.data.data = m_data->text().trimmed().toStdString();
  job.data.split = m_split->currentData().toString().toStdString();
  job.data.samples = m_samples->value() == 0 ? -1 : m_samples->value();
  job.data.subsetSeed = m_subsetSeed->value();
  job.data.normalize = m_normalize->currentData().toString().toStdString();
  job.data.pad = m_pad->value();
  job.data.rgb = m_rgb->isChecked();
  job.x = {m_xmin->value(), m_xmax->value(), m_xnum->value()};
  if (m_twoD->isChecked()) job.y = Axis{m_ymin->value(), m_ymax->value(), m_ynum->value()};
  job.xnorm = job.ynorm = m_norm->currentData().toString().toStdString();
  job.xignore = job.yignore = m_ignore->isChecked() ? "biasbn" : "";
  job.dirType = m_dirType->currentData().toString().toStdString();
  job.seed = m_seed->value();
  job.seeds = m_seeds->value();
  job.dirFile = m_dirFile->text().trimmed().toStdString();
  job.loss = m_loss->currentData().toString().toStdString();
  job.out = m_out->text().trimmed().toStdString();
  return job;
}

int64_t ComputeDialog::batch() const {
  return m_batch->value();
}

int ComputeDialog::threads() const {
  return m_threads->value();
}

void ComputeDialog::browseModel() {
  const QString path = QFileDialog::getOpenFileName(
      this, tr("Model"), QFileInfo(m_model->text()).path(),
      tr("Models (*.h5 *.onnx *.pt *.pth *.t7 *.safetensors);;All files (*)"));
  if (!path.isEmpty()) m_model->setText(path);
}

void ComputeDialog::browseData() {
  const QString dir =
      QFileDialog::getExistingDirectory(this, tr("Folder with MNIST (IDX) or CIFAR (.bin) files"));
  if (dir.isEmpty()) return;
  const bool cifar =
      QFileInfo::exists(dir + "/data_batch_1.bin") || QFileInfo::exists(dir + "/test_batch.bin");
  m_data->setText((cifar ? "cifar10:" : "mnist:") + dir);
}

void ComputeDialog::browseOut() {
  // Overwriting is decided in accept(): an existing file may be resumed.
  const QString path = QFileDialog::getSaveFileName(this, tr("Surface file"), m_out->text(),
                                                    tr("HDF5 surface (*.h5)"), nullptr,
                                                    QFileDialog::DontConfirmOverwrite);
  if (!path.isEmpty()) m_out->setText(path.endsWith(".h5") ? path : path + ".h5");
}

void ComputeDialog::accept() {
  const SurfaceJob j = job();
  QString problem;
  if (j.model.empty())
    problem = tr("Choose a model.");
  else if (j.data.data.empty())
    problem = tr("Choose a data set.");
  else if (j.out.empty())
    problem = tr("Choose where the surface file goes.");
  else if (j.x.min > j.x.max || (j.y && j.y->min > j.y->max))
    problem = tr("Each axis must run from a smaller to a larger value.");
  if (!problem.isEmpty()) {
    QMessageBox::warning(this, windowTitle(), problem);
    return;
  }
  const QString out = QString::fromStdString(j.out);
  bool replacing = false;
  if (QFileInfo::exists(out)) {
    QMessageBox ask(
        QMessageBox::Question, windowTitle(),
        tr("%1 exists. Resume it (compute only its missing points) or replace it?").arg(out),
        QMessageBox::Cancel, this);
    QPushButton* resume = ask.addButton(tr("Resume"), QMessageBox::AcceptRole);
    QPushButton* replace = ask.addButton(tr("Replace"), QMessageBox::DestructiveRole);
    ask.setDefaultButton(resume);
    ask.exec();
    if (ask.clickedButton() != resume && ask.clickedButton() != replace) return;
    replacing = ask.clickedButton() == replace;
  }
  // Loading a model can take seconds: off the GUI thread, the dialog open and its fields
  // locked, so that data that does not fit is reported here, with the fields to change.
  setLoading(true);
  if (m_loader) m_loader->wait();  // an earlier attempt's, which has posted its result
  delete m_loader;
  m_loader = QThread::create([this, j, replacing] {
    std::shared_ptr<PreparedSurface> prepared;
    QString error;
    try {
      SurfaceInputs inputs = loadSurfaceInputs(j);  // reads only: refusals leave files alone
      if (replacing) {
        std::filesystem::remove(j.out);
        // The random directions made for the old file go with it; a chosen direction file stays.
        if (j.dirFile.empty()) std::filesystem::remove(surfaceDirectionFile(j));
      }
      prepared = std::make_shared<PreparedSurface>(prepareSurface(j, std::move(inputs), true));
    } catch (const InputShapeError& e) {
      error = QString::fromUtf8(e.what()) + ".\n\n" + inputShapeAdvice(e);
    } catch (const std::exception& e) {
      error = QString::fromUtf8(e.what());
    }
    QMetaObject::invokeMethod(this, [this, prepared, error] {
      setLoading(false);
      if (!error.isEmpty()) {
        QMessageBox::warning(this, windowTitle(), error);
        return;
      }
      m_prepared = prepared;
      QDialog::accept();
    });
  });
  m_loader->start();
}

ComputeDialog::~ComputeDialog() {
  if (m_loader) m_loader->wait();  // its result, posted to this dialog, is dropped with it
  delete m_loader;
}

void ComputeDialog::reject() {
  if (!m_loading) QDialog::reject();
}

void ComputeDialog::setLoading(bool loading) {
  m_loading = loading;
  for (QGroupBox* box : findChildren<QGroupBox*>()) box->setEnabled(!loading);
  m_buttons->setEnabled(!loading);
  m_status->setText(tr("Loading the model and the data…"));
  m_status->setVisible(loading);
  if (loading)
    setCursor(Qt::BusyCursor);
  else
    unsetCursor();
}

QString ComputeDialog::inputShapeAdvice(const InputShapeError& error) {
  const QString pad = tr("set “Zero padding” to %1 px").arg(error.pad);
  const QString rgb = tr("tick “Repeat a grey channel as RGB”");
  if (error.pad > 0 && error.rgb) return tr("In the compute dialog, %1 and %2.").arg(pad, rgb);
  if (error.pad > 0) return tr("In the compute dialog, %1.").arg(pad);
  if (error.rgb) return tr("In the compute dialog, %1.").arg(rgb);
  return tr("Choose a data set whose images fit this model.");
}

}  // namespace basin::gui
