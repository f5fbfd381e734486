// The Qt6 widget that hosts a VTK render window (Debian's VTK Qt module is built for Qt5): a
// QOpenGLWidget whose context VTK renders with, through a vtkGenericOpenGLRenderWindow.
#pragma once

#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkGenericRenderWindowInteractor.h>
#include <vtkNew.h>

#include <QOpenGLWidget>

class QMouseEvent;

namespace basin::gui {

class VtkWidget : public QOpenGLWidget {
  Q_OBJECT

 public:
  explicit VtkWidget(QWidget* parent = nullptr);
  ~VtkWidget() override;

  vtkGenericOpenGLRenderWindow* renderWindow() const { return m_window; }
  vtkRenderWindowInteractor* interactor() const { return m_interactor; }
  // Whether mouse drags and the wheel move the camera (3-D) or do nothing (flat figures).
  void setInteractive(bool interactive) { m_interactive = interactive; }
  // A mouse position in VTK's display coordinates (device pixels, origin bottom left).
  QPointF toDisplay(const QPointF& widgetPosition) const;

  // The OpenGL format VTK needs; set as the default before QApplication exists.
  static void setDefaultSurfaceFormat();

 signals:
  void mouseHovered(QPointF display);  // VTK display coordinates
  void mouseLeft();
  void cameraMoved();  // after a drag or wheel step changed the view
  void dragStarted();  // a mouse button went down on an interactive view
  void dragEnded();
  void resized();

 protected:
  void initializeGL() override;
  void resizeGL(int width, int height) override;
  void paintGL() override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void wheelEvent(QWheelEvent* event) override;
  void leaveEvent(QEvent* event) override;

 private:
  void forward(QMouseEvent* event, unsigned long vtkEvent);
  void releaseGraphics();

  vtkNew<vtkGenericOpenGLRenderWindow> m_window;
  vtkNew<vtkGenericRenderWindowInteractor> m_interactor;
  bool m_interactive = true;
  bool m_dragging = false;
};

}  // namespace basin::gui
