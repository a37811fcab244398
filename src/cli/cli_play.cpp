// `rapport play FILE [--choices LIST] [--seed N] [--json] [--trainee NAME …]`: a terminal front
// end over Session. Scripted play (and its rules) lives in core/scripted_play, recording in
// store/attempt_recorder; this file parses arguments, prints, and reads the trainee's numbers.
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <functional>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "cli/cli_verbs.hpp"
#include "cli/line_input.hpp"
#include "core/checks/scenario_check.hpp"
#include "core/play/attempt_mode.hpp"
#include "core/play/scripted_play.hpp"
#include "core/play/session.hpp"
#include "core/scoring/scoring.hpp"
#include "store/attempt_recorder.hpp"
#include "store/database_path.hpp"

namespace rapport::cli {

namespace {

constexpr const char* kUsage =
    "usage: rapport play FILE [--choices LIST] [--seed N] [--json]\n"
    "                    [--mode practice|exam]\n"
    "                    [--trainee NAME [--employee-id ID] [--group G] [--db PATH]\n"
    "                     [--resume | --abandon]]\n"
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
    "                  (\"report\": the score report, docs/scoring.md); the same in both modes\n"
    "  --mode M        practice (default): each reply's feedback is printed as soon as it is "
    "given,\n"
    "                  and the client's meters before every line; exam: both stay hidden until "
    "the\n"
    "                  conversation has ended (interactive play then prints the feedback after "
    "the\n"
    "                  debrief; a scripted transcript leaves it out). Recorded with the attempt.\n"
    "\n"
    "Recording (docs/results-store.md): with --trainee the attempt is kept in the results "
    "database,\n"
    "journaled choice by choice, so a killed terminal loses nothing; without it nothing is "
    "recorded.\n"
    "  --trainee NAME     who is playing (the key: one trainee per name)\n"
    "  --employee-id ID   stored with the trainee (kept when not given)\n"
    "  --group G          the trainee's group, e.g. a team or intake (kept when not given)\n"
    "  --db PATH          results database (default: $RAPPORT_DB, else\n"
    "                     $XDG_DATA_HOME/rapport/results.db, else "
    "~/.local/share/rapport/results.db)\n"
    "  --resume           continue the trainee's newest incomplete attempt of this scenario where\n"
    "                     it stopped (refused when the scenario file changed since); with "
    "--choices,\n"
    "                     LIST holds the choices still to make\n"
    "  --abandon          mark the trainee's incomplete attempts of this scenario abandoned, then\n"
    "                     start a new attempt\n"
    "  --step-delay-ms N  with --choices: wait N ms after each journaled choice (for crash tests)\n"
    "\n"
    "Exit codes: 0 the conversation reached an ending; 1 the scenario has errors, the script does\n"
    "not fit the conversation, input ended early (a recorded attempt stays resumable), or there "
    "is\n"
    "no attempt to resume or it cannot be resumed; 2 usage error, unreadable file, or the results\n"
    "database cannot be opened or written.\n";

int usageError(const std::string& message) {
    std::fprintf(stderr, "rapport play: %s\n(see 'rapport play --help')\n", message.c_str());
    return kExitUsage;
}

struct Options {
    std::string file;
    std::optional<std::string> choices;
    std::uint64_t seed = 0;
    bool json = false;
    // Recording; all but `trainee` need it.
    std::optional<std::string> trainee;
    std::string employeeId;
    std::string group;
    std::optional<std::string> db;
    std::optional<AttemptMode> mode;
    bool resume = false;
    bool abandon = false;
    int stepDelayMs = 0;
};

// The store side of a recorded play: the open database and the attempt's recorder, or nothing
// when no --trainee was given.
struct Recording {
    std::string path;
    std::optional<store::ResultsStore> store;
    std::optional<store::AttemptRecorder> recorder;
    std::optional<AttemptRecord> resumed;  // the attempt as stored when --resume continued it
};

std::string utcText(std::int64_t unixMs) {
    std::time_t t = std::time_t(unixMs / 1000);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", &tm);
    return buf;
}

// Shell-quotes `s` for the "how to resume" hint when it holds anything but plain characters.
std::string shellWord(const std::string& s) {
    const bool plain = !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) {
        return std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '/' || c == '=' ||
               c == ':' || c == ',';
    });
    if (plain) return s;
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

std::string choicesText(int n) { return std::to_string(n) + (n == 1 ? " choice" : " choices"); }

std::string resumeCommand(const Options& o, const char* flag) {
    std::string cmd = "rapport play " + shellWord(o.file) + " --trainee " + shellWord(*o.trainee);
    if (o.db) cmd += " --db " + shellWord(*o.db);
    return cmd + " " + flag;
}

// Runs the same full check as `rapport validate`, so a file is judged the same way everywhere;
// prints the diagnostics and returns an exit code when it cannot be played.
std::optional<int> loadPlayable(const std::string& path, std::optional<Scenario>& out) {
    ScenarioCheck check = checkScenarioFile(path);
    if (check.playable()) {
        out = std::move(check.scenario);
        return std::nullopt;
    }
    for (const auto& d : check.diagnostics.items())
        std::fprintf(stderr, "%s\n", formatDiagnostic(d).c_str());
    if (check.unreadable) return kExitUsage;
    std::fprintf(stderr, "rapport play: %s cannot be played until its errors are fixed\n",
                 path.c_str());
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

// The feedback the scenario gives for the reply taken at `step`; empty on a timeout or when the
// reply has none.
const std::string& replyFeedback(const Scenario& sc, const TranscriptStep& step) {
    static const std::string none;
    const Choice* c = takenChoice(sc, step);
    return c ? c->feedback : none;
}

void printReadableTranscript(const Session& s, bool withFeedback, std::FILE* out) {
    const Scenario& sc = s.scenario();
    std::fprintf(out, "%s (%s %s)\n\n", sc.title.c_str(), sc.id.c_str(), sc.version.c_str());
    for (const auto& st : s.transcript().steps) {
        std::fprintf(out, "%d. [%s] %s\n", st.step, st.node.c_str(), st.textShown.c_str());
        if (st.timedOut)
            std::fprintf(out, "   > (no answer: time ran out after %s)\n",
                         seconds(st.timeTakenMs).c_str());
        else
            std::fprintf(out, "   > %d. %s  (%s)\n", st.choiceNumber, st.choiceText.c_str(),
                         seconds(st.timeTakenMs).c_str());
        if (const std::string& f = replyFeedback(sc, st); withFeedback && !f.empty())
            std::fprintf(out, "     Feedback: %s\n", f.c_str());
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

// Starts or resumes the recorded attempt (when --trainee was given) before play begins, so a
// store that cannot be opened stops play before the trainee has done anything. Returns an exit
// code when play must not go on. On --resume, `session` is the continued session.
std::optional<int> startRecording(const Scenario& scenario, const Options& o, const Clock& clock,
                                  Recording& rec, std::optional<Session>& session,
                                  bool interactive) {
    if (!o.trainee) return std::nullopt;
    auto path = store::resolveDatabasePath(o.db);
    if (!path)
        return usageError(
            "no results database: give --db PATH or set RAPPORT_DB (HOME is not set)");
    rec.path = *path;
    store::ensureParentDirectory(rec.path);
    rec.store.emplace(rec.path);
    store::ResultsStore& db = *rec.store;
    const store::TraineeInfo trainee{*o.trainee, o.employeeId, o.group};
    auto incomplete = db.listIncomplete(*o.trainee, scenario.id);
    if (o.resume) {
        if (incomplete.empty()) {
            std::fprintf(stderr,
                         "rapport play: %s has no incomplete attempt of \"%s\" to resume in %s\n",
                         o.trainee->c_str(), scenario.id.c_str(), rec.path.c_str());
            return kExitProblems;
        }
        try {
            auto r = store::AttemptRecorder::resume(db, incomplete.front().id, scenario, clock);
            db.upsertTrainee(trainee);  // a new group or employee id given now is kept
            rec.recorder.emplace(std::move(r.recorder));
            session.emplace(std::move(r.session));
            rec.resumed = std::move(r.record);
        } catch (const store::ResumeError& e) {
            std::fprintf(stderr, "rapport play: %s\n", e.what());
            std::fprintf(stderr, "  to drop it and start afresh: %s\n",
                         resumeCommand(o, "--abandon").c_str());
            return kExitProblems;
        }
        if (o.mode && *o.mode != rec.resumed->mode)
            std::fprintf(stderr,
                         "rapport play: the attempt continues in %s mode, as it was started\n",
                         attemptModeName(rec.resumed->mode));
        return std::nullopt;
    }
    if (o.abandon) {
        const std::int64_t now = store::unixNowMs();
        for (const auto& a : incomplete) db.markAbandoned(a.id, now);
        if (!incomplete.empty())
            std::fprintf(stderr,
                         "rapport play: %zu incomplete attempt%s of \"%s\" marked abandoned\n",
                         incomplete.size(), incomplete.size() == 1 ? "" : "s", scenario.id.c_str());
    } else if (interactive && !incomplete.empty()) {
        const AttemptRecord& a = incomplete.front();
        std::printf(
            "You have an unfinished attempt of this scenario, started %s (%s made).\n"
            "  To continue it instead: %s\n"
            "  To drop it:             %s\n"
            "Starting a new attempt; the unfinished one is kept.\n\n",
            utcText(a.startedAtMs).c_str(), choicesText(a.steps).c_str(),
            resumeCommand(o, "--resume").c_str(), resumeCommand(o, "--abandon").c_str());
    }
    rec.recorder.emplace(store::AttemptRecorder::begin(
        db, trainee, scenario, o.mode.value_or(AttemptMode::Practice), o.seed, store::unixNowMs()));
    return std::nullopt;
}

// The mode play runs in: a resumed attempt keeps the mode it was started in.
AttemptMode playMode(const Options& o, const Recording& rec) {
    return rec.resumed ? rec.resumed->mode : o.mode.value_or(AttemptMode::Practice);
}

void reportRecorded(const Recording& rec, const char* what) {
    if (!rec.recorder) return;
    std::fprintf(stderr, "rapport play: %s attempt %lld in %s\n", what,
                 static_cast<long long>(rec.recorder->attemptId()), rec.path.c_str());
}

int runScripted(const Scenario& scenario, const Options& o) {
    std::string error;
    auto script = parseChoiceScript(*o.choices, error);
    if (!script) return usageError("--choices: " + error);
    ManualClock clock;
    Recording rec;
    std::optional<Session> session;
    if (auto code = startRecording(scenario, o, clock, rec, session, false)) return *code;
    if (!session) session.emplace(scenario, clock, o.seed);
    std::function<void(const Session&)> journal;
    if (rec.recorder)
        journal = [&](const Session& s) {
            rec.recorder->record(s);
            if (o.stepDelayMs > 0)
                std::this_thread::sleep_for(std::chrono::milliseconds(o.stepDelayMs));
        };
    error = playScript(*session, clock, *script, journal);
    if (!error.empty()) {
        std::fprintf(stderr, "rapport play: %s\n", error.c_str());
        if (rec.recorder)
            std::fprintf(
                stderr,
                "rapport play: attempt %lld is kept as incomplete (%s); continue it with %s\n",
                static_cast<long long>(rec.recorder->attemptId()),
                choicesText(rec.recorder->journaledSteps()).c_str(),
                resumeCommand(o, "--resume --choices LIST").c_str());
        return kExitProblems;
    }
    PlayScore scored = rec.recorder
                           ? rec.recorder->finish(*session, store::unixNowMs())
                           : (o.json ? scorePlay(scenario, session->transcript()) : PlayScore{});
    if (o.json) {
        nlohmann::json out = playResultToJson(*session);
        // Without a usable framework the play result still prints; the reason goes beside it.
        out["report"] = scored.report ? reportToJson(*scored.report) : nlohmann::json(nullptr);
        if (!scored.report) out["reportError"] = scored.error;
        std::printf("%s\n", out.dump(2).c_str());
    } else {
        // Printed as the trainee would have seen it during play, so an exam transcript has no
        // feedback.
        printReadableTranscript(*session, feedbackShownDuringPlay(playMode(o, rec)), stdout);
    }
    reportRecorded(rec, "recorded");
    return kExitOk;
}

// ---- interactive -------------------------------------------------------------------------

std::string meterBar(std::int64_t value, std::int64_t min, std::int64_t max) {
    constexpr int kWidth = 20;
    const double span = double(max - min);
    int filled = span > 0 ? int((double(value - min) / span) * kWidth + 0.5) : 0;
    filled = std::clamp(filled, 0, kWidth);
    return "[" + std::string(std::size_t(filled), '#') +
           std::string(std::size_t(kWidth - filled), '.') + "]";
}

void printNode(const Session& s, AttemptMode mode) {
    const Scenario& sc = s.scenario();
    std::printf("\n");
    const bool meters = !sc.meters.empty() && (metersShownDuringPlay(mode) || s.finished());
    if (meters) {
        for (const Meter& m : sc.meters) {
            const auto v = s.variable(m.variable);
            std::printf("  %-12s %s %lld/%lld\n", m.label.c_str(),
                        meterBar(v, m.min, m.max).c_str(), static_cast<long long>(v),
                        static_cast<long long>(m.max));
        }
        std::printf("\n");
    }
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
    if (t.empty() || ec != std::errc() || end != t.data() + t.size() || n < 1 ||
        std::size_t(n) > shown)
        return std::nullopt;
    return n - 1;
}

int runInteractive(const Scenario& scenario, const Options& o) {
    const bool tty = ::isatty(STDIN_FILENO) && ::isatty(STDOUT_FILENO);
    SteadyClock clock;
    Recording rec;
    std::optional<Session> session;
    if (auto code = startRecording(scenario, o, clock, rec, session, true)) return *code;
    if (!session) session.emplace(scenario, clock, o.seed);
    Session& s = *session;
    LineInput input(STDIN_FILENO);
    const AttemptMode mode = playMode(o, rec);
    const bool feedbackNow = feedbackShownDuringPlay(mode);

    const Client& c = scenario.client;
    std::printf("%s\n", scenario.title.c_str());
    std::printf("You are meeting %s, %s at %s.\n", c.name.c_str(), c.role.c_str(),
                c.company.c_str());
    if (!c.description.empty()) std::printf("%s\n", c.description.c_str());
    if (!feedbackNow)
        std::printf(
            "\nExam mode: the client's mood and the feedback on your replies stay hidden until the "
            "debrief.\n");
    if (rec.resumed) {
        std::printf("\nContinuing your attempt started %s. So far:\n",
                    utcText(rec.resumed->startedAtMs).c_str());
        for (const auto& st : s.transcript().steps) {
            if (st.timedOut)
                std::printf("  %d. (no answer: time ran out)\n", st.step);
            else
                std::printf("  %d. %s\n", st.step, st.choiceText.c_str());
            if (const std::string& f = replyFeedback(scenario, st); feedbackNow && !f.empty())
                std::printf("     Feedback: %s\n", f.c_str());
        }
    }
    auto stopped = [&](const char* why) {
        std::fprintf(stderr, "rapport play: %s\n", why);
        if (rec.recorder)
            std::fprintf(stderr, "rapport play: your attempt is saved (%s); continue it with: %s\n",
                         choicesText(rec.recorder->journaledSteps()).c_str(),
                         resumeCommand(o, "--resume").c_str());
        return kExitProblems;
    };

    for (;;) {
        printNode(s, mode);
        if (s.finished()) break;
        const bool timed = s.node().isTimed();
        const std::size_t shown = s.choices().size();
        if (shown == 0 && !timed) {
            std::fprintf(stderr,
                         "rapport play: node \"%s\" shows no choices and has no timer; the "
                         "scenario is stuck\n",
                         s.node().id.c_str());
            return kExitProblems;
        }
        bool answered = false;
        while (!answered) {
            if (timed && tty)
                std::printf("\r  %3lld s left > ",
                            static_cast<long long>((s.timeLeftMs() + 999) / 1000));
            else
                std::printf("> ");
            std::fflush(stdout);
            std::string line;
            // Timed nodes wake every second to redraw the countdown and notice expiry.
            const auto status = input.readLine(line, timed ? 1000 : -1);
            if (status == LineInput::Status::Ended) {
                std::printf("\n");
                return stopped("input ended before the conversation did");
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
            const std::string feedback =
                s.node().choices[std::size_t(s.choices()[std::size_t(*pos)])].feedback;
            if (!s.choose(*pos)) {
                std::fprintf(stderr, "rapport play: scenario error: %s\n", s.lastError().c_str());
                return kExitProblems;
            }
            if (feedbackNow && !feedback.empty()) std::printf("  Feedback: %s\n", feedback.c_str());
            answered = true;
        }
        // Journaled before the next line is shown: what the trainee saw answered is on disk.
        if (rec.recorder && !s.finished()) rec.recorder->record(s);
    }
    const Ending* e = s.ending();
    std::printf("\n== %s (%s) ==\n%s\n", e->title.c_str(), outcomeName(e->outcome),
                e->summary.c_str());
    PlayScore scored = rec.recorder ? rec.recorder->finish(s, store::unixNowMs())
                                    : scorePlay(scenario, s.transcript());
    if (scored.report)
        std::printf("%s", debriefText(*scored.report).c_str());
    else
        std::fprintf(stderr, "rapport play: no debrief: %s\n", scored.error.c_str());
    if (!feedbackNow) {
        // What exam mode held back during play, now that the conversation is over.
        std::string held;
        for (const auto& st : s.transcript().steps)
            if (const std::string& f = replyFeedback(scenario, st); !f.empty())
                held +=
                    "  " + std::to_string(st.step) + ". " + st.choiceText + "\n     " + f + "\n";
        if (!held.empty()) std::printf("\nFeedback on your replies:\n%s", held.c_str());
    }
    reportRecorded(rec, "recorded");
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
        auto is = [&](std::string_view name) {
            return a == name || (a.size() > name.size() && a.substr(0, name.size()) == name &&
                                 a[name.size()] == '=');
        };
        if (a == "--help" || a == "-h") {
            std::printf("%s", kUsage);
            return kExitOk;
        } else if (a == "--json") {
            o.json = true;
        } else if (a == "--resume") {
            o.resume = true;
        } else if (a == "--abandon") {
            o.abandon = true;
        } else if (is("--choices")) {
            auto v = value("--choices");
            if (!v) return usageError("--choices needs a list, e.g. --choices 2,1,3");
            o.choices = *v;
        } else if (is("--seed")) {
            auto v = value("--seed");
            if (!v) return usageError("--seed needs a number");
            auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), o.seed);
            if (v->empty() || ec != std::errc() || end != v->data() + v->size())
                return usageError("--seed: \"" + *v + "\" is not a non-negative integer");
        } else if (is("--trainee")) {
            auto v = value("--trainee");
            if (!v) return usageError("--trainee needs a name");
            if (v->find_first_not_of(" \t") == std::string::npos)
                return usageError("--trainee: the name is empty");
            o.trainee = *v;
        } else if (is("--employee-id")) {
            auto v = value("--employee-id");
            if (!v) return usageError("--employee-id needs a value");
            o.employeeId = *v;
        } else if (is("--group")) {
            auto v = value("--group");
            if (!v) return usageError("--group needs a value");
            o.group = *v;
        } else if (is("--db")) {
            auto v = value("--db");
            if (!v || v->empty()) return usageError("--db needs a path");
            o.db = *v;
        } else if (is("--mode")) {
            auto v = value("--mode");
            auto m = v ? parseAttemptMode(*v) : std::nullopt;
            if (!m) return usageError("--mode must be practice or exam");
            o.mode = *m;
        } else if (is("--step-delay-ms")) {
            auto v = value("--step-delay-ms");
            int n = -1;
            if (v) {
                auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
                if (ec != std::errc() || end != v->data() + v->size()) n = -1;
            }
            if (n < 0 || n > 60'000)
                return usageError("--step-delay-ms needs a number of milliseconds (0-60000)");
            o.stepDelayMs = n;
        } else if (a.size() > 1 && a[0] == '-') {
            return usageError("unknown option '" + std::string(a) + "'");
        } else if (o.file.empty()) {
            o.file = std::string(a);
        } else {
            return usageError("plays one file at a time; got '" + o.file + "' and '" +
                              std::string(a) + "'");
        }
    }
    if (o.file.empty()) return usageError("no scenario file given");
    if (o.json && !o.choices)
        return usageError("--json needs --choices (interactive play prints as it goes)");
    if (!o.trainee) {
        const char* needs = !o.employeeId.empty() ? "--employee-id"
                            : !o.group.empty()    ? "--group"
                            : o.db                ? "--db"
                            : o.resume            ? "--resume"
                            : o.abandon           ? "--abandon"
                                                  : nullptr;
        if (needs)
            return usageError(std::string(needs) +
                              " needs --trainee NAME (nothing is recorded without a trainee)");
    }
    if (o.resume && o.abandon) return usageError("--resume and --abandon exclude each other");
    if (o.stepDelayMs > 0 && !o.choices) return usageError("--step-delay-ms needs --choices");

    std::optional<Scenario> scenario;
    if (auto code = loadPlayable(o.file, scenario)) return *code;
    try {
        return o.choices ? runScripted(*scenario, o) : runInteractive(*scenario, o);
    } catch (const store::StoreError& e) {
        // Every journaled choice is already committed; the attempt stays resumable.
        std::fprintf(stderr, "rapport play: %s\n", e.what());
        return kExitUsage;
    }
}

}  // namespace rapport::cli
