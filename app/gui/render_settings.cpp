#include "app/gui/render_settings.h"

#include "core/landscape/surface_measures.h"

#include <QObject>
#include <QRegularExpression>
#include <QSettings>

#include <algorithm>
#include <cmath>

namespace basin::gui {

void RenderSettings::save(QSettings& s) const {
  s.beginGroup("render");
  s.setValue("colormap", int(colormap));
  s.setValue("showAccuracy", showAccuracy);
  s.setValue("log", log);
  s.setValue("clip", clip);
  s.setValue("levels", levels);
  s.setValue("contourLabels", contourLabels);
  s.setValue("planeKind", int(planeKind));
  s.setValue("verticalScale", verticalScale);
  s.setValue("lighting", lighting);
  s.setValue("showTrajectory", showTrajectory);
  s.setValue("sharedScale", sharedScale);
  s.setValue("compareLevels", compareLevels);
  s.endGroup();
}

RenderSettings RenderSettings::load(QSettings& s) {
  RenderSettings r;
  s.beginGroup("render");
  r.colormap = viz::Colormap(std::clamp(s.value("colormap", int(r.colormap)).toInt(), 0, 4));
  r.showAccuracy = s.value("showAccuracy", r.showAccuracy).toBool();
  r.log = s.value("log", r.log).toBool();
  const double clip = s.value("clip", r.clip).toDouble();
  r.clip = std::isfinite(clip) && clip > 0 ? clip : 0.0;
  const QString levels = s.value("levels", r.levels).toString();
  try {  // a settings file edited by hand (or by an older Basin) keeps the default
    viz::parseLevels(levels.toStdString());
    r.levels = levels;
  } catch (const std::exception&) {
  }
  r.contourLabels = s.value("contourLabels", r.contourLabels).toBool();
  const int kind = s.value("planeKind", int(r.planeKind)).toInt();
  if (kind >= int(viz::FigureKind::Contour) && kind <= int(viz::FigureKind::Heat))
    r.planeKind = viz::FigureKind(kind);
  r.verticalScale = std::clamp(s.value("verticalScale", r.verticalScale).toDouble(), 0.05, 20.0);
  r.lighting = s.value("lighting", r.lighting).toBool();
  r.showTrajectory = s.value("showTrajectory", r.showTrajectory).toBool();
  r.sharedScale = s.value("sharedScale", r.sharedScale).toBool();
  r.compareLevels = s.value("compareLevels", r.compareLevels).toString();
  s.endGroup();
  return r;
}

std::vector<double> parseLevelList(const QString& text, QString* problem) {
  std::vector<double> levels;
  for (const QString& part : text.split(QRegularExpression("[,; ]+"), Qt::SkipEmptyParts)) {
    bool ok = false;
    const double v = part.toDouble(&ok);
    if (ok && std::isfinite(v))
      levels.push_back(v);
    else if (problem && problem->isEmpty())
      *problem =
          QObject::tr("'%1' is not a number; give loss levels separated by commas").arg(part);
  }
  return levels;
}

std::string displayedArray(const Surface& surface, const RenderSettings& settings) {
  return lossSplit(surface) + (settings.showAccuracy ? "_acc" : "_loss");
}

viz::FigureOptions figureOptions(const Surface& surface,
                                 const std::optional<ExplainedVariance>& explained,
                                 viz::FigureKind kind, const RenderSettings& settings,
                                 const std::optional<Projection>& trajectory) {
  viz::FigureOptions o;
  o.kind = kind;
  o.array = displayedArray(surface, settings);
  o.height.log = settings.log && !settings.showAccuracy;
  o.height.zmax = settings.showAccuracy ? 0.0 : settings.clip;
  o.levels = viz::parseLevels(
      (settings.showAccuracy ? settings.accuracyLevels : settings.levels).toStdString());
  o.colormap = settings.colormap;
  o.verticalScale = settings.verticalScale;
  o.lighting = settings.lighting;
  o.contourLabels = settings.contourLabels;
  if (settings.showTrajectory && trajectory && kind != viz::FigureKind::Surface3d &&
      kind != viz::FigureKind::Curve1d)
    o.trajectory = trajectory;
  viz::setPcaAxisTitles(o, explained);
  return o;
}

}  // namespace basin::gui
