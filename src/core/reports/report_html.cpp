// Charts are drawn as inline SVG by hand: no script runs in the report, so it prints the same
// everywhere, opens offline, and cannot be made to run a trainee-supplied payload.
#include "core/reports/report_html.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "core/reports/group_statistics.hpp"
#include "core/reports/report_escape.hpp"
#include "core/reports/report_time.hpp"
#include "core/text/number_format.hpp"
#include "core/translation/ui_format.hpp"
#include "core/translation/ui_text_in.hpp"

namespace rapport {

namespace {

std::string fmt(double v, int decimals = 0) { return fixedDecimals(v, decimals); }

// The report's own words are in the reader's language (HtmlReportOptions::language); every
// helper below gets it, since the report may be in another language than the interface.
using Lang = std::string_view;

// Score bands for colour only; the level names shown come from the framework via the report.
const char* bandClass(double score) {
    if (score >= 75) return "b4";
    if (score >= 50) return "b3";
    if (score >= 25) return "b2";
    return "b1";
}

const char* kStyle = R"css(
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2433;margin:2rem;line-height:1.4;line-break:strict;overflow-wrap:break-word}
h1{font-size:1.6rem;margin:0 0 .3rem} h2{font-size:1.25rem;margin:1.6rem 0 .5rem;border-bottom:2px solid #1d2433}
h3{font-size:1.05rem;margin:1rem 0 .4rem} .meta{color:#555;font-size:.9rem}
table{border-collapse:collapse;margin:.4rem 0 1rem;font-size:.85rem}
th,td{border:1px solid #c9ced6;padding:.25rem .45rem;text-align:left;vertical-align:top}
th{background:#eef1f5} td.num{text-align:right;font-variant-numeric:tabular-nums}
.b1{background:#f6d5d1}.b2{background:#fbe7c6}.b3{background:#e3efd0}.b4{background:#c9e6c4}
.na{color:#888} .pass{color:#1b6e2a;font-weight:600} .fail{color:#a12a1f;font-weight:600}
svg text{font-family:inherit;font-size:11px;fill:#1d2433} .chart{margin:.3rem 0 1rem}
section.page{page-break-before:always;break-before:page}
@media print{body{margin:0;font-size:10pt} section.page{page-break-before:always} tr,svg{page-break-inside:avoid;break-inside:avoid} a{color:inherit;text-decoration:none}}
)css";

struct CompetencyInfo {
    std::string id, name;
};

std::vector<CompetencyInfo> competencyList(const std::vector<AttemptRecord>& attempts) {
    std::map<std::string, std::string> m;
    for (const auto& a : attempts)
        for (const auto& c : a.competencies) m.emplace(c.id, c.name);
    std::vector<CompetencyInfo> out;
    for (auto& [id, name] : m) out.push_back({id, name});
    return out;
}

// A bar's label cut to the room left of the bars (about 34 Latin or Cyrillic letters, half as many
// Japanese characters), never inside a UTF-8 sequence: a cut Cyrillic letter made the whole
// report invalid UTF-8.
std::string chartLabel(const std::string& name) {
    constexpr int kRoom = 34;
    int used = 0;
    std::size_t cut = 0;  // where the label ends if "…" has to follow
    for (std::size_t i = 0; i < name.size();) {
        const unsigned char lead = static_cast<unsigned char>(name[i]);
        const std::size_t len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        const int width = len >= 3 ? 2 : 1;  // CJK and kana are about twice as wide
        if (used + width > kRoom) return name.substr(0, cut) + "\u2026";
        used += width;
        i = std::min(name.size(), i + len);
        if (used <= kRoom - 1) cut = i;
    }
    return name;
}

// Horizontal bars, one per (label, value 0-100 or absent).
void barChart(std::string& out, Lang lang,
              const std::vector<std::pair<std::string, std::optional<double>>>& bars,
              const std::string& caption) {
    const int labelW = 210, barW = 300, rowH = 20;
    const int h = int(bars.size()) * rowH + 24;
    out += "<svg class=\"chart\" role=\"img\" width=\"" + std::to_string(labelW + barW + 60) +
           "\" height=\"" + std::to_string(h) + "\" viewBox=\"0 0 " +
           std::to_string(labelW + barW + 60) + " " + std::to_string(h) +
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
        const std::string label = chartLabel(bars[i].first);
        out += "<text x=\"" + std::to_string(labelW - 6) + "\" y=\"" + std::to_string(y + 14) +
               "\" text-anchor=\"end\">" + htmlEscape(label) + "</text>";
        if (bars[i].second) {
            double v = std::clamp(*bars[i].second, 0.0, 100.0);
            out += "<rect x=\"" + std::to_string(labelW) + "\" y=\"" + std::to_string(y + 3) +
                   "\" width=\"" + fmt(barW * v / 100, 1) + "\" height=\"" +
                   std::to_string(rowH - 6) + "\" fill=\"#3f6fb5\"/>";
            out += "<text x=\"" + fmt(labelW + barW * v / 100 + 4, 1) + "\" y=\"" +
                   std::to_string(y + 14) + "\">" + fmt(v) + "</text>";
        } else {
            out += "<text x=\"" + std::to_string(labelW + 4) + "\" y=\"" + std::to_string(y + 14) +
                   "\" fill=\"#888\">" + htmlEscape(trIn(lang, "not assessed")) + "</text>";
        }
    }
    out += "</svg>\n";
}

// Scenario score over finished attempts, oldest to newest.
void trendChart(std::string& out, Lang lang, const std::vector<const AttemptRecord*>& attempts) {
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
        out += "<line x1=\"" + std::to_string(left) + "\" y1=\"" + fmt(y, 1) + "\" x2=\"" +
               std::to_string(w - 10) + "\" y2=\"" + fmt(y, 1) +
               "\" stroke=\"#d5d9e0\"/><text x=\"" + std::to_string(left - 4) + "\" y=\"" +
               fmt(y + 4, 1) + "\" text-anchor=\"end\">" + std::to_string(tick) + "</text>";
    }
    std::string poly;
    std::string dots;
    for (std::size_t i = 0; i < pts.size(); ++i) {
        double x = left + (pts.size() == 1 ? 0 : plotW * double(i) / double(pts.size() - 1));
        double y = top + plotH * (100 - std::clamp(*pts[i]->score, 0.0, 100.0)) / 100.0;
        poly += fmt(x, 1) + "," + fmt(y, 1) + " ";
        dots += "<circle cx=\"" + fmt(x, 1) + "\" cy=\"" + fmt(y, 1) +
                "\" r=\"3\" fill=\"#3f6fb5\"><title>" +
                htmlEscape(formatDateTimeShort(pts[i]->startedAtMs) + " " + pts[i]->scenarioTitle +
                           ": " + fmt(*pts[i]->score)) +
                "</title></circle>";
    }
    out += "<polyline fill=\"none\" stroke=\"#3f6fb5\" stroke-width=\"2\" points=\"" + poly +
           "\"/>" + dots;
    out += "<text x=\"" + std::to_string(left) + "\" y=\"" + std::to_string(h - 4) + "\">" +
           htmlEscape(trIn(lang, "oldest")) + "</text><text x=\"" + std::to_string(w - 10) +
           "\" y=\"" + std::to_string(h - 4) + "\" text-anchor=\"end\">" +
           htmlEscape(trIn(lang, "newest")) + "</text></svg>\n";
}

void scoreCell(std::string& out, const std::optional<double>& v) {
    if (!v)
        out += "<td class=\"na\">\u2014</td>";
    else
        out += std::string("<td class=\"num ") + bandClass(*v) + "\">" + fmt(*v) + "</td>";
}

std::string passedText(Lang lang, const AttemptRecord& a) {
    if (!a.passed) return "<span class=\"na\">\u2014</span>";
    return *a.passed ? "<span class=\"pass\">" + htmlEscape(trIn(lang, "passed")) + "</span>"
                     : "<span class=\"fail\">" + htmlEscape(trIn(lang, "not passed")) + "</span>";
}

const char* modeName(Lang lang, AttemptMode m) {
    return m == AttemptMode::Exam ? trcIn(lang, "mode", "exam") : trcIn(lang, "mode", "practice");
}

const char* statusName(Lang lang, AttemptStatus s) {
    if (s == AttemptStatus::InProgress) return trIn(lang, "incomplete");
    if (s == AttemptStatus::Abandoned) return trIn(lang, "abandoned");
    return trIn(lang, "finished");
}

void hrTable(std::string& out, Lang lang, const std::vector<CompetencyCell>& cells,
             const std::vector<CompetencyInfo>& comps) {
    std::map<std::string, std::map<std::string, const CompetencyCell*>> byTrainee;
    std::map<std::string, std::string> groupOf;
    for (const auto& c : cells) {
        byTrainee[c.trainee][c.competencyId] = &c;
        groupOf[c.trainee] = c.group;
    }
    out += "<table><thead><tr><th>" + htmlEscape(trIn(lang, "Trainee")) + "</th><th>" +
           htmlEscape(trIn(lang, "Group")) + "</th>";
    for (const auto& c : comps) out += "<th>" + htmlEscape(c.name) + "</th>";
    out += "</tr></thead><tbody>\n";
    for (const auto& [trainee, row] : byTrainee) {
        out +=
            "<tr><td>" + htmlEscape(trainee) + "</td><td>" + htmlEscape(groupOf[trainee]) + "</td>";
        for (const auto& c : comps) {
            auto it = row.find(c.id);
            if (it == row.end())
                out += "<td class=\"na\">\u2014</td>";
            else
                out += std::string("<td class=\"num ") + bandClass(it->second->mean) +
                       "\" title=\"" +
                       htmlEscape(uiFormat(trnIn(lang, "best {best}, last {last}, {n} attempt",
                                                 "best {best}, last {last}, {n} attempts",
                                                 (unsigned long)it->second->assessedAttempts),
                                           {{"best", fmt(it->second->best)},
                                            {"last", fmt(it->second->last)},
                                            {"n", std::to_string(it->second->assessedAttempts)}})) +
                       "\">" + fmt(it->second->mean) + "</td>";
        }
        out += "</tr>\n";
    }
    out += "</tbody></table>\n";
}

// Ten bars over 0-100 (the HR screen's histogram), scaled to the fullest; counts in the title.
void histogram(std::string& out, Lang lang, const std::array<int, 10>& bins) {
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
        out += "<rect x=\"" + std::to_string(int(i) * barW + 1) + "\" y=\"" + fmt(h - 1 - bh, 1) +
               "\" width=\"" + std::to_string(barW - 2) + "\" height=\"" + fmt(bh, 1) +
               "\" fill=\"#3f6fb5\"/>";
    }
    out += "</svg>";
}

// The figures come from group_statistics, as on the app's group page.
void groupPage(std::string& out, Lang lang, const std::string& group, const AttemptRefs& attempts) {
    const std::string shown = group.empty() ? std::string(trIn(lang, "(no group)")) : group;
    out += "<section class=\"page group\"><h2>" +
           htmlEscape(uiFormat(trIn(lang, "Group · {group}"), {{"group", shown}})) + "</h2>\n";
    const auto who = passSummaries(attempts);
    const PassTotals totals = passTotals(who);
    const std::string trainees =
        uiFormat(trnIn(lang, "{n} trainee", "{n} trainees", (unsigned long)totals.trainees),
                 {{"n", std::to_string(totals.trainees)}});
    const std::string finished =
        uiFormat(trnIn(lang, "{n} finished attempt", "{n} finished attempts",
                       (unsigned long)totals.finished),
                 {{"n", std::to_string(totals.finished)}});
    out += "<p class=\"meta\">" +
           htmlEscape(uiFormat(trIn(lang, "{trainees}, {attempts}, {passed} passed."),
                               {{"trainees", trainees},
                                {"attempts", finished},
                                {"passed", std::to_string(totals.passed)}})) +
           "</p>\n";

    out += "<h3>" + htmlEscape(trIn(lang, "Distribution per competency (trainees by mean score)")) +
           "</h3>\n";
    const auto dists = competencyDistributions(buildCompetencyTable(attempts));
    if (dists.empty()) {
        out += "<p>" + htmlEscape(trIn(lang, "No assessed competency in this group.")) + "</p>\n";
    } else {
        out += "<table><thead><tr><th>" + htmlEscape(trIn(lang, "Competency")) + "</th><th>" +
               htmlEscape(trIn(lang, "Trainees")) + "</th><th>" +
               htmlEscape(trIn(lang, "Group mean")) + "</th><th>" +
               htmlEscape(trIn(lang, "Median (IQR)")) + "</th><th>" +
               htmlEscape(trIn(lang, "Range")) + "</th><th>" +
               htmlEscape(trIn(lang, "Histogram 0–100")) + "</th></tr></thead><tbody>\n";
        std::vector<std::pair<std::string, std::optional<double>>> bars;
        for (const auto& c : dists) {
            const Distribution& d = c.means;
            bars.push_back({c.name, d.mean});
            out += "<tr><td>" + htmlEscape(c.name) + "</td><td class=\"num\">" +
                   std::to_string(d.count) + "</td>";
            scoreCell(out, d.mean);
            out += "<td class=\"num\">" + fmt(d.median) + " (" + fmt(d.q1) + "\u2013" + fmt(d.q3) +
                   ")</td><td class=\"num\">" + fmt(d.min) + "\u2013" + fmt(d.max) + "</td><td>";
            histogram(out, lang, d.bins);
            out += "</td></tr>\n";
        }
        out += "</tbody></table>\n";
        barChart(out, lang, bars, trIn(lang, "Group mean per competency"));
    }

    out += "<h3>" + htmlEscape(trIn(lang, "Who passed")) + "</h3><table><thead><tr><th>" +
           htmlEscape(trIn(lang, "Trainee")) + "</th><th>" + htmlEscape(trIn(lang, "Finished")) +
           "</th><th>" + htmlEscape(trIn(lang, "Passed")) + "</th><th>" +
           htmlEscape(trIn(lang, "Best score")) + "</th><th>" +
           htmlEscape(trIn(lang, "Last score")) + "</th><th>" +
           htmlEscape(trIn(lang, "Last attempt")) + "</th></tr></thead><tbody>\n";
    for (const PassSummary& s : who) {
        out += "<tr><td>" + htmlEscape(s.trainee) + "</td><td class=\"num\">" +
               std::to_string(s.finished) + "</td><td class=\"num\">" + std::to_string(s.passed) +
               "</td>";
        scoreCell(out, s.best);
        scoreCell(out, s.last);
        out += "<td>" +
               (s.lastAttempt ? htmlEscape(formatDateTimeShort(s.lastAttempt->startedAtMs)) + " " +
                                    passedText(lang, *s.lastAttempt)
                              : std::string("\u2014")) +
               "</td></tr>\n";
    }
    out += "</tbody></table></section>\n";
}

// "Last attempt: 82 in “Title” (2025-03-14 09:41), passed." as one translated sentence: the
// pattern and the values are escaped apart, so the result's coloured span stays markup.
std::string attemptSentence(Lang lang, const char* pattern, const AttemptRecord& a) {
    return uiFormat(htmlEscape(pattern),
                    {{"score", a.score ? fmt(*a.score) : htmlEscape(trIn(lang, "not scored"))},
                     {"scenario", htmlEscape(a.scenarioTitle)},
                     {"time", htmlEscape(formatDateTimeShort(a.startedAtMs))},
                     {"result", passedText(lang, a)}});
}

void traineePage(std::string& out, Lang lang, const AttemptRefs& list,
                 const std::vector<CompetencyInfo>& comps) {
    const AttemptRecord& first = *list.front();
    out += "<section class=\"page trainee\"><h2>" +
           htmlEscape(uiFormat(trIn(lang, "Trainee · {trainee}"), {{"trainee", first.trainee}})) +
           "</h2><p class=\"meta\">";
    if (!first.employeeId.empty())
        out += htmlEscape(uiFormat(trIn(lang, "Employee id {id}"), {{"id", first.employeeId}})) +
               " \u00b7 ";
    out += htmlEscape(first.group.empty()
                          ? std::string(trIn(lang, "no group"))
                          : uiFormat(trIn(lang, "group {group}"), {{"group", first.group}})) +
           " \u00b7 " +
           htmlEscape(uiFormat(trnIn(lang, "{n} attempt", "{n} attempts", list.size()),
                               {{"n", std::to_string(list.size())}})) +
           "</p>\n";

    const AttemptRecord* best = bestAttempt(list);
    const AttemptRecord* last = lastAttempt(list);
    // The trainee's row of the HR table: the same means as the table and the app.
    std::map<std::string, double> meanOf;
    for (const auto& cell : buildCompetencyTable(list)) meanOf[cell.competencyId] = cell.mean;
    std::vector<std::pair<std::string, std::optional<double>>> bars;
    for (const auto& c : comps) {
        auto it = meanOf.find(c.id);
        bars.push_back(
            {c.name, it == meanOf.end() ? std::nullopt : std::optional<double>(it->second)});
    }
    out += "<h3>" + htmlEscape(trIn(lang, "Mean per competency")) + "</h3>\n";
    barChart(out, lang, bars,
             uiFormat(trIn(lang, "Mean score per competency for {trainee}"),
                      {{"trainee", first.trainee}}));
    out += "<h3>" + htmlEscape(trIn(lang, "Scenario score trend")) + "</h3>\n";
    trendChart(out, lang, list);
    if (best || last) {
        out += "<p>";
        if (best && best->score)
            out += attemptSentence(
                       lang, trIn(lang, "Best attempt: {score} in “{scenario}” ({time})."), *best) +
                   " ";
        if (last)
            out += attemptSentence(
                lang, trIn(lang, "Last attempt: {score} in “{scenario}” ({time}), {result}."),
                *last);
        out += "</p>\n";
    }
    out += "<h3>" + htmlEscape(trIn(lang, "Attempts")) + "</h3><table><thead><tr><th>" +
           htmlEscape(trIn(lang, "Started (UTC)")) + "</th><th>" +
           htmlEscape(trIn(lang, "Scenario")) + "</th><th>" + htmlEscape(trIn(lang, "Mode")) +
           "</th><th>" + htmlEscape(trIn(lang, "Status")) + "</th><th>" +
           htmlEscape(trIn(lang, "Ending")) + "</th><th>" + htmlEscape(trIn(lang, "Score")) +
           "</th><th>" + htmlEscape(trIn(lang, "Result")) + "</th>";
    for (const auto& c : comps) out += "<th>" + htmlEscape(c.name) + "</th>";
    out += "</tr></thead><tbody>\n";
    for (auto* a : list) {
        out += "<tr><td>" + htmlEscape(formatDateTimeShort(a->startedAtMs)) + "</td><td>" +
               htmlEscape(a->scenarioTitle.empty() ? a->scenarioId : a->scenarioTitle) +
               " <span class=\"meta\">v" + htmlEscape(a->scenarioVersion) + "</span></td><td>" +
               htmlEscape(modeName(lang, a->mode)) + "</td><td>" +
               htmlEscape(statusName(lang, a->status)) + "</td><td>" + htmlEscape(a->outcome) +
               "</td>";
        scoreCell(out, a->score);
        out += "<td>" + passedText(lang, *a) + "</td>";
        for (const auto& c : comps) {
            const CompetencyResult* found = nullptr;
            for (const auto& r : a->competencies)
                if (r.id == c.id && r.assessed) found = &r;
            if (found && !found->rated)
                out += "<td class=\"na\" title=\"" +
                       htmlEscape(trIn(lang, "too little evidence for a level")) + "\">" +
                       htmlEscape(trIn(lang, "not rated")) + "</td>";
            else
                scoreCell(out, found ? found->score : std::nullopt);
        }
        out += "</tr>\n";
    }
    out += "</tbody></table></section>\n";
}

// "trainee Anna; group North" as one translated list.
std::string scopeText(Lang lang, const ReportScope& s) {
    std::vector<std::string> parts;
    if (!s.trainee.empty())
        parts.push_back(uiFormat(trIn(lang, "trainee {trainee}"), {{"trainee", s.trainee}}));
    if (!s.group.empty())
        parts.push_back(uiFormat(trIn(lang, "group {group}"), {{"group", s.group}}));
    if (!s.scenario.empty())
        parts.push_back(uiFormat(trIn(lang, "scenario {scenario}"), {{"scenario", s.scenario}}));
    if (s.sinceMs)
        parts.push_back(
            uiFormat(trIn(lang, "since {time}"), {{"time", formatDateTimeShort(*s.sinceMs)}}));
    if (s.mode)
        parts.push_back(*s.mode == AttemptMode::Exam ? trIn(lang, "exam only")
                                                     : trIn(lang, "practice only"));
    if (parts.empty()) return trIn(lang, "all results");
    std::string joined;
    // TRANSLATORS: between the parts of a report's scope ("trainee Anna; group North").
    const std::string separator = trIn(lang, "; ");
    for (const auto& p : parts) joined += (joined.empty() ? "" : separator) + p;
    return joined;
}

}  // namespace

std::string renderReportHtml(const ReportData& data, const HtmlReportOptions& options) {
    const std::string lang = options.language.empty() ? std::string("en") : options.language;
    std::string out;
    out.reserve(4096 + data.attempts.size() * 600);
    out += "<!DOCTYPE html>\n<html lang=\"" + htmlEscape(lang) +
           "\"><head><meta charset=\"utf-8\">"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
           "'unsafe-inline'; img-src data:\">"
           "<title>" +
           htmlEscape(options.title) + "</title><style>" + kStyle + "</style></head><body>\n";
    out += "<header><h1>" + htmlEscape(options.title) + "</h1><p class=\"meta\">";
    const std::string attempts =
        uiFormat(trnIn(lang, "{n} attempt", "{n} attempts", data.attempts.size()),
                 {{"n", std::to_string(data.attempts.size())}});
    out += htmlEscape(uiFormat(trIn(lang, "Scope: {scope} · {attempts} · generated {time} UTC"),
                               {{"scope", scopeText(lang, data.scope)},
                                {"attempts", attempts},
                                {"time", formatDateTimeShort(data.generatedAtMs)}})) +
           "</p></header>\n";

    auto comps = competencyList(data.attempts);
    out += "<section><h2>" +
           htmlEscape(trIn(lang, "Trainees × competencies (mean score of finished attempts)")) +
           "</h2>\n";
    if (data.attempts.empty())
        out += "<p>" + htmlEscape(trIn(lang, "No attempts match this selection.")) + "</p>\n";
    else
        hrTable(out, lang, buildCompetencyTable(data.attempts), comps);
    out += "</section>\n";

    if (options.groupPages) {
        std::map<std::string, AttemptRefs> byGroup;
        for (const auto& a : data.attempts) byGroup[a.group].push_back(&a);
        for (const auto& [group, list] : byGroup) groupPage(out, lang, group, list);
    }
    if (options.traineePages) {
        std::map<std::string, AttemptRefs> byTrainee;
        for (const auto& a : data.attempts) byTrainee[a.trainee].push_back(&a);
        for (auto& [trainee, list] : byTrainee) {
            std::stable_sort(list.begin(), list.end(),
                             [](auto* x, auto* y) { return x->startedAtMs < y->startedAtMs; });
            traineePage(out, lang, list, comps);
        }
    }
    out += "</body></html>\n";
    return out;
}

}  // namespace rapport
