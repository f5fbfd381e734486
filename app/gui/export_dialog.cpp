#include "app/gui/export_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalBlocker>
#include <QSpinBox>

#include "app/gui/local_number.h"

namespace basin::gui {

ExportDialog::ExportDialog(viz::FigureKind kind, bool twoD, bool hasTrajectory,
                           const QString& folder, QWidget* parent)
    : QDialog(parent) {
  setWindowTitle(tr("Export figure"));
  auto* form = new QFormLayout(this);
  m_kind = new QComboBox(this);
  m_kind->setObjectName("kind");
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
  m_format->setObjectName("format");
  form->addRow(tr("Format"), m_format);
  // Column presets and units are those of `basin-cli render --size`, read by one parser.
  m_preset = new QComboBox(this);
  m_preset->setObjectName("preset");
  m_preset->addItem(tr("Custom"), QString());
  for (const viz::ColumnPreset& preset : viz::columnPresets())
    m_preset->addItem(
        QString(preset.name == std::string("single") ? tr("Single column (%1 × %2 in)")
                                                     : tr("Double column (%1 × %2 in)"))
            .arg(preset.widthInches)
            .arg(preset.heightInches),
        preset.name);
  form->addRow(tr("Size"), m_preset);
  auto* size = new QWidget(this);
  auto* sizeLayout = new QHBoxLayout(size);
  sizeLayout->setContentsMargins(0, 0, 0, 0);
  m_width = new QDoubleSpinBox(size);
  m_height = new QDoubleSpinBox(size);
  m_unit = new QComboBox(size);
  m_width->setObjectName("width");
  m_height->setObjectName("height");
  m_unit->setObjectName("unit");
  m_unit->addItem(tr("px"), "");
  m_unit->addItem(tr("in"), "in");
  m_unit->addItem(tr("cm"), "cm");
  for (QDoubleSpinBox* box : {m_width, m_height})
    box->setRange(0.01, 1e5);  // what does not fit is said below
  sizeLayout->addWidget(m_width);
  sizeLayout->addWidget(new QLabel(QStringLiteral("×"), size));
  sizeLayout->addWidget(m_height);
  sizeLayout->addWidget(m_unit);
  form->addRow(QString(), size);
  m_pixels = new QLabel(this);
  m_pixels->setObjectName("pixels");
  form->addRow(QString(), m_pixels);
  m_dpi = new QSpinBox(this);
  m_dpi->setObjectName("dpi");
  m_dpi->setRange(36, 1200);
  m_dpi->setToolTip(
      tr("Text is sized in points: twice the pixels at twice the DPI look the same, "
         "only sharper"));
  form->addRow(tr("DPI"), m_dpi);
  m_title = new QLineEdit(this);
  m_title->setObjectName("title");
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
  m_path->setObjectName("path");
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
  m_save = buttons->button(QDialogButtonBox::Save);
  restore();
  connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);
  form->addRow(buttons);
  connect(m_preset, &QComboBox::currentIndexChanged, this, &ExportDialog::applyPreset);
  connect(m_unit, &QComboBox::currentIndexChanged, this, &ExportDialog::changeUnit);
  for (int side : {0, 1})
    connect(side == 0 ? m_width : m_height, &QDoubleSpinBox::valueChanged, this,
            [this, side](double value) {
              m_size[side] = value;
              m_preset->setCurrentIndex(0);  // edited by hand: no longer the preset
              updateSize();
            });
  connect(m_dpi, &QSpinBox::valueChanged, this, [this] {
    if (m_unit->currentData().toString().isEmpty()) m_preset->setCurrentIndex(0);
    updateSize();
  });
  updateSize();
}

// What the last export chose (the first time: 1200 x 900 px at 150 dpi, PNG).
void ExportDialog::restore() {
  QSettings settings;
  const QSignalBlocker blockers[] = {QSignalBlocker(m_preset), QSignalBlocker(m_width),
                                     QSignalBlocker(m_height), QSignalBlocker(m_unit),
                                     QSignalBlocker(m_dpi)};
  m_dpi->setValue(settings.value("export/dpi", 150).toInt());
  const int unit = m_unit->findData(settings.value("export/unit", "").toString());
  m_unit->setCurrentIndex(std::max(0, unit));
  m_unitShown = m_unit->currentData().toString();
  showSize(settings.value("export/width", 1200).toDouble(),
           settings.value("export/height", 900).toDouble());
  m_preset->setCurrentIndex(std::max(0, m_preset->findData(settings.value("export/preset"))));
  const int format = m_format->findData(settings.value("export/format", "png"));
  if (format >= 0) m_format->setCurrentIndex(format);  // updates the file's extension
}

void ExportDialog::showSize(double width, double height) {
  m_size[0] = width;
  m_size[1] = height;
  const QSignalBlocker blockers[] = {QSignalBlocker(m_width), QSignalBlocker(m_height)};
  setDecimals();  // rounds the value shown: not an edit
  m_width->setValue(width);
  m_height->setValue(height);
}

void ExportDialog::setDecimals() {
  for (QDoubleSpinBox* box : {m_width, m_height}) {
    box->setDecimals(m_unitShown.isEmpty() ? 0 : 2);
    box->setSingleStep(m_unitShown.isEmpty() ? 10 : 0.1);
  }
}

void ExportDialog::applyPreset() {
  for (const viz::ColumnPreset& preset : viz::columnPresets())
    if (m_preset->currentData().toString() == preset.name) {
      const QSignalBlocker blocker(m_unit);
      m_unit->setCurrentIndex(m_unit->findData("in"));
      m_unitShown = "in";
      showSize(preset.widthInches, preset.heightInches);
      updateSize();
    }
}

void ExportDialog::changeUnit() {
  const auto perUnit = [this](const QString& unit) {
    return viz::pixelsPerUnit(unit.toStdString(), m_dpi->value());
  };
  const double factor = perUnit(m_unitShown) / perUnit(m_unit->currentData().toString());
  m_unitShown = m_unit->currentData().toString();
  const QSignalBlocker blocker(m_preset);
  showSize(m_size[0] * factor, m_size[1] * factor);
  updateSize();
}

void ExportDialog::updateSize() {
  try {
    viz::FigureOptions o;
    applySize(o);
    m_pixels->setText(tr("%1 × %2 px, %3 × %4 in")
                          .arg(o.width)
                          .arg(o.heightPixels)
                          .arg(localNumber(o.width / double(o.dpi), 'f', 2),
                               localNumber(o.heightPixels / double(o.dpi), 'f', 2)));
    m_save->setEnabled(true);
  } catch (const std::exception& error) {
    m_pixels->setText(QString::fromUtf8(error.what()));
    m_save->setEnabled(false);
  }
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
QString ExportDialog::sizeText() const {
  const QString preset = m_preset->currentData().toString();
  if (!preset.isEmpty()) return preset;
  return QString("%1x%2%3")
      .arg(m_size[0], 0, 'g', 8)
      .arg(m_size[1], 0, 'g', 8)
      .arg(m_unit->currentData().toString());
}
void ExportDialog::applySize(viz::FigureOptions& options) const {
  options.dpi = dpi();
  viz::setFigureSize(options, sizeText().toStdString());
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
  if (!m_save->isEnabled()) return;  // Enter in a field while the size does not fit
  if (QFileInfo::exists(path()) &&
      QMessageBox::question(this, windowTitle(), tr("%1 exists. Replace it?").arg(path())) !=
          QMessageBox::Yes)
    return;
  QSettings settings;
  settings.setValue("export/format", m_format->currentData());
  settings.setValue("export/preset", m_preset->currentData());
  settings.setValue("export/unit", m_unit->currentData());
  settings.setValue("export/width", m_size[0]);
  settings.setValue("export/height", m_size[1]);
  settings.setValue("export/dpi", m_dpi->value());
  QDialog::accept();
}

void exportFigure(const Surface& surface, const viz::FigureOptions& options, const QString& path) {
  viz::renderFigure(surface, options, path.toStdString());
}

}  // namespace basin::gui
