// The GUI script language: every command parses, bad lines are reported with their line number.
#include <doctest/doctest.h>

#include "app/driver/script.hpp"

using namespace rapport::app;
using Kind = ScriptCommand::Kind;

TEST_CASE("script: every command parses with its arguments") {
    const auto p = parseScript(
        "# a comment\n"
        "\n"
        "click Start training\n"
        "click Practice #2\n"
        "click Exam##bank-sme\n"
        "type Анна Петрова\n"
        "key 3\n"
        "key Enter\n"
        "wait-frames 5\n"
        "advance-clock 1500\n"
        "screenshot library\n"
        "expect Sign out\n"
        "expect-screen debrief\n"
        "theme dark\n"
        "resize 1024 700\n"
        "bench-frames 60\n");
    REQUIRE(p.errors.empty());
    REQUIRE(p.commands.size() == 14);
    CHECK(p.commands[0].kind == Kind::Click);
    CHECK(p.commands[0].text == "Start training");
    CHECK(p.commands[0].a == 1);
    CHECK(p.commands[0].line == 3);
    CHECK(p.commands[1].text == "Practice");
    CHECK(p.commands[1].a == 2);
    CHECK(p.commands[2].text == "Exam##bank-sme");
    CHECK(p.commands[3].kind == Kind::Type);
    CHECK(p.commands[3].text == "Анна Петрова");
    CHECK(p.commands[4].kind == Kind::Key);
    CHECK(p.commands[4].a == *scriptKeyCode("3"));
    CHECK(p.commands[5].a == *scriptKeyCode("Enter"));
    CHECK(p.commands[6].kind == Kind::WaitFrames);
    CHECK(p.commands[6].a == 5);
    CHECK(p.commands[7].kind == Kind::AdvanceClock);
    CHECK(p.commands[7].a == 1500);
    CHECK(p.commands[8].kind == Kind::Screenshot);
    CHECK(p.commands[8].text == "library");
    CHECK(p.commands[9].kind == Kind::Expect);
    CHECK(p.commands[10].kind == Kind::ExpectScreen);
    CHECK(p.commands[11].kind == Kind::Theme);
    CHECK(p.commands[12].kind == Kind::Resize);
    CHECK(p.commands[12].a == 1024);
    CHECK(p.commands[12].b == 700);
    CHECK(p.commands[13].kind == Kind::BenchFrames);
}

TEST_CASE("script: bad lines are all reported with their line numbers") {
    const auto p = parseScript(
        "click\n"
        "key F13\n"
        "wait-frames zero\n"
        "screenshot ../escape\n"
        "theme sepia\n"
        "resize 10 10\n"
        "dance\n"
        "click Fine\n");
    CHECK(p.commands.size() == 1);
    REQUIRE(p.errors.size() == 7);
    CHECK(p.errors[0] == "1: 'click' needs an argument");
    CHECK(p.errors[1].rfind("2: unknown key 'F13'", 0) == 0);
    CHECK(p.errors[2] == "3: 'wait-frames' needs a whole number >= 1");
    CHECK(p.errors[3] == "4: screenshot name must not contain a path separator");
    CHECK(p.errors[4] == "5: theme must be 'light', 'dark' or 'high-contrast'");
    CHECK(p.errors[5] == "6: 'resize' needs a width and a height between 200x150 and 8192x8192");
    CHECK(p.errors[6] == "7: unknown command 'dance'");
}

TEST_CASE("script: lap and wait-idle") {
    const auto p = parseScript("lap start\nwait-idle\nlap first debrief frame\n");
    REQUIRE(p.errors.empty());
    REQUIRE(p.commands.size() == 3);
    CHECK(p.commands[0].kind == Kind::Lap);
    CHECK(p.commands[0].text == "start");
    CHECK(p.commands[1].kind == Kind::WaitIdle);
    CHECK(p.commands[2].text == "first debrief frame");
    const auto bad = parseScript("lap\n");
    REQUIRE(bad.errors.size() == 1);
    CHECK(bad.errors[0] == "1: 'lap' needs an argument");
}
