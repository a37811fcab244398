#include "app/hr/hr_charts.hpp"

#include <algorithm>

#include "app/shell/widgets.hpp"

namespace rapport::app::ui {
namespace {

// Reserves the box in the layout and returns its top-left corner.
ImVec2 reserve(const ImVec2& size) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::Dummy(size);
    return pos;
}

}  // namespace

void TrendChart(const Theme& t, const std::vector<float>& scores, const ImVec2& size,
                const ImVec4& colour, float passMark) {
    const Palette& p = t.palette;
    const ImVec2 o = reserve(size);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float pad = t.px(4);
    const ImVec2 a(o.x + pad, o.y + pad), b(o.x + size.x - pad, o.y + size.y - pad);
    dl->AddRectFilled(o, ImVec2(o.x + size.x, o.y + size.y), toU32(p.surfaceAlt), t.px(4));
    auto y = [&](float v) { return b.y - (b.y - a.y) * std::clamp(v, 0.0f, 100.0f) / 100.0f; };
    if (passMark >= 0 && passMark <= 100) {
        const float py = y(passMark);
        for (float x = a.x; x < b.x; x += t.px(6))
            dl->AddLine(ImVec2(x, py), ImVec2(std::min(x + t.px(3), b.x), py),
                        toU32(p.textMuted, 0.6f));
    }
    if (scores.empty()) return;
    const float step = scores.size() > 1 ? (b.x - a.x) / float(scores.size() - 1) : 0;
    std::vector<ImVec2> pts;
    for (std::size_t i = 0; i < scores.size(); ++i)
        pts.push_back(
            ImVec2(scores.size() > 1 ? a.x + step * float(i) : (a.x + b.x) * 0.5f, y(scores[i])));
    if (pts.size() > 1) dl->AddPolyline(pts.data(), int(pts.size()), toU32(colour), 0, t.px(1.5f));
    // Dots only while they stay apart; a long history reads better as a line.
    if (step >= t.px(5))
        for (const auto& q : pts) dl->AddCircleFilled(q, t.px(2), toU32(colour));
    dl->AddCircleFilled(pts.back(), t.px(3.5f), toU32(colour));
}

void Histogram(const Theme& t, const std::array<int, 10>& bins, const ImVec2& size) {
    const Palette& p = t.palette;
    const ImVec2 o = reserve(size);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(o, ImVec2(o.x + size.x, o.y + size.y), toU32(p.surfaceAlt), t.px(4));
    const int most = std::max(1, *std::max_element(bins.begin(), bins.end()));
    const float pad = t.px(3);
    const float w = (size.x - pad * 2) / 10.0f;
    for (int i = 0; i < 10; ++i) {
        if (!bins[std::size_t(i)]) continue;
        const float h = (size.y - pad * 2) * float(bins[std::size_t(i)]) / float(most);
        const float x0 = o.x + pad + w * float(i);
        dl->AddRectFilled(ImVec2(x0 + 1, o.y + size.y - pad - h),
                          ImVec2(x0 + w - 1, o.y + size.y - pad),
                          toU32(levelColor(t, (float(i) + 0.5f) / 10.0f)), t.px(1.5f));
    }
}

void BoxPlot(const Theme& t, const Distribution& d, const ImVec2& size) {
    const Palette& p = t.palette;
    const ImVec2 o = reserve(size);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(o, ImVec2(o.x + size.x, o.y + size.y), toU32(p.surfaceAlt), t.px(4));
    if (d.count == 0) return;
    const float pad = t.px(6);
    auto x = [&](double v) {
        return o.x + pad + (size.x - pad * 2) * float(std::clamp(v, 0.0, 100.0) / 100.0);
    };
    const float mid = o.y + size.y * 0.5f, half = size.y * 0.28f;
    const ImU32 line = toU32(p.text, 0.8f);
    dl->AddLine(ImVec2(x(d.min), mid), ImVec2(x(d.q1), mid), line, t.px(1));
    dl->AddLine(ImVec2(x(d.q3), mid), ImVec2(x(d.max), mid), line, t.px(1));
    dl->AddLine(ImVec2(x(d.min), mid - half * 0.6f), ImVec2(x(d.min), mid + half * 0.6f), line,
                t.px(1));
    dl->AddLine(ImVec2(x(d.max), mid - half * 0.6f), ImVec2(x(d.max), mid + half * 0.6f), line,
                t.px(1));
    dl->AddRectFilled(ImVec2(x(d.q1), mid - half),
                      ImVec2(std::max(x(d.q3), x(d.q1) + 1), mid + half),
                      toU32(levelColor(t, float(d.median / 100.0)), 0.55f), t.px(2));
    dl->AddRect(ImVec2(x(d.q1), mid - half), ImVec2(std::max(x(d.q3), x(d.q1) + 1), mid + half),
                line, t.px(2));
    dl->AddLine(ImVec2(x(d.median), mid - half), ImVec2(x(d.median), mid + half), toU32(p.text),
                t.px(2.5f));
}

}  // namespace rapport::app::ui
