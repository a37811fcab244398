// Named speakers (issue #18): "speakers" loads into the model, each node's speaker resolves to
// the client, the narrator or one of them, and lineSpeaker says who speaks a line for every
// place that shows one.
#include <doctest/doctest.h>

#include <filesystem>

#include "core/checks/scenario_validator.hpp"
#include "core/scenario/line_speaker.hpp"
#include "core/scenario/scenario_loader.hpp"
#include "support/build_paths.hpp"

namespace fs = std::filesystem;
using namespace rapport;

namespace {

const fs::path kFixtures = RAPPORT_FIXTURES_DIR;

Scenario loadSpeakers() {
    auto r = loadScenarioFile((kFixtures / "valid" / "speakers.json").string());
    REQUIRE(r.scenario);
    validateScenario(*r.scenario, r.diagnostics);
    REQUIRE(r.diagnostics.items().empty());
    return std::move(*r.scenario);
}

const Node& nodeNamed(const Scenario& s, const char* id) {
    const auto n = s.findNode(id);
    REQUIRE(n);
    return s.nodes[std::size_t(*n)];
}

}  // namespace

TEST_CASE("speakers load in key order and nodes point at them") {
    const Scenario s = loadSpeakers();
    REQUIRE(s.speakers.size() == 2);
    CHECK(s.speakers[0].id == "cfo");
    CHECK(s.speakers[0].name == "Pavel Ilyin");
    CHECK(s.speakers[0].portrait.empty());
    CHECK(s.speakers[1].id == "gatekeeper");
    CHECK(s.speakers[1].role == "Office manager");
    CHECK(s.speakers[1].portrait == "portraits/anna-volkova.png");
    CHECK(s.speakers[1].pointer == "/speakers/gatekeeper");

    const Node& door = nodeNamed(s, "door");
    CHECK(door.speaker == Speaker::Cast);
    CHECK(s.speakers[std::size_t(door.cast)].id == "gatekeeper");
    CHECK(nodeNamed(s, "owner").speaker == Speaker::Client);
    CHECK(nodeNamed(s, "owner").cast == -1);
    CHECK(nodeNamed(s, "win").speaker == Speaker::Narrator);
}

TEST_CASE("lineSpeaker names the client, a named speaker and the narrator") {
    const Scenario s = loadSpeakers();
    const LineSpeaker gate = lineSpeaker(s, nodeNamed(s, "door"));
    CHECK(gate.key == "gatekeeper");
    CHECK(gate.name == "Anna Volkova");
    CHECK(gate.role == "Office manager");
    CHECK(gate.portrait == "portraits/anna-volkova.png");
    CHECK_FALSE(gate.client);
    CHECK_FALSE(gate.narrator);

    const LineSpeaker client = lineSpeaker(s, nodeNamed(s, "owner"));
    CHECK(client.key == "client");
    CHECK(client.name == "Oleg Sidorov");
    CHECK(client.client);

    const LineSpeaker narrator = lineSpeaker(s, nodeNamed(s, "win"));
    CHECK(narrator.key == "narrator");
    CHECK(narrator.name.empty());
    CHECK(narrator.narrator);

    CHECK(speakerPrefix(s, nodeNamed(s, "cfo-question")) == "Pavel Ilyin: ");
    CHECK(speakerPrefix(s, nodeNamed(s, "owner")) == "Oleg Sidorov: ");
    CHECK(speakerPrefix(s, nodeNamed(s, "win")) == "");
}

TEST_CASE("a scenario without speakers keeps its unnamed transcript lines") {
    auto r = loadScenarioFile((kFixtures / "valid" / "minimal.json").string());
    REQUIRE(r.scenario);
    const Scenario& s = *r.scenario;
    CHECK(s.speakers.empty());
    CHECK(speakerPrefix(s, s.nodes[std::size_t(s.start)]) == "");
    CHECK(lineSpeaker(s, s.nodes[std::size_t(s.start)]).name == "Anna Petrova");
}
