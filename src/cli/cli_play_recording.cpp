#include "cli/cli_play_recording.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <thread>

#include "cli/cli_verbs.hpp"
#include "core/translation/ui_format.hpp"
#include "core/translation/ui_text.hpp"
#include "store/database_path.hpp"

namespace rapport::cli {

namespace {

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

// Journals to the recorder, then waits --step-delay-ms (crash tests kill play in the pause).
class RecorderJournal : public AttemptJournal {
public:
    RecorderJournal(store::AttemptRecorder& recorder, int delayMs)
        : recorder_(&recorder), delayMs_(delayMs) {}
    void record(const Session& session) override {
        recorder_->record(session);
        if (delayMs_ > 0) std::this_thread::sleep_for(std::chrono::milliseconds(delayMs_));
    }

private:
    store::AttemptRecorder* recorder_;
    int delayMs_;
};

}  // namespace

std::string utcText(std::int64_t unixMs) {
    std::time_t t = std::time_t(unixMs / 1000);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", &tm);
    return buf;
}

std::string choicesText(int n) { return std::to_string(n) + (n == 1 ? " choice" : " choices"); }

std::string resumeCommand(const PlayOptions& o, const char* flag) {
    std::string cmd = "rapport play " + shellWord(o.file) + " --trainee " + shellWord(*o.trainee);
    if (o.db) cmd += " --db " + shellWord(*o.db);
    // A resume must be checked against the form the attempt was started on.
    if (!o.alternate.empty()) cmd += " --alternate " + shellWord(o.alternate);
    return cmd + " " + flag;
}

int reportRecorded(const Recording& rec, const PlayOptions& o, const PlayScore& scored,
                   const char* what) {
    if (!rec.recorder) return kExitOk;
    if (!rec.recorder->done()) {
        std::fprintf(stderr,
                     tr("rapport play: attempt %lld could not be scored (%s), so it is kept "
                        "unfinished in %s, its last choice not saved; once it can be scored, "
                        "continue it with: %s\n"),
                     static_cast<long long>(rec.recorder->attemptId()), scored.error.c_str(),
                     rec.path.c_str(), resumeCommand(o, "--resume").c_str());
        return kExitProblems;
    }
    std::fprintf(stderr, "rapport play: %s attempt %lld in %s\n", what,
                 static_cast<long long>(rec.recorder->attemptId()), rec.path.c_str());
    return kExitOk;
}

namespace {

std::optional<int> openAttempt(const Scenario& scenario, const ScenarioFramework& framework,
                               const PlayOptions& o, const Clock& clock, Recording& rec,
                               std::optional<AttemptFlow>& flow, bool interactive);

}  // namespace

std::optional<int> startAttempt(const Scenario& scenario, const ScenarioFramework& framework,
                                const PlayOptions& o, const Clock& clock, Recording& rec,
                                std::optional<AttemptFlow>& flow, bool interactive) {
    try {
        return openAttempt(scenario, framework, o, clock, rec, flow, interactive);
    } catch (const store::StoreError& e) {
        // Before play: nothing of this attempt was kept, so no resume hint.
        std::fprintf(stderr, tr("rapport play: %s\n"), e.what());
        return kExitUsage;
    }
}

namespace {

std::optional<int> openAttempt(const Scenario& scenario, const ScenarioFramework& framework,
                               const PlayOptions& o, const Clock& clock, Recording& rec,
                               std::optional<AttemptFlow>& flow, bool interactive) {
    const AttemptMode requested = o.mode.value_or(AttemptMode::Practice);
    if (!o.trainee) {
        flow.emplace(scenario, clock, requested, o.seed);
        return std::nullopt;
    }
    auto path = store::resolveDatabasePath(o.db);
    if (!path)
        return playUsageError(
            "no results database: give --db PATH or set RAPPORT_DB (HOME is not set)");
    rec.path = *path;
    store::ensureParentDirectory(rec.path);
    rec.store.emplace(rec.path);
    store::ResultsStore& db = *rec.store;
    const store::TraineeInfo trainee{*o.trainee, o.employeeId, o.group};
    auto incomplete = db.listIncomplete(*o.trainee, scenario.id);
    if (o.resume) {
        if (incomplete.empty()) {
            std::fprintf(
                stderr,
                tr("rapport play: %s has no incomplete attempt of \"%s\" to resume in %s\n"),
                o.trainee->c_str(), scenario.id.c_str(), rec.path.c_str());
            return kExitProblems;
        }
        std::optional<Session> session;
        try {
            auto r = store::AttemptRecorder::resume(db, incomplete.front().id, scenario, framework,
                                                    clock);
            db.upsertTrainee(trainee);  // a new group or employee id given now is kept
            rec.recorder.emplace(std::move(r.recorder));
            session.emplace(std::move(r.session));
            rec.resumed = std::move(r.record);
        } catch (const store::ResumeError& e) {
            std::fprintf(stderr, tr("rapport play: %s\n"), e.what());
            std::fprintf(stderr, tr("  to drop it and start afresh: %s\n"),
                         resumeCommand(o, "--abandon").c_str());
            return kExitProblems;
        }
        if (o.mode && *o.mode != rec.resumed->mode)
            std::fprintf(stderr,
                         tr("rapport play: the attempt continues in %s mode, as it was started\n"),
                         attemptModeName(rec.resumed->mode));
        rec.journal = std::make_unique<RecorderJournal>(*rec.recorder, o.stepDelayMs);
        // A resumed attempt keeps the mode it was started in.
        flow.emplace(
            AttemptFlow::resumed(std::move(*session), rec.resumed->mode, rec.journal.get()));
        return std::nullopt;
    }
    if (o.abandon) {
        store::StoreAttemptArchive archive(db);
        const auto abandoned =
            abandonUnfinished(archive, *o.trainee, scenario.id, store::unixNowMs());
        if (!abandoned.empty())
            std::fprintf(
                stderr, "%s\n",
                uiFormat(trn("rapport play: {n} incomplete attempt of \"{scenario}\" marked "
                             "abandoned",
                             "rapport play: {n} incomplete attempts of \"{scenario}\" marked "
                             "abandoned",
                             abandoned.size()),
                         {{"n", std::to_string(abandoned.size())}, {"scenario", scenario.id}})
                    .c_str());
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
    rec.recorder.emplace(store::AttemptRecorder::begin(db, trainee, scenario, framework, requested,
                                                       o.seed, store::unixNowMs()));
    rec.journal = std::make_unique<RecorderJournal>(*rec.recorder, o.stepDelayMs);
    flow.emplace(scenario, clock, requested, o.seed, rec.journal.get());
    return std::nullopt;
}

}  // namespace

}  // namespace rapport::cli
