#include "core/reports/html_document.hpp"

#include <algorithm>

#include "core/reports/report_escape.hpp"
#include "core/reports/report_time.hpp"
#include "core/text/number_format.hpp"
#include "core/translation/ui_format.hpp"
#include "core/translation/ui_text_in.hpp"

namespace rapport::html {

namespace {

// SVG coordinates: always a point, whatever the reader's language.
std::string coord(double v, int decimals = 1) { return fixedDecimals(v, decimals); }

// The first `n` characters of UTF-8 text, never cutting one in two (a byte cut would leave
// invalid UTF-8 in a Japanese or Russian label).
std::string utf8Prefix(const std::string& s, std::size_t n) {
    std::size_t i = 0;
    for (std::size_t chars = 0; i < s.size() && chars < n; ++chars) {
        ++i;
        while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
    }
    return s.substr(0, i);
}

// Score bands for colour only; the level names shown come from the framework via the report.
const char* bandClass(double score) {
    if (score >= 75) return "b4";
    if (score >= 50) return "b3";
    if (score >= 25) return "b2";
    return "b1";
}

// A4 portrait with 15 mm margins; each group, trainee and mode starts a new sheet, table rows
// and charts are never cut in two, and a long table repeats its header row on every sheet.
const char* kStyle = R"css(
@page{size:A4;margin:15mm 12mm}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK JP",sans-serif;color:#1d2433;margin:2rem;line-height:1.4;line-break:strict;overflow-wrap:break-word}
table.many{font-size:.75rem} table.many th,table.many td{padding:.15rem .25rem} th{hyphens:auto}
h1{font-size:1.6rem;margin:0 0 .3rem} h2{font-size:1.25rem;margin:1.6rem 0 .5rem;border-bottom:2px solid #1d2433}
h3{font-size:1.05rem;margin:1rem 0 .4rem} .meta{color:#555;font-size:.9rem}
table{border-collapse:collapse;margin:.4rem 0 1rem;font-size:.85rem}
thead{display:table-header-group}
th,td{border:1px solid #c9ced6;padding:.25rem .45rem;text-align:left;vertical-align:top}
th{background:#eef1f5} td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.b1{background:#f6d5d1}.b2{background:#fbe7c6}.b3{background:#e3efd0}.b4{background:#c9e6c4}
.na{color:#888} .pass{color:#1b6e2a;font-weight:600} .fail{color:#a12a1f;font-weight:600}
.few{color:#777;font-style:italic} .flag{color:#a12a1f} td .meta{font-size:1em}
svg text{font-family:inherit;font-size:11px;fill:#1d2433} .chart{margin:.3rem 0 1rem;max-width:100%;height:auto}
section.page{page-break-before:always;break-before:page}
section.page:first-of-type{page-break-before:auto;break-before:auto}
@media print{body{margin:0;font-size:9.5pt} h2{margin-top:0} table{font-size:8.5pt}
 table.many{font-size:7pt}
 tr,svg,h3{page-break-inside:avoid;break-inside:avoid} h2,h3{page-break-after:avoid;break-after:avoid}
 a{color:inherit;text-decoration:none} th,.b1,.b2,.b3,.b4{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
)css";

}  // namespace

std::string number(double v, std::string_view lang, int decimals) {
    return uiNumberIn(lang, fixedDecimals(v, decimals));
}

void beginDocument(std::string& out, const std::string& title, std::string_view lang,
                   bool landscape) {
    out += "<!DOCTYPE html>\n<html lang=\"" +
           htmlEscape(lang.empty() ? std::string_view("en") : lang) +
           "\"><head><meta charset=\"utf-8\">"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
           "'unsafe-inline'; img-src data:\">"
           "<title>" +
           htmlEscape(title) + "</title><style>" + kStyle +
           (landscape ? "@page{size:A4 landscape}\n" : "") + "</style></head><body>\n";
}

void endDocument(std::string& out) { out += "</body></html>\n"; }

void reportHeader(std::string& out, const std::string& title, const ReportScope& s,
                  std::size_t attempts, std::int64_t generatedAtMs, std::string_view lang) {
    std::vector<std::string> parts;
    if (!s.trainee.empty())
        parts.push_back(uiFormat(trIn(lang, "trainee {name}"), {{"name", s.trainee}}));
    if (!s.group.empty())
        parts.push_back(uiFormat(trIn(lang, "group {group}"), {{"group", s.group}}));
    if (!s.scenario.empty())
        parts.push_back(uiFormat(trIn(lang, "scenario {id}"), {{"id", s.scenario}}));
    if (s.sinceMs)
        parts.push_back(
            uiFormat(trIn(lang, "since {date}"), {{"date", formatDateTimeShort(*s.sinceMs)}}));
    if (s.mode)
        parts.push_back(*s.mode == AttemptMode::Exam ? trIn(lang, "exam attempts only")
                                                     : trIn(lang, "practice attempts only"));
    std::string scope;
    for (const auto& p : parts) scope += (scope.empty() ? "" : "; ") + p;
    if (scope.empty()) scope = trIn(lang, "all results");
    const auto n = static_cast<unsigned long>(attempts);
    out += "<header><h1>" + htmlEscape(title) + "</h1><p class=\"meta\">" +
           htmlEscape(uiFormat(trIn(lang, "Scope: {scope}"), {{"scope", scope}})) + " · " +
           htmlEscape(uiFormat(trnIn(lang, "{n} attempt", "{n} attempts", n),
                               {{"n", std::to_string(n)}})) +
           " · " +
           htmlEscape(uiFormat(trIn(lang, "generated {date} UTC"),
                               {{"date", formatDateTimeShort(generatedAtMs)}})) +
           "</p></header>\n";
}

void scoreCell(std::string& out, const std::optional<double>& v) {
    if (!v)
        out += "<td class=\"na\">\u2014</td>";
    else
        out += std::string("<td class=\"num ") + bandClass(*v) + "\">" + fixedDecimals(*v, 0) +
               "</td>";
}

std::string passedText(const AttemptRecord& a, std::string_view lang) {
    if (!a.passed) return "<span class=\"na\">\u2014</span>";
    return *a.passed ? std::string("<span class=\"pass\">") + trIn(lang, "passed") + "</span>"
                     : std::string("<span class=\"fail\">") + trIn(lang, "not passed") + "</span>";
}

void barChart(std::string& out, const Bars& bars, const std::string& caption,
              std::string_view lang) {
    const int labelW = 270, barW = 300, rowH = 20;
    const int h = int(bars.size()) * rowH + 24;
    const std::string w = std::to_string(labelW + barW + 60);
    out += "<svg class=\"chart\" role=\"img\" width=\"" + w + "\" height=\"" + std::to_string(h) +
           "\" viewBox=\"0 0 " + w + " " + std::to_string(h) +
           "\" xmlns=\"http://www.w3.org/2000/svg\"><title>" + htmlEscape(caption) + "</title>";
    for (int tick = 0; tick <= 100; tick += 25) {
        int x = labelW + barW * tick / 100;
        out += "<line x1=\"" + std::to_string(x) + "\" y1=\"0\" x2=\"" + std::to_string(x) +
               "\" y2=\"" + std::to_string(h - 16) + "\" stroke=\"#d5d9e0\"/><text x=\"" +
               std::to_string(x) + "\" y=\"" + std::to_string(h - 4) +
               "\" text-anchor=\"middle\">" + std::to_string(tick) + "</text>";
    }
    for (std::size_t i = 0; i < bars.size(); ++i) {
        int y = int(i) * rowH;
        std::string label = utf8Prefix(bars[i].first, 38);
        if (label.size() < bars[i].first.size()) label += "\u2026";
        out += "<text x=\"" + std::to_string(labelW - 6) + "\" y=\"" + std::to_string(y + 14) +
               "\" text-anchor=\"end\">" + htmlEscape(label) + "</text>";
        if (bars[i].second) {
            double v = std::clamp(*bars[i].second, 0.0, 100.0);
            out += "<rect x=\"" + std::to_string(labelW) + "\" y=\"" + std::to_string(y + 3) +
                   "\" width=\"" + coord(barW * v / 100) + "\" height=\"" +
                   std::to_string(rowH - 6) + "\" fill=\"#3f6fb5\"/>";
            out += "<text x=\"" + coord(labelW + barW * v / 100 + 4) + "\" y=\"" +
                   std::to_string(y + 14) + "\">" + fixedDecimals(v, 0) + "</text>";
        } else {
            out += "<text x=\"" + std::to_string(labelW + 4) + "\" y=\"" + std::to_string(y + 14) +
                   "\" fill=\"#888\">" + htmlEscape(trIn(lang, "not assessed")) + "</text>";
        }
    }
    out += "</svg>\n";
}

void trendChart(std::string& out, const AttemptRefs& attempts, std::string_view lang) {
    std::vector<const AttemptRecord*> pts;
    for (auto* a : attempts)
        if (a->status == AttemptStatus::Finished && a->score) pts.push_back(a);
    if (pts.size() < 2) return;
    const int w = 520, h = 160, left = 34, top = 8, plotW = w - left - 10, plotH = h - top - 22;
    out += "<svg class=\"chart\" role=\"img\" width=\"" + std::to_string(w) + "\" height=\"" +
           std::to_string(h) + "\" viewBox=\"0 0 " + std::to_string(w) + " " + std::to_string(h) +
           "\" xmlns=\"http://www.w3.org/2000/svg\"><title>" +
           htmlEscape(trIn(lang, "Scenario score trend")) + "</title>";
    for (int tick = 0; tick <= 100; tick += 25) {
        double y = top + plotH * (100 - tick) / 100.0;
        out += "<line x1=\"" + std::to_string(left) + "\" y1=\"" + coord(y) + "\" x2=\"" +
               std::to_string(w - 10) + "\" y2=\"" + coord(y) +
               "\" stroke=\"#d5d9e0\"/><text x=\"" + std::to_string(left - 4) + "\" y=\"" +
               coord(y + 4) + "\" text-anchor=\"end\">" + std::to_string(tick) + "</text>";
    }
    std::string poly;
    std::string dots;
    for (std::size_t i = 0; i < pts.size(); ++i) {
        double x = left + plotW * double(i) / double(pts.size() - 1);
        double y = top + plotH * (100 - std::clamp(*pts[i]->score, 0.0, 100.0)) / 100.0;
        poly += coord(x) + "," + coord(y) + " ";
        dots += "<circle cx=\"" + coord(x) + "\" cy=\"" + coord(y) +
                "\" r=\"3\" fill=\"#3f6fb5\"><title>" +
                htmlEscape(formatDateTimeShort(pts[i]->startedAtMs) + " " + pts[i]->scenarioTitle +
                           ": " + fixedDecimals(*pts[i]->score, 0)) +
                "</title></circle>";
    }
    out += "<polyline fill=\"none\" stroke=\"#3f6fb5\" stroke-width=\"2\" points=\"" + poly +
           "\"/>" + dots;
    out += "<text x=\"" + std::to_string(left) + "\" y=\"" + std::to_string(h - 4) + "\">" +
           htmlEscape(trIn(lang, "oldest")) + "</text><text x=\"" + std::to_string(w - 10) +
           "\" y=\"" + std::to_string(h - 4) + "\" text-anchor=\"end\">" +
           htmlEscape(trIn(lang, "newest")) + "</text></svg>\n";
}

void histogram(std::string& out, const std::array<int, 10>& bins, std::string_view lang) {
    const int barW = 12, w = barW * 10, h = 28;
    const int top = std::max(1, *std::max_element(bins.begin(), bins.end()));
    std::string title = trIn(lang, "Trainees per ten points:");
    for (std::size_t i = 0; i < bins.size(); ++i)
        title += (i ? ", " : " ") + std::to_string(i * 10) + "\u2013" +
                 std::to_string(i == 9 ? 100 : i * 10 + 9) + ": " + std::to_string(bins[i]);
    out += "<svg role=\"img\" width=\"" + std::to_string(w) + "\" height=\"" + std::to_string(h) +
           "\" viewBox=\"0 0 " + std::to_string(w) + " " + std::to_string(h) +
           "\" xmlns=\"http://www.w3.org/2000/svg\"><title>" + htmlEscape(title) +
           "</title><line x1=\"0\" y1=\"" + std::to_string(h - 1) + "\" x2=\"" + std::to_string(w) +
           "\" y2=\"" + std::to_string(h - 1) + "\" stroke=\"#c9ced6\"/>";
    for (std::size_t i = 0; i < bins.size(); ++i) {
        if (!bins[i]) continue;
        const double bh = double(h - 2) * bins[i] / top;
        out += "<rect x=\"" + std::to_string(int(i) * barW + 1) + "\" y=\"" + coord(h - 1 - bh) +
               "\" width=\"" + std::to_string(barW - 2) + "\" height=\"" + coord(bh) +
               "\" fill=\"#3f6fb5\"/>";
    }
    out += "</svg>";
}

}  // namespace rapport::html
