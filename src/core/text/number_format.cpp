#include "core/text/number_format.hpp"

#include <cmath>
#include <cstdio>

namespace rapport {

std::string fixedDecimals(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

std::string oneDecimal(double v) { return fixedDecimals(v, 1); }

std::string oneDecimalOrWhole(double v) {
    std::string s = oneDecimal(v);
    if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
    return s;
}

std::string upToDecimals(double v, int decimals) {
    std::string s = fixedDecimals(v, decimals);
    if (s.find('.') == std::string::npos) return s;
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s;
}

double roundToDecimals(double v, int decimals) {
    // The scale is an exact power of ten for the few decimals used (1 and 4), so x * 10 / 10 and
    // x * 10000 / 10000 round exactly as before this was shared.
    double scale = 1;
    for (int i = 0; i < decimals; ++i) scale *= 10.0;
    return std::round(v * scale) / scale;
}

std::string groupedDigits(std::uintmax_t n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

std::string byteSize(std::uintmax_t bytes) {
    const std::string exact = groupedDigits(bytes) + " bytes";
    if (bytes < 1024) return bytes == 1 ? "1 byte" : exact;
    static constexpr const char* units[] = {"KiB", "MiB", "GiB", "TiB"};
    std::uintmax_t unit = 1024;
    int u = 0;
    while (u < 3 && bytes / unit >= 1024) {
        unit *= 1024;
        ++u;
    }
    const double v = static_cast<double>(bytes) / static_cast<double>(unit);
    const std::string shown = bytes % unit == 0 ? std::to_string(bytes / unit) : oneDecimal(v);
    return shown + " " + units[u] + " (" + exact + ")";
}

std::string countOf(long long n, std::string_view one, std::string_view many) {
    return std::to_string(n) + " " + std::string(n == 1 || n == -1 ? one : many);
}

}  // namespace rapport
