// The next-scenario recommendation on a small fixture (tests/fixtures/recommendation), every
// rating worked out by hand below with the default settings (k = 0.8, decay = 0.1:
// K = 0.8 / (1 + 0.1·n) for a parameter updated n times before).
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/recommendation/next_scenario.hpp"
#include "core/recommendation/practice_evidence.hpp"
#include "core/recommendation/practice_simulation.hpp"
#include "core/recommendation/prediction_check.hpp"
#include "core/recommendation/recommendation_text.hpp"
#include "core/recommendation/skill_model.hpp"
#include "support/build_paths.hpp"

using namespace rapport;

namespace {

constexpr std::int64_t kDay0 = 1'772'442'000'000;  // 2026-03-02 09:00 UTC
constexpr std::int64_t kDayMs = 86'400'000;

std::vector<AttemptRecord> loadAttempts() {
    std::ifstream in(std::string(RAPPORT_FIXTURES_DIR) + "/recommendation/attempts.json");
    REQUIRE(in);
    const auto j = nlohmann::json::parse(in);
    std::vector<AttemptRecord> out;
    for (const auto& a : j.at("attempts")) {
        AttemptRecord r;
        r.id = a.at("id").get<std::int64_t>();
        r.trainee = a.at("trainee").get<std::string>();
        r.scenarioId = a.at("scenario").get<std::string>();
        r.startedAtMs = kDay0 + a.at("day").get<std::int64_t>() * kDayMs;
        r.status = parseAttemptStatus(a.at("status").get<std::string>()).value();
        for (const auto& c : a.at("competencies")) {
            CompetencyResult x;
            x.id = c.at("id").get<std::string>();
            x.name = c.at("name").get<std::string>();
            x.score = c.at("score").get<double>();
            x.rated = c.at("rated").get<bool>();
            x.assessed = true;
            r.competencies.push_back(x);
        }
        out.push_back(r);
    }
    return out;
}

}  // namespace

TEST_CASE(
    "recommendation: evidence is the rated competencies of finished attempts, in time order") {
    const auto e = practiceEvidence(loadAttempts());
    REQUIRE(e.size() == 4);
    CHECK(e[0].attemptId == 1);
    CHECK(e[0].competencyId == "AM-01");
    CHECK(e[0].passed);  // 80 >= 70
    CHECK(e[1].competencyId == "AM-03");
    CHECK_FALSE(e[1].passed);      // 60 < 70
    CHECK(e[2].trainee == "Ben");  // day 1 comes before Ann's day 2
    CHECK(e[3].competencyId == "AM-05");
    // A lower bar turns Ann's 60 into a pass.
    CHECK(practiceEvidence(loadAttempts(), 60)[1].passed);
}

TEST_CASE("recommendation: ratings and difficulties by hand") {
    SkillModel m;
    m.learn(practiceEvidence(loadAttempts()));
    // 1. Ann AM-01 cold-call, pass: p = .5, residual +.5, every K = .8 →
    //    general(Ann) = .4, Ann/AM-01 = .4, cold-call = −.4.
    // 2. Ann AM-03 cold-call, miss: logit .4 + 0 + .4 = .8, p = .689974, residual −.689974;
    //    K general .8/1.1, specific .8, cold-call .8/1.1 →
    //    general(Ann) = .4 − .501799 = −.101799, Ann/AM-03 = −.551979, cold-call = .101799.
    // 3. Ben AM-01 cold-call, miss: logit −.101799, p = .474572; K .8, .8, cold-call .8/1.2 →
    //    general(Ben) = Ben/AM-01 = −.379658, cold-call = .101799 + .316382 = .418181.
    // 4. Ann AM-05 objection, miss: logit −.101799, p = .474572; K general .8/1.2 →
    //    general(Ann) = −.418181, Ann/AM-05 = −.379658, objection = .379658.
    CHECK(m.difficulty("cold-call") == doctest::Approx(0.418181).epsilon(1e-5));
    CHECK(m.difficulty("objection") == doctest::Approx(0.379658).epsilon(1e-5));
    CHECK(m.difficulty("never-played") == 0);
    CHECK(m.rating("Ann", "AM-01") == doctest::Approx(-0.418181 + 0.4).epsilon(1e-5));
    CHECK(m.rating("Ann", "AM-03") == doctest::Approx(-0.418181 - 0.551979).epsilon(1e-5));
    CHECK(m.rating("Ann", "AM-07") == doctest::Approx(-0.418181).epsilon(1e-5));  // general only
    CHECK(m.rating("Ben", "AM-01") == doctest::Approx(-0.759315).epsilon(1e-5));
    // σ(−.018181 − .418181) = .392608
    CHECK(m.predict("Ann", "AM-01", "cold-call") == doctest::Approx(0.392608).epsilon(1e-5));
    CHECK(m.evidenceCount("Ann", "AM-03") == 1);  // the unrated 90 did not count
    CHECK(m.evidenceCount("Ann", "AM-07") == 0);  // abandoned attempt
    CHECK(m.lastPractisedMs("Ann", "AM-05") == kDay0 + 2 * kDayMs);
    CHECK_FALSE(m.lastPractisedMs("Ann", "AM-07"));
}

TEST_CASE("recommendation: assigned first, then weak and due at a moderate chance") {
    SkillModel m;
    m.learn(practiceEvidence(loadAttempts()));
    const std::vector<ScenarioOption> options = {
        {"cold-call", "Cold call", {{"AM-01", "Prospecting"}, {"AM-03", "Needs discovery"}}},
        {"objection", "Price objection", {{"AM-05", "Objection handling"}}},
        {"closing", "Closing the deal", {{"AM-07", "Closing"}}},
        {"intro", "Welcome tour", {}},
    };
    auto assignment = [](const char* trainee, const char* scenario, std::int64_t at) {
        ScenarioAssignment a;
        a.trainee = trainee;
        a.scenarioId = scenario;
        a.assignedBy = "Trainer Kim";
        a.assignedAtMs = at;
        return a;
    };
    const std::vector<ScenarioAssignment> assigned = {
        assignment("Ben", "closing", kDay0),           // someone else's
        assignment("Ann", "removed-scenario", kDay0),  // no longer in the library
        assignment("Ann", "objection", kDay0 + 5 * kDayMs),
    };
    const auto now = kDay0 + 12 * kDayMs + 3600'000;  // day 12, an hour later
    const auto r = recommendScenarios(m, "Ann", options, assigned, now);
    // intro assesses nothing and is not assigned: not listed.
    REQUIRE(r.size() == 3);
    CHECK(r[0].scenarioId == "objection");
    CHECK(r[0].reason.kind == RecommendationKind::Assigned);
    CHECK(r[0].reason.assignedBy == "Trainer Kim");
    CHECK(r[0].reason.competencyId == "AM-05");
    // Value = fit(p) · (weakness + due) / 2, fit = 1 − distance below .6 / .25.
    // closing, AM-07 never practised: p = σ(−.418181) = .396952, fit .187808,
    //   weakness .603048, due 1 → .150533.
    CHECK(r[1].scenarioId == "closing");
    CHECK(r[1].reason.kind == RecommendationKind::New);
    CHECK(r[1].priority == doctest::Approx(0.150533).epsilon(1e-4));
    CHECK_FALSE(r[1].reason.daysSincePractised);
    // cold-call: AM-01 p .392608, fit .170433, weakness .504545, due 1 → .128212; AM-03's
    // p = σ(−1.388341) = .199673 is .4 below the band, fit 0. 12 days ≥ 7: due.
    CHECK(r[2].scenarioId == "cold-call");
    CHECK(r[2].reason.kind == RecommendationKind::Due);
    CHECK(r[2].reason.competencyId == "AM-01");
    CHECK(r[2].reason.daysSincePractised == 12);
    CHECK(r[2].priority == doctest::Approx(0.128212).epsilon(1e-4));
    CHECK(predictedPercent(r[2].reason) == 39);
    CHECK(describeRecommendation(r[2].reason) ==
          "due: Prospecting — last practised 12 days ago, predicted success 39 %");
    CHECK(describeRecommendation(r[1].reason) ==
          "new: Closing — not practised yet, predicted success 40 %");
    CHECK(describeRecommendation(r[0].reason) ==
          "assigned by Trainer Kim: Objection handling — predicted success 24 %");
    // A trainee with no evidence: every competency new, weakness .5; only the difficulties
    // differ. closing p = .5, fit .6 → .45; objection p = σ(−.379658) = .406210, fit .224840 →
    // .168630; cold-call p = σ(−.418181) = .396952, fit .187808 → .140856.
    const auto fresh = recommendScenarios(m, "Zoe", options, {}, now);
    REQUIRE(fresh.size() == 3);
    CHECK(fresh[0].scenarioId == "closing");
    CHECK(fresh[0].priority == doctest::Approx(0.45));
    CHECK(fresh[1].scenarioId == "objection");
    CHECK(fresh[1].priority == doctest::Approx(0.168630).epsilon(1e-4));
    CHECK(fresh[2].scenarioId == "cold-call");
}

TEST_CASE("recommendation: chance fit is 1 inside the band and falls off outside it") {
    CHECK(chanceFit(0.65) == 1);
    CHECK(chanceFit(0.60) == 1);
    CHECK(chanceFit(0.75) == 1);
    CHECK(chanceFit(0.50) == doctest::Approx(0.6));
    CHECK(chanceFit(0.95) == doctest::Approx(0.2));
    CHECK(chanceFit(0.10) == 0);
}

TEST_CASE("recommendation: log loss and calibration by hand") {
    // −(ln .8 + ln .5 + ln(1 − .1)) / 3 = (.223144 + .693147 + .105361) / 3 = .340551
    const std::vector<Prediction> p = {{0.8, true}, {0.5, false}, {0.1, false}};
    CHECK(logLoss(p) == doctest::Approx(0.340551).epsilon(1e-5));
    CHECK(logLoss({}) == 0);
    CHECK(std::isfinite(logLoss({{1.0, false}})));
    const auto bins = calibrationByDecile(p);
    REQUIRE(bins.size() == 10);
    CHECK(bins[8].count == 1);
    CHECK(bins[8].observedRate == 1);
    CHECK(bins[5].count == 1);
    CHECK(bins[1].count == 1);
    CHECK(bins[1].meanPredicted == doctest::Approx(0.1));
    CHECK(calibrationByDecile({{1.0, true}})[9].count == 1);
}

TEST_CASE("recommendation: on a simulated log split by time the model beats a constant rate") {
    // Fixed seed; the same check the bench prints (bench/bench_recommendation.cpp).
    PracticeSimulationSettings sim;
    sim.trainees = 60;
    const auto evidence = simulatePractice(sim);
    CHECK(evidence == simulatePractice(sim));  // deterministic
    const auto check = checkOnTimeSplit(evidence, 0.7);
    REQUIRE(check.testCount > 1000);
    CHECK(check.modelLogLoss < check.baselineLogLoss - 0.02);
    // Too little evidence on one side: nothing to compare, no crash.
    CHECK(checkOnTimeSplit({}, 0.7).testCount == 0);
    CHECK(checkOnTimeSplit(evidence, 1.0).testCount == 0);
}
