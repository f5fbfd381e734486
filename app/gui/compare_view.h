// Surfaces side by side (plain vs skip): 3-D views whose cameras move together, one color scale
// and height range for all (a toggle), and a table of measures that compare them.
#pragma once

#include <QWidget>
#include <vector>

#include "app/gui/render_settings.h"

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
  void resetCameras();
  QImage grabImage();

 signals:
  void hovered(const QString& readout);
  void hoverLeft();

 private:
  void redraw(bool keepCameras);
  void fillTable();
  void follow(SurfaceView* leader);
  void showEmpty(bool empty);

  std::vector<CompareEntry> m_entries;
  RenderSettings m_settings;
  std::vector<SurfaceView*> m_views;
  std::vector<QLabel*> m_titles;
  QWidget* m_grid;
  QGridLayout* m_gridLayout;
  QTableWidget* m_table;
  QLabel* m_hint;
  QLabel* m_summary;
  QLabel* m_empty;  // what to do while nothing is compared
  bool m_following = false;
};

}  // namespace basin::gui
