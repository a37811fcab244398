// Documents and written replies in play (issue #18): which documents are open follows the path
// (nodes reached, replies taken) and survives save/resume; a compose node plays as one ordinary
// decision per part, with the letter assembled from the transcript.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/checks/scenario_validator.hpp"
#include "core/play/clock.hpp"
#include "core/play/letter_draft.hpp"
#include "core/play/open_documents.hpp"
#include "core/play/session.hpp"
#include "core/scenario/scenario_loader.hpp"
#include "support/build_paths.hpp"

using namespace rapport;

namespace {

Scenario loadValid(const std::string& name) {
    LoadResult r = loadScenarioFile(std::string(RAPPORT_FIXTURES_DIR) + "/valid/" + name);
    REQUIRE(r.scenario);
    validateScenario(*r.scenario, r.diagnostics);
    for (const auto& d : r.diagnostics.items()) FAIL_CHECK(formatDiagnostic(d));
    return std::move(*r.scenario);
}

bool take(Session& s, const std::string& id) {
    const auto& shown = s.choices();
    for (std::size_t i = 0; i < shown.size(); ++i)
        if (s.node().choices[std::size_t(shown[i])].id == id) return s.choose(int(i));
    FAIL("choice " << id << " is not shown at " << s.node().id);
    return false;
}

std::vector<std::string> openIds(const Session& s) {
    std::vector<std::string> out;
    for (int d : openDocuments(s)) out.push_back(s.scenario().documents[std::size_t(d)].id);
    return out;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("documents load with kind, text and hidden; reveals point at them") {
    const Scenario s = loadValid("documents.json");
    REQUIRE(s.documents.size() == 4);
    CHECK(s.documents[0].kind == DocumentKind::Briefing);
    CHECK(s.documents[0].text.find("\n\n") != std::string::npos);
    CHECK_FALSE(s.documents[1].hidden);
    CHECK(s.documents[2].hidden);
    CHECK(s.documents[2].kind == DocumentKind::ClientFile);
    CHECK(s.documents[3].kind == DocumentKind::Authority);
    const Node& prep = s.nodes[std::size_t(*s.findNode("prep"))];
    CHECK(prep.choices[0].reveals == std::vector<int>{2});
    CHECK(s.nodes[std::size_t(*s.findNode("meet"))].reveals == std::vector<int>{3});
}

TEST_CASE("open documents follow the path: the start, a reply that reveals, a node that reveals") {
    const Scenario s = loadValid("documents.json");
    ManualClock clock;
    Session researched(s, clock, 0);
    CHECK(openIds(researched) == Strings{"brief", "crm"});
    REQUIRE(take(researched, "check"));
    // The reply revealed the registry check, the node reached revealed the authority sheet.
    CHECK(openIds(researched) == Strings{"brief", "crm", "registry", "limits"});

    Session skipped(s, clock, 0);
    REQUIRE(take(skipped, "skip"));
    CHECK(openIds(skipped) == Strings{"brief", "crm", "limits"});
    REQUIRE(take(skipped, "line"));
    CHECK(openIds(skipped) == Strings{"brief", "crm", "limits"});
}

TEST_CASE("a resumed session opens the same documents") {
    const Scenario s = loadValid("documents.json");
    ManualClock clock;
    Session played(s, clock, 0);
    REQUIRE(take(played, "check"));
    const Session resumed = Session::resume(s, clock, played.save());
    CHECK(openIds(resumed) == openIds(played));
}

TEST_CASE("a compose node expands into one decision node per part") {
    const Scenario s = loadValid("compose.json");
    REQUIRE(s.letters.size() == 1);
    const Letter& l = s.letters[0];
    CHECK(l.node == "offer-mail");
    CHECK(l.to == "Sato Yumi <sato@example.co.jp>");
    CHECK(l.labels == Strings{"Opening", "The offer", "Next step"});
    REQUIRE(l.parts.size() == 3);
    CHECK(s.nodes[std::size_t(l.parts[0])].id == "offer-mail");
    CHECK(s.nodes[std::size_t(l.parts[1])].id == "offer-mail#2");
    CHECK(s.nodes[std::size_t(l.parts[2])].id == "offer-mail#3");
    for (std::size_t k = 0; k < 3; ++k) {
        const Node& part = s.nodes[std::size_t(l.parts[k])];
        CHECK(part.speaker == Speaker::Narrator);
        CHECK(part.text == "Write the commercial offer to Ms Sato.");
        REQUIRE(part.compose);
        CHECK(part.compose->part == int(k));
        REQUIRE(part.choices.size() == 2);
        const int after = k + 1 < 3 ? l.parts[k + 1] : *s.findNode("reads");
        for (const Choice& c : part.choices) CHECK(c.next == after);
    }
    // The parts' pointers lead to where they are written, for diagnostics.
    CHECK(s.nodes[std::size_t(l.parts[1])].pointer == "/nodes/0/compose/parts/1");
    CHECK(s.nodes[std::size_t(l.parts[1])].choices[0].pointer ==
          "/nodes/0/compose/parts/1/choices/0");
}

TEST_CASE("a written reply plays part by part and assembles the letter") {
    const Scenario s = loadValid("compose.json");
    ManualClock clock;
    Session session(s, clock, 0);
    auto draft = letterDraft(session);
    REQUIRE(draft);
    CHECK(draft->part == 0);
    CHECK(draft->paragraphs.empty());
    REQUIRE(take(session, "o1"));
    REQUIRE(take(session, "f1"));
    draft = letterDraft(session);
    REQUIRE(draft);
    CHECK(draft->part == 2);
    CHECK(draft->paragraphs ==
          Strings{"Dear Ms Sato, thank you for your time on Tuesday.",
                  "We pick up at 19:00 every weekday for 40,000 yen a month."});
    CHECK(letterText(*draft) ==
          "To: Sato Yumi <sato@example.co.jp>\nSubject: Proposal: evening courier pick-up\n\n"
          "Dear Ms Sato, thank you for your time on Tuesday.\n\n"
          "We pick up at 19:00 every weekday for 40,000 yen a month.\n\n");
    REQUIRE(take(session, "n1"));
    CHECK(session.node().id == "reads");
    CHECK_FALSE(letterDraft(session));
    // The parts are recorded as ordinary steps, and the state they set decides what follows.
    const auto& steps = session.transcript().steps;
    REQUIRE(steps.size() == 3);
    CHECK(steps[1].node == "offer-mail#2");
    CHECK(steps[1].choice == "f1");
    CHECK(session.variable(*s.findVariable("trust")) == 70);
    REQUIRE(take(session, "close"));
    CHECK(session.node().id == "win");
}
