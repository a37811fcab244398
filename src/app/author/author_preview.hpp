// The author workspace's preview: play the scenario from any node with chosen variable values
// (core scenarioStartingAt + Session), to try one branch without replaying what leads to it.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/driver/widget_locator.hpp"
#include "app/shell/fonts.hpp"
#include "app/shell/theme.hpp"
#include "core/play/clock.hpp"
#include "core/play/session.hpp"
#include "core/scenario/scenario.hpp"

namespace rapport::app {

class AuthorPreview {
public:
    // `scenario` is the last checked model of the file (null while it has errors); `node` the
    // node to start from. `revision` tells the preview when the file changed under it.
    void Draw(const Theme& theme, const FontSet& fonts, WidgetLocator& loc, const Clock& clock,
              const Scenario* scenario, int node, std::uint64_t revision);
    // Starts at `node` with the values chosen in the panel.
    void start(const Scenario& scenario, int node, const Clock& clock, std::uint64_t revision);
    bool running() const { return session_.has_value(); }
    void stop();

private:
    void drawStart(const Theme& theme, const FontSet& fonts, WidgetLocator& loc, const Clock& clock,
                   const Scenario& scenario, int node, std::uint64_t revision);

    std::vector<std::int64_t> values_;  // per variable, edited in the panel
    std::string valuesFor_;             // scenario id + variable names the values belong to
    std::unique_ptr<Scenario> scenario_;
    std::optional<Session> session_;
    std::uint64_t revision_ = 0;
    std::vector<std::string> feedback_;  // feedback of each choice taken
};

}  // namespace rapport::app
