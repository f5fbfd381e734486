// One figure of a surface on screen: the 3-D surface (rotate, zoom, pan), a flat contour / heat
// figure or 1-D curves, drawn by viz's scenes in a VtkWidget, with the values under the cursor.
#pragma once

#include <QStackedWidget>
#include <optional>

#include "viz/scene.h"

class QLabel;
class vtkCamera;

namespace basin::gui {

class VtkWidget;

class SurfaceView : public QStackedWidget {
  Q_OBJECT

 public:
  explicit SurfaceView(QWidget* parent = nullptr);

  // Draws `surface` as `options` says; a hidden view (another tab) draws when it is shown, so a
  // live preview costs only the visible figure. `keepCamera`: a 3-D view keeps where the user
  // turned it (the live preview redraws often). Throws ArgumentError when the options do not
  // fit; a hidden view shows that error in its place when it is shown.
  void showSurface(const Surface& surface, const viz::FigureOptions& options, bool keepCamera);
  // Shows a message instead of a figure.
  void showMessage(const QString& message);
  bool hasFigure() const;
  bool isDrawn() const { return hasFigure() && !m_pending; }  // false while hidden and stale
  // What the figure shows (its trajectory, title, levels); meaningful while hasFigure().
  const viz::FigureOptions& options() const { return m_options; }

  VtkWidget* vtkWidget() const { return m_vtk; }
  const viz::Scene& scene() const { return m_scene; }
  vtkCamera* camera() const;      // the 3-D camera; nullptr for flat figures
  void cameraChangedElsewhere();  // redraw after another view set this camera
  void resetCamera();
  // While the user turns the view: a big surface is drawn coarse (level of detail).
  void setInteracting(bool interacting);
  QImage grabImage();

 signals:
  void hovered(const QString& readout);  // "a = 0.12, b = -0.40: loss 0.234, accuracy 93.1 %"
  void hoverLeft();
  void cameraMoved();
  void interactingChanged(bool interacting);

 private:
  void showEvent(QShowEvent* event) override;
  void buildPending();
  void buildPendingOrShowError();  // for callers with no error path (events, grabs)
  void rebuild(bool keepCamera);
  void readout(QPointF display);

  VtkWidget* m_vtk;
  QLabel* m_message;
  std::optional<Surface> m_surface;
  viz::FigureOptions m_options;
  viz::Scene m_scene;
  bool m_pending = false;  // m_surface / m_options not drawn yet
  bool m_pendingKeepsCamera = false;
};

}  // namespace basin::gui
