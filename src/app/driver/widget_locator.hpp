// Where the clickable widgets of the last frame were, by label. The script driver clicks a
// button by moving the mouse to its rectangle, so scripted runs go through ImGui's real hit
// testing rather than calling actions behind the screens' backs.
#pragma once

#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

namespace rapport::app {

struct LocatedWidget {
    std::string label;  // full ImGui label, e.g. "Practice##bank-sme"
    ImVec2 min, max;
    ImVec2 center() const { return ImVec2((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f); }
};

class WidgetLocator {
public:
    void beginFrame();
    // Records the last submitted ImGui item under `label` when it is visible.
    void recordLastItem(std::string_view label);

    // Called between frames, so it sees the last completed frame.
    // The `occurrence`-th (1-based) widget of the last frame matching `query`: a query with
    // "##" must equal the full label; otherwise it must equal the visible part (before "##") or
    // the stable id of a translated label (after "###": "Войти###Sign in" answers "Sign in").
    const LocatedWidget* find(std::string_view query, int occurrence = 1) const;
    // Labels of the last frame, for error messages.
    std::string describe() const;

private:
    std::vector<LocatedWidget> widgets_;
};

// The part of an ImGui label that is shown ("Save##x" -> "Save").
std::string_view visibleLabel(std::string_view label);
// The id after "###" that keeps a widget's ImGui id the same in every language; empty if none.
std::string_view stableLabelId(std::string_view label);

}  // namespace rapport::app
