#include "app/gui/inspector.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLineEdit>
#include <QVBoxLayout>

#include "core/error.h"

namespace basin::gui {
namespace {

// Why `text` is no contour level range (empty when it is one).
QString levelsProblem(const QString& text) {
  try {
    viz::parseLevels(text.trimmed().toStdString());
    return {};
  } catch (const Error& e) {
    return QString::fromStdString(e.what()).replace("--levels", QObject::tr("Levels"));
  }
}

// Why `text` is no comma-separated list of finite loss levels (empty when it is one).
QString levelListProblem(const QString& text) {
  QString problem;
  parseLevelList(text, &problem);
  return problem;
}

}  // namespace

Inspector::Inspector(const RenderSettings& s, QWidget* parent) : QWidget(parent), m_base(s) {
  auto* layout = new QVBoxLayout(this);

  auto* values = new QGroupBox(tr("Values"), this);
  auto* valuesForm = new QFormLayout(values);
  m_accuracy = new QCheckBox(tr("Show accuracy instead of loss"), values);
  m_accuracy->setChecked(s.showAccuracy);
  valuesForm->addRow(m_accuracy);
  m_log = new QCheckBox(tr("Log scale: log(loss + 0.1)"), values);
  m_log->setChecked(s.log);
  valuesForm->addRow(m_log);
  m_clipOn = new QCheckBox(tr("Clip losses above"), values);
  m_clipOn->setChecked(s.clip > 0);
  m_clip = new QDoubleSpinBox(values);
  m_clip->setRange(0.01, 1e6);
  m_clip->setDecimals(2);
  m_clip->setValue(s.clip > 0 ? s.clip : 10.0);
  m_clip->setEnabled(s.clip > 0);
  valuesForm->addRow(m_clipOn, m_clip);
  m_colormap = new QComboBox(values);
  m_colormap->addItems({tr("Viridis"), tr("Magma"), tr("Cool-warm"), tr("Summer"), tr("Grey")});
  m_colormap->setCurrentIndex(int(s.colormap));
  valuesForm->addRow(tr("Colormap"), m_colormap);
  layout->addWidget(values);

  auto* surface = new QGroupBox(tr("3-D surface"), this);
  auto* surfaceForm = new QFormLayout(surface);
  m_scale = new QDoubleSpinBox(surface);
  m_scale->setRange(0.1, 10.0);
  m_scale->setSingleStep(0.1);
  m_scale->setValue(s.verticalScale);
  m_scale->setSuffix(QStringLiteral(" ×"));
  surfaceForm->addRow(tr("Vertical exaggeration"), m_scale);
  m_lighting = new QCheckBox(tr("Lighting"), surface);
  m_lighting->setChecked(s.lighting);
  surfaceForm->addRow(m_lighting);
  layout->addWidget(surface);

  auto* plane = new QGroupBox(tr("Contour and heat map"), this);
  auto* planeForm = new QFormLayout(plane);
  m_planeKind = new QComboBox(plane);
  m_planeKind->addItems({tr("Contour lines"), tr("Filled contours"), tr("Heat map")});
  m_planeKind->setCurrentIndex(int(s.planeKind) - int(viz::FigureKind::Contour));
  planeForm->addRow(tr("Style"), m_planeKind);
  m_levels = new QLineEdit(s.levels, plane);
  m_levels->setObjectName("levelsEdit");
  m_levelsTip = tr("first:last:step in loss units, as the reference's vmin:vmax:vlevel");
  m_levels->setToolTip(m_levelsTip);
  planeForm->addRow(tr("Levels"), m_levels);
  m_labels = new QCheckBox(tr("Label the contour lines"), plane);
  m_labels->setChecked(s.contourLabels);
  planeForm->addRow(m_labels);
  m_trajectory = new QCheckBox(tr("Show the training trajectory"), plane);
  m_trajectory->setChecked(s.showTrajectory);
  planeForm->addRow(m_trajectory);
  layout->addWidget(plane);

  auto* compare = new QGroupBox(tr("Comparison"), this);
  auto* compareForm = new QFormLayout(compare);
  m_shared = new QCheckBox(tr("One color scale and height range"), compare);
  m_shared->setObjectName("sharedScaleCheck");
  m_shared->setChecked(s.sharedScale);
  compareForm->addRow(m_shared);
  m_compareLevels = new QLineEdit(s.compareLevels, compare);
  m_compareLevels->setObjectName("compareLevelsEdit");
  m_compareLevelsTip = tr("Loss levels for the area measure, separated by commas");
  m_compareLevels->setToolTip(m_compareLevelsTip);
  compareForm->addRow(tr("Area below"), m_compareLevels);
  layout->addWidget(compare);
  layout->addStretch(1);

  for (QCheckBox* box : {m_accuracy, m_log, m_clipOn, m_labels, m_lighting, m_trajectory, m_shared})
    connect(box, &QCheckBox::toggled, this, &Inspector::emitChanged);
  connect(m_clipOn, &QCheckBox::toggled, m_clip, &QWidget::setEnabled);
  for (QComboBox* box : {m_colormap, m_planeKind})
    connect(box, &QComboBox::currentIndexChanged, this, &Inspector::emitChanged);
  for (QDoubleSpinBox* box : {m_clip, m_scale})
    connect(box, &QDoubleSpinBox::editingFinished, this, &Inspector::emitChanged);
  connect(m_scale, &QDoubleSpinBox::valueChanged, this, &Inspector::emitChanged);
  m_validLevels = s.levels;
  m_validCompareLevels = s.compareLevels;
  for (QLineEdit* edit : {m_levels, m_compareLevels}) {
    connect(edit, &QLineEdit::textChanged, this, [this] { checkFields(false); });
    connect(edit, &QLineEdit::editingFinished, this, [this] {
      checkFields(true);
      emitChanged();
    });
  }
  checkFields(true);
}

void Inspector::checkField(QLineEdit* edit, const QString& problem, QString& lastValid,
                           bool commit) {
  const QString tip = edit == m_levels ? m_levelsTip : m_compareLevelsTip;
  if (problem.isEmpty() && commit) lastValid = edit->text().trimmed();
  edit->setStyleSheet(
      problem.isEmpty() ? QString() : QStringLiteral("QLineEdit { border: 2px solid #d02020; }"));
  edit->setToolTip(problem.isEmpty() ? tip
                                     : problem + "\n" + tr("Still drawn with: %1").arg(lastValid));
}

void Inspector::checkFields(bool commit) {
  checkField(m_levels, levelsProblem(m_levels->text()), m_validLevels, commit);
  checkField(m_compareLevels, levelListProblem(m_compareLevels->text()), m_validCompareLevels,
             commit);
}

RenderSettings Inspector::settings() const {
  RenderSettings s = m_base;
  s.colormap = viz::Colormap(m_colormap->currentIndex());
  s.showAccuracy = m_accuracy->isChecked();
  s.log = m_log->isChecked();
  s.clip = m_clipOn->isChecked() ? m_clip->value() : 0.0;
  s.planeKind = viz::FigureKind(int(viz::FigureKind::Contour) + m_planeKind->currentIndex());
  s.levels = m_validLevels;
  s.contourLabels = m_labels->isChecked();
  s.verticalScale = m_scale->value();
  s.lighting = m_lighting->isChecked();
  s.showTrajectory = m_trajectory->isChecked();
  s.sharedScale = m_shared->isChecked();
  s.compareLevels = m_validCompareLevels;
  return s;
}

void Inspector::setSettings(const RenderSettings& s) {
  const QList<QWidget*> inputs = findChildren<QWidget*>();
  for (QWidget* w : inputs) w->blockSignals(true);
  m_base = s;
  m_accuracy->setChecked(s.showAccuracy);
  m_log->setChecked(s.log);
  m_clipOn->setChecked(s.clip > 0);
  m_clip->setEnabled(s.clip > 0);
  if (s.clip > 0) m_clip->setValue(s.clip);
  m_colormap->setCurrentIndex(int(s.colormap));
  m_scale->setValue(s.verticalScale);
  m_lighting->setChecked(s.lighting);
  m_planeKind->setCurrentIndex(int(s.planeKind) - int(viz::FigureKind::Contour));
  m_levels->setText(s.levels);
  m_labels->setChecked(s.contourLabels);
  m_trajectory->setChecked(s.showTrajectory);
  m_shared->setChecked(s.sharedScale);
  m_compareLevels->setText(s.compareLevels);
  m_validLevels = s.levels;
  m_validCompareLevels = s.compareLevels;
  checkFields(true);
  for (QWidget* w : inputs) w->blockSignals(false);
  emitChanged();
}

void Inspector::emitChanged() {
  emit changed(settings());
}

}  // namespace basin::gui
