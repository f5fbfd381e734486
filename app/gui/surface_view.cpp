#include "app/gui/surface_view.h"

#include <vtkCamera.h>
#include <vtkCellPicker.h>
#include <vtkInteractorStyleTrackballCamera.h>
#include <vtkRenderWindow.h>

#include <QLabel>
#include <cmath>

#include "app/gui/local_number.h"
#include "app/gui/vtk_widget.h"

namespace basin::gui {
SurfaceView::SurfaceView(QWidget* parent)
    : QStackedWidget(parent), m_vtk(new VtkWidget(this)), m_message(new QLabel(this)) {
  m_message->setAlignment(Qt::AlignCenter);
  m_message->setWordWrap(true);
  m_message->setMargin(24);
  m_message->setStyleSheet("color: palette(mid); font-size: 13pt;");
  addWidget(m_message);
  addWidget(m_vtk);
  connect(m_vtk, &VtkWidget::mouseHovered, this, &SurfaceView::readout);
  connect(m_vtk, &VtkWidget::mouseLeft, this, &SurfaceView::hoverLeft);
  connect(m_vtk, &VtkWidget::cameraMoved, this, &SurfaceView::cameraMoved);
  // Level of detail: a big surface turns as its coarse copy, and is drawn in full when let go.
  connect(m_vtk, &VtkWidget::dragStarted, this, [this] { setInteracting(true); });
  connect(m_vtk, &VtkWidget::dragEnded, this, [this] { setInteracting(false); });
  // Flat figures are laid out for the window's shape: lay them out again when it changes.
  connect(m_vtk, &VtkWidget::resized, this, [this] {
    if (!m_surface || m_pending) return;  // a pending figure is laid out when it is built
    if (m_options.kind != viz::FigureKind::Surface3d) return rebuild(false);
    if (m_scene.plot) viz::fitViewAngle(m_scene.plot);
  });
}

void SurfaceView::showMessage(const QString& message) {
  m_surface.reset();
  m_message->setText(message);
  setCurrentWidget(m_message);
}

bool SurfaceView::hasFigure() const {
  return currentWidget() == m_vtk;
}

void SurfaceView::showSurface(const Surface& surface, const viz::FigureOptions& options,
                              bool keepCamera) {
  const bool sameKind = m_surface && m_options.kind == options.kind;
  // Several updates before the view is shown again keep the camera only if all of them did.
  m_pendingKeepsCamera = keepCamera && sameKind && (!m_pending || m_pendingKeepsCamera);
  m_surface = surface;
  m_options = options;
  m_pending = true;
  setCurrentWidget(m_vtk);
  if (isVisible()) buildPending();
}

void SurfaceView::buildPending() {
  if (!m_pending || !m_surface) return;
  m_pending = false;
  m_options.width = std::max(64, m_vtk->width());
  m_options.heightPixels = std::max(64, m_vtk->height());
  rebuild(m_pendingKeepsCamera);
}

void SurfaceView::buildPendingOrShowError() {
  try {
    buildPending();
  } catch (const std::exception& error) {  // never into Qt's event loop
    showMessage(QString::fromUtf8(error.what()));
  }
}

void SurfaceView::showEvent(QShowEvent* event) {
  QStackedWidget::showEvent(event);
  buildPendingOrShowError();
}

void SurfaceView::rebuild(bool keepCamera) {
  vtkNew<vtkCamera> saved;
  if (keepCamera && camera()) saved->DeepCopy(camera());
  m_scene = viz::buildScene(m_vtk->renderWindow(), *m_surface, m_options);
  const bool is3d = m_options.kind == viz::FigureKind::Surface3d;
  m_vtk->setInteractive(is3d);
  if (keepCamera && is3d) {
    camera()->DeepCopy(saved);
    m_scene.plot->ResetCameraClippingRange();
  }
  m_vtk->update();
}

vtkCamera* SurfaceView::camera() const {
  if (!m_surface || m_options.kind != viz::FigureKind::Surface3d || !m_scene.plot) return nullptr;
  return m_scene.plot->GetActiveCamera();
}

void SurfaceView::cameraChangedElsewhere() {
  if (!camera()) return;
  m_scene.plot->ResetCameraClippingRange();
  m_vtk->update();
}

void SurfaceView::setInteracting(bool interacting) {
  viz::setInteracting(m_scene, interacting);
  if (!interacting) m_vtk->update();
  emit interactingChanged(interacting);
}

void SurfaceView::resetCamera() {
  if (!m_surface) return;
  m_pendingKeepsCamera = false;
  m_pending = true;
  if (isVisible()) buildPending();
}

QImage SurfaceView::grabImage() {
  buildPendingOrShowError();
  return hasFigure() ? m_vtk->grabFramebuffer() : grab().toImage();
}

void SurfaceView::readout(QPointF display) {
  if (!m_surface || m_options.kind == viz::FigureKind::Curve1d) return;
  double a = 0, b = 0;
  if (m_options.kind == viz::FigureKind::Surface3d) {
    vtkNew<vtkCellPicker> picker;
    picker->SetTolerance(0.0005);
    if (!m_scene.plot->IsInViewport(int(display.x()), int(display.y())) ||
        !picker->Pick(display.x(), display.y(), 0, m_scene.plot) || !picker->GetActor()) {
      emit hoverLeft();
      return;
    }
    const double* p = picker->GetPickPosition();
    a = p[0];
    b = p[1];
  } else {
    vtkRenderer* plot = m_scene.plot;
    if (!plot || !plot->IsInViewport(int(display.x()), int(display.y()))) {
      emit hoverLeft();
      return;
    }
    plot->SetDisplayPoint(display.x(), display.y(), 0);
    plot->DisplayToWorld();
    const double* w = plot->GetWorldPoint();
    a = w[0] / (w[3] != 0 ? w[3] : 1);
    b = w[1] / (w[3] != 0 ? w[3] : 1);
  }
  const Surface& s = *m_surface;
  if (a < s.x.front() || a > s.x.back() || (!s.y.empty() && (b < s.y.front() || b > s.y.back()))) {
    emit hoverLeft();
    return;
  }
  const int64_t i = nearestIndex(s.x, a), j = s.y.empty() ? 0 : nearestIndex(s.y, b);
  const int64_t k = j * int64_t(s.x.size()) + i;
  const std::string split = m_options.array.substr(0, m_options.array.find('_'));
  auto value = [&](const std::string& name) -> QString {
    auto it = s.arrays.find(name);
    if (it == s.arrays.end()) return {};
    const double v = it->second[k];
    return v < 0 ? tr("not computed yet") : localNumber(v, 'g', 5);
  };
  // x and y as the axes name them.
  QString text = tr("x = %1, y = %2: %3 loss %4")
                     .arg(localNumber(s.x[i], 'f', 3))
                     .arg(localNumber(s.y.empty() ? 0.0 : s.y[j], 'f', 3))
                     .arg(QString::fromStdString(split), value(split + "_loss"));
  auto acc = s.arrays.find(split + "_acc");
  if (acc != s.arrays.end() && acc->second[k] >= 0)
    text += tr(", accuracy %1 %").arg(localNumber(acc->second[k], 'g', 5));
  emit hovered(text);
}

}  // namespace basin::gui
