// The full check explores a scenario's state space once and hands the graph to the graph checks
// and the best-path search. Over every bundled scenario and fixture, the overloads that take the
// graph must say exactly what the ones that explore it themselves say.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "core/checks/evidence_check.hpp"
#include "core/checks/scenario_validator.hpp"
#include "core/checks/scoring_state_check.hpp"
#include "core/framework/framework_catalog.hpp"
#include "core/scenario/scenario_loader.hpp"
#include "core/scoring/scoring.hpp"
#include "core/state/state_space.hpp"
#include "support/build_paths.hpp"
#include "support/fixture_corpus.hpp"

using namespace rapport;

namespace {

std::string printed(const DiagnosticList& diags) {
    std::string out;
    for (const auto& d : diags.items()) out += formatDiagnostic(d) + "\n";
    return out;
}

void checkSame(const OptimumOutcome& a, const OptimumOutcome& b) {
    CHECK(int(a.problem) == int(b.problem));
    CHECK(a.states == b.states);
    CHECK(a.loopNode == b.loopNode);
    CHECK(a.loopChoice == b.loopChoice);
    REQUIRE(a.optimum.has_value() == b.optimum.has_value());
    if (a.optimum) {
        CHECK(a.optimum->best == b.optimum->best);
        CHECK(a.optimum->bestPath == b.optimum->bestPath);
        CHECK(a.optimum->states == b.optimum->states);
    }
}

std::vector<std::filesystem::path> corpus() {
    std::vector<std::filesystem::path> out =
        test::filesIn(std::string(RAPPORT_SOURCE_DIR) + "/scenarios", ".json");
    for (const char* dir : {"valid", "scoring", "scoring-invalid", "analysis", "session", "gui"}) {
        const std::filesystem::path p = std::string(RAPPORT_FIXTURES_DIR) + "/" + dir;
        if (!std::filesystem::is_directory(p)) continue;
        for (auto& f : test::filesIn(p, ".json")) out.push_back(std::move(f));
    }
    return out;
}

}  // namespace

TEST_CASE("a shared state graph gives the same diagnostics and optimum as exploring again") {
    int scored = 0;
    for (const auto& file : corpus()) {
        INFO(file.string());
        LoadResult loaded = loadScenarioFile(file.string());
        if (!loaded.scenario || loaded.diagnostics.hasErrors()) continue;
        const Scenario& s = *loaded.scenario;
        const StateGraph graph = exploreStates(s);

        DiagnosticList own, shared;
        validateScenario(s, own);
        validateScenario(s, graph, shared);
        CHECK(printed(own) == printed(shared));

        DiagnosticList ownScoring, sharedScoring;
        const auto f = checkScenarioScoring(s, ownScoring);
        const auto g = checkScenarioScoring(s, graph, sharedScoring);
        CHECK(printed(ownScoring) == printed(sharedScoring));
        CHECK(bool(f) == bool(g));
        if (!f) continue;

        // Evidence naming unknown indicators cannot be scored: both throw.
        bool scorable = true;
        try {
            (void)computeOptimum(s, *f, 3);
        } catch (const ScoringError&) {
            scorable = false;
            CHECK_THROWS_AS((void)computeOptimum(s, *f, graph), ScoringError);
        }
        if (scorable) {
            checkSame(computeOptimum(s, *f), computeOptimum(s, *f, graph));
            // A bound the state space is over: both report it the same way, with the same count.
            checkSame(computeOptimum(s, *f, 3), computeOptimum(s, *f, exploreStates(s, 3), 3));
        }
        DiagnosticList smallOwn, smallShared;
        checkScoringStateSpace(s, *f, smallOwn, 3);
        checkScoringStateSpace(s, *f, exploreStates(s, 3), smallShared, 3);
        CHECK(printed(smallOwn) == printed(smallShared));
        ++scored;
    }
    CHECK(scored >= 10);  // the bundled scenarios at least
}
