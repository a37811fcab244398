// WriteQueue: store writes run in push order on a thread of their own, failures come back with
// their label, drain() and the destructor wait for what was pushed. And the recorder journaling
// through it, as the app does: decisions captured on the playing thread, written on the queue's,
// a failed write reported and made good by the next one. No timing: every wait is on an event.
#include <doctest/doctest.h>

#include <atomic>
#include <future>
#include <thread>
#include <vector>

#include "core/checks/scenario_check.hpp"
#include "core/framework/scenario_framework.hpp"
#include "core/play/scripted_play.hpp"
#include "store/attempt_recorder.hpp"
#include "store/write_queue.hpp"
#include "support/build_paths.hpp"
#include "support/store_test_support.hpp"

using namespace rapport;
using namespace rapport::store;
using rapport::test::TempDir;

TEST_SUITE_BEGIN("store");

TEST_CASE(
    "write queue: writes run one at a time in push order, on a thread other than the pusher's") {
    WriteQueue q;
    CHECK(q.idle());
    std::vector<int> order;  // only the queue's thread appends
    std::vector<std::thread::id> threads;
    for (int i = 0; i < 500; ++i)
        q.push("w", [&order, &threads, i] {
            order.push_back(i);
            threads.push_back(std::this_thread::get_id());
        });
    q.drain();
    CHECK(q.idle());
    REQUIRE(order.size() == 500);
    for (int i = 0; i < 500; ++i) CHECK(order[std::size_t(i)] == i);
    for (const auto& t : threads) {
        CHECK(t == threads.front());
        CHECK(t != std::this_thread::get_id());
    }
    CHECK(q.takeFailures().empty());
}

TEST_CASE(
    "write queue: a write that throws is reported with its label; the writes after it still run") {
    WriteQueue q;
    std::vector<std::string> ran;
    q.push("reply", [&] { ran.push_back("first"); });
    q.push("reply",
           [] { throw StoreError("results database: disk I/O error (writing step 2)", 10); });
    q.push("odd", [] { throw 42; });
    q.push("finish", [&] { ran.push_back("last"); });
    q.drain();
    CHECK(ran == std::vector<std::string>{"first", "last"});
    auto failures = q.takeFailures();
    REQUIRE(failures.size() == 2);
    CHECK(failures[0].label == "reply");
    CHECK(failures[0].message == "results database: disk I/O error (writing step 2)");
    CHECK(failures[1].label == "odd");
    CHECK(failures[1].message == "unknown error");
    CHECK(q.takeFailures().empty());  // taken once
}

TEST_CASE("write queue: drain waits for a write still running and every one queued behind it") {
    WriteQueue q;
    std::promise<void> release;
    std::shared_future<void> gate = release.get_future().share();
    std::atomic<bool> secondRan{false};
    q.push("blocked", [gate] { gate.wait(); });
    q.push("second", [&] { secondRan = true; });
    // The first write cannot finish before the gate opens: both are pending.
    CHECK(q.pending() == 2);
    CHECK_FALSE(q.idle());
    bool ranWhenDrained = false;
    std::thread waiter([&] {
        q.drain();
        ranWhenDrained = secondRan.load();
    });
    release.set_value();
    waiter.join();
    CHECK(ranWhenDrained);
    CHECK(q.idle());
}

TEST_CASE("write queue: destroying the queue runs what is still queued") {
    std::vector<int> done;
    std::promise<void> release;
    std::shared_future<void> gate = release.get_future().share();
    {
        WriteQueue q;
        q.push("a", [gate, &done] {
            gate.wait();
            done.push_back(1);
        });
        q.push("b", [&done] { done.push_back(2); });
        release.set_value();
    }
    CHECK(done == std::vector<int>{1, 2});
}

TEST_CASE(
    "write queue: decisions captured while playing are journaled in order; a failed write is "
    "reported and its steps written with the next") {
    TempDir dir;
    ResultsStore db(dir.file("results.db"));
    ScenarioCheck check =
        checkScenarioFile(std::string(RAPPORT_FIXTURES_DIR) + "/session/hub.json");
    REQUIRE(check.playable());
    const Scenario& hub = *check.scenario;
    ManualClock clock;
    Session s(hub, clock, 3);
    auto rec = std::make_shared<AttemptRecorder>(
        AttemptRecorder::begin(db, {"Anna Petrova", "", ""}, hub, findScenarioFramework(hub),
                               AttemptMode::Practice, 3, 1000));
    const std::int64_t attempt = rec->attemptId();
    WriteQueue q;
    std::size_t captured = 0;
    // What the app does after each decision: capture on this thread, write on the queue's.
    auto decide = [&](const char* script) {
        std::string error;
        auto entries = parseChoiceScript(script, error);
        REQUIRE(entries);
        playScript(s, clock, *entries, [&](const Session& after) {
            JournalBatch batch = captureJournal(after, captured);
            captured += batch.steps.size();
            q.push("reply", [rec, batch = std::move(batch)] { rec->record(batch); });
        });
    };

    // greet, needs, budget, pitch, as seed 3 places them in the hub: needs pitch leave swap budget
    // drain (what is not shown drops out).
    decide("1,1");
    q.drain();
    CHECK(q.takeFailures().empty());
    StoredAttempt mid = db.loadAttempt(attempt);
    CHECK(mid.record.steps == 2);
    CHECK(mid.sessionState == s.save());

    // The database refuses writes (as a full disk or a lock held too long would): the write of
    // the third decision fails and says why; nothing of it is on disk.
    db.database().exec("PRAGMA query_only = 1");
    decide("3");
    q.drain();
    auto failures = q.takeFailures();
    REQUIRE(failures.size() == 1);
    CHECK(failures[0].label == "reply");
    CHECK(failures[0].message.find("read-only") != std::string::npos);
    CHECK(db.loadAttempt(attempt).record.steps == 2);

    // Writable again: the next decision's write carries the missed step with it, in order.
    db.database().exec("PRAGMA query_only = 0");
    decide("1");
    q.drain();
    CHECK(q.takeFailures().empty());
    StoredAttempt after = db.loadAttempt(attempt);
    CHECK(after.record.steps == 4);
    CHECK(transcriptToJson(after.transcript)["steps"] == transcriptToJson(s.transcript())["steps"]);
    CHECK(after.sessionState == s.save());
    CHECK(rec->journaledSteps() == 4);

    // A batch that skips steps never handed in is a programming error.
    JournalBatch gap;
    gap.from = 9;
    CHECK_THROWS_AS(rec->record(gap), std::logic_error);
}

TEST_SUITE_END();
