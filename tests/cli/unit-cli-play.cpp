// `rapport play` end to end: the built binary is run through the shell and its exit codes,
// stdout and stderr are checked (0 ending reached, 1 problems, 2 usage / unreadable file).
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "support/build_paths.hpp"
#include "support/run_command.hpp"
#include "support/store_test_support.hpp"

using nlohmann::json;
using rapport::test::TempDir;

namespace {

using Run = rapport::test::CommandResult;

// Runs `rapport ARGS` with `input` on stdin (a file, so never a terminal).
Run cli(const std::string& args, const std::string& input = "") {
    return rapport::test::runCli(args, input);
}

const std::string kHub = std::string(RAPPORT_FIXTURES_DIR) + "/session/hub.json";

}  // namespace

TEST_CASE("rapport play: usage errors exit 2") {
    Run r = cli("play --help");
    CHECK(r.exitCode == 0);
    CHECK(r.out.rfind(
              "usage: rapport play FILE [--choices LIST | --protocol] [--seed N] [--json]\n", 0) ==
          0);

    r = cli("play");
    CHECK(r.exitCode == 2);
    CHECK(r.err == "rapport play: no scenario file given\n(see 'rapport play --help')\n");

    r = cli("play " + kHub + " --choices 1,x");
    CHECK(r.exitCode == 2);
    CHECK(r.err.rfind("rapport play: --choices: entry 2 \"x\" is not a choice number (1, 2, ...) "
                      "or t (let the timer run out)\n",
                      0) == 0);

    r = cli("play " + kHub + " --frobnicate");
    CHECK(r.exitCode == 2);
    CHECK(r.err.rfind("rapport play: unknown option '--frobnicate'\n", 0) == 0);

    r = cli("play " + kHub + " --json");
    CHECK(r.exitCode == 2);
    CHECK(r.err.find("--json needs --choices") != std::string::npos);

    r = cli("play " + kHub + " --seed -3 --choices 1");
    CHECK(r.exitCode == 2);
    CHECK(r.err.find("--seed: \"-3\" is not a non-negative integer") != std::string::npos);

    r = cli("play /nonexistent/scenario.json --choices 1");
    CHECK(r.exitCode == 2);
    CHECK(r.err.find("[RAP0001]") != std::string::npos);
}

TEST_CASE("rapport play refuses a scenario with errors and prints its diagnostics") {
    Run r =
        cli("play " + std::string(RAPPORT_FIXTURES_DIR) + "/session/unknown-next.json --choices 1");
    CHECK(r.exitCode == 1);
    CHECK(r.err.find("unknown-next.json:23:49:") != std::string::npos);
    CHECK(r.err.find("[RAP0023]") != std::string::npos);
    CHECK(r.err.find("the_end") != std::string::npos);  // did you mean
    CHECK(r.err.find("cannot be played until its errors are fixed") != std::string::npos);
    CHECK(r.out.empty());
}

TEST_CASE("rapport play --choices --json prints the play result") {
    Run r = cli("play " + kHub + " --choices 1,3,4,3,1 --seed 17 --json");
    REQUIRE(r.exitCode == 0);
    CHECK(r.err.empty());
    const json j = json::parse(r.out);
    CHECK(j["scenario"]["id"] == "session-hub");
    CHECK(j["scenario"]["version"] == "1.0");
    CHECK(j["scenario"]["title"] == "Session hub");
    CHECK(j["scenario"]["contentHash"].get<std::string>().size() == 64);
    CHECK(j["seed"] == 17);
    CHECK(j["ending"] == json{{"node", "won_end"}, {"outcome", "won"}, {"title", "Deal"}});
    REQUIRE(j["transcript"].size() == 5);
    CHECK(j["transcript"][1]["choice"] == "needs");
    // Positions count in the order shown under seed 17: swap, leave, needs, drain, budget.
    CHECK(j["transcript"][1]["choiceNumber"] == 3);
    CHECK(j["transcript"][1]["choicesShown"] == json{"swap", "leave", "needs", "drain", "budget"});
    CHECK(j["replyOrder"] == "seeded");
    CHECK(j["transcript"][1]["timeTakenMs"] == 1000);
    CHECK(j["variables"]["trust"] == 100);
    CHECK(j["variables"]["asked_budget"] == true);

    r = cli("play " + kHub + " --choices 1,1,4,t --json");
    REQUIRE(r.exitCode == 0);
    const json t = json::parse(r.out);
    CHECK(t["ending"]["node"] == "lost_end");
    CHECK(t["transcript"][3]["timedOut"] == true);
    CHECK(t["transcript"][3]["timeTakenMs"] == 10000);
}

TEST_CASE("rapport play --choices without --json prints a readable transcript") {
    Run r = cli("play " + kHub + " --choices 1,5");
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.rfind("Session hub (session-hub 1.0)\n", 0) == 0);
    CHECK(
        r.out.find("1. [opening] You enter the meeting room.\n   > 1. Good morning!  (1.0 s)\n") !=
        std::string::npos);
    CHECK(r.out.find("Ending [lost_end]: No deal (lost)\nThe client walked away.\n") !=
          std::string::npos);
}

TEST_CASE("rapport play: a script that does not fit the conversation exits 1 naming the step") {
    Run r = cli("play " + kHub + " --choices 1,1");
    CHECK(r.exitCode == 1);
    CHECK(r.err ==
          "rapport play: step 3: the script ended but the conversation did not (node \"hub\" shows "
          "5 choices)\n");

    r = cli("play " + kHub + " --choices 1,9 --json");
    CHECK(r.exitCode == 1);
    CHECK(r.err == "rapport play: step 2: choice 9 is not shown at node \"hub\" (1-5 are)\n");
    CHECK(r.out.empty());

    r = cli("play " + kHub + " --choices 1,t");
    CHECK(r.exitCode == 1);
    CHECK(r.err ==
          "rapport play: step 2: t (let the timer run out) but node \"hub\" has no time limit\n");

    r = cli("play " + kHub + " --choices 1,5,1");
    CHECK(r.exitCode == 1);
    CHECK(r.err ==
          "rapport play: step 3: the conversation already ended at \"lost_end\" but the script has "
          "1 more entry\n");

    r = cli("play " + kHub + " --choices ''");
    CHECK(r.exitCode == 1);
    CHECK(r.err ==
          "rapport play: step 1: the script ended but the conversation did not (node \"opening\" "
          "shows 1 choice)\n");
}

TEST_CASE("rapport play reads numbers line by line when stdin is not a terminal") {
    Run r = cli("play " + kHub + " --seed 0", "1\n9\nabc\n5\n");
    CHECK(r.exitCode == 0);
    CHECK(r.out.find(
              "Session hub\nYou are meeting Dana Okafor, Head of Procurement at Northwind.\n") ==
          0);
    CHECK(r.out.find("  Trust        [##########..........] 50/100\n") != std::string::npos);
    CHECK(r.out.find("Dana Okafor: What do you want to know?\n") != std::string::npos);
    CHECK(r.out.find("  1. What is your budget?\n") != std::string::npos);
    CHECK(r.out.find("  Please type a number from 1 to 5.\n") != std::string::npos);
    CHECK(r.out.find("== No deal (lost) ==\nThe client walked away.\n") != std::string::npos);

    r = cli("play " + kHub + " --seed 0", "1\n");
    CHECK(r.exitCode == 1);
    CHECK(r.err == "rapport play: input ended before the conversation did\n");
}

namespace {

rapport::store::StoredAttempt onlyAttempt(const std::string& db, const std::string& trainee) {
    rapport::store::ResultsStore store(db);
    rapport::store::AttemptFilter f;
    f.trainee = trainee;
    auto list = store.attempts(f);
    REQUIRE(list.size() == 1);
    return store.loadAttempt(list[0].id);
}

// Copies hub.json into `dir`, so a test can edit the scenario without touching the fixture.
std::string copyHub(const TempDir& dir) {
    const std::string path = dir.file("hub.json");
    std::filesystem::copy_file(kHub, path);
    return path;
}

}  // namespace

TEST_CASE("rapport play --trainee records the attempt, journal and report, in the database") {
    TempDir dir;
    const std::string db = dir.file("results.db");
    Run r = cli("play " + kHub +
                " --choices 1,3,4,3,1 --seed 17 --json --trainee 'Anna Petrova' --employee-id E-17"
                " --group 'Sales North' --mode exam --db " +
                db);
    REQUIRE(r.exitCode == 0);
    CHECK(r.err == "rapport play: recorded attempt 1 in " + db + "\n");
    const json out = json::parse(r.out);
    auto a = onlyAttempt(db, "Anna Petrova");
    CHECK(a.record.status == rapport::AttemptStatus::Finished);
    CHECK(a.record.mode == rapport::AttemptMode::Exam);
    CHECK(a.record.employeeId == "E-17");
    CHECK(a.record.group == "Sales North");
    CHECK(a.record.steps == 5);
    CHECK(a.record.endingNode == "won_end");
    CHECK(a.transcript.seed == 17);
    CHECK(a.report == out["report"]);
    CHECK(rapport::transcriptToJson(a.transcript)["steps"] == out["transcript"]);

    // Interactive play records too.
    r = cli("play " + kHub + " --seed 0 --trainee Boris --db " + db, "1\n5\n");
    REQUIRE(r.exitCode == 0);
    CHECK(r.err == "rapport play: recorded attempt 2 in " + db + "\n");
    auto b = onlyAttempt(db, "Boris");
    CHECK(b.record.status == rapport::AttemptStatus::Finished);
    CHECK(b.record.outcome == "lost");
    CHECK(b.record.steps == 2);
}

TEST_CASE("rapport play: recording options need --trainee, and without it nothing is recorded") {
    TempDir dir;
    const std::string db = dir.file("results.db");
    Run r = cli("play " + kHub + " --choices 1,5 --db " + db);
    CHECK(r.exitCode == 2);
    CHECK(r.err.rfind(
              "rapport play: --db needs --trainee NAME (nothing is recorded without a trainee)\n",
              0) == 0);
    r = cli("play " + kHub + " --choices 1,5 --trainee Anna --resume --abandon --db " + db);
    CHECK(r.exitCode == 2);
    CHECK(r.err.rfind("rapport play: --resume and --abandon exclude each other\n", 0) == 0);
    r = cli("play " + kHub + " --choices 1,5 --trainee Anna --mode test --db " + db);
    CHECK(r.exitCode == 2);
    CHECK(r.err.rfind("rapport play: --mode must be practice or exam\n", 0) == 0);
    r = cli("play " + kHub + " --choices 1,5 --trainee ' ' --db " + db);
    CHECK(r.exitCode == 2);
    r = cli("play " + kHub + " --trainee Anna --step-delay-ms 5 --db " + db);
    CHECK(r.exitCode == 2);
    CHECK_FALSE(std::filesystem::exists(db));

    // A database that cannot be opened stops play before it starts (environment: exit 2).
    const std::string notDb = dir.file("notes.db");
    std::ofstream(notDb) << "meeting notes, not a database " << std::string(4096, 'x');
    r = cli("play " + kHub + " --choices 1,5 --trainee Anna --db " + notDb);
    CHECK(r.exitCode == 2);
    CHECK(r.err.find("not an SQLite database") != std::string::npos);
    CHECK(r.out.empty());
}

TEST_CASE("rapport play --resume continues an interrupted attempt; play without it says how") {
    TempDir dir;
    const std::string db = dir.file("results.db");
    // A script that stops short: the attempt is kept as incomplete with its two decisions.
    Run r = cli("play " + kHub + " --choices 1,2 --trainee Anna --db " + db);
    CHECK(r.exitCode == 1);
    CHECK(r.err.find("attempt 1 is kept as incomplete (2 choices); continue it with rapport play " +
                     kHub + " --trainee Anna --db " + db + " --resume --choices LIST") !=
          std::string::npos);

    // Interactive play without --resume tells the trainee, then starts a new attempt.
    r = cli("play " + kHub + " --seed 0 --trainee Anna --db " + db, "1\n");
    CHECK(r.exitCode == 1);
    CHECK(r.out.find("You have an unfinished attempt of this scenario, started ") !=
          std::string::npos);
    CHECK(r.out.find("(2 choices made).\n  To continue it instead: rapport play " + kHub +
                     " --trainee Anna --db " + db +
                     " --resume\n  To drop it:             rapport play " + kHub +
                     " --trainee Anna --db " + db + " --abandon\n") != std::string::npos);
    CHECK(r.err.find("your attempt is saved (1 choice); continue it with: rapport play") !=
          std::string::npos);

    // --resume takes the newest incomplete attempt (attempt 2, one choice made) and the rest of the
    // script.
    r = cli("play " + kHub + " --trainee Anna --db " + db + " --resume --choices 2,1,3,2 --json");
    REQUIRE(r.exitCode == 0);
    CHECK(r.err == "rapport play: recorded attempt 2 in " + db + "\n");
    CHECK(json::parse(r.out)["transcript"].size() == 5);

    // Interactive resume of attempt 1 shows what was said so far and goes on from there.
    r = cli("play " + kHub + " --trainee Anna --db " + db + " --resume", "1\n3\n2\n");
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.find("Continuing your attempt started ") != std::string::npos);
    CHECK(r.out.find("So far:\n  1. Good morning!\n  2. What do you need most?\n") !=
          std::string::npos);
    CHECK(r.out.find("== Deal (won) ==") != std::string::npos);

    rapport::store::ResultsStore store(db);
    CHECK(store.listIncomplete("Anna").empty());
    CHECK(store.loadAttempt(1).record.steps == 5);
    CHECK(store.loadAttempt(1).record.status == rapport::AttemptStatus::Finished);

    r = cli("play " + kHub + " --trainee Anna --db " + db + " --resume --choices 1");
    CHECK(r.exitCode == 1);
    CHECK(r.err == "rapport play: Anna has no incomplete attempt of \"session-hub\" to resume in " +
                       db + "\n");
}

TEST_CASE(
    "rapport play --resume refuses an attempt whose scenario file changed; --abandon starts "
    "afresh") {
    TempDir dir;
    const std::string db = dir.file("results.db");
    const std::string hub = copyHub(dir);
    Run r = cli("play " + hub + " --choices 1 --trainee Anna --db " + db);
    CHECK(r.exitCode == 1);
    std::ofstream(hub, std::ios::app) << "\n// edited by the trainer\n";
    r = cli("play " + hub + " --choices 2,1,3,2 --trainee Anna --db " + db + " --resume");
    CHECK(r.exitCode == 1);
    CHECK(r.err.find("rapport play: attempt 1 of \"session-hub\" by Anna was made on another "
                     "version of the scenario "
                     "file") != std::string::npos);
    CHECK(r.err.find("  to drop it and start afresh: rapport play " + hub +
                     " --trainee Anna --db " + db + " --abandon\n") != std::string::npos);

    r = cli("play " + hub + " --choices 1,5 --trainee Anna --db " + db + " --abandon");
    CHECK(r.exitCode == 0);
    CHECK(r.err ==
          "rapport play: 1 incomplete attempt of \"session-hub\" marked abandoned\n"
          "rapport play: recorded attempt 2 in " +
              db + "\n");
    rapport::store::ResultsStore store(db);
    CHECK(store.loadAttempt(1).record.status == rapport::AttemptStatus::Abandoned);
    CHECK(store.loadAttempt(2).record.status == rapport::AttemptStatus::Finished);
}

TEST_CASE("rapport play: the default database is $RAPPORT_DB, else under $XDG_DATA_HOME") {
    TempDir dir;
    const std::string fromEnv = dir.file("env.db");
    ::setenv("RAPPORT_DB", fromEnv.c_str(), 1);
    Run r = cli("play " + kHub + " --choices 1,5 --trainee Anna");
    ::unsetenv("RAPPORT_DB");
    CHECK(r.exitCode == 0);
    CHECK(std::filesystem::exists(fromEnv));

    const std::string xdg = dir.file("data");
    const char* oldXdg = std::getenv("XDG_DATA_HOME");
    const std::string saved = oldXdg ? oldXdg : "";
    ::setenv("XDG_DATA_HOME", xdg.c_str(), 1);
    r = cli("play " + kHub + " --choices 1,5 --trainee Anna");
    if (oldXdg)
        ::setenv("XDG_DATA_HOME", saved.c_str(), 1);
    else
        ::unsetenv("XDG_DATA_HOME");
    CHECK(r.exitCode == 0);
    CHECK(r.err == "rapport play: recorded attempt 1 in " + xdg + "/rapport/results.db\n");
    CHECK(std::filesystem::exists(xdg + "/rapport/results.db"));
}

TEST_CASE(
    "rapport play --mode exam hides each reply's feedback and the meters until the debrief; "
    "practice shows them") {
    const std::string file = std::string(RAPPORT_FIXTURES_DIR) + "/session/feedback.json";
    const std::string askFeedback = "FEEDBACK-ASK: an open question about her world first.";
    const std::string confirmFeedback = "FEEDBACK-CONFIRM: you checked the deadline and the size.";

    // Scripted, readable transcript: feedback under each reply in practice (the default) ...
    Run r = cli("play " + file + " --choices 1,1");
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.find("   > 1. How is the new office working out?  (1.0 s)\n     Feedback: " +
                     askFeedback + "\n") != std::string::npos);
    CHECK(r.out.find("     Feedback: " + confirmFeedback + "\n") != std::string::npos);
    CHECK(cli("play " + file + " --choices 1,1 --mode practice").out == r.out);
    // ... and none in exam mode; the transcript is otherwise the same.
    Run exam = cli("play " + file + " --choices 1,1 --mode exam");
    REQUIRE(exam.exitCode == 0);
    CHECK(exam.out.find("FEEDBACK-") == std::string::npos);
    CHECK(exam.out.find("Feedback:") == std::string::npos);
    std::string stripped = r.out;
    for (const std::string& f : {askFeedback, confirmFeedback}) {
        const std::string line = "     Feedback: " + f + "\n";
        stripped.erase(stripped.find(line), line.size());
    }
    CHECK(exam.out == stripped);
    // --json is the same record in both modes (it never carried reply feedback).
    CHECK(cli("play " + file + " --choices 2,2 --json --mode exam").out ==
          cli("play " + file + " --choices 2,2 --json").out);

    // Interactive practice: the feedback right after the reply, the meter before every line.
    r = cli("play " + file + " --seed 0", "1\n1\n");
    REQUIRE(r.exitCode == 0);
    const auto said = r.out.find("  Feedback: " + askFeedback + "\n");
    REQUIRE(said != std::string::npos);
    CHECK(said < r.out.find("We need more desks by March."));
    CHECK(r.out.find("  Mood         [##########..........] 5/10\n") != std::string::npos);
    CHECK(r.out.find("  Mood         [################....] 8/10\n") != std::string::npos);
    CHECK(r.out.find("Exam mode") == std::string::npos);

    // Interactive exam: nothing of it until the conversation is over; then the feedback follows the
    // debrief.
    TempDir dir;
    const std::string db = dir.file("results.db");
    exam = cli("play " + file + " --seed 0 --mode exam --trainee Anna --db " + db, "1\n1\n");
    REQUIRE(exam.exitCode == 0);
    CHECK(exam.out.find("Exam mode: the client's mood and the feedback on your replies stay hidden "
                        "until the debrief.\n") != std::string::npos);
    const auto debrief = exam.out.find("=== Debrief ===");
    REQUIRE(debrief != std::string::npos);
    CHECK(exam.out.substr(0, debrief).find("FEEDBACK-") == std::string::npos);
    const auto held = exam.out.find(
        "Feedback on your replies:\n  1. How is the new office working out?\n     " + askFeedback +
        "\n  2. By March, for how many people?\n     " + confirmFeedback + "\n");
    CHECK(held != std::string::npos);
    CHECK(held > debrief);
    // The meter only once the conversation is over, above the ending line (as the app shows it).
    const auto meter = exam.out.find("Mood ");
    CHECK(meter == exam.out.rfind("Mood "));
    CHECK(meter > exam.out.find("We need more desks by March."));
    CHECK(exam.out.find(
              "  Mood         [################....] 8/10\n\nShe books a showroom visit.\n") ==
          meter - 2);
    CHECK(onlyAttempt(db, "Anna").record.mode == rapport::AttemptMode::Exam);
}

TEST_CASE("rapport play --resume refuses a saved state edited in the database, exit 1") {
    TempDir dir;
    const std::string db = dir.file("results.db");
    Run r = cli("play " + kHub + " --choices 1,1 --trainee Anna --db " + db);
    REQUIRE(r.exitCode == 1);
    // Flip one boolean of the saved state, as someone with the file could.
    {
        rapport::store::ResultsStore store(db);
        rapport::store::Statement s(store.database(),
                                    "UPDATE attempt_documents SET session_state = "
                                    "json_set(session_state, '$.variables.asked_budget', "
                                    "json('false'))");
        s.run();
    }
    r = cli("play " + kHub + " --trainee Anna --db " + db + " --resume --choices 5,1");
    CHECK(r.exitCode == 1);
    CHECK(r.err.find("cannot be continued: its record does not replay as it was played") !=
          std::string::npos);
    CHECK(r.err.find("--abandon") != std::string::npos);
    rapport::store::ResultsStore store(db);
    const auto a = store.loadAttempt(1);
    CHECK(a.record.status == rapport::AttemptStatus::InProgress);
    CHECK(a.record.steps == 2);
}

TEST_CASE("rapport play: with named speakers each line says who speaks") {
    const std::string file = std::string(RAPPORT_FIXTURES_DIR) + "/valid/speakers.json";
    Run r = cli("play " + file + " --choices 1,1,1 --seed 0");
    CHECK(r.exitCode == 0);
    CHECK(r.out.find("1. [door] Anna Volkova: Good morning. Do you have an appointment?\n") !=
          std::string::npos);
    CHECK(r.out.find("2. [owner] Oleg Sidorov: Come in. Pavel will join us.\n") !=
          std::string::npos);
    CHECK(r.out.find("3. [cfo-question] Pavel Ilyin: What does this cost us per month?\n") !=
          std::string::npos);

    // At the terminal the role is printed too, and the narrator stays unnamed.
    Run live = cli("play " + file + " --seed 0 --mode practice", "1\n1\n1\n");
    CHECK(live.exitCode == 0);
    CHECK(live.out.find("Anna Volkova (Office manager): Good morning.") != std::string::npos);
    CHECK(live.out.find("Pavel Ilyin (Finance director): What does this cost") !=
          std::string::npos);
    CHECK(live.out.find("Oleg Sidorov: Come in.") != std::string::npos);
    CHECK(live.out.find("\nThey sign.") != std::string::npos);
}

TEST_CASE("rapport play: documents are printed when they open, the letter as it is written") {
    const std::string docs = std::string(RAPPORT_FIXTURES_DIR) + "/valid/documents.json";
    Run r = cli("play " + docs + " --seed 0 --mode exam", "1\n1\n");
    CHECK(r.exitCode == 0);
    const auto brief = r.out.find("+-- briefing: Your task\n  | Meet the owner of Sidorov Print.");
    const auto registry = r.out.find("+-- client-file: Registry check\n");
    const auto meet = r.out.find("So, what can your bank do for us?");
    CHECK(brief != std::string::npos);
    CHECK(registry != std::string::npos);
    CHECK(registry < meet);
    CHECK(r.out.find("+-- authority: Your authority\n") < meet);

    Run scripted = cli("play " + docs + " --choices 2,1 --seed 0");
    CHECK(scripted.exitCode == 0);
    CHECK(scripted.out.find("[document opens: Your task (briefing)]\n"
                            "[document opens: CRM notes (crm)]\n1. [prep]") != std::string::npos);
    CHECK(scripted.out.find("[document opens: Your authority (authority)]\n2. [meet]") !=
          std::string::npos);
    CHECK(scripted.out.find("Registry check") == std::string::npos);

    const std::string compose = std::string(RAPPORT_FIXTURES_DIR) + "/valid/compose.json";
    Run letter = cli("play " + compose + " --seed 0", "1\n1\n1\n1\n");
    CHECK(letter.exitCode == 0);
    CHECK(letter.out.find("  To: Sato Yumi <sato@example.co.jp>\n"
                          "  Subject: Proposal: evening courier pick-up\n\n"
                          "  [1/3] Opening:\n") != std::string::npos);
    Run parts = cli("play " + compose + " --choices 1,1,1,1 --seed 0");
    CHECK(parts.out.find("2. [offer-mail#2] (The offer, part 2/3) Write the commercial offer") !=
          std::string::npos);
}

TEST_CASE("rapport play --form picks the trainee's gendered forms in replies") {
    const std::string f = std::string(RAPPORT_FIXTURES_DIR) + "/session/trainee-forms.json";
    Run r = cli("play " + f + " --choices 1 --form feminine");
    INFO(r.out << r.err);
    CHECK(r.out.find("Да, я всё поняла, Анна Сергеевна.") != std::string::npos);
    r = cli("play " + f + " --choices 1 --form masculine");
    CHECK(r.out.find("Да, я всё понял, Анна Сергеевна.") != std::string::npos);
    r = cli("play " + f + " --choices 1");
    CHECK(r.out.find("Да, я всё понял, Анна Сергеевна.") != std::string::npos);
    r = cli("play " + f + " --choices 1 --form female");
    CHECK(r.exitCode == 2);
    CHECK(r.err.find("--form expects masculine, feminine or neutral, got 'female'") !=
          std::string::npos);
}

TEST_CASE(
    "rapport play --alternate auto: the original first, a retake the least played form, a resume "
    "the form it was started on") {
    TempDir dir;
    const std::string db = (dir.path() / "results.db").string();
    const std::string file = std::string(RAPPORT_FIXTURES_DIR) + "/valid/alternates.json";
    const std::string play =
        "play " + file + " --alternate auto --seed 0 --trainee Anna --db " + db;
    auto form = [](const Run& r) -> std::string {
        const json j = json::parse(r.out);
        const json& s = j.at("report").at("scenario");
        return s.contains("alternate") ? s.at("alternate").at("id").get<std::string>() : "";
    };
    Run r = cli(play + " --choices 1,2 --json");
    REQUIRE(r.exitCode == 0);
    CHECK(form(r) == "");
    // The retake is interrupted after one reply; the way to continue it keeps the form choice.
    r = cli(play + " --choices 1");
    CHECK(r.exitCode == 1);
    CHECK(r.err.find("--alternate auto --resume") != std::string::npos);
    // Resumed, it continues on the form it was started on.
    r = cli(play + " --resume --choices 2 --json");
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    CHECK(form(r) == "brisk");
    // The next start is the form not played yet.
    r = cli(play + " --choices 1,2 --json");
    REQUIRE(r.exitCode == 0);
    CHECK(form(r) == "chatty");
}
