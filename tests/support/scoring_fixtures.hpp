// What the scoring tests share: a fixture scenario loaded and checked for scoring, and a
// play-through by choice numbers.
#pragma once

#include <doctest/doctest.h>

#include <string>

#include "core/checks/scoring_state_check.hpp"
#include "core/play/scripted_play.hpp"
#include "core/play/session.hpp"
#include "core/scenario/scenario_loader.hpp"
#include "support/build_paths.hpp"

namespace rapport::test {

inline const std::string kScoring = std::string(RAPPORT_FIXTURES_DIR) + "/scoring/";

struct Loaded {
    Scenario scenario;
    Framework framework;
};

// The scenario at `path` and its framework; the test fails when either has errors.
inline Loaded load(const std::string& path) {
    LoadResult r = loadScenarioFile(path);
    for (const auto& d : r.diagnostics.items()) INFO(formatDiagnostic(d));
    REQUIRE(r.scenario);
    REQUIRE_FALSE(r.diagnostics.hasErrors());
    DiagnosticList diags;
    auto f = checkScenarioScoring(*r.scenario, diags);
    for (const auto& d : diags.items()) INFO(formatDiagnostic(d));
    REQUIRE(f);
    REQUIRE_FALSE(diags.hasErrors());
    return {std::move(*r.scenario), std::move(*f)};
}

// The transcript of playing `choices` ("1,2,t,1": numbers, t for a timeout) from the start.
inline Transcript play(const Scenario& s, const std::string& choices) {
    ManualClock clock;
    Session session(s, clock);
    std::string error;
    auto script = parseChoiceScript(choices, error);
    REQUIRE(script);
    const std::string problem = playScript(session, clock, *script);
    INFO(problem);
    REQUIRE(problem.empty());
    return session.transcript();
}

}  // namespace rapport::test
