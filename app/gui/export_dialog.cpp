#include "app/gui/export_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>

namespace basin::gui {

ExportDialog::ExportDialog(viz::FigureKind kind, bool twoD, bool hasTrajectory,
                           const QString& folder, QWidget* parent)
    : QDialog(parent) {
  setWindowTitle(tr("Export figure"));
  auto* form = new QFormLayout(this);
  m_kind = new QComboBox(this);
  if (twoD) {
    m_kind->addItem(tr("3-D surface"), int(viz::FigureKind::Surface3d));
    m_kind->addItem(tr("Contour lines"), int(viz::FigureKind::Contour));
    m_kind->addItem(tr("Filled contours"), int(viz::FigureKind::Filled));
    m_kind->addItem(tr("Heat map"), int(viz::FigureKind::Heat));
  } else {
    m_kind->addItem(tr("1-D loss and accuracy"), int(viz::FigureKind::Curve1d));
  }
  m_kind->setCurrentIndex(std::max(0, m_kind->findData(int(kind))));
  form->addRow(tr("Figure"), m_kind);
  m_format = new QComboBox(this);
  form->addRow(tr("Format"), m_format);
  auto* size = new QWidget(this);
  auto* sizeLayout = new QHBoxLayout(size);
  sizeLayout->setContentsMargins(0, 0, 0, 0);
  m_width = new QSpinBox(size);
  m_height = new QSpinBox(size);
  for (QSpinBox* box : {m_width, m_height}) {
    box->setRange(64, 16384);
    box->setSuffix(tr(" px"));
  }
  m_width->setValue(1200);
  m_height->setValue(900);
  sizeLayout->addWidget(m_width);
  sizeLayout->addWidget(new QLabel(QStringLiteral("×"), size));
  sizeLayout->addWidget(m_height);
  form->addRow(tr("Size"), size);
  m_dpi = new QSpinBox(this);
  m_dpi->setRange(36, 1200);
  m_dpi->setValue(150);
  m_dpi->setToolTip(
      tr("Text is sized in points: twice the pixels at twice the DPI look the same, "
         "only sharper"));
  form->addRow(tr("DPI"), m_dpi);
  m_title = new QLineEdit(this);
  m_title->setPlaceholderText(tr("none"));
  form->addRow(tr("Title"), m_title);
  m_trajectory = new QCheckBox(tr("Draw the training trajectory (contour and heat maps)"), this);
  m_trajectory->setEnabled(hasTrajectory);
  m_trajectory->setChecked(hasTrajectory);
  form->addRow(m_trajectory);
  auto* pathRow = new QWidget(this);
  auto* pathLayout = new QHBoxLayout(pathRow);
  pathLayout->setContentsMargins(0, 0, 0, 0);
  m_path = new QLineEdit(QDir(folder).filePath("figure.png"), pathRow);
  auto* browse = new QPushButton(tr("Browse…"), pathRow);
  pathLayout->addWidget(m_path, 1);
  pathLayout->addWidget(browse);
  form->addRow(tr("File"), pathRow);
  connect(browse, &QPushButton::clicked, this, [this] {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export figure"), m_path->text(),
                                                      m_format->currentText(), nullptr,
                                                      QFileDialog::DontConfirmOverwrite);
    if (!path.isEmpty()) m_path->setText(path);
  });
  connect(m_kind, &QComboBox::currentIndexChanged, this, &ExportDialog::updateFormats);
  connect(m_format, &QComboBox::currentIndexChanged, this, [this] {
    QFileInfo info(m_path->text());
    m_path->setText(
        info.dir().filePath(info.completeBaseName() + "." + m_format->currentData().toString()));
  });
  updateFormats();
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
  connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);
  form->addRow(buttons);
}

void ExportDialog::updateFormats() {
  const QString current = m_format->currentData().toString();
  m_format->blockSignals(true);
  m_format->clear();
  m_format->addItem(tr("PNG image (*.png)"), "png");
  const bool vector = kind() != viz::FigureKind::Surface3d;
  m_format->addItem(vector ? tr("PDF, vector (*.pdf)") : tr("PDF holding the image (*.pdf)"),
                    "pdf");
  if (vector) m_format->addItem(tr("SVG, vector (*.svg)"), "svg");
  m_format->setCurrentIndex(std::max(0, m_format->findData(current)));
  m_format->blockSignals(false);
  QFileInfo info(m_path->text());
  m_path->setText(
      info.dir().filePath(info.completeBaseName() + "." + m_format->currentData().toString()));
}

viz::FigureKind ExportDialog::kind() const {
  return viz::FigureKind(m_kind->currentData().toInt());
}
QString ExportDialog::path() const {
  return m_path->text();
}
int ExportDialog::widthPixels() const {
  return m_width->value();
}
int ExportDialog::heightPixels() const {
  return m_height->value();
}
int ExportDialog::dpi() const {
  return m_dpi->value();
}
QString ExportDialog::title() const {
  return m_title->text();
}
bool ExportDialog::includeTrajectory() const {
  return m_trajectory->isEnabled() && m_trajectory->isChecked();
}

void ExportDialog::accept() {
  if (QFileInfo::exists(path()) &&
      QMessageBox::question(this, windowTitle(), tr("%1 exists. Replace it?").arg(path())) !=
          QMessageBox::Yes)
    return;
  QDialog::accept();
}

void exportFigure(const Surface& surface, const viz::FigureOptions& options, const QString& path) {
  viz::renderFigure(surface, options, path.toStdString());
}

}  // namespace basin::gui
