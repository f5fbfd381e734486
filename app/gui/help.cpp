#include "app/gui/help.h"

#include <vtkVersion.h>

#include <H5public.h>
#include <Eigen/Core>
#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace basin::gui {
namespace {

const char* kCitation =
    "Hao Li, Zheng Xu, Gavin Taylor, Christoph Studer and Tom Goldstein. Visualizing the Loss "
    "Landscape of Neural Nets. Advances in Neural Information Processing Systems 31 (NeurIPS "
    "2018). arXiv:1712.09913.";

QDialog* pageDialog(QWidget* parent, const QString& title, QWidget* body) {
  auto* dialog = new QDialog(parent);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  dialog->setWindowTitle(title);
  auto* layout = new QVBoxLayout(dialog);
  layout->addWidget(body);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
  QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
  layout->addWidget(buttons);
  return dialog;
}

// Every action with a shortcut, menu by menu, as the menus are now.
void collect(QMenu* menu, const QString& path, QList<QPair<QString, QString>>& rows) {
  for (QAction* a : menu->actions()) {
    if (a->isSeparator()) continue;
    const QString name = path + " > " + QString(a->text()).remove('&').remove(QChar(0x2026));
    if (a->menu()) {
      collect(a->menu(), name, rows);
      continue;
    }
    QStringList keys;
    for (const QKeySequence& k : a->shortcuts()) keys << k.toString(QKeySequence::NativeText);
    if (!keys.isEmpty()) rows.append({name, keys.join(QObject::tr(" or "))});
  }
}

}  // namespace

void showGuide(QWidget* parent) {
  auto* text = new QTextBrowser;
  text->setOpenExternalLinks(false);
  text->setHtml(QObject::tr(
      "<h2>Basin in five minutes</h2>"
      "<p>A <b>loss surface</b> is the loss of a trained network at the points "
      "&theta;* + x&middot;d<sub>1</sub> + y&middot;d<sub>2</sub> of a plane through its "
      "weights &theta;*. The directions d<sub>1</sub>, d<sub>2</sub> are random and "
      "<b>filter-normalized</b> (each filter scaled to the norm of the network's own), so "
      "surfaces of different networks can be compared (Li et al., 2018).</p>"
      "<ol>"
      "<li><b>Open</b> a trained model and a data set (File &gt; Open, File &gt; Open data "
      "folder, or drop them on the window): Basin's HDF5 checkpoints, ONNX exports, PyTorch "
      "files (torch.save), safetensors; MNIST, Fashion-MNIST, CIFAR-10/100 folders.</li>"
      "<li><b>Compute</b> (Compute &gt; Surface, Ctrl+R): pick the architecture if the file "
      "holds only weights, the normalization of the training script, 51 x 51 points over "
      "[-1, 1]&sup2; and, to start, 1,000 images. The surface fills in from coarse to fine; "
      "Cancel whenever you like, computing again resumes.</li>"
      "<li><b>Look</b>: the 3-D view turns with the left mouse button and zooms with the wheel; "
      "the contour view shows the levels and, for a PCA plane, the training path. Render "
      "settings (right) switch to the log scale, clip, change colors. The status bar reads the "
      "loss under the cursor.</li>"
      "<li><b>Compare</b>: compute the same for the network without skip connections, select "
      "both surfaces in the Session panel (Ctrl+click) and press Ctrl+M. One color scale, "
      "cameras that turn together, and numbers: the <b>non-convex share</b> is the share of "
      "grid points where the surface curves down along some direction; low for a smooth basin, "
      "high for a chaotic one.</li>"
      "<li><b>Trajectory</b> (Compute &gt; Trajectory, Ctrl+T): the PCA of a folder of "
      "checkpoints; Basin then offers the surface on that plane, with the path drawn on "
      "it.</li>"
      "<li><b>Export</b> (File &gt; Export figure, Ctrl+E): contour, heat and 1-D figures as PDF "
      "or SVG, any view as PNG, in pixels, inches, cm or a journal column.</li>"
      "</ol>"
      "<p>The same computations run headless on a cluster with <tt>basin-cli</tt> "
      "(<tt>basin-cli --help</tt>).</p>"));
  QDialog* dialog = pageDialog(parent, QObject::tr("Guide"), text);
  dialog->resize(640, 560);
  dialog->show();
}

void showShortcuts(QWidget* parent, const QList<QMenu*>& menus) {
  QList<QPair<QString, QString>> rows;
  for (QMenu* m : menus) collect(m, QString(m->title()).remove('&'), rows);
  auto* table = new QTableWidget(int(rows.size()), 2);
  table->setObjectName("shortcutTable");
  table->setHorizontalHeaderLabels({QObject::tr("Command"), QObject::tr("Keys")});
  table->verticalHeader()->hide();
  table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
  table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
  for (int r = 0; r < int(rows.size()); ++r) {
    table->setItem(r, 0, new QTableWidgetItem(rows[r].first));
    table->setItem(r, 1, new QTableWidgetItem(rows[r].second));
  }
  QDialog* dialog = pageDialog(parent, QObject::tr("Keyboard shortcuts"), table);
  dialog->setObjectName("shortcutsDialog");
  dialog->resize(560, 520);
  dialog->show();
}

void showAbout(QWidget* parent) {
  unsigned major = 0, minor = 0, release = 0;
  H5get_libversion(&major, &minor, &release);
  QMessageBox::about(
      parent, QObject::tr("About Basin"),
      QObject::tr("<h3>Basin %1</h3><p>Loss landscapes of neural networks: filter-normalized "
                  "surfaces, PCA training trajectories, plain vs skip-connection "
                  "comparisons.</p><p>If Basin helps your research, please cite the method:<br>"
                  "<i>%2</i></p><p>Licence: proprietary, © the Basin authors. Built on Qt %3 "
                  "(LGPL 3), VTK %4 (BSD), HDF5 %5.%6.%7 (BSD-style), Eigen %8.%9.%10 (MPL 2), "
                  "ONNX (Apache 2).</p>")
          .arg(BASIN_VERSION, QString::fromUtf8(kCitation), qVersion(), vtkVersion::GetVTKVersion())
          .arg(major)
          .arg(minor)
          .arg(release)
          .arg(EIGEN_WORLD_VERSION)
          .arg(EIGEN_MAJOR_VERSION)
          .arg(EIGEN_MINOR_VERSION));
}

DemoBanner::DemoBanner(QWidget* parent) : QFrame(parent), m_text(new QLabel(this)) {
  setObjectName("demoBanner");
  setFrameShape(QFrame::StyledPanel);
  setStyleSheet("#demoBanner { background: #eef4fb; border: 1px solid #9bb8d9; }");
  m_text->setWordWrap(true);
  m_text->setText(
      tr("<b>The demo:</b> ResNet-20 with skip connections (left) and the same network without "
         "them (right), trained on MNIST. Each surface is the test loss on a plane through the "
         "trained weights along two random, filter-normalized directions, on a log scale. The "
         "plain network's surface is rougher: its <b>non-convex share</b> (the share of points "
         "where the surface curves down) is higher. Next: turn a view with the mouse, click a "
         "<i>_pca</i> surface in the Session panel and open the Contour tab to see its "
         "training path, or compute your own (Compute &gt; Surface) — Help &gt; Guide walks "
         "through it."));
  auto* close = new QPushButton(tr("Close"), this);
  close->setObjectName("demoBannerClose");
  connect(close, &QPushButton::clicked, this, [this] {
    QSettings().setValue("demo/bannerClosed", true);
    hide();
  });
  auto* layout = new QHBoxLayout(this);
  layout->addWidget(m_text, 1);
  layout->addWidget(close, 0, Qt::AlignTop);
  hide();
}

void DemoBanner::offer() {
  if (!QSettings().value("demo/bannerClosed").toBool()) show();
}

QString DemoBanner::text() const {
  return m_text->text();
}

}  // namespace basin::gui
