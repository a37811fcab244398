// How Rapport writes numbers for people: scores, percentages, seconds and sizes. One place, so a
// score reads the same in the score report, the analysis, the HR reports, the app and the CLI.
#pragma once

#include <string>

namespace rapport {

// `v` with exactly `decimals` digits after the point, rounded as printf's "%.*f" rounds
// (12.25 with 1 decimal gives "12.2" or "12.3" by the binary value, never locale-dependent
// separators: the C locale is never changed by Rapport).
std::string fixedDecimals(double v, int decimals);

// `v` with one decimal: "82.5", "70.0", "-0.3".
std::string oneDecimal(double v);

// One decimal, but a whole number drops its ".0": "82.5", "70", "-0" for -0.04.
std::string oneDecimalOrWhole(double v);

// At most `decimals` decimals, trailing zeros and a bare point dropped: 82.50 -> "82.5",
// 70.00 -> "70".
std::string upToDecimals(double v, int decimals);

// `v` rounded half away from zero to `decimals` decimals, as a number (for JSON output).
double roundToDecimals(double v, int decimals);

}  // namespace rapport
