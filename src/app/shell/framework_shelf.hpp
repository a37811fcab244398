// The competence frameworks of the loaded library, one per framework id, as the check loaded
// them. Every area names competencies and indicators through it, so a debrief, a library card
// and an HR page never name the same competency two ways.
#pragma once

#include <map>
#include <memory>
#include <string>

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
    // The framework's name for a competency id; the id made readable when none knows it.
    std::string competencyName(const std::string& id) const;
    // The framework's plain-words description of an indicator; the id when none knows it.
    std::string indicatorDescription(const std::string& id) const;
    // Every text of the frameworks, for the font atlas.
    std::string glyphText() const;

private:
    std::map<std::string, std::shared_ptr<const Framework>> byId_;
};

}  // namespace rapport::app
