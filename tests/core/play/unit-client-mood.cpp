// The client's face from the meters (core/play/client_mood.hpp): shifts since the start first,
// then the extremes; and the portrait file of each face.
#include <doctest/doctest.h>

#include "core/play/client_mood.hpp"

using namespace rapport;

namespace {

// Two 0..100 meters starting at `a` and `b`.
Scenario twoMeters(std::int64_t a, std::int64_t b) {
    Scenario s;
    for (std::int64_t initial : {a, b}) {
        Variable v;
        v.id = "m" + std::to_string(s.variables.size());
        v.type = ValueType::Integer;
        v.initial = initial;
        s.variables.push_back(v);
        Meter m;
        m.variable = int(s.variables.size()) - 1;
        m.label = v.id;
        s.meters.push_back(m);
    }
    return s;
}

}  // namespace

TEST_CASE("client mood: a shift of a fifth of the range since the start shows first") {
    const Scenario s = twoMeters(40, 60);  // mean 0.5
    CHECK(clientMood(s, {40, 60}) == ClientMood::Neutral);
    CHECK(clientMood(s, {55, 64}) == ClientMood::Neutral);     // +0.095
    CHECK(clientMood(s, {60, 60}) == ClientMood::Neutral);     // +0.10
    CHECK(clientMood(s, {60, 80}) == ClientMood::Pleased);     // +0.20 exactly
    CHECK(clientMood(s, {25, 40}) == ClientMood::Neutral);     // -0.175
    CHECK(clientMood(s, {25, 25}) == ClientMood::Displeased);  // -0.25
}

TEST_CASE("client mood: the extremes without a shift; no meters, no mood") {
    // An angry complainant (calm 10, trust 20) looks it from the first line.
    const Scenario angry = twoMeters(10, 20);
    CHECK(clientMood(angry, {10, 20}) == ClientMood::Displeased);
    // A wary client won over looks pleased although the bars are still low.
    CHECK(clientMood(angry, {40, 40}) == ClientMood::Pleased);
    const Scenario warm = twoMeters(80, 80);
    CHECK(clientMood(warm, {80, 80}) == ClientMood::Pleased);
    CHECK(clientMood(warm, {70, 70}) == ClientMood::Neutral);  // below 0.75, fell only 0.10
    CHECK(clientMood(warm, {60, 55}) == ClientMood::Displeased);
    // Values outside a meter's range count as its end.
    CHECK(clientMood(twoMeters(50, 50), {500, 500}) == ClientMood::Pleased);
    Scenario none;
    CHECK(clientMood(none, {}) == ClientMood::Neutral);
}

TEST_CASE("client mood: the portrait of each face") {
    CHECK(moodPortrait("portraits/olga.png", ClientMood::Pleased) == "portraits/olga.pleased.png");
    CHECK(moodPortrait("portraits/olga.png", ClientMood::Displeased) ==
          "portraits/olga.displeased.png");
    CHECK(moodPortrait("portraits/olga.png", ClientMood::Neutral) == "portraits/olga.neutral.png");
    CHECK(moodPortrait("a.b/olga", ClientMood::Pleased) == "a.b/olga.pleased");
    CHECK(moodPortrait("", ClientMood::Pleased).empty());
    CHECK(std::string(clientMoodName(ClientMood::Displeased)) == "displeased");
}
