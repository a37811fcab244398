#include "core/framework/framework.hpp"

#include <algorithm>

namespace rapport {

namespace {

std::optional<int> find(const std::unordered_map<std::string, int>& index, std::string_view id) {
    auto it = index.find(std::string(id));
    if (it == index.end()) return std::nullopt;
    return it->second;
}

}  // namespace

std::optional<int> Framework::findCompetency(std::string_view id) const {
    return find(competencyIndex, id);
}
std::optional<int> Framework::findIndicator(std::string_view id) const {
    return find(indicatorIndex, id);
}
std::optional<int> Framework::findGroup(std::string_view id) const { return find(groupIndex, id); }

std::vector<std::string> Framework::indicatorIds() const {
    std::vector<std::string> out;
    out.reserve(indicators.size());
    for (const auto& i : indicators) out.push_back(i.id);
    return out;
}

std::vector<std::string> Framework::competencyIds() const {
    std::vector<std::string> out;
    out.reserve(competencies.size());
    for (const auto& c : competencies) out.push_back(c.id);
    return out;
}

int Framework::levelFor(double score) const {
    if (levels.empty()) return -1;
    for (std::size_t i = 0; i + 1 < levels.size(); ++i)
        if (score < levels[i].max) return int(i);
    return int(levels.size()) - 1;
}

bool Framework::inGroup(int group, int indicator) const {
    const auto& members = groups[std::size_t(group)].indicators;
    return std::find(members.begin(), members.end(), indicator) != members.end();
}

bool tagMatches(std::string_view pattern, std::string_view tag) {
    // Iterative glob with single-star backtracking: linear in practice, no recursion.
    std::size_t p = 0, t = 0, star = std::string_view::npos, mark = 0;
    while (t < tag.size()) {
        if (p < pattern.size() && pattern[p] == '*') {
            star = p++;
            mark = t;
        } else if (p < pattern.size() && pattern[p] == tag[t]) {
            ++p;
            ++t;
        } else if (star != std::string_view::npos) {
            p = star + 1;
            t = ++mark;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*') ++p;
    return p == pattern.size();
}

}  // namespace rapport
