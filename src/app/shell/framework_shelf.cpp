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

std::string FrameworkShelf::indicatorDescription(const std::string& id) const {
    for (const auto& [fid, f] : byId_)
        if (f)
            if (auto i = f->findIndicator(id)) return f->indicators[std::size_t(*i)].description;
    return id;
}

std::string FrameworkShelf::competencyName(const std::string& id) const {
    for (const auto& [fid, f] : byId_)
        if (f)
            if (auto c = f->findCompetency(id)) return f->competencies[std::size_t(*c)].name;
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
    }
    return out;
}

}  // namespace rapport::app
