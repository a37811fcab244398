#include "core/alternates/retake_form.hpp"

#include <tuple>

#include "core/alternates/alternate_choice.hpp"
#include "core/alternates/alternate_scenario.hpp"

namespace rapport {

std::string nextForm(const Scenario& source, std::string_view sourceText,
                     const std::vector<AttemptRecord>& attempts) {
    // Without alternates there is nothing to choose: no need to build the forms' hashes.
    if (source.alternates.empty() || attempts.empty()) return {};
    return nextForm(source, formHashes(source, sourceText), attempts);
}

std::string nextForm(const Scenario& source, const FormHashes& forms,
                     const std::vector<AttemptRecord>& attempts) {
    if (source.alternates.empty() || attempts.empty()) return {};
    std::vector<std::string> hashes;
    for (const auto& a : attempts)
        if (a.scenarioId == source.id) hashes.push_back(a.contentHash);
    return leastPlayedAlternate(source, playsByForm(forms, hashes));
}

std::optional<std::string> attemptForm(const Scenario& source, std::string_view sourceText,
                                       const AttemptRecord& attempt) {
    if (attempt.scenarioId != source.id) return std::nullopt;
    if (attempt.contentHash == source.contentHash) return std::string();
    if (source.alternates.empty()) return std::nullopt;
    return attemptForm(source, formHashes(source, sourceText), attempt);
}

std::optional<std::string> attemptForm(const Scenario& source, const FormHashes& forms,
                                       const AttemptRecord& attempt) {
    if (attempt.scenarioId != source.id) return std::nullopt;
    if (attempt.contentHash == source.contentHash) return std::string();
    for (const auto& [form, hash] : forms)
        if (hash == attempt.contentHash) return form;
    return std::nullopt;
}

std::optional<std::string> resumedForm(const Scenario& source, std::string_view sourceText,
                                       const std::vector<AttemptRecord>& attempts) {
    const AttemptRecord* newest = nullptr;
    for (const auto& a : attempts)
        if (a.status == AttemptStatus::InProgress && a.scenarioId == source.id &&
            (!newest || std::tie(a.startedAtMs, a.id) > std::tie(newest->startedAtMs, newest->id)))
            newest = &a;
    if (!newest) return std::nullopt;
    return attemptForm(source, sourceText, *newest);
}

}  // namespace rapport
