// The building blocks every printable HTML report shares (the attempt report, the HR pages, the
// item analysis): one stylesheet made for A4 paper, the document around a report, score cells
// and the inline SVG charts. No script and no external resource, so a report prints the same
// everywhere, opens offline and cannot run anything a trainee typed. Every text from a scenario,
// framework or person is escaped here or by the caller with htmlEscape; the words of the
// report itself are in `lang` (core/translation/ui_text_in.hpp).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/reports/group_statistics.hpp"
#include "core/reports/report_model.hpp"

namespace rapport::html {

// A number for people: `decimals` places, with the decimal separator of `lang`.
std::string number(double v, std::string_view lang, int decimals = 0);

// "<!DOCTYPE html>…<body>" with <html lang>, the stylesheet and a CSP that forbids every
// script and outside resource; `title` is escaped. `landscape`: A4 turned, for a table with
// more columns than a portrait sheet holds.
void beginDocument(std::string& out, const std::string& title, std::string_view lang,
                   bool landscape = false);

// More competency columns than fit across a portrait A4 sheet beside a table's own columns.
inline constexpr std::size_t kPortraitCompetencyColumns = 5;
void endDocument(std::string& out);

// The heading of a report: its title and one line saying what it covers, how many attempts
// and when it was made (UTC).
void reportHeader(std::string& out, const std::string& title, const ReportScope& scope,
                  std::size_t attempts, std::int64_t generatedAtMs, std::string_view lang);

// A score cell 0-100 coloured by band; a dash when absent.
void scoreCell(std::string& out, const std::optional<double>& v);

// "passed" / "not passed" / a dash, coloured.
std::string passedText(const AttemptRecord& a, std::string_view lang);

// Horizontal bars, one per (label, value 0-100 or absent = "not assessed"); `caption` is the
// chart's accessible title. Labels are escaped.
using Bars = std::vector<std::pair<std::string, std::optional<double>>>;
void barChart(std::string& out, const Bars& bars, const std::string& caption,
              std::string_view lang);

// The scenario score of the finished attempts, oldest to newest; nothing under two points.
void trendChart(std::string& out, const AttemptRefs& attempts, std::string_view lang);

// Ten small bars over 0-100, scaled to the fullest; the counts in the title.
void histogram(std::string& out, const std::array<int, 10>& bins, std::string_view lang);

}  // namespace rapport::html
