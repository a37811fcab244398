// `rapport campaign validate|play|report`: account campaigns (docs/campaign-format.md). The rules
// live in core/campaign; this file reads arguments, finds the library and prints.
#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cli/cli_verbs.hpp"
#include "core/campaign/campaign.hpp"
#include "core/campaign/campaign_check.hpp"
#include "core/campaign/campaign_progress.hpp"
#include "core/campaign/campaign_run.hpp"
#include "core/diagnostics/diagnostic_codes.hpp"
#include "core/library/scenario_library.hpp"
#include "core/play/scripted_play.hpp"
#include "core/play/session.hpp"
#include "core/scoring/scoring.hpp"
#include "core/translation/ui_text.hpp"
#include "store/database_path.hpp"
#include "store/results_store.hpp"

namespace rapport::cli {

namespace {

void printUsage(std::FILE* out) {
    std::fputs(
        tr("usage: rapport campaign validate [--scenarios DIR] FILE...\n"
           "       rapport campaign play [--scenarios DIR] --choices \"S1;S2;...\" FILE\n"
           "       rapport campaign report [--scenarios DIR] [--db PATH] [--trainee NAME] "
           "FILE...\n\n"
           "validate  checks campaign files: the format, that every meeting names a playable\n"
           "          scenario, and that every carried variable fits the next meeting.\n"
           "play      plays the meetings in order from one choice list per meeting (as\n"
           "          'rapport play --choices', separated by ';'), carrying state from each\n"
           "          meeting into the next, and prints every meeting's score report and the\n"
           "          campaign's score as JSON.\n"
           "report    prints, as JSON, every trainee's runs of the campaigns recorded in the\n"
           "          results database: each meeting's attempt, score and carried start, the\n"
           "          campaign's score, whether it passed, and what the next meeting starts "
           "from.\n\n"
           "  --db PATH        (report) the results database (default as 'rapport report')\n"
           "  --trainee NAME   (report) only this trainee's runs\n"
           "  --scenarios DIR  the scenario library (default: the scenarios folder beside the\n"
           "                   campaign's folder)\n\n"
           "exit: 0 valid / played, 1 the campaign has problems or a choice list fails,\n"
           "      2 usage error or a file cannot be read\n"),
        out);
}

struct Prepared {
    CampaignLoad load;
    ScenarioLibrary library;
    std::vector<const Scenario*> playable;
};

Prepared prepare(const std::string& file, const std::string& scenariosDir) {
    Prepared p;
    p.load = loadCampaignFile(file);
    const std::string dir =
        !scenariosDir.empty()
            ? scenariosDir
            : (std::filesystem::path(file).parent_path().parent_path() / "scenarios").string();
    p.library = loadScenarioLibrary({dir});
    for (const auto& e : p.library.entries)
        if (e.scenario) p.playable.push_back(&*e.scenario);
    if (p.load.campaign) checkCampaign(*p.load.campaign, p.playable, p.load.diagnostics);
    p.load.diagnostics.sortByPosition();
    return p;
}

const LibraryEntry* entryOf(const ScenarioLibrary& library, const Scenario* s) {
    for (const auto& e : library.entries)
        if (e.scenario && &*e.scenario == s) return &e;
    return nullptr;
}

std::vector<std::string> splitScripts(std::string_view text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i)
        if (i == text.size() || text[i] == ';') {
            out.emplace_back(text.substr(start, i - start));
            start = i + 1;
        }
    return out;
}

int play(const Prepared& p, const std::string& choices) {
    const Campaign& c = *p.load.campaign;
    const auto chain = campaignScenarios(c, p.playable);
    const auto scripts = splitScripts(choices);
    if (scripts.size() > c.meetings.size()) {
        std::fprintf(stderr, "%s\n",
                     tr("rapport campaign: more choice lists than the campaign has meetings"));
        return kExitUsage;
    }
    std::vector<ScoreReport> reports;
    nlohmann::json meetings = nlohmann::json::array();
    std::vector<std::int64_t> lastFinal;
    const Scenario* lastScenario = nullptr;
    for (std::size_t i = 0; i < scripts.size(); ++i) {
        const LibraryEntry* entry = entryOf(p.library, chain[i]);
        std::string error;
        auto script = parseChoiceScript(scripts[i], error);
        if (!script) {
            std::fprintf(stderr, "rapport campaign: %zu: %s\n", i + 1, error.c_str());
            return kExitUsage;
        }
        const CarriedStart start =
            i == 0 ? CarriedStart{} : carriedStart(c.meetings[i], *lastScenario, lastFinal);
        const Scenario scenario = startingFrom(*chain[i], start);
        ManualClock clock;
        Session session(scenario, clock, 0);
        error = playScript(session, clock, *script);
        if (!error.empty()) {
            std::fprintf(stderr, "rapport campaign: %zu: %s\n", i + 1, error.c_str());
            return kExitProblems;
        }
        if (!entry || !entry->framework) {
            std::fprintf(stderr, "%s\n", tr("rapport campaign: a meeting cannot be scored"));
            return kExitProblems;
        }
        // Scored against this start's own best and worst paths, so never the file's optimum.
        const ScoreReport report =
            scoreTranscript(scenario, *entry->framework, session.transcript());
        meetings.push_back({{"start", carriedStartToJson(scenario, start)},
                            {"transcript", transcriptToJson(session.transcript())},
                            {"report", reportToJson(report)}});
        reports.push_back(report);
        lastFinal = session.variables();
        lastScenario = chain[i];
    }
    nlohmann::json out = campaignScoreToJson(c, scoreCampaign(c, reports, lastScenario, lastFinal));
    out["played"] = meetings;
    std::printf("%s\n", out.dump(2).c_str());
    return kExitOk;
}

// Every run of `c` in `attempts` (one trainee's), as report prints it.
void appendRuns(const Prepared& p, const std::vector<AttemptRecord>& attempts,
                nlohmann::json& out) {
    const Campaign& c = *p.load.campaign;
    const auto scenarioOf = [&p](const std::string& id) -> const Scenario* {
        for (const Scenario* s : p.playable)
            if (s->id == id) return s;
        return nullptr;
    };
    for (const auto& run : campaignRuns(c, attempts, scenarioOf)) {
        nlohmann::json j = campaignScoreToJson(c, run.score);
        j["trainee"] = run.meetings.empty()
                           ? (run.interrupted ? run.interrupted->trainee : std::string())
                           : run.meetings.front().trainee;
        j["run"] = run.run;
        for (std::size_t i = 0; i < run.meetings.size(); ++i) {
            const AttemptRecord& a = run.meetings[i];
            auto& m = j["meetings"][i];
            m["attempt"] = a.uid;
            m["campaignVersion"] = a.campaign->version;
            m["carriedStart"] = a.campaign->carriedStart;
            m["finalState"] = a.finalState;
        }
        if (run.interrupted) {
            const auto i = std::size_t(run.interrupted->campaign->meeting);
            j["meetings"][i]["attempt"] = run.interrupted->uid;
            j["meetings"][i]["status"] = "in_progress";
        }
        nlohmann::json next = nlohmann::json::object();
        if (run.score.nextMeeting) {
            const Scenario* s =
                scenarioOf(c.meetings[std::size_t(*run.score.nextMeeting)].scenario);
            if (s) next = carriedStartToJson(*s, run.nextStart);
        }
        j["nextStart"] = next;
        out.push_back(std::move(j));
    }
}

int report(const std::vector<Prepared>& campaigns, const std::optional<std::string>& db,
           const std::string& trainee) {
    const auto path = store::resolveDatabasePath(db);
    if (!path) {
        std::fprintf(stderr, "%s\n",
                     tr("rapport campaign: no results database (give --db or set RAPPORT_DB)"));
        return kExitUsage;
    }
    nlohmann::json out = nlohmann::json::array();
    try {
        store::StoreOptions options;
        options.readOnly = true;
        store::ResultsStore results(*path, options);
        store::AttemptFilter filter;
        filter.trainee = trainee;
        // One trainee at a time: runs are a trainee's own.
        std::map<std::string, std::vector<AttemptRecord>> byTrainee;
        for (auto& a : results.attempts(filter, false))
            if (a.campaign) byTrainee[a.trainee].push_back(std::move(a));
        for (const auto& p : campaigns)
            for (const auto& [name, attempts] : byTrainee) appendRuns(p, attempts, out);
    } catch (const store::StoreError& e) {
        std::fprintf(stderr, "rapport campaign: %s\n", e.what());
        return kExitUsage;
    }
    std::printf("%s\n", out.dump(2).c_str());
    return kExitOk;
}

}  // namespace

int runCampaign(Args args) {
    if (args.empty() || args[0] == "--help" || args[0] == "-h") {
        printUsage(args.empty() ? stderr : stdout);
        return args.empty() ? kExitUsage : kExitOk;
    }
    const std::string_view action = args[0];
    if (action != "validate" && action != "play" && action != "report") {
        std::fprintf(stderr, tr("rapport campaign: unknown action '%.*s'\n"), int(action.size()),
                     action.data());
        printUsage(stderr);
        return kExitUsage;
    }
    std::string scenariosDir, choices, trainee;
    std::optional<std::string> db;
    bool haveChoices = false;
    std::vector<std::string> files;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string_view a = args[i];
        if ((a == "--scenarios" || a == "--choices") && i + 1 < args.size()) {
            (a == "--scenarios" ? scenariosDir : choices) = std::string(args[++i]);
            if (a == "--choices") haveChoices = true;
        } else if (action == "report" && a == "--db" && i + 1 < args.size()) {
            db = std::string(args[++i]);
        } else if (action == "report" && a == "--trainee" && i + 1 < args.size()) {
            trainee = std::string(args[++i]);
        } else if (a.size() > 1 && a[0] == '-') {
            std::fprintf(stderr, tr("rapport campaign: unknown option '%.*s'\n"), int(a.size()),
                         a.data());
            return kExitUsage;
        } else
            files.emplace_back(a);
    }
    if (files.empty() || (action == "play" && (files.size() != 1 || !haveChoices))) {
        printUsage(stderr);
        return kExitUsage;
    }
    int exit = kExitOk;
    std::vector<Prepared> prepared;
    for (const auto& file : files) {
        Prepared p = prepare(file, scenariosDir);
        for (const auto& d : p.load.diagnostics.items())
            std::fprintf(stderr, "%s\n", formatDiagnostic(d).c_str());
        for (const auto& d : p.load.diagnostics.items())
            if (d.code == codes::Unreadable) return kExitUsage;
        if (p.load.diagnostics.hasErrors()) {
            exit = kExitProblems;
            continue;
        }
        if (action == "play") return play(p, choices);
        if (action == "report") {
            prepared.push_back(std::move(p));
            continue;
        }
        std::printf(trn("%s: valid campaign (%zu meeting)\n", "%s: valid campaign (%zu meetings)\n",
                        p.load.campaign->meetings.size()),
                    file.c_str(), p.load.campaign->meetings.size());
    }
    if (action == "report" && exit == kExitOk) return report(prepared, db, trainee);
    return exit;
}

}  // namespace rapport::cli
