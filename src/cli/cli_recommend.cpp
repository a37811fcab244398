// `rapport recommend --trainee NAME`: the scenarios a trainee should play next, with the reason
// for each, from the results database and the scenario library. The model and the ranking are
// core's (core/recommendation), assigned scenarios first; this file reads the inputs and prints.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cli/cli_verbs.hpp"
#include "core/platform/bundled_data.hpp"
#include "core/recommendation/assignment_status.hpp"
#include "core/recommendation/next_scenario.hpp"
#include "core/recommendation/practice_evidence.hpp"
#include "core/recommendation/recommendation_text.hpp"
#include "core/recommendation/scenario_options.hpp"
#include "core/reports/report_time.hpp"
#include "core/translation/ui_format.hpp"
#include "core/translation/ui_text.hpp"
#include "store/assignments.hpp"
#include "store/database_path.hpp"
#include "store/results_store.hpp"

namespace rapport::cli {

namespace {

void printUsage(std::FILE* out) {
    std::fputs(
        tr("usage: rapport recommend --trainee NAME [--db PATH] [--scenarios DIR]\n"
           "                         [--format text|json] [--limit N] [--at DATE]\n\n"
           "Says which scenarios the trainee should play next and why: weak and due\n"
           "competencies at a moderate predicted chance of success (docs/recommendation.md).\n\n"
           "  --trainee NAME   the trainee, as their attempts are stored\n"
           "  --db PATH        results database (default: $RAPPORT_DB, else the user's data "
           "folder)\n"
           "  --scenarios DIR  the scenarios to choose from; repeatable; default: the bundled "
           "ones\n"
           "  --format F       text (default) or json\n"
           "  --limit N        at most N scenarios (default 3; 0 = all)\n"
           "  --at DATE        rank as of DATE (YYYY-MM-DD[THH:MM[:SS]], UTC) instead of now\n\n"
           "exit: 0 listed (also when there is nothing to recommend), 2 usage error or the\n"
           "database cannot be read\n"),
        out);
}

int usage(const std::string& message) {
    std::fprintf(stderr, tr("rapport recommend: %s\n"), message.c_str());
    printUsage(stderr);
    return kExitUsage;
}

}  // namespace

int runRecommend(Args args) {
    std::optional<std::string> db;
    std::string trainee, format = "text";
    std::vector<std::string> scenarioDirs;
    std::size_t limit = 3;
    std::optional<std::int64_t> atMs;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string_view a = args[i];
        if (a == "--help" || a == "-h") {
            printUsage(stdout);
            return kExitOk;
        }
        if (a != "--trainee" && a != "--db" && a != "--scenarios" && a != "--format" &&
            a != "--limit" && a != "--at")
            return usage(uiFormat(tr("unknown argument '{argument}'"), {{"argument", a}}));
        if (i + 1 >= args.size())
            return usage(uiFormat(tr("option {option} needs a value"), {{"option", a}}));
        const std::string v(args[++i]);
        if (a == "--trainee")
            trainee = v;
        else if (a == "--db")
            db = v;
        else if (a == "--scenarios")
            scenarioDirs.push_back(v);
        else if (a == "--format")
            format = v;
        else if (a == "--limit") {
            if (v.empty() || v.find_first_not_of("0123456789") != std::string::npos || v.size() > 6)
                return usage(
                    uiFormat(tr("--limit expects a whole number, got '{value}'"), {{"value", v}}));
            limit = std::stoul(v);
        } else if (a == "--at") {
            atMs = parseDateUtc(v);
            if (!atMs)
                return usage(uiFormat(tr("--at expects a date like 2026-03-01, got '{value}'"),
                                      {{"value", v}}));
        }
    }
    if (trainee.empty()) return usage(tr("--trainee is required"));
    if (format != "text" && format != "json")
        return usage(
            uiFormat(tr("--format expects text or json, got '{value}'"), {{"value", format}}));

    const auto path = store::resolveDatabasePath(db);
    if (!path) return usage(tr("no results database: give --db PATH or set RAPPORT_DB"));
    std::error_code ec;
    if (!std::filesystem::exists(*path, ec)) {
        std::fprintf(
            stderr, "%s\n",
            uiFormat(tr("rapport recommend: no results database at {path}"), {{"path", *path}})
                .c_str());
        return kExitUsage;
    }
    std::vector<AttemptRecord> attempts;
    std::vector<ScenarioAssignment> assigned;
    try {
        store::StoreOptions readOnly;
        readOnly.readOnly = true;
        store::ResultsStore store(*path, readOnly);
        // Every trainee's results, not only this one's: they calibrate the scenarios' difficulty.
        store::AttemptFilter all;
        all.finishedOnly = true;
        attempts = store.attempts(all);
        assigned = openAssignments(store::listAssignments(store), trainee,
                                   store::traineeGroup(store, trainee), attempts);
    } catch (const store::StoreError& e) {
        std::fprintf(stderr, tr("rapport recommend: %s\n"), e.what());
        return kExitUsage;
    }
    if (scenarioDirs.empty() && !bundledData().scenarios.empty())
        scenarioDirs.push_back(bundledData().scenarios.string());
    const auto options = scenarioOptions(loadScenarioLibrary(scenarioDirs));

    SkillModel model;
    model.learn(practiceEvidence(attempts));
    const std::int64_t now = atMs ? *atMs
                                  : std::chrono::duration_cast<std::chrono::milliseconds>(
                                        std::chrono::system_clock::now().time_since_epoch())
                                        .count();
    auto ranked = recommendScenarios(model, trainee, options, assigned, now);
    if (limit > 0 && ranked.size() > limit) ranked.resize(limit);

    if (format == "json") {
        auto list = nlohmann::json::array();
        for (const auto& r : ranked) {
            nlohmann::json reason = {{"kind", recommendationKindName(r.reason.kind)},
                                     {"competency", r.reason.competencyId},
                                     {"competencyName", r.reason.competencyName},
                                     {"predictedSuccess", r.reason.predictedSuccess},
                                     {"daysSincePractised", nullptr}};
            if (r.reason.daysSincePractised)
                reason["daysSincePractised"] = *r.reason.daysSincePractised;
            if (r.reason.kind == RecommendationKind::Assigned) {
                reason["assignedBy"] = r.reason.assignedBy;
                reason["due"] = nullptr;
                if (r.reason.dueAtMs) reason["due"] = formatDateUtc(*r.reason.dueAtMs);
                reason["overdue"] = r.reason.overdue;
                reason["note"] = r.reason.note;
            }
            list.push_back({{"scenario", r.scenarioId},
                            {"title", r.title},
                            {"priority", r.priority},
                            {"reason", reason},
                            {"text", describeRecommendation(r.reason)}});
        }
        const nlohmann::json out = {{"trainee", trainee}, {"recommendations", list}};
        std::printf("%s\n", out.dump(2).c_str());
    } else if (ranked.empty()) {
        std::printf("%s\n", tr("Nothing to recommend: no scenario in the library assesses a "
                               "competency."));
    } else {
        for (std::size_t i = 0; i < ranked.size(); ++i) {
            std::printf("%zu. %s (%s)\n   %s\n", i + 1, ranked[i].title.c_str(),
                        ranked[i].scenarioId.c_str(),
                        describeRecommendation(ranked[i].reason).c_str());
            if (!ranked[i].reason.note.empty())
                std::printf(
                    "   %s\n",
                    uiFormat(tr("note: {note}"), {{"note", ranked[i].reason.note}}).c_str());
        }
    }
    return std::fflush(stdout) == 0 ? kExitOk : kExitUsage;
}

}  // namespace rapport::cli
