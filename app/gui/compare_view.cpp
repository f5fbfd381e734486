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
  QStringList headers{tr("Surface"), tr("Loss at centre"), tr("Accuracy at centre"),
                      tr("Minimum loss")};
  for (double l : levels) headers << tr("Area below %1").arg(l);
  headers << tr("Non-convex share");
  m_table->clear();
  m_table->setColumnCount(int(headers.size()));
  m_table->setHorizontalHeaderLabels(headers);
  m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
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
      const SurfaceMeasures m = measureSurface(e.surface, lossSplit(e.surface), levels);
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
