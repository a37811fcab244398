// Civil-date arithmetic after Howard Hinnant's days_from_civil algorithm: exact, no time-zone
// database, no locale, so reports are identical everywhere.
#include "core/reports/report_time.hpp"

#include <cstdio>

namespace rapport {

namespace {

std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

struct Civil {
    std::int64_t y;
    unsigned m, d;
};

Civil civilFromDays(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {y + (m <= 2), m, d};
}

std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

bool digits(std::string_view s, std::size_t pos, std::size_t n, int& out) {
    if (pos + n > s.size()) return false;
    out = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        out = out * 10 + (s[i] - '0');
    }
    return true;
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

}  // namespace

std::string formatTimestampUtc(std::int64_t unixMs) {
    std::int64_t days = floorDiv(unixMs, 86'400'000);
    std::int64_t msOfDay = unixMs - days * 86'400'000;
    Civil c = civilFromDays(days);
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02d:%02d:%02d.%03dZ",
                  static_cast<long long>(c.y), c.m, c.d, int(msOfDay / 3'600'000),
                  int(msOfDay / 60'000 % 60), int(msOfDay / 1000 % 60), int(msOfDay % 1000));
    return buf;
}

std::string formatDateTimeShort(std::int64_t unixMs) {
    std::string full = formatTimestampUtc(unixMs);
    return full.substr(0, 10) + " " + full.substr(11, 5);
}

std::string formatDateUtc(std::int64_t unixMs) { return formatTimestampUtc(unixMs).substr(0, 10); }

std::optional<std::int64_t> parseDateUtc(std::string_view s) {
    int y, m, d, hh = 0, mm = 0, ss = 0;
    if (!digits(s, 0, 4, y) || s.size() < 10 || s[4] != '-' || !digits(s, 5, 2, m) || s[7] != '-' ||
        !digits(s, 8, 2, d))
        return std::nullopt;
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1 || d > kDays[m - 1] + (m == 2 && leap(y))) return std::nullopt;
    std::size_t pos = 10;
    if (pos < s.size()) {
        if ((s[pos] != 'T' && s[pos] != ' ') || !digits(s, pos + 1, 2, hh) || pos + 3 >= s.size() ||
            s[pos + 3] != ':' || !digits(s, pos + 4, 2, mm))
            return std::nullopt;
        pos += 6;
        if (pos < s.size() && s[pos] == ':') {
            if (!digits(s, pos + 1, 2, ss)) return std::nullopt;
            pos += 3;
        }
        if (pos < s.size() && s[pos] == 'Z') ++pos;
        if (pos != s.size() || hh > 23 || mm > 59 || ss > 59) return std::nullopt;
    }
    return (daysFromCivil(y, unsigned(m), unsigned(d)) * 86'400 + hh * 3600 + mm * 60 + ss) * 1000;
}

std::string formatIsoDuration(std::int64_t ms) {
    if (ms < 0) ms = 0;
    std::int64_t h = ms / 3'600'000, m = ms / 60'000 % 60, s = ms / 1000 % 60, frac = ms % 1000;
    std::string out = "PT";
    if (h) out += std::to_string(h) + "H";
    if (m) out += std::to_string(m) + "M";
    if (s || frac || (!h && !m)) {
        out += std::to_string(s);
        if (frac) {
            char buf[8];
            std::snprintf(buf, sizeof buf, ".%03d", int(frac));
            std::string f = buf;
            while (f.back() == '0') f.pop_back();
            out += f;
        }
        out += "S";
    }
    return out;
}

}  // namespace rapport
