// Numbers on screen in the user's language (decimal comma in German), through the default
// QLocale that main() sets from Preferences. Text that is also read back (levels, sizes, file
// metadata) stays in the C locale.
#pragma once

#include <QLocale>
#include <QString>

namespace basin::gui {

inline QString localNumber(double value, char format = 'g', int precision = 6) {
  return QLocale().toString(value, format, precision);
}

}  // namespace basin::gui
