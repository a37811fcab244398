// The statistics tests' fixtures (tests/fixtures/statistics/*.json): attempts written out as the
// item analysis reads them, so each figure can be worked out by hand from a file a person reads.
// Per decision: "replies" {id: weighted points} of the replies shown, "choice" (absent = timeout)
// and "evidence" {competency: indicator points}.
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/statistics/item_responses.hpp"
#include "support/build_paths.hpp"

namespace rapport::test {

inline std::vector<AttemptResponses> loadResponses(const std::string& name) {
    std::ifstream in(std::string(RAPPORT_FIXTURES_DIR) + "/statistics/" + name);
    REQUIRE(in);
    const auto j = nlohmann::json::parse(in);
    std::vector<AttemptResponses> out;
    for (const auto& a : j.at("attempts")) {
        AttemptResponses r;
        r.attemptId = a.at("id").get<std::int64_t>();
        r.trainee = a.at("trainee").get<std::string>();
        r.group = a.at("group").get<std::string>();
        r.scenarioId = a.at("scenario").get<std::string>();
        r.mode = parseAttemptMode(a.at("mode").get<std::string>()).value();
        r.startedAtMs = a.at("startedAt").get<std::int64_t>();
        if (a.contains("score")) r.score = a.at("score").get<double>();
        for (const auto& d : a.at("decisions")) {
            DecisionResponse x;
            x.node = d.at("node").get<std::string>();
            bool first = true;
            for (const auto& [id, pts] : d.at("replies").items()) {
                x.shown.push_back(id);
                x.replyPoints[id] = pts.get<double>();
                if (first || pts.get<double>() > x.bestPoints) x.bestPoints = pts.get<double>();
                first = false;
            }
            x.choice = d.value("choice", "");
            if (!x.choice.empty()) x.points = x.replyPoints.at(x.choice);
            if (d.contains("evidence"))
                for (const auto& [c, pts] : d.at("evidence").items())
                    x.evidence[c] = pts.get<double>();
            r.decisions.push_back(std::move(x));
        }
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace rapport::test
