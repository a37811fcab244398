#include "app/shell/text_fit.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <utility>

#include "app/driver/widget_locator.hpp"

namespace rapport::app::ui {

namespace {

struct Watch {
    bool on = false;
    std::vector<TextFitProblem> problems;
};

Watch& watch() {
    static Watch w;
    return w;
}

}  // namespace

void watchTextFit(bool on) {
    watch().on = on;
    watch().problems.clear();
}

std::vector<TextFitProblem> takeTextFitProblems() { return std::exchange(watch().problems, {}); }

void checkLastItemFits(std::string_view label) {
    if (!watch().on || !ImGui::IsItemVisible()) return;
    const std::string shown(visibleLabel(label));
    const float needed =
        ImGui::CalcTextSize(shown.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
    const float room = ImGui::GetItemRectSize().x;
    // Half a pixel: sizes are rounded to whole pixels on the way.
    if (needed > room + 0.5f) watch().problems.push_back({shown, needed, room});
    const ImGuiWindow* window = ImGui::GetCurrentWindow();
    const bool scrollsSideways = window->ScrollbarX;
    const float right = window->InnerClipRect.Max.x;
    if (!scrollsSideways && ImGui::GetItemRectMax().x > right + 0.5f)
        watch().problems.push_back({shown, ImGui::GetItemRectMax().x - ImGui::GetItemRectMin().x,
                                    right - ImGui::GetItemRectMin().x});
}

}  // namespace rapport::app::ui
