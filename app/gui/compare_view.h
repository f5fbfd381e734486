// Surfaces side by side (plain vs skip): 3-D views whose cameras move together, one color scale
// and height range for all (a toggle), and a table of measures that compare them.
#pragma once

#include <QWidget>
#include <vector>

#include "app/gui/render_settings.h"
#include "core/landscape/seed_spread.h"
#include "viz/compare_figure.h"

class QComboBox;
class QGridLayout;
class QTableWidget;
class QLabel;

namespace basin::gui {

class SurfaceView;

struct CompareEntry {
  QString title;
  Surface surface;
  std::optional<ExplainedVariance> explained;
};

class CompareView : public QWidget {
  Q_OBJECT

 public:
  explicit CompareView(QWidget* parent = nullptr);

  void setEntries(std::vector<CompareEntry> entries, const RenderSettings& settings);
  void applySettings(const RenderSettings& settings);
  int count() const { return int(m_views.size()); }
  QStringList titles() const {
    QStringList t;
    for (const CompareEntry& e : m_entries) t << e.title;
    return t;
  }
  SurfaceView* view(int i) const { return m_views[size_t(i)]; }
  QTableWidget* table() const { return m_table; }
  // What the panes show: 3-D surfaces or a flat kind side by side (remembered).
  viz::FigureKind kind() const;
  void setKind(viz::FigureKind kind);
  QComboBox* kindBox() const { return m_kind; }
  QLabel* sharedColorbar() const { return m_bar; }
  QLabel* summaryLabel() const { return m_summary; }
  int columns() const { return m_columns; }
  // The compared surfaces as panes of `kind` with the settings' arrays and titles (for the
  // compare figure: File > Export compare figure).
  std::vector<viz::ComparePane> panes(viz::FigureKind kind) const;
  void resetCameras();
  QImage grabImage();

 signals:
  void hovered(const QString& readout);
  void hoverLeft();

 private:
  void redraw(bool keepCameras);
  bool eventFilter(QObject* watched, QEvent* event) override;
  void layoutPanes();     // as many columns as make the panes largest
  void updateColorbar();  // the one colorbar of a shared scale, as tall as the panes
  void fillTable();
  // "38.9 ± 3.1 %" over several seeds, "38.9 %" for one; the range as a tooltip.
  static QString spreadText(const SeedSpread& s, double scale, char format, int precision,
                            const QString& unit);
  static QString rangeText(const SeedSpread& s, double scale, const QString& unit);
  QString summary(const QStringList& names,
                  const std::vector<std::vector<SeedSpread>>& spreads) const;
  void follow(SurfaceView* leader);
  void showEmpty(bool empty);

  std::vector<CompareEntry> m_entries;
  RenderSettings m_settings;
  std::vector<SurfaceView*> m_views;
  std::vector<QLabel*> m_titles;
  QWidget* m_grid;
  QGridLayout* m_gridLayout;
  QComboBox* m_kind;
  QLabel* m_bar;  // the shared colorbar, drawn by viz as the compare figure draws it
  QWidget* m_controls;
  std::vector<viz::ComparePane> m_shared;  // the panes drawn, as the comparison draws them
  int m_columns = 0, m_barHeight = 0;
  QTableWidget* m_table;
  QLabel* m_hint;
  QLabel* m_summary;
  QLabel* m_empty;  // what to do while nothing is compared
  bool m_following = false;
};

}  // namespace basin::gui
