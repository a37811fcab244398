#include "core/play/client_mood.hpp"

namespace rapport {

const char* clientMoodName(ClientMood m) {
    switch (m) {
        case ClientMood::Pleased:
            return "pleased";
        case ClientMood::Displeased:
            return "displeased";
        case ClientMood::Neutral:
            break;
    }
    return "neutral";
}

namespace {

// The mean position of the meters within their ranges (0..1) under `value(variable)`; -1 when
// the scenario has no usable meter.
template <typename Value>
double meanPosition(const Scenario& scenario, Value value) {
    double sum = 0;
    int counted = 0;
    for (const Meter& m : scenario.meters) {
        if (m.variable < 0 || std::size_t(m.variable) >= scenario.variables.size() ||
            m.max <= m.min)
            continue;
        double at = (double(value(m.variable)) - double(m.min)) / (double(m.max) - double(m.min));
        sum += at < 0 ? 0 : at > 1 ? 1 : at;
        ++counted;
    }
    return counted ? sum / counted : -1;
}

}  // namespace

ClientMood clientMood(const Scenario& scenario, const std::vector<std::int64_t>& values) {
    const double now = meanPosition(scenario, [&](int v) {
        return std::size_t(v) < values.size() ? values[std::size_t(v)]
                                              : scenario.variables[std::size_t(v)].initial;
    });
    if (now < 0) return ClientMood::Neutral;
    const double start =
        meanPosition(scenario, [&](int v) { return scenario.variables[std::size_t(v)].initial; });
    // What the trainee changed shows first: a wary client won over looks pleased though the
    // bars are still low; then the extremes, so an angry complainant looks it from the start.
    // The thresholds hold as written: (10 + 20) / 200 is 0.15 here, not a binary 0.1500…02.
    constexpr double e = 1e-9;
    if (now - start >= kMoodShift - e) return ClientMood::Pleased;
    if (start - now >= kMoodShift - e) return ClientMood::Displeased;
    if (now >= kMoodPleased - e) return ClientMood::Pleased;
    if (now <= kMoodDispleased + e) return ClientMood::Displeased;
    return ClientMood::Neutral;
}

std::string moodPortrait(const std::string& portrait, ClientMood mood) {
    if (portrait.empty()) return portrait;
    const auto slash = portrait.find_last_of('/');
    const auto dot = portrait.find_last_of('.');
    const bool hasExt = dot != std::string::npos && (slash == std::string::npos || dot > slash);
    const std::string stem = hasExt ? portrait.substr(0, dot) : portrait;
    const std::string ext = hasExt ? portrait.substr(dot) : std::string();
    return stem + "." + clientMoodName(mood) + ext;
}

}  // namespace rapport
