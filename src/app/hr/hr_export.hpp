// HR exports from the app: the same core renderers as `rapport report` (HTML, CSV, JSON, xAPI),
// written atomically so a full disk or a missing permission leaves no half file, and reported
// as a message the screen shows instead of an exception.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/reports/report_model.hpp"

namespace rapport::app {

// Page: the page on screen alone, to print on A4 in the interface language (the table, a
// trainee's page or a group's page, by the scope: `rapport report --format html-table|
// html-trainee|html-group`); Html: the full report of the scope, every page.
enum class ExportFormat { Html, Csv, Json, Xapi, Page };

const char* exportFormatName(ExportFormat f);  // "HTML", "CSV", "JSON", "xAPI", "Printable page"
const char* exportExtension(ExportFormat f);   // "html", "csv", "json", "xapi.json", "print.html"

// The document `rapport report --format …` would write for `data`.
std::string renderExport(const ReportData& data, ExportFormat format, const std::string& title);

// "rapport-<scope>-<YYYY-MM-DD-HHMMSS>.<ext>"; the scope (trainee, group or "all") keeps
// letters, digits, '-' and '_' only, so any name gives a safe file name.
std::string exportFileName(const ReportScope& scope, ExportFormat format, std::int64_t nowMs);

// Writes `text` to `path` by the rules of core/files/safe_output.hpp (temporary file beside it,
// fsync, rename; never onto one of `inputs`). Returns "" on success, else a message naming the
// path and the system's reason (e.g. "No space left on device", "Permission denied").
std::string writeFileAtomically(const std::filesystem::path& path, std::string_view text,
                                const std::vector<std::string>& inputs = {});

}  // namespace rapport::app
