// Crash safety of recorded play, end to end: the real `rapport play --trainee` is killed with
// SIGKILL at many seeded random points (and once right after a known journaled step), then the
// database must be intact, every finished attempt present with its report, and every interrupted
// one kept in progress and resumable. Also: two processes recording into one database at once.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "core/checks/scenario_check.hpp"
#include "core/framework/scenario_framework.hpp"
#include "store/attempt_recorder.hpp"
#include "support/build_paths.hpp"
#include "support/files.hpp"
#include "support/store_test_support.hpp"

using namespace rapport;
using namespace rapport::store;
using rapport::test::readText;
using rapport::test::TempDir;

TEST_SUITE_BEGIN("crash-safety");

namespace {

const std::string kHub = std::string(RAPPORT_FIXTURES_DIR) + "/session/hub.json";
const std::vector<std::string> kScript = {"1", "2", "1", "3", "2"};  // five decisions to "won_end"
const std::vector<std::string> kChoiceIds = {"greet", "needs", "budget", "pitch", "hold"};
constexpr int kStepDelayMs = 20;

std::string join(const std::vector<std::string>& v, std::size_t from = 0) {
    std::string out;
    for (std::size_t i = from; i < v.size(); ++i) out += (i > from ? "," : "") + v[i];
    return out;
}

// Starts `rapport ARGS` with stdin from /dev/null and its output in `log` (appended).
pid_t spawn(const std::vector<std::string>& args, const std::string& log) {
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        int in = ::open("/dev/null", O_RDONLY);
        int out = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        if (in < 0 || out < 0) _exit(126);
        ::dup2(in, 0);
        ::dup2(out, 1);
        ::dup2(out, 2);
        std::vector<char*> argv;
        argv.push_back(const_cast<char*>(RAPPORT_CLI_PATH));
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        ::execv(RAPPORT_CLI_PATH, argv.data());
        _exit(127);
    }
    return pid;
}

std::vector<std::string> playArgs(const std::string& trainee, const std::string& db,
                                  const std::string& choices, int delayMs, bool resume = false) {
    std::vector<std::string> a = {"play",      kHub,    "--choices", choices,
                                  "--trainee", trainee, "--db",      db};
    if (delayMs > 0) a.insert(a.end(), {"--step-delay-ms", std::to_string(delayMs)});
    if (resume) a.push_back("--resume");
    return a;
}

int waitExit(pid_t pid) {
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}

std::int64_t stepsJournaled(Database& db, const std::string& trainee) {
    Statement s(db,
                "SELECT a.step_count FROM attempts a JOIN trainees t ON t.id = a.trainee_id WHERE "
                "t.name = ?");
    s.bind(1, trainee);
    return s.step() ? s.integer(0) : -1;
}

Scenario loadHub() {
    ScenarioCheck check = checkScenarioFile(kHub);
    REQUIRE(check.playable());
    return std::move(*check.scenario);
}

// What every attempt of `trainee` must look like after the kill: a finished one complete with
// its report; an interrupted one in progress, its journal a prefix of the script, resumable.
void checkAttemptOf(ResultsStore& db, const Scenario& hub, const std::string& trainee, int exitCode,
                    int& finished, int& interrupted) {
    CAPTURE(trainee);
    CAPTURE(exitCode);
    AttemptFilter f;
    f.trainee = trainee;
    auto list = db.attempts(f);
    if (exitCode == 0) REQUIRE(list.size() == 1);
    REQUIRE(list.size() <= 1);  // killed before the attempt began: nothing, never a half-made row
    if (list.empty()) return;
    StoredAttempt a = db.loadAttempt(list[0].id);
    REQUIRE(a.transcript.steps.size() == std::size_t(a.record.steps));
    for (std::size_t i = 0; i < a.transcript.steps.size(); ++i)
        CHECK(a.transcript.steps[i].choice == kChoiceIds[i]);
    if (a.record.status == AttemptStatus::Finished) {
        ++finished;
        CHECK(a.record.steps == 5);
        CHECK(a.record.endingNode == "won_end");
        CHECK(a.report.is_object());
        CHECK_FALSE(a.record.competencies.empty());
        CHECK(a.sessionState.is_null());
        return;
    }
    REQUIRE(a.record.status == AttemptStatus::InProgress);
    CHECK(exitCode != 0);
    ++interrupted;
    if (a.record.steps > 0) CHECK(a.sessionState.is_object());
    ManualClock clock;
    ResumedAttempt r =
        AttemptRecorder::resume(db, a.record.id, hub, findScenarioFramework(hub), clock);
    CHECK(r.session.transcript().steps.size() == std::size_t(a.record.steps));
}

}  // namespace

TEST_CASE(
    "rapport play killed at random points: the database stays intact and no attempt is lost") {
    TempDir dir;
    const std::string db = dir.file("results.db");
    const std::string log = dir.file("play.log");
    { ResultsStore create(db); }
    const Scenario hub = loadHub();

    // One uninterrupted run sets the span the kill points are drawn from (it varies with load).
    const auto t0 = std::chrono::steady_clock::now();
    REQUIRE(waitExit(spawn(playArgs("Calibration", db, join(kScript), kStepDelayMs), log)) == 0);
    const auto spanMs =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0)
            .count();

    std::mt19937 rng(20261127);
    std::uniform_int_distribution<long> when(0, std::max<long>(20, long(spanMs) * 11 / 10));
    constexpr int kRuns = 16;
    std::vector<int> exits;
    for (int i = 0; i < kRuns; ++i) {
        pid_t pid =
            spawn(playArgs("Run " + std::to_string(i), db, join(kScript), kStepDelayMs), log);
        std::this_thread::sleep_for(std::chrono::milliseconds(when(rng)));
        ::kill(pid,
               SIGKILL);  // a child that already exited is a zombie until waited: no stray kill
        exits.push_back(waitExit(pid));
    }

    // And one kill that certainly lands mid-attempt: right after the second decision is on disk.
    int polledSteps = 0;
    {
        pid_t pid = spawn(playArgs("Polled", db, join(kScript), 200), log);
        Database watch(db);
        sqlite3_busy_timeout(watch.handle(), 10000);  // a reader may meet the writer's checkpoint
        for (int i = 0; i < 5000 && stepsJournaled(watch, "Polled") < 2; ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        ::kill(pid, SIGKILL);
        CHECK(waitExit(pid) == -SIGKILL);
        polledSteps = int(stepsJournaled(watch, "Polled"));
        REQUIRE(polledSteps >= 2);
        REQUIRE(polledSteps < 5);
    }

    ResultsStore store(db);
    CHECK(store.integrityCheck() == "ok");
    {
        Statement fk(store.database(), "PRAGMA foreign_key_check");
        CHECK_FALSE(fk.step());
    }
    int finished = 0, interrupted = 0;
    checkAttemptOf(store, hub, "Calibration", 0, finished, interrupted);
    for (int i = 0; i < kRuns; ++i)
        checkAttemptOf(store, hub, "Run " + std::to_string(i), exits[std::size_t(i)], finished,
                       interrupted);
    checkAttemptOf(store, hub, "Polled", -SIGKILL, finished, interrupted);
    MESSAGE("random kills: " << kRuns << " runs, " << finished << " finished, " << interrupted
                             << " interrupted");
    CHECK(interrupted >= 1);
    CHECK(store.listIncomplete("Polled", "session-hub").size() == 1);

    // The interrupted attempt is continued by the CLI and ends exactly as an uninterrupted run.
    REQUIRE(waitExit(spawn(playArgs("Polled", db, join(kScript, std::size_t(polledSteps)), 0, true),
                           log)) == 0);
    AttemptFilter f;
    f.trainee = "Polled";
    auto polled = store.attempts(f);
    REQUIRE(polled.size() == 1);
    StoredAttempt done = store.loadAttempt(polled[0].id);
    CHECK(done.record.status == AttemptStatus::Finished);
    REQUIRE(done.transcript.steps.size() == kChoiceIds.size());
    for (std::size_t i = 0; i < kChoiceIds.size(); ++i)
        CHECK(done.transcript.steps[i].choice == kChoiceIds[i]);
    CHECK(done.report.is_object());
    CHECK(store.integrityCheck() == "ok");
}

namespace {

// Waits (up to 30 s) until `log` holds `marker`: the process announced the state it pauses in.
bool waitForLine(const std::string& log, const std::string& marker) {
    for (int i = 0; i < 15000; ++i) {
        if (readText(log).find(marker) != std::string::npos) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return false;
}

StoredAttempt onlyAttemptOf(ResultsStore& store, const std::string& trainee) {
    AttemptFilter f;
    f.trainee = trainee;
    auto list = store.attempts(f);
    REQUIRE(list.size() == 1);
    return store.loadAttempt(list[0].id);
}

// Everything of a finished attempt but its identity and wall-clock times, for "finished exactly
// like an uninterrupted run".
nlohmann::json finishedContent(const StoredAttempt& a) {
    nlohmann::json competencies = nlohmann::json::array();
    for (const CompetencyResult& c : a.record.competencies)
        competencies.push_back({c.id, c.score ? nlohmann::json(*c.score) : nlohmann::json(),
                                c.earned, c.available, c.level, c.assessed, c.rated});
    return {{"status", attemptStatusName(a.record.status)},
            {"ending", a.record.endingNode},
            {"outcome", a.record.outcome},
            {"score", a.record.score ? nlohmann::json(*a.record.score) : nlohmann::json()},
            {"passed", a.record.passed ? nlohmann::json(*a.record.passed) : nlohmann::json()},
            {"steps", a.record.steps},
            {"competencies", std::move(competencies)},
            {"transcript", transcriptToJson(a.transcript)},
            {"evidence", a.evidence},
            {"report", a.report}};
}

}  // namespace

// The finishing transaction (last decision, ending, report, competency rows) is atomic: play is
// held, by --finish-delay-ms, in the window after the last decision was made and scored but
// before the commit, and killed there; then held just after the commit and killed there.
TEST_CASE("rapport play killed between the last decision and the finish, or just after it") {
    TempDir dir;
    const std::string db = dir.file("results.db");
    const Scenario hub = loadHub();
    auto withFinishDelay = [](std::vector<std::string> args) {
        args.insert(args.end(), {"--finish-delay-ms", "30000"});
        return args;
    };

    const std::string refLog = dir.file("reference.log");
    REQUIRE(waitExit(spawn(playArgs("Reference", db, join(kScript), 0), refLog)) == 0);

    SUBCASE("killed before the finishing commit: in progress at the last decision, resumable") {
        const std::string log = dir.file("before.log");
        pid_t pid = spawn(withFinishDelay(playArgs("Before", db, join(kScript), 0)), log);
        const bool paused = waitForLine(log, "finish delay before the finishing transaction");
        ::kill(pid, SIGKILL);
        CHECK(waitExit(pid) == -SIGKILL);
        REQUIRE(paused);

        ResultsStore store(db);
        CHECK(store.integrityCheck() == "ok");
        const StoredAttempt cut = onlyAttemptOf(store, "Before");
        CHECK(cut.record.status == AttemptStatus::InProgress);
        REQUIRE(cut.record.steps == int(kScript.size()) - 1);
        REQUIRE(cut.transcript.steps.size() == kScript.size() - 1);
        for (std::size_t i = 0; i < cut.transcript.steps.size(); ++i)
            CHECK(cut.transcript.steps[i].choice == kChoiceIds[i]);
        CHECK(cut.report.is_null());
        CHECK(cut.record.competencies.empty());
        CHECK_FALSE(cut.record.score);
        CHECK(cut.sessionState.is_object());

        // Resume asks the last decision again: the session stands at its node.
        ManualClock clock;
        ResumedAttempt r =
            AttemptRecorder::resume(store, cut.record.id, hub, findScenarioFramework(hub), clock);
        CHECK_FALSE(r.session.finished());
        CHECK(r.session.node().id == cut.transcript.steps.back().next);

        const std::string resumeLog = dir.file("resume.log");
        REQUIRE(waitExit(spawn(playArgs("Before", db, kScript.back(), 0, true), resumeLog)) == 0);
        const StoredAttempt done = onlyAttemptOf(store, "Before");
        const StoredAttempt reference = onlyAttemptOf(store, "Reference");
        CHECK(done.record.status == AttemptStatus::Finished);
        CHECK(done.record.id == cut.record.id);
        CHECK(finishedContent(done) == finishedContent(reference));
        CHECK(store.listIncomplete("Before", "session-hub").empty());
    }

    SUBCASE("killed just after the finishing commit: finished with its score and rows") {
        const std::string log = dir.file("after.log");
        pid_t pid = spawn(withFinishDelay(playArgs("After", db, join(kScript), 0)), log);
        const bool paused = waitForLine(log, "finish delay after the finishing transaction");
        ::kill(pid, SIGKILL);
        CHECK(waitExit(pid) == -SIGKILL);
        REQUIRE(paused);

        ResultsStore store(db);
        CHECK(store.integrityCheck() == "ok");
        const StoredAttempt done = onlyAttemptOf(store, "After");
        const StoredAttempt reference = onlyAttemptOf(store, "Reference");
        CHECK(done.record.status == AttemptStatus::Finished);
        CHECK(done.record.score);
        CHECK_FALSE(done.record.competencies.empty());
        CHECK(done.report.is_object());
        CHECK(done.sessionState.is_null());
        CHECK(finishedContent(done) == finishedContent(reference));
        CHECK(store.listIncomplete("After", "session-hub").empty());
    }
}

TEST_CASE("two rapport processes recording into one database at once both succeed") {
    TempDir dir;
    const std::string log = dir.file("play.log");
    // Round 0 races on a database that does not exist yet: both create and migrate it.
    for (int round = 0; round < 3; ++round) {
        const std::string db = dir.file("results.db");
        const std::string trainee =
            "Pair " + std::to_string(round);  // same trainee: the upsert races too
        pid_t a = spawn(playArgs(trainee, db, join(kScript), 0), log);
        pid_t b = spawn(playArgs(trainee, db, "1,5", 0), log);
        CHECK(waitExit(a) == 0);
        CHECK(waitExit(b) == 0);
        ResultsStore store(db);
        CHECK(store.integrityCheck() == "ok");
        AttemptFilter f;
        f.trainee = trainee;
        f.finishedOnly = true;
        CHECK(store.attempts(f).size() == 2);
    }
}

TEST_SUITE_END();
