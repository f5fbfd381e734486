#include "app/gui/vtk_widget.h"

#include <vtkCallbackCommand.h>
#include <vtkInteractorStyleTrackballCamera.h>
#include <vtkOpenGLState.h>

#include <QMouseEvent>
#include <QOpenGLContext>
#include <QOpenGLFunctions>
#include <QSurfaceFormat>
#include <QWheelEvent>

namespace basin::gui {
namespace {

// VTK asks its host through events whether the context is current, to make it current, and
// whether OpenGL is there; the answers come from the widget's own QOpenGLContext.
void onWindowEvent(vtkObject*, unsigned long event, void* clientData, void* callData) {
  auto* widget = static_cast<VtkWidget*>(clientData);
  QOpenGLContext* context = widget->context();
  switch (event) {
    case vtkCommand::WindowMakeCurrentEvent:
      // Not QOpenGLWidget::makeCurrent(): that rebinds Qt's framebuffer behind VTK's back.
      if (context && QOpenGLContext::currentContext() != context)
        context->makeCurrent(context->surface());
      break;
    case vtkCommand::WindowIsCurrentEvent:
      *static_cast<bool*>(callData) = context && QOpenGLContext::currentContext() == context;
      break;
    case vtkCommand::WindowSupportsOpenGLEvent:
      *static_cast<int*>(callData) = context != nullptr;
      break;
    case vtkCommand::WindowIsDirectEvent:
      *static_cast<int*>(callData) = 1;
      break;
    default:
      break;
  }
}

void onRenderRequest(vtkObject*, unsigned long, void* clientData, void*) {
  static_cast<VtkWidget*>(clientData)->update();
}

// The interactor's event for a mouse button going down or up; 0 for other buttons.
unsigned long buttonEvent(Qt::MouseButton button, bool press) {
  switch (button) {
    case Qt::LeftButton:
      return press ? vtkCommand::LeftButtonPressEvent : vtkCommand::LeftButtonReleaseEvent;
    case Qt::MiddleButton:
      return press ? vtkCommand::MiddleButtonPressEvent : vtkCommand::MiddleButtonReleaseEvent;
    case Qt::RightButton:
      return press ? vtkCommand::RightButtonPressEvent : vtkCommand::RightButtonReleaseEvent;
    default:
      return 0;
  }
}

}  // namespace

void VtkWidget::setDefaultSurfaceFormat() {
  QSurfaceFormat format;
  format.setRenderableType(QSurfaceFormat::OpenGL);
  format.setVersion(3, 2);
  format.setProfile(QSurfaceFormat::CoreProfile);
  format.setDepthBufferSize(24);
  format.setStencilBufferSize(8);
  format.setSamples(0);
  format.setSwapBehavior(QSurfaceFormat::DoubleBuffer);
  QSurfaceFormat::setDefaultFormat(format);
}

VtkWidget::VtkWidget(QWidget* parent) : QOpenGLWidget(parent) {
  setMouseTracking(true);  // hover readout
  setFocusPolicy(Qt::StrongFocus);
  setMinimumSize(160, 120);
  m_window->SetReadyForRendering(false);
  m_window->SetFrameBlitModeToNoBlit();  // paintGL blits into Qt's framebuffer
  m_window->SetMultiSamples(0);
  vtkNew<vtkCallbackCommand> windowEvents;
  windowEvents->SetCallback(onWindowEvent);
  windowEvents->SetClientData(this);
  for (unsigned long e : {vtkCommand::WindowMakeCurrentEvent, vtkCommand::WindowIsCurrentEvent,
                          vtkCommand::WindowSupportsOpenGLEvent, vtkCommand::WindowIsDirectEvent})
    m_window->AddObserver(e, windowEvents);

  m_interactor->SetRenderWindow(m_window);
  m_interactor->EnableRenderOff();  // renders only in paintGL; a request schedules one
  vtkNew<vtkCallbackCommand> renderRequest;
  renderRequest->SetCallback(onRenderRequest);
  renderRequest->SetClientData(this);
  m_interactor->AddObserver(vtkCommand::RenderEvent, renderRequest);
  vtkNew<vtkInteractorStyleTrackballCamera> style;
  m_interactor->SetInteractorStyle(style);
  m_interactor->Initialize();
}

VtkWidget::~VtkWidget() {
  // The context outlives this body (QOpenGLWidget's destructor ends it): do not be called back.
  if (context()) disconnect(context(), nullptr, this, nullptr);
  releaseGraphics();
}

void VtkWidget::releaseGraphics() {
  if (!context()) return;
  makeCurrent();
  m_window->Finalize();
  doneCurrent();
}

void VtkWidget::initializeGL() {
  connect(context(), &QOpenGLContext::aboutToBeDestroyed, this, &VtkWidget::releaseGraphics,
          Qt::UniqueConnection);
  m_window->SetOwnContext(false);
  m_window->SetMapped(true);
  m_window->SetIsCurrent(true);
  m_window->OpenGLInitContext();
  m_window->SetReadyForRendering(true);
}

void VtkWidget::resizeGL(int width, int height) {
  const double ratio = devicePixelRatioF();
  const int w = int(width * ratio), h = int(height * ratio);
  m_window->SetSize(w, h);
  m_window->SetScreenSize(w, h);
  m_interactor->UpdateSize(w, h);
  emit resized();
}

void VtkWidget::paintGL() {
  m_window->Render();
  // VTK drew into its own framebuffer: copy it into the widget's, then make it opaque (VTK
  // leaves alpha 0 where its background is).
  vtkOpenGLState* state = m_window->GetState();
  state->PushFramebufferBindings();
  state->vtkglBindFramebuffer(GL_DRAW_FRAMEBUFFER, defaultFramebufferObject());
  const int* size = m_window->GetSize();
  m_window->BlitDisplayFramebuffer(0, 0, 0, size[0], size[1], 0, 0, size[0], size[1],
                                   GL_COLOR_BUFFER_BIT, GL_NEAREST);
  state->vtkglColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_TRUE);
  state->vtkglClearColor(0, 0, 0, 1);
  state->vtkglClear(GL_COLOR_BUFFER_BIT);
  state->vtkglColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
  state->PopFramebufferBindings();
}

QPointF VtkWidget::toDisplay(const QPointF& p) const {
  const double ratio = devicePixelRatioF();
  return {p.x() * ratio, double(m_window->GetSize()[1]) - 1.0 - p.y() * ratio};
}

void VtkWidget::forward(QMouseEvent* event, unsigned long vtkEvent) {
  const double ratio = devicePixelRatioF();
  m_interactor->SetEventInformationFlipY(
      int(event->position().x() * ratio), int(event->position().y() * ratio),
      event->modifiers() & Qt::ControlModifier, event->modifiers() & Qt::ShiftModifier);
  m_interactor->SetAltKey(event->modifiers() & Qt::AltModifier);
  m_interactor->InvokeEvent(vtkEvent, event);
}

void VtkWidget::mousePressEvent(QMouseEvent* event) {
  if (!m_interactive) return;
  if (!m_dragging) emit dragStarted();
  m_dragging = true;
  if (const unsigned long e = buttonEvent(event->button(), true)) forward(event, e);
}

void VtkWidget::mouseMoveEvent(QMouseEvent* event) {
  if (m_interactive) {
    forward(event, vtkCommand::MouseMoveEvent);
    if (m_dragging && event->buttons() != Qt::NoButton) {
      emit cameraMoved();
      return;  // no readout while turning: picking a big surface costs a frame's time
    }
  }
  emit mouseHovered(toDisplay(event->position()));
}

void VtkWidget::mouseReleaseEvent(QMouseEvent* event) {
  if (!m_interactive) return;
  if (const unsigned long e = buttonEvent(event->button(), false)) forward(event, e);
  if (m_dragging && event->buttons() == Qt::NoButton) {
    m_dragging = false;
    emit dragEnded();
  }
}

void VtkWidget::wheelEvent(QWheelEvent* event) {
  if (!m_interactive || event->angleDelta().y() == 0) return;
  const double ratio = devicePixelRatioF();
  m_interactor->SetEventInformationFlipY(int(event->position().x() * ratio),
                                         int(event->position().y() * ratio));
  m_interactor->InvokeEvent(event->angleDelta().y() > 0 ? vtkCommand::MouseWheelForwardEvent
                                                        : vtkCommand::MouseWheelBackwardEvent,
                            event);
  emit cameraMoved();
}

void VtkWidget::leaveEvent(QEvent* event) {
  QOpenGLWidget::leaveEvent(event);
  emit mouseLeft();
}

}  // namespace basin::gui
