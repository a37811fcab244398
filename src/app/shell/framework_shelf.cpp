#include "app/shell/framework_shelf.hpp"

#include <algorithm>

namespace rapport::app {

FrameworkShelf::FrameworkShelf(const ScenarioLibrary& library) {
    for (const auto& e : library.entries) {
        if (!e.scenario || byId_.count(e.scenario->framework)) continue;
        byId_[e.scenario->framework] = e.framework;
    }
}

const Framework* FrameworkShelf::frameworkFor(const Scenario& s) const {
    auto it = byId_.find(s.framework);
    return it != byId_.end() && it->second ? &*it->second : nullptr;
}

std::vector<std::shared_ptr<const Framework>> FrameworkShelf::all() const {
    std::vector<std::shared_ptr<const Framework>> out;
    for (const auto& [id, f] : byId_)
        if (f) out.push_back(f);
    return out;
}

const Framework* FrameworkShelf::byId(const std::string& id) const {
    auto it = byId_.find(id);
    return it != byId_.end() ? it->second.get() : nullptr;
}

std::string FrameworkShelf::indicatorDescription(const std::string& id,
                                                 std::string_view lang) const {
    for (const auto& [fid, f] : byId_)
        if (f)
            if (auto i = f->findIndicator(id)) return f->indicatorDescription(*i, lang);
    return id;
}

std::string FrameworkShelf::competencyName(const std::string& id, std::string_view lang) const {
    for (const auto& [fid, f] : byId_)
        if (f)
            if (auto c = f->findCompetency(id)) return f->competencyName(*c, lang);
    std::string out = id;
    std::replace(out.begin(), out.end(), '_', ' ');
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = char(out[0] - 'a' + 'A');
    return out;
}

std::string FrameworkShelf::glyphText() const {
    std::string out;
    for (const auto& [fid, f] : byId_) {
        if (!f) continue;
        out += f->name;
        for (const auto& l : f->levels) out += l.name + l.description;
        for (const auto& c : f->competencies) {
            out += c.name + c.description;
            for (const auto& a : c.anchors) out += a;
        }
        for (const auto& i : f->indicators) out += i.description;
        for (const auto& r : f->rules) out += r.description;
        for (const auto& t : f->translations) {
            out += t.name + t.description;
            for (const auto* part :
                 {&t.levelNames, &t.levelDescriptions, &t.competencyNames,
                  &t.competencyDescriptions, &t.indicatorDescriptions, &t.ruleDescriptions})
                for (const auto& text : *part) out += text;
            for (const auto& anchors : t.anchors)
                for (const auto& a : anchors) out += a;
        }
    }
    return out;
}

}  // namespace rapport::app
