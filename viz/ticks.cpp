#include "viz/ticks.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace basin::viz {

std::vector<double> niceTicks(double low, double high, int target) {
  if (!std::isfinite(low) || !std::isfinite(high)) return {};
  if (high < low) std::swap(low, high);
  if (high - low <= std::abs(high) * 1e-12 || high == low) return {low};
  const double rough = (high - low) / std::max(target, 1);
  const double power = std::pow(10.0, std::floor(std::log10(rough)));
  double step = 10 * power;
  for (double m : {1.0, 2.0, 2.5, 5.0})
    if (m * power >= rough * 0.999) {
      step = m * power;
      break;
    }
  std::vector<double> ticks;
  const double slack = step * 1e-9;
  for (double k = std::ceil((low - slack) / step); k * step <= high + slack; k += 1) {
    const double v = k * step;
    ticks.push_back(std::abs(v) < slack ? 0.0 : v);
    if (ticks.size() > 100) break;
  }
  return ticks;
}

std::vector<double> logLossTicks(double lowHeight, double highHeight, int most) {
  if (!std::isfinite(lowHeight) || !std::isfinite(highHeight)) return {};
  std::vector<double> all{0.0};
  for (int e = -2; e <= 12; ++e)
    for (double m : {1.0, 2.0, 5.0}) all.push_back(m * std::pow(10.0, e));
  auto inside = [&](double loss) {
    const double h = std::log(loss + 0.1), slack = 1e-9 * (1 + std::abs(h));
    return h >= lowHeight - slack && h <= highHeight + slack;
  };
  for (const std::vector<double>& keep : {std::vector<double>{1, 2, 5}, {1, 5}, {1}}) {
    std::vector<double> ticks;
    for (double loss : all) {
      const double mantissa =
          loss == 0 ? 1 : loss / std::pow(10.0, std::floor(std::log10(loss) + 1e-9));
      const bool wanted = std::any_of(keep.begin(), keep.end(),
                                      [&](double m) { return std::abs(mantissa - m) < 1e-6; });
      if (wanted && inside(loss)) ticks.push_back(loss);
    }
    if (int(ticks.size()) <= most || keep.size() == 1) return ticks;
  }
  return {};
}

double lossOfHeight(double height, const HeightOptions& options) {
  return options.log ? std::exp(height) - 0.1 : height;
}

std::string tickLabel(double value, double step) {
  char text[32];
  if (std::abs(value) < std::abs(step) * 1e-6) value = 0.0;  // never "-0"
  if (value == 0 && step == 0) return "0";
  const double magnitude = std::max(std::abs(value), std::abs(step));
  if (value != 0 && (magnitude >= 1e6 || magnitude < 1e-4)) {
    std::snprintf(text, sizeof text, "%.3g", value);
    return text;
  }
  // Decimals enough for the step (0.25 -> 2, 0.5 -> 1, 5 -> 0), at most 6.
  int decimals = 0;
  for (double s = std::abs(step); decimals < 6 && std::abs(s - std::round(s)) > 1e-9 * (1 + s);
       s *= 10)
    ++decimals;
  std::snprintf(text, sizeof text, "%.*f", decimals, value);
  return text;
}

std::string formatNumber(double v, const char* format) {
  char text[32];
  std::snprintf(text, sizeof text, format, v);
  return text;
}

Ticks linearTicks(double low, double high, int target) {
  Ticks t;
  t.at = niceTicks(low, high, target);
  const double step = t.at.size() > 1 ? t.at[1] - t.at[0] : std::abs(high - low);
  for (double v : t.at) t.labels.push_back(tickLabel(v, step));
  return t;
}

// A colorbar's ticks: the levels when they are few, else round values; on the log scale the
// 1-2-5 losses, labelled in loss units.
Ticks valueTicks(double low, double high, const std::vector<double>& levels, bool log, int target) {
  if (log) {
    Ticks t;
    for (double loss : logLossTicks(low, high, 2 * target - 1)) {
      t.at.push_back(std::log(loss + 0.1));
      t.labels.push_back(formatNumber(loss));
    }
    if (t.at.size() >= 2) return t;
  }
  if (!log && levels.size() >= 2 && levels.size() <= 11) {
    Ticks t;
    for (double v : levels) {
      t.at.push_back(v);
      t.labels.push_back(formatNumber(v, "%.4g"));
    }
    return t;
  }
  return linearTicks(low, high, target);
}

}  // namespace basin::viz
