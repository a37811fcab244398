// The question-hub fixture (tests/fixtures/session/hub.json) through the full check, as every
// front end gets it: the scenario the store and resume suites play, and their sample trainee.
#pragma once

#include <doctest/doctest.h>

#include <string>

#include "core/checks/scenario_check.hpp"
#include "store/attempt_recorder.hpp"
#include "support/build_paths.hpp"

namespace rapport::test {

inline Scenario loadHub() {
    ScenarioCheck check =
        checkScenarioFile(std::string(RAPPORT_FIXTURES_DIR) + "/session/hub.json");
    REQUIRE(check.playable());
    return std::move(*check.scenario);
}

inline const store::TraineeInfo kAnna{"Anna Petrova", "E-17", "Sales North"};

}  // namespace rapport::test
