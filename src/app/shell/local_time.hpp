// Dates for the trainee's eyes: local time in the interface language's own format. Reports for
// HR keep ISO 8601 in UTC (core/reports/report_time.hpp) so they sort and compare across sites.
#pragma once

#include <cstdint>
#include <string>

namespace rapport::app {

// "27 Nov 2026, 03:12" in local time, for a Unix time in milliseconds.
std::string localDateTime(std::int64_t unixMs);

}  // namespace rapport::app
