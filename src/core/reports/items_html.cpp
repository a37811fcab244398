#include "core/reports/items_html.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/reports/html_document.hpp"
#include "core/reports/report_escape.hpp"
#include "core/translation/ui_format.hpp"
#include "core/translation/ui_text_in.hpp"

namespace rapport {

namespace {

std::string esc(std::string_view s) { return htmlEscape(s); }

// Correlations and shares keep two decimals on paper (the exports keep four).
std::string figure(const std::optional<double>& v, std::string_view lang) {
    if (!v || !std::isfinite(*v)) return "\u2014";
    return html::number(*v, lang, 2);
}

// Why a figure is missing, in the reader's words; a reason this page does not know as it is.
std::string reasonText(const std::string& reason, std::string_view lang) {
    if (reason == "too few attempts") return trIn(lang, "too few attempts");
    if (reason == "too few items") return trIn(lang, "too few items");
    if (reason == "too few pairs") return trIn(lang, "too few pairs");
    if (reason == "no variance") return trIn(lang, "no variance");
    if (reason == "halves perfectly opposed") return trIn(lang, "halves perfectly opposed");
    if (reason == "too few trainees with two exam attempts")
        return trIn(lang, "too few trainees with two exam attempts");
    return reason;
}

std::string flagText(const std::string& flag, std::string_view lang) {
    if (flag == kFlagCheckKey) return trIn(lang, "check the key");
    if (flag == kFlagUnusedReply) return trIn(lang, "a reply nobody picks");
    if (flag == kFlagEveryoneRight) return trIn(lang, "everybody gets it right");
    return flag;
}

std::string flagsText(const std::vector<std::string>& flags, std::string_view lang) {
    std::string s;
    for (const auto& f : flags) s += (s.empty() ? "" : ", ") + flagText(f, lang);
    return s;
}

// "0.72 (0.61–0.80)", greyed when it rests on too few; or "— too few attempts".
std::string estimateCell(const Estimate& e, std::string_view lang) {
    if (!e.value || !std::isfinite(*e.value))
        return "<td class=\"na\">\u2014 " + esc(reasonText(e.reason, lang)) + "</td>";
    std::string text = html::number(*e.value, lang, 2);
    if (e.ci && std::isfinite(e.ci->low) && std::isfinite(e.ci->high))
        text += " (" + html::number(e.ci->low, lang, 2) + "\u2013" +
                html::number(e.ci->high, lang, 2) + ")";
    return std::string("<td class=\"num") + (e.trustworthy ? "" : " few") + "\">" + text +
           (e.trustworthy ? "" : " *") + "</td>";
}

// "95 %" is no printf directive: without the marks xgettext would take these for C formats.
const char* alphaHeading(std::string_view lang) {
    // xgettext:no-c-format
    return trIn(lang, "Coefficient alpha (95 % CI)");
}
const char* splitHalfHeading(std::string_view lang) {
    // xgettext:no-c-format
    return trIn(lang, "Split-half, Spearman–Brown (95 % CI)");
}
const char* retestHeading(std::string_view lang) {
    // xgettext:no-c-format
    return trIn(lang, "r (95 % CI)");
}

void itemsOfScenario(std::string& out, const std::string& scenario,
                     const std::vector<const ItemStatistics*>& items, std::string_view lang) {
    out += "<h3>" + esc(uiFormat(trIn(lang, "Scenario {id}"), {{"id", scenario}})) + "</h3>\n";
    out += "<table><thead><tr><th>" + esc(trIn(lang, "Decision")) + "</th><th>" +
           esc(trIn(lang, "Responses")) + "</th><th>" + esc(trIn(lang, "Timeouts")) + "</th><th>" +
           esc(trIn(lang, "Difficulty")) + "</th><th>" + esc(trIn(lang, "Discrimination")) +
           "</th><th>" + esc(trIn(lang, "Points lost")) + "</th><th>" + esc(trIn(lang, "Flags")) +
           "</th></tr></thead><tbody>\n";
    html::Bars bars;
    for (const auto* it : items) {
        const char* few = it->trustworthy ? "" : " few";
        out += "<tr><td>" + esc(it->node) + "</td><td class=\"num" + few + "\">" +
               std::to_string(it->responses) + (it->trustworthy ? "" : " *") +
               "</td><td class=\"num\">" + std::to_string(it->timeouts) + "</td><td class=\"num" +
               few + "\">" + figure(it->difficulty, lang) + "</td><td class=\"num" + few + "\">" +
               figure(it->discrimination, lang) + "</td><td class=\"num\">" +
               html::number(it->meanPointsLost, lang, 1) + "</td><td class=\"flag\">" +
               esc(flagsText(it->flags, lang)) + "</td></tr>\n";
        bars.push_back({it->node, it->difficulty ? std::optional<double>(
                                                       std::clamp(*it->difficulty, 0.0, 1.0) * 100)
                                                 : std::nullopt});
    }
    out += "</tbody></table>\n";
    html::barChart(out, bars,
                   uiFormat(trIn(lang,
                                 "Difficulty per decision in {id} (share of the best "
                                 "reply's points, in %)"),
                            {{"id", scenario}}),
                   lang);

    out += "<table><thead><tr><th>" + esc(trIn(lang, "Decision")) + "</th><th>" +
           esc(trIn(lang, "Reply")) + "</th><th>" + esc(trIn(lang, "Points")) + "</th><th>" +
           esc(trIn(lang, "Shown")) + "</th><th>" + esc(trIn(lang, "Chosen")) + "</th><th>" +
           esc(trIn(lang, "Choice rate")) + "</th><th>" + esc(trIn(lang, "Points lost")) +
           "</th><th>" + esc(trIn(lang, "Discrimination")) + "</th><th>" +
           esc(trIn(lang, "Flags")) + "</th></tr></thead><tbody>\n";
    for (const auto* it : items)
        for (const auto& r : it->replies)
            out += "<tr><td>" + esc(it->node) + "</td><td>" + esc(r.choice) +
                   (r.best ? " <span class=\"pass\">\u2605</span>" : "") +
                   "</td><td class=\"num\">" + html::number(r.points, lang, 1) +
                   "</td><td class=\"num\">" + std::to_string(r.shown) + "</td><td class=\"num\">" +
                   std::to_string(r.chosen) + "</td><td class=\"num\">" +
                   html::number(r.rate * 100, lang, 0) + " %</td><td class=\"num\">" +
                   html::number(r.pointsLost, lang, 1) + "</td><td class=\"num\">" +
                   figure(r.discrimination, lang) + "</td><td class=\"flag\">" +
                   esc(flagsText(r.flags, lang)) + "</td></tr>\n";
    out += "</tbody></table>\n";
}

void modeSection(std::string& out, const ModeStatistics& m, std::string_view lang) {
    out += "<section class=\"page mode\"><h2>" +
           esc(m.mode == AttemptMode::Exam ? trIn(lang, "Exam attempts")
                                           : trIn(lang, "Practice attempts")) +
           "</h2><p class=\"meta\">" +
           esc(uiFormat(trIn(lang, "Finished attempts: {n}"), {{"n", std::to_string(m.attempts)}}));
    if (m.mode == AttemptMode::Practice)
        out += " \u00b7 " + esc(trIn(lang,
                                     "Practice showed feedback during play: these figures "
                                     "are not comparable with exams."));
    out += "</p>\n";
    if (m.items.empty()) {
        out += "<p>" + esc(trIn(lang, "No decision was answered in these attempts.")) +
               "</p></section>\n";
        return;
    }
    std::map<std::string, std::vector<const ItemStatistics*>> byScenario;
    for (const auto& it : m.items) byScenario[it.scenarioId].push_back(&it);
    out += "<h3>" + esc(trIn(lang, "Item analysis")) + "</h3>\n";
    for (const auto& [scenario, items] : byScenario) itemsOfScenario(out, scenario, items, lang);

    out += "<h3>" + esc(trIn(lang, "Reliability per competency")) + "</h3>\n";
    if (m.reliability.empty()) {
        out += "<p>" + esc(trIn(lang, "No competency has evidence in these attempts.")) + "</p>\n";
    } else {
        out += "<table><thead><tr><th>" + esc(trIn(lang, "Scenario")) + "</th><th>" +
               esc(trIn(lang, "Competency")) + "</th><th>" + esc(trIn(lang, "Items")) +
               "</th><th>" + esc(alphaHeading(lang)) + "</th><th>" + esc(splitHalfHeading(lang)) +
               "</th><th>" + esc(trIn(lang, "Attempts")) + "</th></tr></thead><tbody>\n";
        for (const auto& r : m.reliability)
            out += "<tr><td>" + esc(r.scenarioId) + "</td><td>" + esc(r.competencyId) +
                   "</td><td class=\"num\">" + std::to_string(r.items) + "</td>" +
                   estimateCell(r.alpha, lang) + estimateCell(r.splitHalf, lang) +
                   "<td class=\"num\">" + std::to_string(r.alpha.n) + "</td></tr>\n";
        out += "</tbody></table>\n";
    }
    if (m.mode == AttemptMode::Exam) {
        out +=
            "<h3>" + esc(trIn(lang, "Test–retest (first against second exam attempt)")) + "</h3>\n";
        if (m.retest.empty()) {
            out += "<p>" + esc(trIn(lang, "No trainee has two exam attempts of one scenario.")) +
                   "</p>\n";
        } else {
            out += "<table><thead><tr><th>" + esc(trIn(lang, "Scenario")) + "</th><th>" +
                   esc(retestHeading(lang)) + "</th><th>" + esc(trIn(lang, "Trainees")) +
                   "</th></tr></thead><tbody>\n";
            for (const auto& t : m.retest)
                out += "<tr><td>" + esc(t.scenarioId) + "</td>" + estimateCell(t.r, lang) +
                       "<td class=\"num\">" + std::to_string(t.r.n) + "</td></tr>\n";
            out += "</tbody></table>\n";
        }
    }
    out += "<h3>" + esc(trIn(lang, "Score norms per group and scenario")) + "</h3>\n";
    if (m.norms.empty()) {
        out += "<p>" + esc(trIn(lang, "No scored attempt.")) + "</p>\n";
    } else {
        out += "<table><thead><tr><th>" + esc(trIn(lang, "Group")) + "</th><th>" +
               esc(trIn(lang, "Scenario")) + "</th><th>n</th><th>" + esc(trIn(lang, "Mean")) +
               "</th><th>" + esc(trIn(lang, "SD")) + "</th><th>" + esc(trIn(lang, "Range")) +
               "</th><th>P10</th><th>P25</th><th>P50</th><th>P75</th><th>P90</th></tr></thead>"
               "<tbody>\n";
        for (const auto& n : m.norms) {
            out += "<tr><td>" + esc(n.group.empty() ? trIn(lang, "(no group)") : n.group) +
                   "</td><td>" + esc(n.scenarioId) + "</td><td class=\"num\">" +
                   std::to_string(n.n) + "</td><td class=\"num\">" + html::number(n.mean, lang, 1) +
                   "</td><td class=\"num\">" +
                   (n.sd ? html::number(*n.sd, lang, 1) : std::string("\u2014")) +
                   "</td><td class=\"num\">" + html::number(n.min, lang, 0) + "\u2013" +
                   html::number(n.max, lang, 0) + "</td>";
            for (double p : {n.p10, n.p25, n.p50, n.p75, n.p90})
                out += "<td class=\"num\">" + html::number(p, lang, 0) + "</td>";
            out += "</tr>\n";
        }
        out += "</tbody></table>\n";
    }
    out += "</section>\n";
}

}  // namespace

std::string renderItemsHtml(const ItemReport& report, const HrPageOptions& o) {
    const std::string& lang = o.language;
    const std::string title =
        o.title.empty() ? std::string(trIn(lang, "Rapport: item analysis and reliability"))
                        : o.title;
    int attempts = 0;
    for (const auto& m : report.modes) attempts += m.attempts;
    std::string out;
    html::beginDocument(out, title, lang);
    html::reportHeader(out, title, report.scope, std::size_t(attempts), report.generatedAtMs, lang);
    out += "<p class=\"meta\">" +
           esc(uiFormat(trIn(lang,
                             "* fewer than {n} responses or attempts: read as a hint, not "
                             "as a finding (docs/hr-reports.md)."),
                        {{"n", std::to_string(kMinTrustworthySample)}}));
    if (report.skippedAttempts > 0)
        out += " " + esc(uiFormat(
                         trnIn(lang, "{n} finished attempt left out: its scenario was not found.",
                               "{n} finished attempts left out: their scenario was not "
                               "found.",
                               static_cast<unsigned long>(report.skippedAttempts)),
                         {{"n", std::to_string(report.skippedAttempts)}}));
    out += "</p>\n";
    for (const auto& m : report.modes) modeSection(out, m, lang);
    html::endDocument(out);
    return out;
}

}  // namespace rapport
