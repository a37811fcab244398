#include "app/driver/widget_locator.hpp"

#include <algorithm>

namespace rapport::app {

std::string_view visibleLabel(std::string_view label) {
    auto p = label.find("##");
    return p == std::string_view::npos ? label : label.substr(0, p);
}

std::string_view stableLabelId(std::string_view label) {
    auto p = label.find("###");
    return p == std::string_view::npos ? std::string_view() : label.substr(p + 3);
}

void WidgetLocator::beginFrame() { widgets_.clear(); }

void WidgetLocator::recordLastItem(std::string_view label) {
    if (!ImGui::IsItemVisible()) return;
    // Only the part inside the clip rectangle can be hovered: a button half scrolled out of a
    // card must be clicked on its visible half.
    const ImVec2 cmin = ImGui::GetWindowDrawList()->GetClipRectMin();
    const ImVec2 cmax = ImGui::GetWindowDrawList()->GetClipRectMax();
    const ImVec2 imin = ImGui::GetItemRectMin(), imax = ImGui::GetItemRectMax();
    const ImVec2 min(std::max(imin.x, cmin.x), std::max(imin.y, cmin.y));
    const ImVec2 max(std::min(imax.x, cmax.x), std::min(imax.y, cmax.y));
    if (min.x >= max.x || min.y >= max.y) return;
    widgets_.push_back({std::string(label), min, max});
}

const LocatedWidget* WidgetLocator::find(std::string_view query, int occurrence) const {
    const bool full = query.find("##") != std::string_view::npos;
    int seen = 0;
    for (const auto& w : widgets_) {
        const std::string_view candidate = full ? std::string_view(w.label) : visibleLabel(w.label);
        // A translated label ("Войти###Sign in") is also found by its English id, so scripts
        // and tests work whatever the interface language.
        const std::string_view id = stableLabelId(w.label);
        const bool byId = !id.empty() && id == query;
        if ((candidate == query || byId) && ++seen == occurrence) return &w;
    }
    return nullptr;
}

std::string WidgetLocator::describe() const {
    std::string out;
    for (const auto& w : widgets_) {
        if (!out.empty()) out += ", ";
        out += '"';
        out += w.label;
        out += '"';
    }
    return out;
}

}  // namespace rapport::app
