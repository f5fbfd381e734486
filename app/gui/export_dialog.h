// The figure export dialog: kind, format (PNG, PDF, SVG), size (pixels, inches or cm, or a
// journal column), DPI, title and trajectory, written by viz's exporters (the same figures as
// `basin-cli render`). Format, size and DPI are remembered between exports and sessions.
#pragma once

#include <QDialog>

#include "viz/figure.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace basin::gui {

class ExportDialog : public QDialog {
  Q_OBJECT

 public:
  ExportDialog(viz::FigureKind kind, bool twoD, bool hasTrajectory, const QString& folder,
               QWidget* parent = nullptr);

  viz::FigureKind kind() const;
  QString path() const;  // with the chosen format's extension
  // The size as `basin-cli render --size` reads it ("1200x900", "3.25x2.6in", "8x6cm").
  QString sizeText() const;
  int dpi() const;
  // Sets options.dpi, width and heightPixels (viz::setFigureSize); throws ArgumentError.
  void applySize(viz::FigureOptions& options) const;
  QString title() const;
  bool includeTrajectory() const;

 private:
  void updateFormats();
  void updateSize();   // after a change of the numbers, unit or DPI: the size in pixels
  void applyPreset();  // a column preset chosen: its inches
  void changeUnit();   // the numbers converted to the new unit
  void restore();      // the choices of the last export
  void setDecimals();  // of m_unitShown: whole pixels, hundredths of inches and cm
  // Shows a size in the current unit, kept unrounded: switching units back and forth, or a
  // preset's inches shown in cm, leaves the figure the size it was.
  void showSize(double width, double height);
  void accept() override;

  QComboBox* m_kind;
  QComboBox* m_format;
  QComboBox* m_preset;
  QDoubleSpinBox* m_width;
  QDoubleSpinBox* m_height;
  QComboBox* m_unit;
  QLabel* m_pixels;  // what the size comes to, or why it does not fit
  QString m_unitShown;
  double m_size[2] = {1200, 900};  // in m_unitShown, as typed or converted (not rounded)
  QSpinBox* m_dpi;
  QPushButton* m_save;
  QLineEdit* m_title;
  QCheckBox* m_trajectory;
  QLineEdit* m_path;
};

// Writes the figure: PNG (or a 3-D PDF) through renderFigure, 2-D and 1-D PDF/SVG as vectors.
// Throws like those.
void exportFigure(const Surface& surface, const viz::FigureOptions& options, const QString& path);

}  // namespace basin::gui
