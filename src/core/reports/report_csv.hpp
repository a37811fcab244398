// The CSV export for spreadsheets: one row per attempt, one score column per competency.
// RFC 4180 (CRLF line ends, quoted fields) with formula-injection neutralised (report_escape).
#pragma once

#include <string>
#include <vector>

#include "core/reports/report_model.hpp"

namespace rapport {

struct CsvOptions {
    // UTF-8 with a byte order mark by default: without it Excel reads the file in the system's
    // legacy code page and garbles "Иван Петров" and "夕方の検体". Off for tools that choke on it.
    bool byteOrderMark = true;
};

// The start of every CSV export: the byte order mark when `options` asks for it.
std::string csvPreamble(const CsvOptions& options);

// Appends one row of already escaped fields (csvField), comma-separated, CRLF-terminated.
void appendCsvRow(std::string& out, const std::vector<std::string>& cells);

// Dates stay ISO 8601 UTC and numbers use a decimal point in every language: a CSV is read by
// other systems, and a decimal comma would collide with the field separator.
std::string renderReportCsv(const ReportData& data, const CsvOptions& options = {});

}  // namespace rapport
