#include "app/gui/compare_view.h"

#include <vtkCamera.h>

#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QScrollBar>
#include <QTableWidget>
#include <QVBoxLayout>
#include <cmath>

#include "app/gui/local_number.h"
#include "app/gui/surface_view.h"
#include "app/gui/vtk_widget.h"
#include "core/landscape/surface_measures.h"

namespace basin::gui {
namespace {

QString number(double v, int digits = 4) {
  return v < 0 ? QStringLiteral("–") : localNumber(v, 'g', digits);
}

}  // namespace

CompareView::CompareView(QWidget* parent)
    : QWidget(parent),
      m_grid(new QWidget(this)),
      m_gridLayout(new QGridLayout(m_grid)),
      m_table(new QTableWidget(this)),
      m_hint(new QLabel(this)),
      m_summary(new QLabel(this)),
      m_empty(new QLabel(this)) {
  m_hint->setWordWrap(true);
  m_hint->setText(
      tr("Non-convex share: the share of grid points where the surface curves down "
         "along some direction (the discrete Hessian's smallest eigenvalue is below "
         "-1 % of its largest in magnitude). Low for smooth, convex-looking basins; "
         "high for chaotic ones."));
  m_summary->setWordWrap(true);
  m_summary->setStyleSheet("font-size: 11pt;");
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 4);
  layout->addWidget(m_grid, 1);
  layout->addWidget(m_summary);
  layout->addWidget(m_table);
  layout->addWidget(m_hint);
  m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_table->verticalHeader()->hide();
  m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  m_table->setAlternatingRowColors(true);
  m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  m_table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  m_table->horizontalHeader()->setStretchLastSection(true);
  m_hint->setStyleSheet("color: palette(dark);");
  m_empty->setAlignment(Qt::AlignCenter);
  m_empty->setWordWrap(true);
  m_empty->setMargin(24);
  m_empty->setStyleSheet("color: palette(mid); font-size: 13pt;");
  m_empty->setText(
      tr("Select two or more surfaces in the Session panel (Ctrl+click), then "
         "View > Compare selected surfaces (Ctrl+M)."));
  layout->insertWidget(0, m_empty, 1);
  showEmpty(true);
}

void CompareView::showEmpty(bool empty) {
  m_empty->setVisible(empty);
  for (QWidget* w : {static_cast<QWidget*>(m_grid), static_cast<QWidget*>(m_summary),
                     static_cast<QWidget*>(m_table), static_cast<QWidget*>(m_hint)})
    w->setVisible(!empty);
}

void CompareView::setEntries(std::vector<CompareEntry> entries, const RenderSettings& settings) {
  for (SurfaceView* v : m_views) v->deleteLater();
  for (QLabel* l : m_titles) l->deleteLater();
  m_views.clear();
  m_titles.clear();
  m_entries = std::move(entries);
  m_settings = settings;
  showEmpty(m_entries.empty());
  const int columns = m_entries.size() <= 3 ? int(m_entries.size()) : 2;
  for (size_t i = 0; i < m_entries.size(); ++i) {
    auto* title = new QLabel(m_entries[i].title, m_grid);
    title->setAlignment(Qt::AlignCenter);
    title->setStyleSheet("font-weight: bold; font-size: 12pt;");
    auto* view = new SurfaceView(m_grid);
    const int row = int(i) / std::max(columns, 1), column = int(i) % std::max(columns, 1);
    m_gridLayout->addWidget(title, 2 * row, column);
    m_gridLayout->addWidget(view, 2 * row + 1, column);
    m_gridLayout->setRowStretch(2 * row + 1, 1);
    connect(view, &SurfaceView::cameraMoved, this, [this, view] { follow(view); });
    // The followers turn coarse with the leader, or a drag would draw every pane in full.
    connect(view, &SurfaceView::interactingChanged, this, [this, view](bool interacting) {
      if (m_following) return;
      m_following = true;
      for (SurfaceView* v : m_views)
        if (v != view) v->setInteracting(interacting);
      m_following = false;
    });
    connect(view, &SurfaceView::hovered, this,
            [this, i](const QString& text) { emit hovered(m_entries[i].title + ": " + text); });
    connect(view, &SurfaceView::hoverLeft, this, &CompareView::hoverLeft);
    m_views.push_back(view);
    m_titles.push_back(title);
  }
  redraw(false);
  fillTable();
}

void CompareView::applySettings(const RenderSettings& settings) {
  m_settings = settings;
  redraw(true);
  fillTable();
}

void CompareView::redraw(bool keepCameras) {
  // One range for all: the union of the heights each view would show on its own.
  std::optional<std::array<double, 2>> range;
  if (m_settings.sharedScale && m_entries.size() > 1) {
    double low = INFINITY, high = -INFINITY;
    for (const CompareEntry& e : m_entries) {
      const viz::FigureOptions o =
          figureOptions(e.surface, e.explained, viz::FigureKind::Surface3d, m_settings, {});
      if (!e.surface.arrays.count(o.array)) continue;
      const auto [l, h] = viz::heightRange(e.surface, o.array, o.height);
      low = std::min(low, l);
      high = std::max(high, h);
    }
    if (low < high) range = std::array<double, 2>{low, high};
  }
  for (size_t i = 0; i < m_entries.size(); ++i) {
    const CompareEntry& e = m_entries[i];
    if (e.surface.y.empty()) {
      m_views[i]->showMessage(tr("A 1-D surface: compare 1-D surfaces in the 1-D tab."));
      continue;
    }
    viz::FigureOptions o =
        figureOptions(e.surface, e.explained, viz::FigureKind::Surface3d, m_settings, {});
    o.valueRange = range;
    m_views[i]->showSurface(e.surface, o, keepCameras);
  }
  if (!keepCameras && !m_views.empty()) follow(m_views.front());
}

void CompareView::follow(SurfaceView* leader) {
  if (m_following || !leader->camera()) return;
  m_following = true;
  for (SurfaceView* v : m_views) {
    if (v == leader || !v->camera()) continue;
    v->camera()->DeepCopy(leader->camera());
    v->cameraChangedElsewhere();
  }
  m_following = false;
}

void CompareView::resetCameras() {
  for (SurfaceView* v : m_views) v->resetCamera();
  if (!m_views.empty()) follow(m_views.front());
}

void CompareView::fillTable() {
  const std::vector<double> levels = parseLevelList(m_settings.compareLevels);
  QStringList headers{tr("Surface"), tr("Loss at centre"), tr("Accuracy at centre"),
                      tr("Minimum loss")};
  for (double l : levels) headers << tr("Area below %1").arg(l);
  headers << tr("Non-convex share");
  m_table->clear();
  m_table->setColumnCount(int(headers.size()));
  m_table->setHorizontalHeaderLabels(headers);
  m_table->setRowCount(int(m_entries.size()));
  std::vector<double> shares(m_entries.size(), -1.0);
  for (size_t r = 0; r < m_entries.size(); ++r) {
    const CompareEntry& e = m_entries[r];
    int c = 0;
    auto put = [&](const QString& text) {
      auto* item = new QTableWidgetItem(text);
      item->setTextAlignment(c == 0 ? Qt::AlignLeft | Qt::AlignVCenter
                                    : Qt::AlignRight | Qt::AlignVCenter);
      m_table->setItem(int(r), c++, item);
    };
    put(e.title);
    try {
      const SurfaceMeasures m = measureSurface(e.surface, splitOf(e.surface), levels);
      put(number(m.centerLoss));
      put(m.centerAccuracy < 0 ? QStringLiteral("–")
                               : localNumber(m.centerAccuracy, 'f', 2) + " %");
      put(number(m.minLoss));
      for (const SurfaceMeasures::Below& b : m.below)
        put(tr("%1 (%2 %)").arg(localNumber(b.area, 'g', 3), localNumber(100 * b.share, 'f', 1)));
      shares[r] = m.nonConvexShare;
      put(m.nonConvexShare < 0 ? QStringLiteral("–")
                               : localNumber(100 * m.nonConvexShare, 'f', 1) + " %");
    } catch (const std::exception& error) {
      put(QString::fromUtf8(error.what()));
    }
  }
  // The comparison in one sentence: which surface is smoothest and which roughest.
  int smooth = -1, rough = -1;
  for (int r = 0; r < int(shares.size()); ++r) {
    if (shares[r] < 0) continue;
    if (smooth < 0 || shares[r] < shares[smooth]) smooth = r;
    if (rough < 0 || shares[r] > shares[rough]) rough = r;
  }
  if (smooth >= 0 && rough >= 0 && shares[rough] > shares[smooth])
    m_summary->setText(tr("Smoothest: <b>%1</b> (%2 % of its points curve down). Roughest: "
                          "<b>%4</b> (%3 %).")
                           .arg(m_entries[smooth].title)
                           .arg(localNumber(100 * shares[smooth], 'f', 1))
                           .arg(localNumber(100 * shares[rough], 'f', 1))
                           .arg(m_entries[rough].title));
  else
    m_summary->setText(tr("The surfaces are equally smooth by the non-convex share."));
  // As tall as its rows: the views above get the rest of the space.
  int height = m_table->horizontalHeader()->height() + 2 * m_table->frameWidth();
  for (int r = 0; r < m_table->rowCount(); ++r) height += m_table->rowHeight(r);
  m_table->setFixedHeight(height);
}

QImage CompareView::grabImage() {
  // The views side by side as the user sees them, with their titles.
  QImage image(m_grid->size() * m_grid->devicePixelRatioF(), QImage::Format_RGB32);
  image.setDevicePixelRatio(m_grid->devicePixelRatioF());
  image.fill(Qt::white);
  QPainter painter(&image);
  for (size_t i = 0; i < m_views.size(); ++i) {
    painter.drawImage(QRectF(m_views[i]->geometry()), m_views[i]->grabImage());
    m_titles[i]->render(&painter, m_titles[i]->geometry().topLeft());
  }
  return image;
}

}  // namespace basin::gui
