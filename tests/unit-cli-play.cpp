// `rapport play` end to end: the built binary is run through the shell and its exit codes,
// stdout and stderr are checked (0 ending reached, 1 problems, 2 usage / unreadable file).
#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

using nlohmann::json;

namespace {

struct Run {
    int exitCode = -1;
    std::string out;
    std::string err;
};

// Runs `rapport ARGS` with `input` on stdin (a pipe, so never a terminal).
Run rapport(const std::string& args, const std::string& input = "") {
    const std::string base = "/tmp/rapport-cli-play-test-" + std::to_string(::getpid());
    const std::string inFile = base + ".in", errFile = base + ".err";
    std::ofstream(inFile) << input;
    const std::string cmd = std::string("'") + RAPPORT_CLI_PATH + "' " + args + " <" + inFile + " 2>" + errFile;
    Run r;
    FILE* p = ::popen(cmd.c_str(), "r");
    REQUIRE(p);
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
    const int status = ::pclose(p);
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream e(errFile);
    std::ostringstream es;
    es << e.rdbuf();
    r.err = es.str();
    std::remove(inFile.c_str());
    std::remove(errFile.c_str());
    return r;
}

const std::string kHub = std::string(RAPPORT_FIXTURES_DIR) + "/session/hub.json";

}  // namespace

TEST_CASE("rapport play: usage errors exit 2") {
    Run r = rapport("play --help");
    CHECK(r.exitCode == 0);
    CHECK(r.out.rfind("usage: rapport play FILE [--choices LIST] [--seed N] [--json]\n", 0) == 0);

    r = rapport("play");
    CHECK(r.exitCode == 2);
    CHECK(r.err == "rapport play: no scenario file given\n(see 'rapport play --help')\n");

    r = rapport("play " + kHub + " --choices 1,x");
    CHECK(r.exitCode == 2);
    CHECK(r.err.rfind("rapport play: --choices: entry 2 \"x\" is not a choice number (1, 2, ...) or t (let the timer run out)\n", 0) == 0);

    r = rapport("play " + kHub + " --frobnicate");
    CHECK(r.exitCode == 2);
    CHECK(r.err.rfind("rapport play: unknown option '--frobnicate'\n", 0) == 0);

    r = rapport("play " + kHub + " --json");
    CHECK(r.exitCode == 2);
    CHECK(r.err.find("--json needs --choices") != std::string::npos);

    r = rapport("play " + kHub + " --seed -3 --choices 1");
    CHECK(r.exitCode == 2);
    CHECK(r.err.find("--seed: \"-3\" is not a non-negative integer") != std::string::npos);

    r = rapport("play /nonexistent/scenario.json --choices 1");
    CHECK(r.exitCode == 2);
    CHECK(r.err.find("[RAP0001]") != std::string::npos);
}

TEST_CASE("rapport play refuses a scenario with errors and prints its diagnostics") {
    Run r = rapport("play " + std::string(RAPPORT_FIXTURES_DIR) + "/session/unknown-next.json --choices 1");
    CHECK(r.exitCode == 1);
    CHECK(r.err.find("unknown-next.json:23:49:") != std::string::npos);
    CHECK(r.err.find("[RAP0023]") != std::string::npos);
    CHECK(r.err.find("the_end") != std::string::npos);  // did you mean
    CHECK(r.err.find("cannot be played until its errors are fixed") != std::string::npos);
    CHECK(r.out.empty());
}

TEST_CASE("rapport play --choices --json prints the play result") {
    Run r = rapport("play " + kHub + " --choices 1,2,1,3,2 --seed 17 --json");
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
    CHECK(j["transcript"][1]["choiceNumber"] == 2);
    CHECK(j["transcript"][1]["timeTakenMs"] == 1000);
    CHECK(j["variables"]["trust"] == 100);
    CHECK(j["variables"]["asked_budget"] == true);

    r = rapport("play " + kHub + " --choices 1,1,4,t --json");
    REQUIRE(r.exitCode == 0);
    const json t = json::parse(r.out);
    CHECK(t["ending"]["node"] == "lost_end");
    CHECK(t["transcript"][3]["timedOut"] == true);
    CHECK(t["transcript"][3]["timeTakenMs"] == 10000);
}

TEST_CASE("rapport play --choices without --json prints a readable transcript") {
    Run r = rapport("play " + kHub + " --choices 1,5");
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.rfind("Session hub (session-hub 1.0)\n", 0) == 0);
    CHECK(r.out.find("1. [opening] You enter the meeting room.\n   > 1. Good morning!  (1.0 s)\n") != std::string::npos);
    CHECK(r.out.find("Ending [lost_end]: No deal (lost)\nThe client walked away.\n") != std::string::npos);
}

TEST_CASE("rapport play: a script that does not fit the conversation exits 1 naming the step") {
    Run r = rapport("play " + kHub + " --choices 1,1");
    CHECK(r.exitCode == 1);
    CHECK(r.err == "rapport play: step 3: the script ended but the conversation did not (node \"hub\" shows 5 choices)\n");

    r = rapport("play " + kHub + " --choices 1,9 --json");
    CHECK(r.exitCode == 1);
    CHECK(r.err == "rapport play: step 2: choice 9 is not shown at node \"hub\" (1-5 are)\n");
    CHECK(r.out.empty());

    r = rapport("play " + kHub + " --choices 1,t");
    CHECK(r.exitCode == 1);
    CHECK(r.err == "rapport play: step 2: t (let the timer run out) but node \"hub\" has no time limit\n");

    r = rapport("play " + kHub + " --choices 1,5,1");
    CHECK(r.exitCode == 1);
    CHECK(r.err == "rapport play: step 3: the conversation already ended at \"lost_end\" but the script has 1 more entry\n");

    r = rapport("play " + kHub + " --choices ''");
    CHECK(r.exitCode == 1);
    CHECK(r.err == "rapport play: step 1: the script ended but the conversation did not (node \"opening\" shows 1 choice)\n");
}

TEST_CASE("rapport play reads numbers line by line when stdin is not a terminal") {
    Run r = rapport("play " + kHub, "1\n9\nabc\n5\n");
    CHECK(r.exitCode == 0);
    CHECK(r.out.find("Session hub\nYou are meeting Dana Okafor, Head of Procurement at Northwind.\n") == 0);
    CHECK(r.out.find("  Trust        [##########..........] 50/100\n") != std::string::npos);
    CHECK(r.out.find("Dana Okafor: What do you want to know?\n") != std::string::npos);
    CHECK(r.out.find("  1. What is your budget?\n") != std::string::npos);
    CHECK(r.out.find("  Please type a number from 1 to 5.\n") != std::string::npos);
    CHECK(r.out.find("== No deal (lost) ==\nThe client walked away.\n") != std::string::npos);

    r = rapport("play " + kHub, "1\n");
    CHECK(r.exitCode == 1);
    CHECK(r.err == "rapport play: input ended before the conversation did\n");
}
