// Dates and durations as reports write them: ISO 8601, always UTC, so a report reads the same on
// every machine and sorts as text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rapport {

// Unix milliseconds -> "2025-03-14T09:41:07.512Z".
std::string formatTimestampUtc(std::int64_t unixMs);
// Unix milliseconds -> "2025-03-14 09:41" (for people; UTC).
std::string formatDateTimeShort(std::int64_t unixMs);
// Unix milliseconds -> "2025-03-14" (the day, UTC).
std::string formatDateUtc(std::int64_t unixMs);
// Reads "YYYY-MM-DD", "YYYY-MM-DDTHH:MM[:SS]" (optionally ending in Z) as UTC; nullopt when the
// text is not such a date or names an impossible day.
std::optional<std::int64_t> parseDateUtc(std::string_view text);
// Milliseconds -> ISO 8601 duration as xAPI wants it: "PT14M32.5S", "PT0S", "PT2H3M".
std::string formatIsoDuration(std::int64_t ms);

}  // namespace rapport
