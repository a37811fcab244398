// Shared helpers for the results-store and report suites: a realistic attempt written through
// the public store API (and the temporary folder it usually goes in).
#pragma once

#include <cstdlib>
#include <filesystem>
#include <string>

#include "store/results_store.hpp"
#include "support/temp_dir.hpp"

namespace rapport::test {

inline nlohmann::json sampleReport(double score, bool passed, double needs, double objections) {
    using nlohmann::json;
    return json{{"overall", {{"score", score}, {"passed", passed}, {"bestPath", "1,2"}}},
                {"competencies", json::array({json{{"id", "needs_discovery"},
                                                   {"name", "Needs discovery"},
                                                   {"score", needs},
                                                   {"earned", needs / 10},
                                                   {"available", 10},
                                                   {"level", "Proficient"},
                                                   {"assessed", true},
                                                   {"opportunities", 3},
                                                   {"confidence", "ok"},
                                                   {"evidence", json::array()}},
                                              json{{"id", "objection_handling"},
                                                   {"name", "Objection handling"},
                                                   {"score", objections},
                                                   {"earned", 1},
                                                   {"available", 2},
                                                   {"level", "Developing"},
                                                   {"assessed", true},
                                                   {"opportunities", 1},
                                                   {"confidence", "low"},
                                                   {"evidence", json::array()}},
                                              json{{"id", "closing"},
                                                   {"name", "Closing"},
                                                   {"score", nullptr},
                                                   {"earned", 0},
                                                   {"available", 0},
                                                   {"level", nullptr},
                                                   {"assessed", false},
                                                   {"opportunities", 0},
                                                   {"confidence", "low"},
                                                   {"evidence", json::array()}}})}};
}

inline TranscriptStep sampleStep(int n, const std::string& node, const std::string& next) {
    TranscriptStep s;
    s.step = n;
    s.node = node;
    s.textShown = "Client line at " + node;
    s.choicesShown = {"a", "b"};
    s.choice = "b";
    s.choiceNumber = 2;
    s.choiceText = "Trainee line " + std::to_string(n);
    s.timeTakenMs = 1000 * n;
    s.next = next;
    return s;
}

// Writes one attempt of `steps` decisions (n0 -> n1 -> … -> end), finished when `finish`.
inline std::int64_t writeAttempt(store::ResultsStore& db, std::int64_t trainee,
                                 const std::string& scenario, std::int64_t startedAt, int steps,
                                 bool finish, double score = 75) {
    store::AttemptStart a;
    a.traineeId = trainee;
    a.scenarioId = scenario;
    a.scenarioVersion = "1.0";
    a.scenarioTitle = "Title of " + scenario;
    a.contentHash = std::string(64, 'a');
    a.frameworkId = "account-manager";
    a.frameworkVersion = "1.0.0";
    a.seed = 7;
    a.startedAtMs = startedAt;
    std::int64_t id = db.beginAttempt(a);
    for (int i = 1; i <= steps; ++i) {
        std::string next = i == steps ? "end" : "n" + std::to_string(i);
        db.appendStep(
            id, sampleStep(i, "n" + std::to_string(i - 1), next),
            nlohmann::json::array({{{"indicator", "needs_discovery.asks"}, {"points", 2}}}),
            nlohmann::json{{"step", i}});
    }
    if (finish)
        db.finishAttempt(
            id, {"end", "won", startedAt + 60000, sampleReport(score, score >= 70, score, 50)});
    return id;
}

}  // namespace rapport::test
