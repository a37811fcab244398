// `rapport assign add|list|remove`: a trainer's "play this next" for a trainee or a group, kept in
// the results database (store/assignments.hpp) or, with --db postgresql://…, in the central
// store (store/pg_assignments.hpp), which the desktops' sync pulls. Changing local assignments
// needs the administrator passphrase (cli/admin_gate.hpp): on a desktop without a central store
// that passphrase is what makes someone a trainer or admin; centrally the login's role does.
// Whether one is done is core's (core/recommendation/assignment_status.hpp).
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cli/admin_gate.hpp"
#include "cli/cli_verbs.hpp"
#include "core/library/scenario_library.hpp"
#include "core/platform/bundled_data.hpp"
#include "core/recommendation/assignment_status.hpp"
#include "core/reports/report_time.hpp"
#include "core/translation/ui_format.hpp"
#include "core/translation/ui_text.hpp"
#include "store/assignments.hpp"
#include "store/attempt_recorder.hpp"
#include "store/database_path.hpp"
#include "store/pg_assignments.hpp"
#include "store/pg_db.hpp"
#include "store/pg_reports.hpp"
#include "store/pg_schema.hpp"
#include "store/results_store.hpp"

namespace rapport::cli {

namespace {

void printUsage(std::FILE* out) {
    std::fputs(
        tr("usage: rapport assign add --scenario ID (--trainee NAME | --group G)\n"
           "                          [--due DATE] [--note TEXT] [--by NAME] [--db PATH]\n"
           "                          [--scenarios DIR] [--data-dir DIR]\n"
           "       rapport assign list [--trainee NAME | --group G] [--format text|json]\n"
           "                           [--db PATH] [--all]\n"
           "       rapport assign remove ID [--db PATH] [--data-dir DIR]\n\n"
           "A trainer's assignments: scenarios a trainee, or every trainee of a group, should\n"
           "play next. They come first in 'rapport recommend' and in the library's\n"
           "\"Recommended next\" until the trainee has finished an attempt of the scenario\n"
           "started after it was assigned (docs/recommendation.md).\n\n"
           "  --scenario ID    the scenario to play; it must be in the library\n"
           "  --trainee NAME   one trainee, as their attempts are stored\n"
           "  --group G        every trainee of group G\n"
           "  --due DATE       play it by DATE (YYYY-MM-DD); optional\n"
           "  --note TEXT      a note the trainee reads with it; optional\n"
           "  --by NAME        the trainer, as the trainee sees it (default: \"your trainer\")\n"
           "  --db PATH        results database (default: $RAPPORT_DB, else the user's data "
           "folder),\n"
           "                   or the central store, postgresql://USER@HOST/DB: the login's\n"
           "                   role and granted groups decide who may assign, and every\n"
           "                   desktop's 'rapport sync' brings them to its trainees\n"
           "  --scenarios DIR  the library to check the scenario in; repeatable; default: the\n"
           "                   bundled scenarios\n"
           "  --data-dir DIR   where the administrator passphrase is (default: the app's)\n"
           "  --format F       (list) text (default) or json\n"
           "  --all            (list, central store) removed ones too\n\n"
           "On a local database, add and remove read the administrator passphrase from stdin\n"
           "(first line).\n"
           "exit: 0 done, 1 refused (no or wrong passphrase, not allowed, no such assignment), 2\n"
           "usage error or the database cannot be read or written, 3 the central store cannot\n"
           "be reached\n"),
        out);
}

int usage(const std::string& message) {
    std::fprintf(stderr, tr("rapport assign: %s\n"), message.c_str());
    printUsage(stderr);
    return kExitUsage;
}

int fail(int code, const std::string& message) {
    std::fprintf(stderr, tr("rapport assign: %s\n"), message.c_str());
    return code;
}

struct Options {
    std::optional<std::string> db;
    std::string scenario, trainee, group, note, by, format = "text", dataDir;
    std::optional<std::int64_t> dueAtMs;
    std::vector<std::string> scenarioDirs;
    std::vector<std::string> positional;
    bool all = false;  // list: removed ones too (central store only)
};

bool libraryHas(std::vector<std::string> dirs, const std::string& id) {
    if (dirs.empty() && !bundledData().scenarios.empty())
        dirs.push_back(bundledData().scenarios.string());
    for (const auto& e : loadScenarioLibrary(dirs).entries)
        if (e.playable() && e.scenario->id == id) return true;
    return false;
}

// An assignment as listed: its key is the local row id, or the central uid.
struct Listed {
    std::string key;
    ScenarioAssignment a;
    bool pulled = false;   // a local copy of a central one (store/sync_assignments.hpp)
    bool removed = false;  // central only, with --all
};

std::vector<Listed> listedLocal(store::ResultsStore& store,
                                const std::vector<ScenarioAssignment>& list) {
    std::vector<Listed> out;
    for (const auto& a : list)
        out.push_back(
            {std::to_string(a.id), a, store::assignmentCentralUid(store, a.id).has_value(), false});
    return out;
}

std::vector<Listed> listedCentral(const std::vector<store::CentralAssignment>& list) {
    std::vector<Listed> out;
    for (const auto& c : list)
        out.push_back({c.uid, c.assignment, false, c.removedAtMs.has_value()});
    return out;
}

// One line per assignment: what, for whom, by when, by whom, and whether it is done.
void printText(const std::vector<Listed>& list, const std::vector<AttemptRecord>& attempts) {
    if (list.empty()) {
        std::printf("%s\n", tr("No assignments."));
        return;
    }
    for (const auto& [key, a, pulled, removed] : list) {
        const std::string whom =
            a.trainee.empty() ? uiFormat(tr("group {group}"), {{"group", a.group}}) : a.trainee;
        const std::string due =
            a.dueAtMs ? uiFormat(tr("due {date}"), {{"date", formatDateUtc(*a.dueAtMs)}})
                      : std::string(tr("no due date"));
        const std::string by =
            uiFormat(tr("by {trainer}"),
                     {{"trainer", a.assignedBy.empty() ? tr("your trainer") : a.assignedBy}});
        std::string state;
        if (!a.trainee.empty()) {
            const auto done = completedAtMs(a, a.trainee, attempts);
            state = done ? uiFormat(tr("done {date}"), {{"date", formatDateUtc(*done)}})
                         : std::string(tr("open"));
        } else {
            const auto n = completedBy(a, attempts).size();
            state = uiFormat(trn("done by {n} trainee", "done by {n} trainees", n),
                             {{"n", std::to_string(n)}});
        }
        if (removed) state = tr("removed");
        if (pulled) state += std::string("  ") + tr("(from the central store)");
        std::printf("%s  %s  %s  %s  %s  %s\n", key.c_str(), a.scenarioId.c_str(), whom.c_str(),
                    due.c_str(), by.c_str(), state.c_str());
        if (!a.note.empty())
            std::printf("    %s\n", uiFormat(tr("note: {note}"), {{"note", a.note}}).c_str());
    }
}

nlohmann::json toJson(const std::vector<Listed>& list, const std::vector<AttemptRecord>& attempts,
                      bool central) {
    auto out = nlohmann::json::array();
    for (const auto& [key, a, pulled, removed] : list) {
        nlohmann::json j = {
            {"id", central ? nlohmann::json(key) : nlohmann::json(a.id)},
            {"scenario", a.scenarioId},
            {"trainee", a.trainee.empty() ? nlohmann::json(nullptr) : nlohmann::json(a.trainee)},
            {"group", a.group.empty() ? nlohmann::json(nullptr) : nlohmann::json(a.group)},
            {"assignedBy", a.assignedBy},
            {"assignedAt", formatTimestampUtc(a.assignedAtMs)},
            {"due", nullptr},
            {"note", a.note},
            {"doneBy", completedBy(a, attempts)}};
        if (a.dueAtMs) j["due"] = formatDateUtc(*a.dueAtMs);
        if (central)
            j["removed"] = removed;
        else
            j["central"] = pulled;
        out.push_back(std::move(j));
    }
    return {{"assignments", out}};
}

ScenarioAssignment newAssignment(const Options& o) {
    ScenarioAssignment a;
    a.trainee = o.trainee;
    a.group = o.group;
    a.scenarioId = o.scenario;
    a.assignedBy = o.by;
    a.assignedAtMs = store::unixNowMs();
    a.dueAtMs = o.dueAtMs;
    a.note = o.note;
    return a;
}

// add, list or remove in the central store, as the URI's login (store/pg_assignments.hpp).
int runCentral(const std::string& verb, const Options& o) {
    try {
        store::PgConnection c(*o.db);
        if (store::pgSchemaVersion(c) != store::latestPgSchemaVersion())
            return fail(kExitUnreachable,
                        tr("the central store's schema is not this version's: an administrator "
                           "runs 'rapport admin init' on it first"));
        if (verb == "add") {
            const std::string uid = store::pgAddAssignment(c, newAssignment(o));
            std::printf("%s\n", uiFormat(tr("assignment {id} added: {scenario}"),
                                         {{"id", uid}, {"scenario", o.scenario}})
                                    .c_str());
        } else if (verb == "remove") {
            if (!store::pgRemoveAssignment(c, o.positional[0], store::unixNowMs()))
                return fail(kExitProblems,
                            uiFormat(tr("there is no assignment {id} this login may remove"),
                                     {{"id", o.positional[0]}}));
            std::printf("%s\n",
                        uiFormat(tr("assignment {id} removed"), {{"id", o.positional[0]}}).c_str());
        } else {
            store::AttemptFilter finished;
            finished.finishedOnly = true;
            const auto attempts = store::pgAttempts(c, finished, false);
            const auto list = listedCentral(store::pgListAssignments(c, o.trainee, o.group, o.all));
            if (o.format == "json")
                std::printf("%s\n", toJson(list, attempts, true).dump(2).c_str());
            else
                printText(list, attempts);
        }
    } catch (const store::AssignmentError& e) {
        return fail(kExitProblems, e.what());
    } catch (const store::PgError& e) {
        if (e.sqlstate() == "42501")
            return fail(kExitProblems,
                        uiFormat(tr("the central store refused: this login may not assign to "
                                    "that group ({error})"),
                                 {{"error", e.what()}}));
        return fail(e.connectionLost() || e.sqlstate().empty() ? kExitUnreachable : kExitProblems,
                    e.what());
    }
    return std::fflush(stdout) == 0 ? kExitOk : kExitUsage;
}

}  // namespace

int runAssign(Args args) {
    if (!args.empty() && (args[0] == "--help" || args[0] == "-h")) {
        printUsage(stdout);
        return kExitOk;
    }
    const std::string verb = args.empty() ? "" : std::string(args[0]);
    if (verb != "add" && verb != "list" && verb != "remove")
        return usage(tr("expected add, list or remove"));
    Options o;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string_view a = args[i];
        if (a == "--help" || a == "-h") {
            printUsage(stdout);
            return kExitOk;
        }
        if (!a.starts_with("--")) {
            o.positional.emplace_back(a);
            continue;
        }
        if (a == "--all") {
            o.all = true;
            continue;
        }
        const bool known = a == "--db" || a == "--scenario" || a == "--trainee" || a == "--group" ||
                           a == "--due" || a == "--note" || a == "--by" || a == "--scenarios" ||
                           a == "--data-dir" || a == "--format";
        if (!known) return usage(uiFormat(tr("unknown argument '{argument}'"), {{"argument", a}}));
        if (i + 1 >= args.size())
            return usage(uiFormat(tr("option {option} needs a value"), {{"option", a}}));
        const std::string v(args[++i]);
        if (a == "--db")
            o.db = v;
        else if (a == "--scenario")
            o.scenario = v;
        else if (a == "--trainee")
            o.trainee = v;
        else if (a == "--group")
            o.group = v;
        else if (a == "--note")
            o.note = v;
        else if (a == "--by")
            o.by = v;
        else if (a == "--scenarios")
            o.scenarioDirs.push_back(v);
        else if (a == "--data-dir")
            o.dataDir = v;
        else if (a == "--format")
            o.format = v;
        else if (a == "--due") {
            o.dueAtMs = parseDueDate(v);
            if (!o.dueAtMs)
                return usage(uiFormat(tr("--due expects a date like 2026-03-01, got '{value}'"),
                                      {{"value", v}}));
        }
    }
    // Each option belongs to some sub-verbs only: a stray one is a mistake, not a no-op.
    if (verb == "add") {
        if (o.scenario.empty()) return usage(tr("add needs --scenario ID"));
        if (o.trainee.empty() == o.group.empty())
            return usage(tr("add needs one of --trainee NAME and --group G"));
        if (!o.positional.empty() || o.format != "text")
            return usage(tr("add takes no ID and no --format"));
    } else if (verb == "list") {
        if (!o.trainee.empty() && !o.group.empty())
            return usage(tr("list takes --trainee or --group, not both"));
        if (!o.positional.empty() || !o.scenario.empty() || o.dueAtMs || !o.note.empty() ||
            !o.by.empty() || !o.dataDir.empty() || !o.scenarioDirs.empty())
            return usage(tr("list takes only --trainee, --group, --format and --db"));
        if (o.format != "text" && o.format != "json")
            return usage(uiFormat(tr("--format expects text or json, got '{value}'"),
                                  {{"value", o.format}}));
    } else {
        const bool central = o.db && store::isPostgresUri(*o.db);
        const bool idOk =
            o.positional.size() == 1 &&
            (central ? store::isAssignmentUid(o.positional[0])
                     : !o.positional[0].empty() && o.positional[0].size() <= 18 &&
                           o.positional[0].find_first_not_of("0123456789") == std::string::npos);
        if (!idOk) return usage(tr("remove needs the ID 'rapport assign list' shows"));
        if (!o.scenario.empty() || !o.trainee.empty() || !o.group.empty() || o.dueAtMs ||
            !o.note.empty() || !o.by.empty() || !o.scenarioDirs.empty() || o.format != "text")
            return usage(tr("remove takes only the ID, --db and --data-dir"));
    }
    if (o.all && verb != "list") return usage(tr("--all is for list"));

    if (o.db && store::isPostgresUri(*o.db)) {
        // The central store's login is who assigns: its roles and grants decide, not the
        // local passphrase.
        if (!o.dataDir.empty())
            return usage(
                tr("--data-dir is for a local database: the central store decides "
                   "by the login who may assign"));
        if (verb == "add" && !libraryHas(o.scenarioDirs, o.scenario))
            return fail(kExitUsage, uiFormat(tr("no scenario '{scenario}' in the library (give "
                                                "--scenarios DIR)"),
                                             {{"scenario", o.scenario}}));
        return runCentral(verb, o);
    }
    if (o.all) return usage(tr("--all is for the central store (--db postgresql://…)"));

    const auto path = store::resolveDatabasePath(o.db);
    if (!path) return usage(tr("no results database: give --db PATH or set RAPPORT_DB"));
    std::error_code ec;
    if (!std::filesystem::exists(*path, ec))
        return fail(kExitUsage, uiFormat(tr("no results database at {path}"), {{"path", *path}}));
    if (verb == "add" && !libraryHas(o.scenarioDirs, o.scenario))
        return fail(kExitUsage, uiFormat(tr("no scenario '{scenario}' in the library (give "
                                            "--scenarios DIR)"),
                                         {{"scenario", o.scenario}}));
    if (verb != "list") {
        const AdminGate gate = checkAdminPassphrase(o.dataDir);
        if (gate.exitCode != 0) return fail(gate.exitCode, gate.message);
    }
    try {
        store::StoreOptions options;
        options.readOnly = verb == "list";
        store::ResultsStore store(*path, options);
        if (verb == "add") {
            const auto id = store::addAssignment(store, newAssignment(o));
            std::printf("%s\n", uiFormat(tr("assignment {id} added: {scenario}"),
                                         {{"id", std::to_string(id)}, {"scenario", o.scenario}})
                                    .c_str());
        } else if (verb == "remove") {
            const std::int64_t id = std::stoll(o.positional[0]);
            // A pulled copy would come back at the next sync: it is removed where it lives.
            if (store::assignmentCentralUid(store, id))
                return fail(kExitProblems,
                            uiFormat(tr("assignment {id} comes from the central store: remove it "
                                        "there (rapport assign remove UID --db "
                                        "postgresql://…)"),
                                     {{"id", o.positional[0]}}));
            if (!store::removeAssignment(store, id))
                return fail(kExitProblems,
                            uiFormat(tr("there is no assignment {id}"), {{"id", o.positional[0]}}));
            std::printf("%s\n",
                        uiFormat(tr("assignment {id} removed"), {{"id", o.positional[0]}}).c_str());
        } else {
            store::AttemptFilter finished;
            finished.finishedOnly = true;
            const auto attempts = store.attempts(finished, false);
            const auto list = listedLocal(store, store::listAssignments(store, o.trainee, o.group));
            if (o.format == "json")
                std::printf("%s\n", toJson(list, attempts, false).dump(2).c_str());
            else
                printText(list, attempts);
        }
    } catch (const store::StoreError& e) {
        return fail(kExitUsage, e.what());
    }
    return std::fflush(stdout) == 0 ? kExitOk : kExitUsage;
}

}  // namespace rapport::cli
