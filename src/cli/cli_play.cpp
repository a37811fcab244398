// `rapport play FILE [--choices LIST] [--seed N] [--json]`: a terminal front end over Session.
// Scripted play (and its rules) lives in core/scripted_play; this file parses arguments, prints,
// and reads the trainee's numbers.
#include <algorithm>
#include <charconv>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include <unistd.h>

#include "cli_verbs.hpp"
#include "line_input.hpp"
#include "scenario_check.hpp"
#include "scoring.hpp"
#include "scripted_play.hpp"
#include "session.hpp"

namespace rapport::cli {

namespace {

constexpr const char* kUsage =
    "usage: rapport play FILE [--choices LIST] [--seed N] [--json]\n"
    "\n"
    "Plays a scenario in the terminal. The file is checked first; a scenario with errors is not\n"
    "played (its diagnostics are printed and the exit code is 1).\n"
    "\n"
    "Without --choices: interactive. Type the number of a choice and press Enter. Timed questions\n"
    "show a countdown; when it reaches zero the conversation moves on without your answer.\n"
    "\n"
    "  --choices LIST  scripted play: comma-separated 1-based positions among the choices shown\n"
    "                  at each step, e.g. 2,1,3; 't' lets the timer of a timed question run out.\n"
    "                  Each answer is taken 1 s (simulated) after its question appeared; a 't'\n"
    "                  takes exactly the time limit. The script must end exactly at an ending.\n"
    "  --seed N        random seed recorded in the transcript (default 0)\n"
    "  --json          with --choices: print {\"scenario\", \"seed\", \"ending\", \"transcript\",\n"
    "                  \"variables\", \"report\"} as JSON instead of a readable transcript\n"
    "                  (\"report\": the score report, docs/scoring.md)\n"
    "\n"
    "Exit codes: 0 the conversation reached an ending; 1 the scenario has errors, the script does\n"
    "not fit the conversation, or input ended early; 2 usage error or unreadable file.\n";

int usageError(const std::string& message) {
    std::fprintf(stderr, "rapport play: %s\n(see 'rapport play --help')\n", message.c_str());
    return kExitUsage;
}

struct Options {
    std::string file;
    std::optional<std::string> choices;
    std::uint64_t seed = 0;
    bool json = false;
};

// Runs the same full check as `rapport validate`, so a file is judged the same way everywhere;
// prints the diagnostics and returns an exit code when it cannot be played.
std::optional<int> loadPlayable(const std::string& path, std::optional<Scenario>& out) {
    ScenarioCheck check = checkScenarioFile(path);
    if (check.playable()) {
        out = std::move(check.scenario);
        return std::nullopt;
    }
    for (const auto& d : check.diagnostics.items()) std::fprintf(stderr, "%s\n", formatDiagnostic(d).c_str());
    if (check.unreadable) return kExitUsage;
    std::fprintf(stderr, "rapport play: %s cannot be played until its errors are fixed\n", path.c_str());
    return kExitProblems;
}

std::string speakerLabel(const Session& s) {
    const Node& n = s.node();
    if (n.speaker == Speaker::Narrator) return "";
    const std::string& name = s.scenario().client.name;
    return (name.empty() ? std::string("Client") : name) + ": ";
}

std::string seconds(std::int64_t ms) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f s", double(ms) / 1000.0);
    return buf;
}

void printReadableTranscript(const Session& s, std::FILE* out) {
    const Scenario& sc = s.scenario();
    std::fprintf(out, "%s (%s %s)\n\n", sc.title.c_str(), sc.id.c_str(), sc.version.c_str());
    for (const auto& st : s.transcript().steps) {
        std::fprintf(out, "%d. [%s] %s\n", st.step, st.node.c_str(), st.textShown.c_str());
        if (st.timedOut)
            std::fprintf(out, "   > (no answer: time ran out after %s)\n", seconds(st.timeTakenMs).c_str());
        else
            std::fprintf(out, "   > %d. %s  (%s)\n", st.choiceNumber, st.choiceText.c_str(),
                         seconds(st.timeTakenMs).c_str());
    }
    if (const Ending* e = s.ending())
        std::fprintf(out, "\nEnding [%s]: %s (%s)\n%s\n", s.node().id.c_str(), e->title.c_str(),
                     outcomeName(e->outcome), e->summary.c_str());
    std::fprintf(out, "\nVariables:");
    for (std::size_t i = 0; i < sc.variables.size(); ++i) {
        const auto& v = sc.variables[i];
        if (v.type == ValueType::Boolean)
            std::fprintf(out, " %s=%s", v.id.c_str(), s.variable(int(i)) ? "true" : "false");
        else
            std::fprintf(out, " %s=%lld", v.id.c_str(), static_cast<long long>(s.variable(int(i))));
    }
    std::fprintf(out, "\n");
}

int runScripted(const Scenario& scenario, const Options& o) {
    std::string error;
    auto script = parseChoiceScript(*o.choices, error);
    if (!script) return usageError("--choices: " + error);
    ManualClock clock;
    Session session(scenario, clock, o.seed);
    error = playScript(session, clock, *script);
    if (!error.empty()) {
        std::fprintf(stderr, "rapport play: %s\n", error.c_str());
        return kExitProblems;
    }
    if (o.json) {
        nlohmann::json out = playResultToJson(session);
        PlayScore scored = scorePlay(scenario, session.transcript());
        // Without a usable framework the play result still prints; the reason goes beside it.
        out["report"] = scored.report ? reportToJson(*scored.report) : nlohmann::json(nullptr);
        if (!scored.report) out["reportError"] = scored.error;
        std::printf("%s\n", out.dump(2).c_str());
    } else {
        printReadableTranscript(session, stdout);
    }
    return kExitOk;
}

// ---- interactive -------------------------------------------------------------------------

std::string meterBar(std::int64_t value, std::int64_t min, std::int64_t max) {
    constexpr int kWidth = 20;
    const double span = double(max - min);
    int filled = span > 0 ? int((double(value - min) / span) * kWidth + 0.5) : 0;
    filled = std::clamp(filled, 0, kWidth);
    return "[" + std::string(std::size_t(filled), '#') + std::string(std::size_t(kWidth - filled), '.') + "]";
}

void printNode(const Session& s) {
    const Scenario& sc = s.scenario();
    std::printf("\n");
    for (const Meter& m : sc.meters) {
        const auto v = s.variable(m.variable);
        std::printf("  %-12s %s %lld/%lld\n", m.label.c_str(), meterBar(v, m.min, m.max).c_str(),
                    static_cast<long long>(v), static_cast<long long>(m.max));
    }
    if (!sc.meters.empty()) std::printf("\n");
    std::printf("%s%s\n", speakerLabel(s).c_str(), s.text().c_str());
    if (s.finished()) return;
    std::printf("\n");
    const auto& shown = s.choices();
    for (std::size_t i = 0; i < shown.size(); ++i)
        std::printf("  %zu. %s\n", i + 1, s.node().choices[std::size_t(shown[i])].text.c_str());
    if (s.node().isTimed())
        std::printf("\n  (you have %s to answer)\n", seconds(s.timeLeftMs()).c_str());
}

std::optional<int> parsePosition(const std::string& line, std::size_t shown) {
    std::string_view t = line;
    while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) t.remove_prefix(1);
    while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.remove_suffix(1);
    int n = 0;
    auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), n);
    if (t.empty() || ec != std::errc() || end != t.data() + t.size() || n < 1 || std::size_t(n) > shown)
        return std::nullopt;
    return n - 1;
}

int runInteractive(const Scenario& scenario, const Options& o) {
    const bool tty = ::isatty(STDIN_FILENO) && ::isatty(STDOUT_FILENO);
    SteadyClock clock;
    Session s(scenario, clock, o.seed);
    LineInput input(STDIN_FILENO);

    const Client& c = scenario.client;
    std::printf("%s\n", scenario.title.c_str());
    std::printf("You are meeting %s, %s at %s.\n", c.name.c_str(), c.role.c_str(), c.company.c_str());
    if (!c.description.empty()) std::printf("%s\n", c.description.c_str());

    for (;;) {
        printNode(s);
        if (s.finished()) break;
        const bool timed = s.node().isTimed();
        const std::size_t shown = s.choices().size();
        if (shown == 0 && !timed) {
            std::fprintf(stderr, "rapport play: node \"%s\" shows no choices and has no timer; the scenario is stuck\n",
                         s.node().id.c_str());
            return kExitProblems;
        }
        bool answered = false;
        while (!answered) {
            if (timed && tty)
                std::printf("\r  %3lld s left > ", static_cast<long long>((s.timeLeftMs() + 999) / 1000));
            else
                std::printf("> ");
            std::fflush(stdout);
            std::string line;
            // Timed nodes wake every second to redraw the countdown and notice expiry.
            const auto status = input.readLine(line, timed ? 1000 : -1);
            if (status == LineInput::Status::Ended) {
                std::printf("\n");
                std::fprintf(stderr, "rapport play: input ended before the conversation did\n");
                return kExitProblems;
            }
            // An answer typed after the limit counts as no answer: the client did not wait.
            if (timed && s.timeExpired()) {
                std::printf("\n  Time is up.\n");
                s.timeout();
                answered = true;
                continue;
            }
            if (status == LineInput::Status::TimedOut) {
                if (!tty) std::printf("\n");
                continue;
            }
            auto pos = parsePosition(line, shown);
            if (!pos) {
                std::printf("  Please type a number from 1 to %zu.\n", shown);
                continue;
            }
            if (!s.choose(*pos)) {
                std::fprintf(stderr, "rapport play: scenario error: %s\n", s.lastError().c_str());
                return kExitProblems;
            }
            answered = true;
        }
    }
    const Ending* e = s.ending();
    std::printf("\n== %s (%s) ==\n%s\n", e->title.c_str(), outcomeName(e->outcome), e->summary.c_str());
    PlayScore scored = scorePlay(scenario, s.transcript());
    if (scored.report)
        std::printf("%s", debriefText(*scored.report).c_str());
    else
        std::fprintf(stderr, "rapport play: no debrief: %s\n", scored.error.c_str());
    return kExitOk;
}

}  // namespace

int runPlay(Args args) {
    Options o;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string_view a = args[i];
        auto value = [&](std::string_view name) -> std::optional<std::string> {
            if (a.size() > name.size() && a.substr(0, name.size()) == name && a[name.size()] == '=')
                return std::string(a.substr(name.size() + 1));
            if (i + 1 >= args.size()) return std::nullopt;
            return std::string(args[++i]);
        };
        if (a == "--help" || a == "-h") {
            std::printf("%s", kUsage);
            return kExitOk;
        } else if (a == "--json") {
            o.json = true;
        } else if (a == "--choices" || a.rfind("--choices=", 0) == 0) {
            auto v = value("--choices");
            if (!v) return usageError("--choices needs a list, e.g. --choices 2,1,3");
            o.choices = *v;
        } else if (a == "--seed" || a.rfind("--seed=", 0) == 0) {
            auto v = value("--seed");
            if (!v) return usageError("--seed needs a number");
            auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), o.seed);
            if (v->empty() || ec != std::errc() || end != v->data() + v->size())
                return usageError("--seed: \"" + *v + "\" is not a non-negative integer");
        } else if (a.size() > 1 && a[0] == '-') {
            return usageError("unknown option '" + std::string(a) + "'");
        } else if (o.file.empty()) {
            o.file = std::string(a);
        } else {
            return usageError("plays one file at a time; got '" + o.file + "' and '" + std::string(a) + "'");
        }
    }
    if (o.file.empty()) return usageError("no scenario file given");
    if (o.json && !o.choices) return usageError("--json needs --choices (interactive play prints as it goes)");

    std::optional<Scenario> scenario;
    if (auto code = loadPlayable(o.file, scenario)) return *code;
    return o.choices ? runScripted(*scenario, o) : runInteractive(*scenario, o);
}

}  // namespace rapport::cli
