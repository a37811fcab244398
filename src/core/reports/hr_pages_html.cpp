#include "core/reports/hr_pages_html.hpp"

#include <algorithm>
#include <functional>
#include <map>

#include "core/reports/html_document.hpp"
#include "core/reports/report_escape.hpp"
#include "core/reports/report_time.hpp"
#include "core/text/number_format.hpp"
#include "core/translation/ui_format.hpp"
#include "core/translation/ui_text_in.hpp"

namespace rapport {

namespace html {

namespace {

std::string esc(std::string_view s) { return htmlEscape(s); }

std::string fill(const char* pattern, std::initializer_list<UiArg> args) {
    return uiFormat(pattern, args);
}

const char* statusText(AttemptStatus s, std::string_view lang) {
    switch (s) {
        case AttemptStatus::InProgress:
            return trIn(lang, "incomplete");
        case AttemptStatus::Finished:
            return trcIn(lang, "attempt status", "finished");
        case AttemptStatus::Abandoned:
            return trcIn(lang, "attempt status", "abandoned");
    }
    return "";
}

// The ending as stored (won, partial, lost, escalated) in the reader's words; another value,
// from a newer scorer, as it is.
std::string outcomeText(const std::string& outcome, std::string_view lang) {
    if (outcome == "won") return trcIn(lang, "conversation outcome", "won");
    if (outcome == "partial") return trcIn(lang, "conversation outcome", "partial");
    if (outcome == "lost") return trcIn(lang, "conversation outcome", "lost");
    if (outcome == "escalated") return trcIn(lang, "conversation outcome", "escalated");
    return outcome;
}

const char* modeText(AttemptMode m, std::string_view lang) {
    return m == AttemptMode::Exam ? trcIn(lang, "attempt mode", "exam")
                                  : trcIn(lang, "attempt mode", "practice");
}

}  // namespace

std::vector<CompetencyColumn> competencyColumns(const std::vector<AttemptRecord>& attempts) {
    std::map<std::string, std::string> m;
    for (const auto& a : attempts)
        for (const auto& c : a.competencies) m.emplace(c.id, c.name);
    std::vector<CompetencyColumn> out;
    for (auto& [id, name] : m) out.push_back({id, name.empty() ? id : name});
    return out;
}

void tableSection(std::string& out, const std::vector<AttemptRecord>& attempts,
                  std::string_view lang) {
    out += "<section><h2>" +
           esc(trIn(lang, "Trainees × competencies (mean score of finished attempts)")) + "</h2>\n";
    if (attempts.empty()) {
        out += "<p>" + esc(trIn(lang, "No attempts match this selection.")) + "</p></section>\n";
        return;
    }
    const auto comps = competencyColumns(attempts);
    const auto cells = buildCompetencyTable(attempts);
    std::map<std::string, std::map<std::string, const CompetencyCell*>> byTrainee;
    std::map<std::string, std::string> groupOf;
    for (const auto& c : cells) {
        byTrainee[c.trainee][c.competencyId] = &c;
        groupOf[c.trainee] = c.group;
    }
    out += std::string(comps.size() > kPortraitCompetencyColumns ? "<table class=\"many\">"
                                                                 : "<table>") +
           "<thead><tr><th>" + esc(trIn(lang, "Trainee")) + "</th><th>" + esc(trIn(lang, "Group")) +
           "</th>";
    for (const auto& c : comps) out += "<th>" + esc(c.name) + "</th>";
    out += "</tr></thead><tbody>\n";
    for (const auto& [trainee, row] : byTrainee) {
        out += "<tr><td>" + esc(trainee) + "</td><td>" + esc(groupOf[trainee]) + "</td>";
        for (const auto& c : comps) {
            auto it = row.find(c.id);
            if (it == row.end()) {
                out += "<td class=\"na\">\u2014</td>";
                continue;
            }
            const CompetencyCell& cell = *it->second;
            const auto n = static_cast<unsigned long>(cell.assessedAttempts);
            const std::string title = fill(trnIn(lang, "best {best}, last {last}, {n} attempt",
                                                 "best {best}, last {last}, {n} attempts", n),
                                           {{"best", fixedDecimals(cell.best, 0)},
                                            {"last", fixedDecimals(cell.last, 0)},
                                            {"n", std::to_string(n)}});
            std::string td;
            scoreCell(td, cell.mean);
            // The cell with its details as a tooltip on screen.
            td.insert(td.find('>'), " title=\"" + esc(title) + "\"");
            out += td;
        }
        out += "</tr>\n";
    }
    out += "</tbody></table></section>\n";
}

void groupSection(std::string& out, const std::string& group, const AttemptRefs& attempts,
                  std::string_view lang) {
    out += "<section class=\"page group\"><h2>" +
           esc(fill(trIn(lang, "Group: {group}"),
                    {{"group", group.empty() ? trIn(lang, "(no group)") : group}})) +
           "</h2>\n";
    const auto who = passSummaries(attempts);
    const PassTotals totals = passTotals(who);
    out += "<p class=\"meta\">" +
           esc(fill(trIn(lang,
                         "Trainees: {trainees} · finished attempts: {finished} · "
                         "passed: {passed}"),
                    {{"trainees", std::to_string(totals.trainees)},
                     {"finished", std::to_string(totals.finished)},
                     {"passed", std::to_string(totals.passed)}})) +
           "</p>\n";

    out += "<h3>" + esc(trIn(lang, "Distribution per competency (trainees by mean score)")) +
           "</h3>\n";
    const auto dists = competencyDistributions(buildCompetencyTable(attempts));
    if (dists.empty()) {
        out += "<p>" + esc(trIn(lang, "No assessed competency in this group.")) + "</p>\n";
    } else {
        out += "<table><thead><tr><th>" + esc(trIn(lang, "Competency")) + "</th><th>" +
               esc(trIn(lang, "Trainees")) + "</th><th>" + esc(trIn(lang, "Group mean")) +
               "</th><th>" + esc(trIn(lang, "Median (IQR)")) + "</th><th>" +
               esc(trIn(lang, "Range")) + "</th><th>" + esc(trIn(lang, "Histogram 0–100")) +
               "</th></tr></thead><tbody>\n";
        Bars bars;
        for (const auto& c : dists) {
            const Distribution& d = c.means;
            bars.push_back({c.name, d.mean});
            out += "<tr><td>" + esc(c.name) + "</td><td class=\"num\">" + std::to_string(d.count) +
                   "</td>";
            scoreCell(out, d.mean);
            out += "<td class=\"num\">" + fixedDecimals(d.median, 0) + " (" +
                   fixedDecimals(d.q1, 0) + "\u2013" + fixedDecimals(d.q3, 0) +
                   ")</td><td class=\"num\">" + fixedDecimals(d.min, 0) + "–" +
                   fixedDecimals(d.max, 0) + "</td><td>";
            histogram(out, d.bins, lang);
            out += "</td></tr>\n";
        }
        out += "</tbody></table>\n";
        barChart(out, bars, trIn(lang, "Group mean per competency"), lang);
    }

    out += "<h3>" + esc(trIn(lang, "Who passed")) + "</h3><table><thead><tr><th>" +
           esc(trIn(lang, "Trainee")) + "</th><th>" + esc(trIn(lang, "Finished")) + "</th><th>" +
           esc(trIn(lang, "Passed")) + "</th><th>" + esc(trIn(lang, "Best score")) + "</th><th>" +
           esc(trIn(lang, "Last score")) + "</th><th>" + esc(trIn(lang, "Last attempt")) +
           "</th></tr></thead><tbody>\n";
    for (const PassSummary& s : who) {
        out += "<tr><td>" + esc(s.trainee) + "</td><td class=\"num\">" +
               std::to_string(s.finished) + "</td><td class=\"num\">" + std::to_string(s.passed) +
               "</td>";
        scoreCell(out, s.best);
        scoreCell(out, s.last);
        out += "<td>" +
               (s.lastAttempt ? esc(formatDateTimeShort(s.lastAttempt->startedAtMs)) + " " +
                                    passedText(*s.lastAttempt, lang)
                              : std::string("\u2014")) +
               "</td></tr>\n";
    }
    out += "</tbody></table></section>\n";
}

void traineeSection(std::string& out, const AttemptRefs& list,
                    const std::vector<CompetencyColumn>& comps, std::string_view lang) {
    const AttemptRecord& first = *list.front();
    out += "<section class=\"page trainee\"><h2>" +
           esc(fill(trIn(lang, "Trainee: {name}"), {{"name", first.trainee}})) +
           "</h2><p class=\"meta\">";
    if (!first.employeeId.empty())
        out += esc(fill(trIn(lang, "Employee id: {id}"), {{"id", first.employeeId}})) + " · ";
    out += esc(fill(trIn(lang, "Group: {group}"),
                    {{"group", first.group.empty() ? trIn(lang, "(none)") : first.group}})) +
           " · " + esc(fill(trIn(lang, "Attempts: {n}"), {{"n", std::to_string(list.size())}})) +
           "</p>\n";

    const AttemptRecord* best = bestAttempt(list);
    const AttemptRecord* last = lastAttempt(list);
    // The trainee's row of the HR table: the same means as the table and the app.
    std::map<std::string, double> meanOf;
    for (const auto& cell : buildCompetencyTable(list)) meanOf[cell.competencyId] = cell.mean;
    Bars bars;
    for (const auto& c : comps) {
        auto it = meanOf.find(c.id);
        bars.push_back(
            {c.name, it == meanOf.end() ? std::nullopt : std::optional<double>(it->second)});
    }
    out += "<h3>" + esc(trIn(lang, "Mean per competency")) + "</h3>\n";
    barChart(out, bars,
             fill(trIn(lang, "Mean score per competency for {name}"), {{"name", first.trainee}}),
             lang);
    out += "<h3>" + esc(trIn(lang, "Scenario score trend")) + "</h3>\n";
    trendChart(out, list, lang);
    if (best || last) {
        out += "<p>";
        if (best && best->score)
            out += esc(fill(trIn(lang, "Best attempt: {score} in “{scenario}” ({date})."),
                            {{"score", fixedDecimals(*best->score, 0)},
                             {"scenario", best->scenarioTitle},
                             {"date", formatDateTimeShort(best->startedAtMs)}})) +
                   " ";
        if (last) {
            // The result keeps its colour: the sentence around it is escaped, the mark is ours.
            const std::string marker = "\x01";
            const std::string sentence =
                esc(fill(trIn(lang,
                              "Last attempt: {score} in “{scenario}” ({date}), "
                              "{result}."),
                         {{"score", last->score ? fixedDecimals(*last->score, 0)
                                                : std::string(trIn(lang, "unscored"))},
                          {"scenario", last->scenarioTitle},
                          {"date", formatDateTimeShort(last->startedAtMs)},
                          {"result", marker}}));
            std::string withResult = sentence;
            if (const auto at = withResult.find(marker); at != std::string::npos)
                withResult.replace(at, marker.size(), passedText(*last, lang));
            out += withResult;
        }
        out += "</p>\n";
    }
    out += "<h3>" + esc(trIn(lang, "Attempts")) + "</h3>" +
           (comps.size() > 2 ? "<table class=\"many\">" : "<table>") + "<thead><tr><th>" +
           esc(trIn(lang, "Started (UTC)")) + "</th><th>" + esc(trIn(lang, "Scenario")) +
           "</th><th>" + esc(trIn(lang, "Mode")) + "</th><th>" + esc(trIn(lang, "Status")) +
           "</th><th>" + esc(trIn(lang, "Ending")) + "</th><th>" + esc(trIn(lang, "Score")) +
           "</th><th>" + esc(trIn(lang, "Result")) + "</th>";
    for (const auto& c : comps) out += "<th>" + esc(c.name) + "</th>";
    out += "</tr></thead><tbody>\n";
    for (auto* a : list) {
        out += "<tr><td>" + esc(formatDateTimeShort(a->startedAtMs)) + "</td><td>" +
               esc(a->scenarioTitle.empty() ? a->scenarioId : a->scenarioTitle) +
               " <span class=\"meta\">v" + esc(a->scenarioVersion) + "</span></td><td>" +
               esc(modeText(a->mode, lang)) + "</td><td>" + esc(statusText(a->status, lang)) +
               "</td><td>" + esc(outcomeText(a->outcome, lang)) + "</td>";
        scoreCell(out, a->score);
        out += "<td>" + passedText(*a, lang) + "</td>";
        for (const auto& c : comps) {
            const CompetencyResult* found = nullptr;
            for (const auto& r : a->competencies)
                if (r.id == c.id && r.assessed) found = &r;
            if (found && !found->rated)
                out += "<td class=\"na\" title=\"" +
                       esc(trIn(lang, "too little evidence for a level")) + "\">" +
                       esc(trIn(lang, "not rated")) + "</td>";
            else
                scoreCell(out, found ? found->score : std::nullopt);
        }
        out += "</tr>\n";
    }
    out += "</tbody></table></section>\n";
}

}  // namespace html

namespace {

std::string document(const ReportData& data, const HrPageOptions& o, const char* ownTitle,
                     const std::function<void(std::string&)>& body) {
    const std::string title = o.title.empty() ? std::string(ownTitle) : o.title;
    std::string out;
    out.reserve(4096 + data.attempts.size() * 600);
    html::beginDocument(
        out, title, o.language,
        html::competencyColumns(data.attempts).size() > html::kPortraitCompetencyColumns);
    html::reportHeader(out, title, data.scope, data.attempts.size(), data.generatedAtMs,
                       o.language);
    body(out);
    html::endDocument(out);
    return out;
}

}  // namespace

std::string renderTablePageHtml(const ReportData& data, const HrPageOptions& o) {
    return document(data, o, trIn(o.language, "Rapport: trainees × competencies"),
                    [&](std::string& out) { html::tableSection(out, data.attempts, o.language); });
}

std::string renderTraineePageHtml(const ReportData& data, const HrPageOptions& o) {
    return document(data, o, trIn(o.language, "Rapport: trainee results"), [&](std::string& out) {
        const auto comps = html::competencyColumns(data.attempts);
        std::map<std::string, AttemptRefs> byTrainee;
        for (const auto& a : data.attempts) byTrainee[a.trainee].push_back(&a);
        if (byTrainee.empty())
            out += "<p>" + htmlEscape(trIn(o.language, "No attempts match this selection.")) +
                   "</p>\n";
        for (auto& [trainee, list] : byTrainee) {
            std::stable_sort(list.begin(), list.end(),
                             [](auto* x, auto* y) { return x->startedAtMs < y->startedAtMs; });
            html::traineeSection(out, list, comps, o.language);
        }
    });
}

std::string renderGroupPageHtml(const ReportData& data, const HrPageOptions& o) {
    return document(data, o, trIn(o.language, "Rapport: group results"), [&](std::string& out) {
        std::map<std::string, AttemptRefs> byGroup;
        for (const auto& a : data.attempts) byGroup[a.group].push_back(&a);
        if (byGroup.empty())
            out += "<p>" + htmlEscape(trIn(o.language, "No attempts match this selection.")) +
                   "</p>\n";
        for (const auto& [group, list] : byGroup) html::groupSection(out, group, list, o.language);
    });
}

}  // namespace rapport
