// The figure export dialog: kind, format (PNG, PDF, SVG), size, DPI, title and trajectory,
// written by viz's exporters (the same figures as `basin-cli render`).
#pragma once

#include <QDialog>

#include "viz/figure.h"

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;

namespace basin::gui {

class ExportDialog : public QDialog {
  Q_OBJECT

 public:
  ExportDialog(viz::FigureKind kind, bool twoD, bool hasTrajectory, const QString& folder,
               QWidget* parent = nullptr);

  viz::FigureKind kind() const;
  QString path() const;  // with the chosen format's extension
  int widthPixels() const;
  int heightPixels() const;
  int dpi() const;
  QString title() const;
  bool includeTrajectory() const;

 private:
  void updateFormats();
  void accept() override;

  QComboBox* m_kind;
  QComboBox* m_format;
  QSpinBox* m_width;
  QSpinBox* m_height;
  QSpinBox* m_dpi;
  QLineEdit* m_title;
  QCheckBox* m_trajectory;
  QLineEdit* m_path;
};

// Writes the figure: PNG (or a 3-D PDF) through renderFigure, 2-D and 1-D PDF/SVG as vectors.
// Throws like those.
void exportFigure(const Surface& surface, const viz::FigureOptions& options, const QString& path);

}  // namespace basin::gui
