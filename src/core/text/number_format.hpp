// How Rapport writes numbers for people: scores, percentages, seconds and sizes. One place, so a
// score reads the same in the score report, the analysis, the HR reports, the app and the CLI.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

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

// A file size for people, with the exact count so nothing is lost to rounding:
// "512 bytes", "1.5 KiB (1,536 bytes)", "16 MiB (16,777,216 bytes)", "16.0 MiB (16,777,217
// bytes)" (a whole unit drops its ".0" only when it is exact), "1 GiB (1,073,741,824 bytes)".
std::string byteSize(std::uintmax_t bytes);

// `n` with a comma every three digits: 16777216 -> "16,777,216".
std::string groupedDigits(std::uintmax_t n);

// "1 trainee", "3 trainees", "0 trainees": a count with its noun in the right number (English;
// the interface's translations will choose their own plural forms).
std::string countOf(long long n, std::string_view one, std::string_view many);

}  // namespace rapport
