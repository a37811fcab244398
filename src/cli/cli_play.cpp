// `rapport play FILE [--choices LIST | --protocol] [--seed N] [--json] [--trainee NAME …]`: a
// terminal front end over the attempt flow (core/play/attempt_flow). This file parses the
// arguments and checks the file; cli_play_recording.cpp opens the recorded attempt,
// cli_play_scripted.cpp, cli_play_protocol.cpp and cli_play_interactive.cpp play and print.
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>

#include "cli/cli_play_options.hpp"
#include "cli/cli_play_recording.hpp"
#include "cli/cli_verbs.hpp"
#include "core/alternates/alternate_scenario.hpp"
#include "core/alternates/retake_form.hpp"
#include "core/checks/scenario_check.hpp"
#include "core/files/bounded_read.hpp"
#include "core/play/reply_order.hpp"
#include "core/source/json_source.hpp"
#include "core/source/sha256.hpp"
#include "core/text/number_format.hpp"
#include "core/translation/ui_text.hpp"
#include "store/database_path.hpp"
#include "store/results_store.hpp"

namespace rapport::cli {

namespace {

// Usage is for people and translated; the option names in it stay as typed.
const char* usageText() {
    return tr(
        "usage: rapport play FILE [--choices LIST | --protocol] [--seed N] [--json]\n"
        "                    [--mode practice|exam] [--form F] [--alternate ID|auto]\n"
        "                    [--trainee NAME [--employee-id ID] [--group G] [--db PATH]\n"
        "                     [--resume | --abandon]]\n"
        "\n"
        "Plays a scenario in the terminal. The file is checked first; a scenario with errors is "
        "not\n"
        "played (its diagnostics are printed and the exit code is 1).\n"
        "\n"
        "Without --choices: interactive. Type the number of a choice and press Enter. Timed "
        "questions\n"
        "show a countdown; when it reaches zero the conversation moves on without your answer.\n"
        "\n"
        "  --choices LIST  scripted play: comma-separated 1-based positions among the choices "
        "shown\n"
        "                  at each step, e.g. 2,1,3; 't' lets the timer of a timed question run "
        "out.\n"
        "                  Each answer is taken 1 s (simulated) after its question appeared; a "
        "'t'\n"
        "                  takes exactly the time limit. The script must end exactly at an "
        "ending.\n"
        "  --protocol      JSON Lines for bots and tools: one event per line on stdout (start, "
        "line,\n"
        "                  choose, feedback in practice mode, error, ending with the score "
        "report),\n"
        "                  one answer per line on stdin: {\"choice\": ID} or {\"timeout\": true}.\n"
        "                  Untimed (\"timeLimit\" only tells the limit); docs/cli.md has an "
        "example\n"
        "  --seed N        the attempt's seed, recorded with it: it orders each question's "
        "replies\n"
        "                  (0 = as written in the file; nodes with \"shuffle\": false never "
        "move).\n"
        "                  Default: 0 with --choices, so positions read as written; a fresh seed "
        "for\n"
        "                  interactive and --protocol play. --resume keeps the attempt's own seed\n"
        "  --alternate A   play the scenario's alternate form A (its \"alternates\"); auto: the "
        "form\n"
        "                  the trainee (--trainee) has played least, the original first on ties;\n"
        "                  with --resume, the form of the attempt being continued\n"
        "  --json          with --choices: print {\"scenario\", \"seed\", \"ending\", "
        "\"transcript\",\n"
        "                  \"variables\", \"report\"} as JSON instead of a readable transcript\n"
        "                  (\"report\": the score report, docs/scoring.md); the same in both "
        "modes\n"
        "  --mode M        practice (default): each reply's feedback is printed as soon as it is "
        "given,\n"
        "                  and the client's meters before every line; exam: both stay hidden until "
        "the\n"
        "                  conversation has ended (interactive play then prints the feedback after "
        "the\n"
        "                  debrief; a scripted transcript leaves it out). Recorded with the "
        "attempt.\n"
        "\n"
        "Recording (docs/results-store.md): with --trainee the attempt is kept in the results "
        "database,\n"
        "journaled choice by choice, so a killed terminal loses nothing; without it nothing is "
        "recorded.\n"
        "  --trainee NAME     who is playing (the key: one trainee per name)\n"
        "  --employee-id ID   stored with the trainee (kept when not given)\n"
        "  --form F           the trainee's grammatical form: masculine, feminine or neutral\n"
        "                     (default); picks {masculine|feminine} words in lines and replies\n"
        "  --group G          the trainee's group, e.g. a team or intake (kept when not given)\n"
        "  --db PATH          results database (default: $RAPPORT_DB, else\n"
        "                     $XDG_DATA_HOME/rapport/results.db, else "
        "~/.local/share/rapport/results.db)\n"
        "  --resume           continue the trainee's newest incomplete attempt of this scenario "
        "where\n"
        "                     it stopped (refused when the scenario file changed since); with "
        "--choices,\n"
        "                     LIST holds the choices still to make\n"
        "  --abandon          mark the trainee's incomplete attempts of this scenario abandoned, "
        "then\n"
        "                     start a new attempt\n"
        "  --step-delay-ms N  with --choices: wait N ms after each journaled choice (for crash "
        "tests)\n"
        "  --finish-delay-ms N  with --choices and --trainee: wait N ms just before and just "
        "after\n"
        "                     the attempt's finishing transaction, saying so on stderr (crash "
        "tests)\n"
        "\n"
        "Exit codes: 0 the conversation reached an ending; 1 the scenario has errors, the script "
        "does\n"
        "not fit the conversation, input (interactive or --protocol) ended early (a recorded "
        "attempt\n"
        "stays resumable), or there is no attempt to resume or it cannot be resumed; 2 usage "
        "error,\n"
        "unreadable file, or the results database cannot be opened or written.\n");
}

}  // namespace

int playUsageError(const std::string& message) {
    std::fprintf(stderr, tr("rapport play: %s\n(see 'rapport play --help')\n"), message.c_str());
    return kExitUsage;
}

std::string secondsText(std::int64_t ms) { return oneDecimal(double(ms) / 1000.0) + " s"; }

namespace {

// Runs the same full check as `rapport validate`, so a file is judged the same way everywhere;
// prints the diagnostics and returns an exit code when it cannot be played.
std::optional<int> loadPlayable(const std::string& path, std::optional<Scenario>& out,
                                ScenarioFramework& framework) {
    ScenarioCheck check = checkScenarioFile(path);
    if (check.playable()) {
        out = std::move(check.scenario);
        framework = scenarioFramework(*out, std::move(check.framework));
        return std::nullopt;
    }
    for (const auto& d : check.diagnostics.items())
        std::fprintf(stderr, "%s\n", formatDiagnostic(d).c_str());
    if (check.unreadable) return kExitUsage;
    std::fprintf(stderr, tr("rapport play: %s cannot be played until its errors are fixed\n"),
                 path.c_str());
    return kExitProblems;
}
// The form --alternate names, as the check pipeline prepared it. "auto" counts the trainee's
// recorded attempts of the scenario by form (core/alternates/retake_form.hpp).
std::optional<int> loadForm(const PlayOptions& o, std::optional<Scenario>& scenario,
                            ScenarioFramework& framework) {
    if (o.alternate.empty()) return std::nullopt;
    const BoundedRead read = readBoundedFile(o.file, kMaxSourceBytes);
    if (!read || sha256Hex(read.text) != scenario->contentHash) {
        std::fprintf(stderr, tr("rapport play: %s changed while it was being read; try again\n"),
                     o.file.c_str());
        return kExitUsage;
    }
    std::string id = o.alternate;
    if (id == "auto") {
        id.clear();
        if (o.trainee && !scenario->alternates.empty()) {
            const auto path = store::resolveDatabasePath(o.db);
            if (path && std::filesystem::exists(*path)) {
                store::ResultsStore db(*path);
                store::AttemptFilter filter;
                filter.trainee = *o.trainee;
                filter.scenario = scenario->id;
                const auto attempts = db.attempts(filter, false);
                id = o.resume ? resumedForm(*scenario, read.text, attempts).value_or("")
                              : nextForm(*scenario, read.text, attempts);
            }
        }
        if (id.empty()) return std::nullopt;
    }
    ScenarioCheck check = checkAlternate(*scenario, read.text, id);
    if (check.playable()) {
        scenario = std::move(check.scenario);
        framework = scenarioFramework(*scenario, std::move(check.framework));
        return std::nullopt;
    }
    for (const auto& d : check.diagnostics.items())
        std::fprintf(stderr, "%s\n", formatDiagnostic(d).c_str());
    return kExitProblems;
}

}  // namespace

int runPlay(Args args) {
    PlayOptions o;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string_view a = args[i];
        auto value = [&](std::string_view name) -> std::optional<std::string> {
            if (a.size() > name.size() && a.substr(0, name.size()) == name && a[name.size()] == '=')
                return std::string(a.substr(name.size() + 1));
            if (i + 1 >= args.size()) return std::nullopt;
            return std::string(args[++i]);
        };
        auto is = [&](std::string_view name) {
            return a == name || (a.size() > name.size() && a.substr(0, name.size()) == name &&
                                 a[name.size()] == '=');
        };
        if (a == "--help" || a == "-h") {
            std::printf("%s", usageText());
            return kExitOk;
        } else if (a == "--json") {
            o.json = true;
        } else if (a == "--protocol") {
            o.protocol = true;
        } else if (a == "--resume") {
            o.resume = true;
        } else if (a == "--abandon") {
            o.abandon = true;
        } else if (is("--choices")) {
            auto v = value("--choices");
            if (!v) return playUsageError("--choices needs a list, e.g. --choices 2,1,3");
            o.choices = *v;
        } else if (is("--seed")) {
            auto v = value("--seed");
            if (!v) return playUsageError("--seed needs a number");
            auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), o.seed);
            if (v->empty() || ec != std::errc() || end != v->data() + v->size())
                return playUsageError("--seed: \"" + *v + "\" is not a non-negative integer");
            o.seedGiven = true;
        } else if (is("--trainee")) {
            auto v = value("--trainee");
            if (!v) return playUsageError("--trainee needs a name");
            if (v->find_first_not_of(" \t") == std::string::npos)
                return playUsageError("--trainee: the name is empty");
            o.trainee = *v;
        } else if (is("--form")) {
            auto v = value("--form");
            const auto form = v ? parseGrammaticalForm(*v) : std::nullopt;
            if (!form) {
                std::string m =
                    rapport::tr("--form expects masculine, feminine or neutral, got '%s'");
                m.replace(m.find("%s"), 2, v.value_or(""));
                return playUsageError(m);
            }
            o.form = *form;
        } else if (is("--alternate")) {
            auto v = value("--alternate");
            if (!v || v->empty())
                return playUsageError(rapport::tr("--alternate needs the id of a form, or auto"));
            o.alternate = *v;
        } else if (is("--employee-id")) {
            auto v = value("--employee-id");
            if (!v) return playUsageError("--employee-id needs a value");
            o.employeeId = *v;
        } else if (is("--group")) {
            auto v = value("--group");
            if (!v) return playUsageError("--group needs a value");
            o.group = *v;
        } else if (is("--db")) {
            auto v = value("--db");
            if (!v || v->empty()) return playUsageError("--db needs a path");
            o.db = *v;
        } else if (is("--mode")) {
            auto v = value("--mode");
            auto m = v ? parseAttemptMode(*v) : std::nullopt;
            if (!m) return playUsageError("--mode must be practice or exam");
            o.mode = *m;
        } else if (is("--step-delay-ms") || is("--finish-delay-ms")) {
            const std::string flag(a);
            auto v = value(flag.c_str());
            int n = -1;
            if (v) {
                auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
                if (ec != std::errc() || end != v->data() + v->size()) n = -1;
            }
            if (n < 0 || n > 60'000)
                return playUsageError(flag + " needs a number of milliseconds (0-60000)");
            (flag == "--step-delay-ms" ? o.stepDelayMs : o.finishDelayMs) = n;
        } else if (a.size() > 1 && a[0] == '-') {
            return playUsageError("unknown option '" + std::string(a) + "'");
        } else if (o.file.empty()) {
            o.file = std::string(a);
        } else {
            return playUsageError("plays one file at a time; got '" + o.file + "' and '" +
                                  std::string(a) + "'");
        }
    }
    if (o.file.empty()) return playUsageError("no scenario file given");
    if (o.protocol && o.choices)
        return playUsageError(
            "--protocol and --choices exclude each other (answers come on stdin)");
    if (o.protocol && o.json)
        return playUsageError("--protocol writes JSON Lines already; leave out --json");
    if (o.json && !o.choices)
        return playUsageError("--json needs --choices (interactive play prints as it goes)");
    if (!o.trainee) {
        const char* needs = !o.employeeId.empty() ? "--employee-id"
                            : !o.group.empty()    ? "--group"
                            : o.db                ? "--db"
                            : o.resume            ? "--resume"
                            : o.abandon           ? "--abandon"
                                                  : nullptr;
        if (needs)
            return playUsageError(std::string(needs) +
                                  " needs --trainee NAME (nothing is recorded without a trainee)");
    }
    if (o.resume && o.abandon) return playUsageError("--resume and --abandon exclude each other");
    if (o.stepDelayMs > 0 && !o.choices) return playUsageError("--step-delay-ms needs --choices");
    if (o.finishDelayMs > 0 && (!o.choices || !o.trainee))
        return playUsageError("--finish-delay-ms needs --choices and --trainee");
    // A script's positions read as written; a person (or bot) playing gets the replies in an
    // order of its own, so a retake is skill, not memory.
    if (!o.seedGiven && !o.choices) o.seed = freshAttemptSeed();

    std::optional<Scenario> scenario;
    ScenarioFramework framework;
    if (auto code = loadPlayable(o.file, scenario, framework)) return *code;
    try {
        if (auto code = loadForm(o, scenario, framework)) return *code;
    } catch (const store::StoreError& e) {
        std::fprintf(stderr, tr("rapport play: %s\n"), e.what());
        return kExitUsage;
    }
    try {
        return o.choices    ? runScriptedPlay(*scenario, framework, o)
               : o.protocol ? runProtocolPlay(*scenario, framework, o)
                            : runInteractivePlay(*scenario, framework, o);
    } catch (const store::StoreError& e) {
        // Every journaled choice is already committed; the attempt stays resumable.
        std::fprintf(stderr, tr("rapport play: %s\n"), e.what());
        // startAttempt reports its own store errors: one here came after the attempt began.
        if (o.trainee)
            std::fprintf(stderr,
                         "rapport play: the attempt is kept with every choice saved before "
                         "this; %scontinue it with: %s\n",
                         e.diskFull() ? "once there is free space again, " : "",
                         resumeCommand(o, "--resume").c_str());
        return kExitUsage;
    }
}

}  // namespace rapport::cli
