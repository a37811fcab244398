// Parts every HR page shares: the page header with its way back, the status line of a query,
// the export bar, and text helpers that keep data from a database (hostile names included)
// plain text in ImGui labels.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/hr/hr_data.hpp"
#include "app/shell/screen_context.hpp"
#include "core/library/scenario_library.hpp"

namespace rapport::app {

// Title (and a muted subtitle) on the left, `backLabel` on the right; true when it was clicked.
bool drawHrHeader(const ScreenContext& ctx, std::string_view title, std::string_view subtitle,
                  const char* backLabel);

// "Loading…" while `running`, the error in the danger colour, else `ready` muted. True when a
// result is available to draw.
bool drawHrStatus(const Theme& t, bool running, const std::string& error, bool hasValue,
                  const std::string& ready);

// HTML / CSV / JSON / xAPI buttons over the attempts of `scope`, the folder they go to, and the
// outcome of the last export (the path written, or why it failed).
void drawExportBar(const ScreenContext& ctx, HrData& hr, const store::AttemptFilter& scope,
                   const std::string& title);

// Text for an ImGui label: "##" (which ImGui would treat as the start of an id) is broken up,
// so the whole text shows.
std::string labelText(std::string_view text);
// 73.4 -> "73.4", 80.0 -> "80"; nullopt -> "—".
std::string scoreText(std::optional<double> v);
// "Sales North · bank-sme · since 2025-03-01"; "all results" when nothing filters.
std::string describeFilter(const HrFilter& f);

// A combo over (value, shown) pairs, its preview fitted with "…"; the options are recorded as
// "SHOWN##option" and the combo as `caption` for scripts. True when the value changed.
bool PickCombo(WidgetLocator& loc, const char* id, const char* caption, const char* none,
               const std::vector<std::pair<std::string, std::string>>& options, std::string& value,
               float width);

// (id, title) of every playable scenario of `library`, each id once, in library order.
std::vector<std::pair<std::string, std::string>> scenarioOptions(const ScenarioLibrary& library);

}  // namespace rapport::app
