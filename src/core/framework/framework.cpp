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

std::string baseLanguage(std::string_view tag) {
    std::string out;
    for (char c : tag) {
        if (c == '-' || c == '_' || c == '.' || c == '@') break;
        out += (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
    }
    return out;
}

const FrameworkTranslation* Framework::translation(std::string_view lang) const {
    const std::string base = baseLanguage(lang);
    if (base.empty() || base == baseLanguage(language)) return nullptr;
    for (const auto& t : translations)
        if (t.language == base) return &t;
    return nullptr;
}

std::vector<std::string> Framework::languages() const {
    std::vector<std::string> out{language.empty() ? std::string("en") : baseLanguage(language)};
    for (const auto& t : translations) out.push_back(t.language);
    return out;
}

namespace {

const std::string& pick(const std::vector<std::string>* translated, int i,
                        const std::string& source) {
    if (translated && i >= 0 && std::size_t(i) < translated->size() &&
        !(*translated)[std::size_t(i)].empty())
        return (*translated)[std::size_t(i)];
    return source;
}

}  // namespace

const std::string& Framework::displayName(std::string_view lang) const {
    const auto* t = translation(lang);
    return t && !t->name.empty() ? t->name : name;
}
const std::string& Framework::competencyName(int c, std::string_view lang) const {
    const auto* t = translation(lang);
    return pick(t ? &t->competencyNames : nullptr, c, competencies[std::size_t(c)].name);
}
const std::string& Framework::competencyDescription(int c, std::string_view lang) const {
    const auto* t = translation(lang);
    return pick(t ? &t->competencyDescriptions : nullptr, c,
                competencies[std::size_t(c)].description);
}
const std::string& Framework::levelName(int l, std::string_view lang) const {
    const auto* t = translation(lang);
    return pick(t ? &t->levelNames : nullptr, l, levels[std::size_t(l)].name);
}
const std::string& Framework::levelDescription(int l, std::string_view lang) const {
    const auto* t = translation(lang);
    return pick(t ? &t->levelDescriptions : nullptr, l, levels[std::size_t(l)].description);
}
const std::string& Framework::anchor(int c, int l, std::string_view lang) const {
    const auto& source = competencies[std::size_t(c)].anchors[std::size_t(l)];
    const auto* t = translation(lang);
    if (!t || std::size_t(c) >= t->anchors.size()) return source;
    return pick(&t->anchors[std::size_t(c)], l, source);
}
const std::string& Framework::indicatorDescription(int i, std::string_view lang) const {
    const auto* t = translation(lang);
    return pick(t ? &t->indicatorDescriptions : nullptr, i, indicators[std::size_t(i)].description);
}
const std::string& Framework::ruleDescription(int r, std::string_view lang) const {
    const auto* t = translation(lang);
    return pick(t ? &t->ruleDescriptions : nullptr, r, rules[std::size_t(r)].description);
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
