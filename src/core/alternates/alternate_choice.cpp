#include "core/alternates/alternate_choice.hpp"

namespace rapport {

std::string leastPlayedAlternate(const Scenario& scenario,
                                 const std::map<std::string, int>& plays) {
    const auto count = [&](const std::string& id) {
        const auto it = plays.find(id);
        return it == plays.end() ? 0 : it->second;
    };
    std::string best;
    int fewest = count("");
    for (const auto& a : scenario.alternates)
        if (count(a.id) < fewest) {
            fewest = count(a.id);
            best = a.id;
        }
    return best;
}

std::map<std::string, int> playsByForm(const std::map<std::string, std::string>& formHashes,
                                       const std::vector<std::string>& attemptHashes) {
    std::map<std::string, std::string> formOf;
    for (const auto& [form, hash] : formHashes) formOf.emplace(hash, form);
    std::map<std::string, int> plays;
    for (const auto& h : attemptHashes)
        if (const auto it = formOf.find(h); it != formOf.end()) ++plays[it->second];
    return plays;
}

}  // namespace rapport
