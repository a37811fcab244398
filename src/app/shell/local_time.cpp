#include "app/shell/local_time.hpp"

#include <ctime>

#include "core/translation/ui_text.hpp"

namespace rapport::app {

std::string localDateTime(std::int64_t unixMs) {
    const std::time_t t = std::time_t(unixMs / 1000);
    std::tm tm{};
    if (!localtime_r(&t, &tm)) return tr("an unknown time");
    char buf[64];
    // TRANSLATORS: a strftime() format for the date and time an attempt started; use numbers
    // for the month (%m) where the English month abbreviation (%b) would not be understood.
    // xgettext:no-c-format
    std::strftime(buf, sizeof buf, tr("%d %b %Y, %H:%M"), &tm);
    return buf;
}

}  // namespace rapport::app
