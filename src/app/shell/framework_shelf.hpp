// The competence frameworks of the loaded library, one per framework id, as the check loaded
// them. Every area names competencies and indicators through it, so a debrief, a library card
// and an HR page never name the same competency two ways.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/framework/framework.hpp"
#include "core/library/scenario_library.hpp"

namespace rapport::app {

class FrameworkShelf {
public:
    FrameworkShelf() = default;
    // The framework of every entry the check could load; the first entry of an id wins.
    explicit FrameworkShelf(const ScenarioLibrary& library);

    // The scenario's framework; nullptr when the check found none.
    const Framework* frameworkFor(const Scenario& s) const;
    // Every framework of the library, for work off the UI thread (they are immutable).
    std::vector<std::shared_ptr<const Framework>> all() const;
    // The framework with this id; nullptr when the library has none.
    const Framework* byId(const std::string& id) const;
    // The framework's name for a competency id, in `lang` where the framework translates it
    // (interface_language.hpp); the id made readable when none knows it.
    std::string competencyName(const std::string& id, std::string_view lang = {}) const;
    // The framework's plain-words description of an indicator; the id when none knows it.
    std::string indicatorDescription(const std::string& id, std::string_view lang = {}) const;
    // Every text of the frameworks in every language they read, for the font atlas.
    std::string glyphText() const;

private:
    std::map<std::string, std::shared_ptr<const Framework>> byId_;
};

}  // namespace rapport::app
