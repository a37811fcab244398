// `rapport play FILE --protocol`: the JSON Lines play protocol end to end, the built binary run
// as a child process with real answers on stdin; every line of stdout must be one JSON event.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "support/build_paths.hpp"
#include "support/run_command.hpp"

using nlohmann::json;

namespace {

const std::string kHub = std::string(RAPPORT_FIXTURES_DIR) + "/session/hub.json";

struct Session {
    int exitCode = -1;
    std::vector<json> events;
    std::string err;
};

Session protocol(const std::string& args, const std::string& answers) {
    const auto r = rapport::test::runCli("play " + args + " --protocol", answers);
    Session s{r.exitCode, {}, r.err};
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);) {
        CAPTURE(line);
        const nlohmann::ordered_json event = nlohmann::ordered_json::parse(line, nullptr, false);
        REQUIRE_FALSE(event.is_discarded());
        CHECK(line == event.dump());  // compact, one object per line
        CHECK(event.begin().key() == "event");
        s.events.push_back(json::parse(line));
    }
    return s;
}

std::vector<std::string> kinds(const Session& s) {
    std::vector<std::string> out;
    for (const json& e : s.events) out.push_back(e.at("event").get<std::string>());
    return out;
}

std::vector<std::string> choiceIds(const json& choose) {
    std::vector<std::string> out;
    for (const json& c : choose.at("choices")) out.push_back(c.at("id").get<std::string>());
    return out;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_SUITE_BEGIN("cli");

TEST_CASE("rapport play --protocol: a full game to an ending, exit 0") {
    const Session s = protocol(kHub + " --seed 0 --mode practice",
                               "{\"choice\":\"greet\"}\n{\"choice\":\"leave\"}\n");
    CHECK(s.exitCode == 0);
    CHECK(kinds(s) == Strings{"start", "line", "choose", "feedback", "line", "choose", "feedback",
                              "line", "ending"});
    CHECK(s.events[0] == json{{"event", "start"},
                              {"scenario", "session-hub"},
                              {"version", "1.0"},
                              {"seed", 0},
                              {"mode", "practice"}});
    CHECK(s.events[1] == json{{"event", "line"},
                              {"node", "opening"},
                              {"speaker", "narrator"},
                              {"text", "You enter the meeting room."}});
    CHECK(s.events[2] == json{{"event", "choose"},
                              {"node", "opening"},
                              {"choices", {{{"id", "greet"}, {"text", "Good morning!"}}}},
                              {"timeLimit", nullptr}});
    CHECK(s.events[4].at("speaker") == "client");
    CHECK(choiceIds(s.events[5]) == Strings{"budget", "needs", "swap", "drain", "leave"});
    CHECK(s.events[6].at("choice") == "leave");
    const json& ending = s.events[8];
    CHECK(ending.at("node") == "lost_end");
    CHECK(ending.at("outcome") == "lost");
    CHECK(ending.at("title") == "No deal");
    // The same score report as `play --json`.
    const auto scripted =
        rapport::test::runCli("play " + rapport::test::shellQuoted(kHub) + " --choices 1,5 --json");
    REQUIRE(scripted.exitCode == 0);
    CHECK(ending.at("report") == json::parse(scripted.out).at("report"));
}

TEST_CASE(
    "rapport play --protocol: an answer that does not fit gets an error and the question again") {
    const Session s = protocol(kHub + " --seed 0",
                               "{\"choice\":\"greet\"}\n"
                               "not json\n"
                               "[1]\n"
                               "{\"choice\":\"pitch\"}\n"     // not shown before the budget
                               "{\"choice\":\"nonsense\"}\n"  // not a choice at all
                               "{\"choice\":2}\n"             // a position, not an id
                               "{\"timeout\":true}\n"         // the hub has no timer
                               "{\"choice\":\"leave\"}\n");
    CHECK(s.exitCode == 0);
    CHECK(kinds(s) == Strings{"start",    "line",   "choose", "feedback", "line",  "choose",
                              "error",    "choose", "error",  "choose",   "error", "choose",
                              "error",    "choose", "error",  "choose",   "error", "choose",
                              "feedback", "line",   "ending"});
    CHECK(s.events[6].at("message").get<std::string>().find("not JSON") == 0);
    CHECK(s.events[8].at("message").get<std::string>().find("not a JSON object") == 0);
    CHECK(s.events[10].at("message") == "choice \"pitch\" is not shown now at node \"hub\"");
    CHECK(s.events[12].at("message") == "choice \"nonsense\" is not a choice at node \"hub\"");
    CHECK(s.events[14].at("message") == "an answer is {\"choice\": ID} or {\"timeout\": true}");
    CHECK(s.events[16].at("message") == "node \"hub\" has no time limit: it cannot time out");
    for (int i : {7, 9, 11, 13, 15, 17}) CHECK(s.events[std::size_t(i)] == s.events[5]);
}

TEST_CASE("rapport play --protocol: a timeout on a timed node, its limit told") {
    const Session s = protocol(kHub + " --seed 0",
                               "{\"choice\":\"greet\"}\n{\"choice\":\"budget\"}\n"
                               "{\"choice\":\"pitch\"}\n{\"timeout\":true}\n");
    CHECK(s.exitCode == 0);
    const json& pressure = s.events[s.events.size() - 4];
    CHECK(pressure.at("event") == "choose");
    CHECK(pressure.at("node") == "pressure");
    CHECK(pressure.at("timeLimit") == 10);
    const json& feedback = s.events[s.events.size() - 3];
    CHECK(feedback.at("event") == "feedback");
    CHECK(feedback.at("timedOut") == true);
    CHECK(feedback.at("choice") == nullptr);
    CHECK(s.events.back().at("node") == "lost_end");
    const json& steps = s.events.back().at("report").at("overall");
    CHECK(steps.at("passed") == false);
}

TEST_CASE("rapport play --protocol: input that ends first exits 1") {
    const Session s = protocol(kHub + " --seed 0", "{\"choice\":\"greet\"}\n");
    CHECK(s.exitCode == 1);
    CHECK(kinds(s).back() == "choose");
    CHECK(s.err == "rapport play: input ended before the conversation did\n");
    CHECK(protocol(kHub, "").exitCode == 1);
}

TEST_CASE("rapport play --protocol: exam mode sends no feedback") {
    const Session s = protocol(kHub + " --seed 0 --mode exam",
                               "{\"choice\":\"greet\"}\n{\"choice\":\"leave\"}\n");
    CHECK(s.exitCode == 0);
    CHECK(kinds(s) == Strings{"start", "line", "choose", "line", "choose", "line", "ending"});
    CHECK(s.events[0].at("mode") == "exam");
    CHECK(s.events.back().at("report").at("finished") == true);
}

TEST_CASE("rapport play --protocol: the seed orders the replies; without one a fresh seed") {
    const std::string answers = "{\"choice\":\"greet\"}\n{\"choice\":\"leave\"}\n";
    const Session authored = protocol(kHub + " --seed 0", answers);
    const Session seeded = protocol(kHub + " --seed 3", answers);
    CHECK(seeded.exitCode == 0);
    CHECK(seeded.events[0].at("seed") == 3);
    CHECK(choiceIds(seeded.events[5]) == Strings{"needs", "leave", "swap", "budget", "drain"});
    CHECK(choiceIds(seeded.events[5]) != choiceIds(authored.events[5]));
    CHECK(seeded.events.back().at("report").at("overall") ==
          authored.events.back().at("report").at("overall"));
    const Session fresh = protocol(kHub, answers);
    CHECK(fresh.exitCode == 0);
    CHECK(fresh.events[0].at("seed").get<std::uint64_t>() != 0);
}

TEST_CASE("rapport play --protocol: options it cannot take are usage errors") {
    auto r = rapport::test::runCli("play " + kHub + " --protocol --choices 1");
    CHECK(r.exitCode == 2);
    r = rapport::test::runCli("play " + kHub + " --protocol --json");
    CHECK(r.exitCode == 2);
}

TEST_SUITE_END();

TEST_CASE("rapport play --protocol: each line names its speaker by key and name") {
    const std::string file = std::string(RAPPORT_FIXTURES_DIR) + "/valid/speakers.json";
    const Session s = protocol(file + " --seed 0 --mode exam",
                               "{\"choice\":\"polite\"}\n{\"choice\":\"wait\"}\n"
                               "{\"choice\":\"figure\"}\n");
    CHECK(s.exitCode == 0);
    std::vector<json> lines;
    for (const json& e : s.events)
        if (e.at("event") == "line") lines.push_back(e);
    REQUIRE(lines.size() == 4);
    CHECK(lines[0] == json{{"event", "line"},
                           {"node", "door"},
                           {"speaker", "gatekeeper"},
                           {"speakerName", "Anna Volkova"},
                           {"text", "Good morning. Do you have an appointment?"}});
    CHECK(lines[1].at("speaker") == "client");
    CHECK(lines[1].at("speakerName") == "Oleg Sidorov");
    CHECK(lines[2].at("speaker") == "cfo");
    CHECK(lines[2].at("speakerName") == "Pavel Ilyin");
    CHECK(lines[3].at("speaker") == "narrator");
    CHECK_FALSE(lines[3].contains("speakerName"));
}

TEST_CASE("rapport play --protocol: a document event when a document opens, in exam mode too") {
    const std::string file = std::string(RAPPORT_FIXTURES_DIR) + "/valid/documents.json";
    const Session s =
        protocol(file + " --seed 0 --mode exam", "{\"choice\":\"check\"}\n{\"choice\":\"line\"}\n");
    CHECK(s.exitCode == 0);
    CHECK(kinds(s) == Strings{"start", "document", "document", "line", "choose", "document",
                              "document", "line", "choose", "line", "ending"});
    CHECK(s.events[1] == json{{"event", "document"},
                              {"id", "brief"},
                              {"title", "Your task"},
                              {"kind", "briefing"},
                              {"text",
                               "Meet the owner of Sidorov Print.\n\nFind out whether the company "
                               "can take a credit line."}});
    CHECK(s.events[2].at("id") == "crm");
    // The reply revealed the registry check; the node reached revealed the authority sheet.
    CHECK(s.events[5].at("id") == "registry");
    CHECK(s.events[6].at("id") == "limits");
    CHECK(s.events[6].at("kind") == "authority");
}

TEST_CASE("rapport play --protocol: each part of a written reply carries the letter so far") {
    const std::string file = std::string(RAPPORT_FIXTURES_DIR) + "/valid/compose.json";
    const Session s = protocol(file + " --seed 0",
                               "{\"choice\":\"o1\"}\n{\"choice\":\"f2\"}\n{\"choice\":\"n1\"}\n"
                               "{\"choice\":\"wait\"}\n");
    CHECK(s.exitCode == 0);
    std::vector<json> chooses;
    for (const json& e : s.events)
        if (e.at("event") == "choose") chooses.push_back(e);
    REQUIRE(chooses.size() == 4);
    CHECK(chooses[0].at("node") == "offer-mail");
    CHECK(chooses[0].at("letter") == json{{"to", "Sato Yumi <sato@example.co.jp>"},
                                          {"subject", "Proposal: evening courier pick-up"},
                                          {"part", 1},
                                          {"parts", 3},
                                          {"label", "Opening"},
                                          {"written", json::array()}});
    CHECK(chooses[2].at("node") == "offer-mail#3");
    CHECK(chooses[2].at("letter").at("label") == "Next step");
    CHECK(chooses[2].at("letter").at("written") ==
          json{"Dear Ms Sato, thank you for your time on Tuesday.",
               "Our prices are very competitive."});
    CHECK_FALSE(chooses[3].contains("letter"));
}
