// What the inspector sets: how surfaces are drawn in every view, and what becomes the figure
// options of one view (the exported figure takes the same).
#pragma once

#include <QString>
#include <optional>

#include "viz/figure.h"

class QSettings;

namespace basin::gui {

struct RenderSettings {
  viz::Colormap colormap = viz::Colormap::Viridis;
  bool showAccuracy = false;  // the <split>_acc array instead of <split>_loss
  bool log = false;
  double clip = 0.0;  // zmax; 0: no clip
  QString levels = "0.1:10:0.5";
  QString accuracyLevels = "10:100:10";
  bool contourLabels = true;
  viz::FigureKind planeKind = viz::FigureKind::Contour;  // contour, filled or heat
  double verticalScale = 1.0;
  bool lighting = true;
  bool showTrajectory = true;
  bool sharedScale = true;              // compare view: one color scale and z range
  QString compareLevels = "0.5, 1, 2";  // loss levels of the comparison's area measure

  void save(QSettings& settings) const;
  static RenderSettings load(QSettings& settings);
};

// The array a surface is drawn by: <split>_loss or _acc of the first split the surface has.
std::string displayedArray(const Surface& surface, const RenderSettings& settings);
// The finite loss levels of a list such as "0.5, 1, 2" (commas, semicolons or spaces); parts
// that are not numbers are skipped, and the first of them is described in `problem`.
std::vector<double> parseLevelList(const QString& text, QString* problem = nullptr);

// Figure options for `kind` (PCA axis titles from `explained`); throws ArgumentError for bad
// contour levels.
viz::FigureOptions figureOptions(const Surface& surface,
                                 const std::optional<ExplainedVariance>& explained,
                                 viz::FigureKind kind, const RenderSettings& settings,
                                 const std::optional<Projection>& trajectory);

}  // namespace basin::gui
