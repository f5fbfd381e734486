#include "app/gui/trajectory_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>

#include "app/gui/arch_choice.h"
#include "app/gui/form_row.h"

namespace basin::gui {
TrajectoryDialog::TrajectoryDialog(const TrajectoryJob& job, QWidget* parent) : QDialog(parent) {
  setWindowTitle(tr("Compute a training trajectory"));
  auto* form = new QFormLayout(this);
  m_checkpoints = new QLineEdit(
      QString::fromStdString(job.checkpoints.empty() ? std::string() : job.checkpoints.front()),
      this);
  m_checkpoints->setPlaceholderText(tr("a folder of checkpoints, or a pattern: run/model_*.pt"));
  form->addRow(tr("Checkpoints"), withButton(m_checkpoints, tr("Folder…"), [this] {
                 const QString dir = QFileDialog::getExistingDirectory(this, tr("Checkpoints"));
                 if (!dir.isEmpty()) m_checkpoints->setText(dir);
               }));
  m_final = new QLineEdit(QString::fromStdString(job.finalModel), this);
  m_final->setPlaceholderText(tr("the last checkpoint"));
  form->addRow(tr("Final model"), withButton(m_final, tr("Browse…"), [this] {
                 const QString f = QFileDialog::getOpenFileName(this, tr("Final model"));
                 if (!f.isEmpty()) m_final->setText(f);
               }));
  m_arch = new ArchChoice(job.arch, this);
  form->addRow(tr("Architecture"), m_arch);
  m_dirType = new QComboBox(this);
  m_dirType->addItem(tr("weights"), "weights");
  m_dirType->addItem(tr("states (with BatchNorm statistics)"), "states");
  m_dirType->setCurrentIndex(job.dirType == "states" ? 1 : 0);
  form->addRow(tr("Direction type"), m_dirType);
  m_ignore = new QCheckBox(tr("Leave biases and BatchNorm out of the PCA (biasbn)"), this);
  m_ignore->setChecked(job.ignoreBiasBn);
  form->addRow(m_ignore);
  m_threads = new QSpinBox(this);
  m_threads->setRange(1, 1024);
  m_threads->setValue(job.threads);
  form->addRow(tr("Threads"), m_threads);
  m_out = new QLineEdit(QString::fromStdString(job.outDirs), this);
  form->addRow(tr("Direction file"), withButton(m_out, tr("Browse…"), [this] {
                 const QString f = QFileDialog::getSaveFileName(this, tr("Direction file"),
                                                                m_out->text(), tr("HDF5 (*.h5)"));
                 if (!f.isEmpty()) m_out->setText(f);
               }));
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  buttons->button(QDialogButtonBox::Ok)->setText(tr("Compute"));
  connect(buttons, &QDialogButtonBox::accepted, this, &TrajectoryDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &TrajectoryDialog::reject);
  form->addRow(buttons);
}

TrajectoryJob TrajectoryDialog::job() const {
  TrajectoryJob job;
  job.checkpoints = {m_checkpoints->text().trimmed().toStdString()};
  job.finalModel = m_final->text().trimmed().toStdString();
  job.arch = m_arch->spec();
  job.dirType = m_dirType->currentData().toString().toStdString();
  job.ignoreBiasBn = m_ignore->isChecked();
  job.threads = m_threads->value();
  job.outDirs = m_out->text().trimmed().toStdString();
  return job;
}

void TrajectoryDialog::accept() {
  const TrajectoryJob j = job();
  if (j.checkpoints.front().empty() || j.outDirs.empty()) {
    QMessageBox::warning(this, windowTitle(),
                         tr("Choose the checkpoints and where the direction file goes."));
    return;
  }
  const QString out = QString::fromStdString(j.outDirs);
  if (QFileInfo::exists(out) &&
      QMessageBox::question(this, windowTitle(), tr("%1 exists. Replace it?").arg(out)) !=
          QMessageBox::Yes)
    return;
  QDialog::accept();
}

}  // namespace basin::gui
