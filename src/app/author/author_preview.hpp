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
    // Replays `choices` (a --choices list: positions as shown under `seed`, "t" a timeout) from
    // the scenario's start with its initial values, as an analysis path was found. False with
    // the reason in replayError() when an entry could not be taken (the session stays where
    // it stopped).
    bool replay(const Scenario& scenario, const std::string& choices, std::uint64_t seed,
                std::uint64_t revision);
    const std::string& replayError() const { return replayError_; }
    bool running() const { return session_.has_value(); }
    // The session being previewed (null when none) and the scenario it plays.
    const Session* session() const { return session_ ? &*session_ : nullptr; }
    const Scenario* played() const { return scenario_.get(); }
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
    ManualClock replayClock_;            // a replayed path's time: simulated, as the analysis'
    std::string replayError_;
    std::string replayed_;  // the path replayed, shown above the transcript; empty when played
};

}  // namespace rapport::app
