#include "app/gui/compare_view.h"

#include <vtkCamera.h>

#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QScrollBar>
#include <QSettings>
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
      m_kind(new QComboBox(this)),
      m_bar(new QLabel(this)),
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
  m_kind->addItem(tr("3-D surfaces"), int(viz::FigureKind::Surface3d));
  m_kind->addItem(tr("Contour lines"), int(viz::FigureKind::Contour));
  m_kind->addItem(tr("Filled contours"), int(viz::FigureKind::Filled));
  m_kind->addItem(tr("Heat maps"), int(viz::FigureKind::Heat));
  m_kind->setCurrentIndex(
      std::max(0, m_kind->findData(QSettings().value("compare/kind", 0).toInt())));
  connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
    QSettings().setValue("compare/kind", m_kind->currentData());
    redraw(false);
  });
  auto* bar = new QWidget(this);
  auto* barLayout = new QHBoxLayout(bar);
  barLayout->setContentsMargins(6, 2, 6, 0);
  auto* show = new QLabel(tr("Show"), bar);
  show->setBuddy(m_kind);
  barLayout->addWidget(show);
  barLayout->addWidget(m_kind);
  barLayout->addStretch(1);
  m_bar->setAlignment(Qt::AlignCenter);
  m_gridLayout->setContentsMargins(0, 0, 0, 0);
  m_grid->installEventFilter(this);
  auto* panes = new QHBoxLayout;
  panes->setSpacing(0);
  panes->addWidget(m_grid, 1);
  panes->addWidget(m_bar);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 4);
  layout->addWidget(bar);
  layout->addLayout(panes, 1);
  m_controls = bar;
  layout->addWidget(m_summary);
  layout->addWidget(m_table);
  layout->addWidget(m_hint);
  m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_table->verticalHeader()->hide();
  // The names in the first column as wide as they are; the measures share the rest, their
  // headers wrapped onto two lines where a language's words are long (German).
  m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
  m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignCenter |
                                                   Qt::Alignment(Qt::TextWordWrap));
  m_table->horizontalHeader()->setFixedHeight(2 * fontMetrics().lineSpacing() + 8);
  m_table->setAlternatingRowColors(true);
  m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  m_table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
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
                     static_cast<QWidget*>(m_table), static_cast<QWidget*>(m_hint), m_controls})
    w->setVisible(!empty);
  if (empty) m_bar->hide();
}

void CompareView::setEntries(std::vector<CompareEntry> entries, const RenderSettings& settings) {
  for (SurfaceView* v : m_views) v->deleteLater();
  for (QLabel* l : m_titles) l->deleteLater();
  m_views.clear();
  m_titles.clear();
  m_shared.clear();
  m_entries = std::move(entries);
  m_settings = settings;
  showEmpty(m_entries.empty());
  m_columns = 0;
  for (size_t i = 0; i < m_entries.size(); ++i) {
    auto* title = new QLabel(m_entries[i].title, m_grid);
    title->setAlignment(Qt::AlignCenter);
    title->setStyleSheet("font-weight: bold; font-size: 12pt;");
    auto* view = new SurfaceView(m_grid);
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
  layoutPanes();
  redraw(false);
  fillTable();
}

void CompareView::applySettings(const RenderSettings& settings) {
  m_settings = settings;
  redraw(true);
  fillTable();
}

viz::FigureKind CompareView::kind() const {
  return viz::FigureKind(m_kind->currentData().toInt());
}

void CompareView::setKind(viz::FigureKind kind) {
  m_kind->setCurrentIndex(std::max(0, m_kind->findData(int(kind))));
}

std::vector<viz::ComparePane> CompareView::panes(viz::FigureKind kind) const {
  std::vector<viz::ComparePane> panes;
  for (const CompareEntry& e : m_entries) {
    viz::ComparePane pane{&e.surface, figureOptions(e.surface, e.explained, kind, m_settings, {})};
    pane.options.title = e.title.toStdString();
    panes.push_back(std::move(pane));
  }
  return panes;
}

void CompareView::redraw(bool keepCameras) {
  std::vector<viz::ComparePane> all = panes(kind()), shown;
  std::vector<size_t> shownEntry;
  for (size_t i = 0; i < all.size(); ++i) {
    if (m_entries[i].surface.y.empty()) {
      m_views[i]->showMessage(tr("A 1-D surface: compare 1-D surfaces in the 1-D tab."));
      continue;
    }
    shown.push_back(std::move(all[i]));
    shownEntry.push_back(i);
  }
  // One range and one colorbar for all (a toggle): the compare figure's own rule.
  m_shared =
      viz::comparedPanes(std::move(shown), kind(), m_settings.sharedScale && m_entries.size() > 1);
  for (size_t k = 0; k < m_shared.size(); ++k) {
    viz::FigureOptions o = m_shared[k].options;
    o.title.clear();  // the pane's title is the label above it
    m_views[shownEntry[k]]->showSurface(*m_shared[k].surface, o, keepCameras);
  }
  m_barHeight = 0;
  updateColorbar();
  if (!keepCameras && !m_views.empty()) follow(m_views.front());
}

void CompareView::layoutPanes() {
  if (m_views.empty()) return;
  const int columns = viz::compareColumns(m_views.size(), std::max(m_grid->width(), 1),
                                          std::max(m_grid->height(), 1));
  if (columns == m_columns) return;
  m_columns = columns;
  for (int r = 0; r < m_gridLayout->rowCount(); ++r) m_gridLayout->setRowStretch(r, 0);
  for (size_t i = 0; i < m_views.size(); ++i) {
    const int row = int(i) / columns, column = int(i) % columns;
    m_gridLayout->addWidget(m_titles[i], 2 * row, column);
    m_gridLayout->addWidget(m_views[i], 2 * row + 1, column);
    m_gridLayout->setRowStretch(2 * row + 1, 1);
  }
}

void CompareView::updateColorbar() {
  const bool shared = !m_shared.empty() && !m_shared.front().options.colorbar;
  m_bar->setVisible(shared);
  if (!shared) return;
  const int height = m_grid->height();
  if (height == m_barHeight) return;
  m_barHeight = height;
  try {
    const viz::RgbImage bar = viz::renderSharedColorbar(m_shared, height, logicalDpiY());
    const QImage image(bar.rgb.data(), bar.width, bar.height, 3 * bar.width, QImage::Format_RGB888);
    m_bar->setPixmap(QPixmap::fromImage(image.copy()));
    m_bar->setFixedWidth(bar.width);
  } catch (const std::exception& error) {
    m_bar->setText(QString::fromUtf8(error.what()));
  }
}

bool CompareView::eventFilter(QObject* watched, QEvent* event) {
  // The panes' area changes with the window and with the table below it.
  if (watched == m_grid && event->type() == QEvent::Resize) {
    layoutPanes();
    updateColorbar();
  }
  return QWidget::eventFilter(watched, event);
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
  // The measures that vary with the random directions: shown as mean ± sd over seeds and
  // compared between the surfaces in the summary. Their order is the columns'.
  QStringList spreadNames;
  for (double l : levels) spreadNames << tr("Area below %1").arg(l);
  spreadNames << tr("Curvature along x") << tr("Curvature along y") << tr("Non-convex share");
  QStringList headers{tr("Surface"), tr("Loss at centre"), tr("Accuracy at centre"),
                      tr("Minimum loss")};
  headers << spreadNames;
  m_table->clear();
  m_table->setColumnCount(int(headers.size()));
  m_table->setHorizontalHeaderLabels(headers);
  m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
  m_table->setRowCount(int(m_entries.size()));
  // Per surface, its spread of each of spreadNames (empty when it could not be measured).
  std::vector<std::vector<SeedSpread>> spreads(m_entries.size());
  for (size_t r = 0; r < m_entries.size(); ++r) {
    const CompareEntry& e = m_entries[r];
    int c = 0;
    auto put = [&](const QString& text, const QString& tip = {}) {
      auto* item = new QTableWidgetItem(text);
      item->setTextAlignment(c == 0 ? Qt::AlignLeft | Qt::AlignVCenter
                                    : Qt::AlignRight | Qt::AlignVCenter);
      item->setToolTip(tip);
      m_table->setItem(int(r), c++, item);
    };
    try {
      const SeedMeasures seeds = measureSeeds(e.surface, lossSplit(e.surface), levels);
      const SurfaceMeasures& m = seeds.each.front();
      const bool several = seeds.seeds > 1;
      put(several ? tr("%1 (%2 seeds)").arg(e.title).arg(seeds.seeds) : e.title);
      const QString firstSeed = several ? tr("The first seed's") : QString();
      put(number(m.centerLoss), firstSeed);
      put(m.centerAccuracy < 0 ? QStringLiteral("–") : localNumber(m.centerAccuracy, 'f', 2) + " %",
          firstSeed);
      put(number(m.minLoss), firstSeed);
      std::vector<SeedSpread>& row = spreads[r];
      row = seeds.belowArea;
      row.resize(levels.size());
      row.insert(row.end(), {seeds.curvatureX, seeds.curvatureY, seeds.nonConvexShare});
      for (size_t l = 0; l < row.size(); ++l) {
        const bool share = l + 1 == row.size();
        const double scale = share ? 100 : 1;
        const QString unit = share ? QStringLiteral(" %") : QString();
        if (row[l].count == 0)
          put(QStringLiteral("–"));
        else if (l < levels.size() && !several)  // one seed: the area and its share
          put(tr("%1 (%2 %)")
                  .arg(localNumber(m.below[l].area, 'g', 3),
                       localNumber(100 * m.below[l].share, 'f', 1)));
        else
          put(spreadText(row[l], scale, share ? 'f' : 'g', share ? 1 : 3, unit),
              row[l].count > 1 ? rangeText(row[l], scale, unit) : QString());
      }
    } catch (const std::exception& error) {
      spreads[r].clear();
      c = 0;
      put(e.title);
      put(QString::fromUtf8(error.what()));
    }
  }
  m_summary->setText(summary(spreadNames, spreads));
  // As tall as its rows: the views above get the rest of the space.
  int height = m_table->horizontalHeader()->height() + 2 * m_table->frameWidth();
  for (int r = 0; r < m_table->rowCount(); ++r) height += m_table->rowHeight(r);
  m_table->setFixedHeight(height);
}

QString CompareView::spreadText(const SeedSpread& s, double scale, char format, int precision,
                                const QString& unit) {
  const QString mean = localNumber(s.mean * scale, format, precision) + unit;
  if (s.count < 2) return mean;
  return tr("%1 ± %2").arg(localNumber(s.mean * scale, format, precision),
                           localNumber(s.sd * scale, format, format == 'g' ? 2 : precision) +
                               unit);  // two digits of a spread are all it tells
}

QString CompareView::rangeText(const SeedSpread& s, double scale, const QString& unit) {
  return tr("Over %1 seeds: mean %2, standard deviation %3, from %4 to %5")
      .arg(s.count)
      .arg(localNumber(s.mean * scale, 'g', 4) + unit, localNumber(s.sd * scale, 'g', 3) + unit,
           localNumber(s.min * scale, 'g', 4) + unit, localNumber(s.max * scale, 'g', 4) + unit);
}

// The comparison in two sentences: which surface is smoothest and which roughest by the
// non-convex share (the last measure), and which measures tell the two apart by more than the
// spread between seeds.
QString CompareView::summary(const QStringList& names,
                             const std::vector<std::vector<SeedSpread>>& spreads) const {
  int smooth = -1, rough = -1;
  std::vector<int> measured;
  for (int r = 0; r < int(spreads.size()); ++r) {
    if (spreads[r].empty()) continue;
    measured.push_back(r);
    const SeedSpread& share = spreads[r].back();
    if (share.count == 0) continue;
    if (smooth < 0 || share.mean < spreads[smooth].back().mean) smooth = r;
    if (rough < 0 || share.mean > spreads[rough].back().mean) rough = r;
  }
  const QString percent = QStringLiteral(" %");
  QString text;
  if (smooth < 0 || !(spreads[rough].back().mean > spreads[smooth].back().mean))
    text = tr("The surfaces are equally smooth by the non-convex share.");
  else
    text = tr("Smoothest: <b>%1</b> (%2 of its points curve down). Roughest: <b>%3</b> (%4).")
               .arg(m_entries[smooth].title,
                    spreadText(spreads[smooth].back(), 100, 'f', 1, percent).toHtmlEscaped(),
                    m_entries[rough].title,
                    spreadText(spreads[rough].back(), 100, 'f', 1, percent).toHtmlEscaped());
  // The pair to weigh against the seeds: the two surfaces, or the smoothest and the roughest.
  int a = -1, b = -1;
  if (measured.size() == 2)
    a = measured[0], b = measured[1];
  else if (smooth >= 0 && smooth != rough)
    a = smooth, b = rough;
  if (a < 0) return text;
  QStringList apart;
  bool spread = true;
  for (int i = 0; i < int(names.size()); ++i) {
    const double sds = separation(spreads[a][i], spreads[b][i]);
    if (sds < 0) {
      if (spreads[a][i].count > 0 && spreads[b][i].count > 0) spread = false;
      continue;
    }
    if (std::isinf(sds))
      apart << tr("%1 (the seeds agree exactly)").arg(names[i]);
    else if (sds >= kSeparatedSds)
      apart << tr("%1 (%2 sd)").arg(names[i], localNumber(sds, 'f', 1));
  }
  if (!spread)
    return text + " " +
           tr("Compute both with several seeds to tell their difference from the choice of "
              "random directions.");
  if (apart.isEmpty())
    return text + " " +
           tr("No measure of <b>%1</b> and <b>%2</b> differs by %3 pooled standard deviations "
              "of the seeds: the random directions may explain the difference.")
               .arg(m_entries[a].title, m_entries[b].title, localNumber(kSeparatedSds, 'f', 0));
  return text + " " +
         tr("<b>%1</b> and <b>%2</b> differ by more than the spread between seeds in %3 "
            "(sd: pooled standard deviations of the seeds).")
             .arg(m_entries[a].title, m_entries[b].title, apart.join(tr(", ")));
}

QImage CompareView::grabImage() {
  // The views as the user sees them, with their titles and the shared colorbar.
  const int barWidth = m_bar->isVisible() ? m_bar->width() : 0;
  const QSize size(m_grid->width() + barWidth, m_grid->height());
  QImage image(size * m_grid->devicePixelRatioF(), QImage::Format_RGB32);
  image.setDevicePixelRatio(m_grid->devicePixelRatioF());
  image.fill(Qt::white);
  QPainter painter(&image);
  for (size_t i = 0; i < m_views.size(); ++i) {
    painter.drawImage(QRectF(m_views[i]->geometry()), m_views[i]->grabImage());
    m_titles[i]->render(&painter, m_titles[i]->geometry().topLeft());
  }
  if (barWidth > 0) m_bar->render(&painter, QPoint(m_grid->width(), 0));
  return image;
}

}  // namespace basin::gui
