#include "app/hr/hr_charts.hpp"

#include <algorithm>
#include <cfloat>
#include <string>

#include "app/shell/widgets.hpp"
#include "core/reports/report_time.hpp"

namespace rapport::app::ui {
namespace {

// Reserves the box in the layout and returns its top-left corner.
ImVec2 reserve(const ImVec2& size) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::Dummy(size);
    return pos;
}

// A horizontal 0–100 score axis from x0 to x1 at y: a base line, ticks at 0, 50 and 100 and
// their numbers under them. Returns the height it takes.
float scoreAxis(const Theme& t, ImFont* font, float x0, float x1, float y) {
    if (!font) return 0;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 c = toU32(t.palette.textMuted);
    dl->AddLine(ImVec2(x0, y), ImVec2(x1, y), c, t.px(1));
    const float tick = t.px(3);
    for (int v : {0, 50, 100}) {
        const float x = x0 + (x1 - x0) * float(v) / 100.0f;
        dl->AddLine(ImVec2(x, y), ImVec2(x, y + tick), c, t.px(1));
        const std::string label = std::to_string(v);
        const ImVec2 ts = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, label.c_str());
        const float lx = std::clamp(x - ts.x * 0.5f, x0, x1 - ts.x);
        dl->AddText(font, font->FontSize, ImVec2(lx, y + tick), c, label.c_str());
    }
    return tick + font->FontSize;
}

}  // namespace

void TrendChart(const Theme& t, const std::vector<float>& scores, const ImVec2& size,
                const ImVec4& colour, float passMark, ImFont* labelFont,
                const std::vector<std::int64_t>& timesMs) {
    const Palette& p = t.palette;
    const ImVec2 o = reserve(size);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float pad = t.px(4);
    const ImU32 axis = toU32(p.textMuted);
    const float fs = labelFont ? labelFont->FontSize : 0;
    const bool dated = labelFont && timesMs.size() == scores.size() && !scores.empty();
    // Room for "100" on the left and a line of dates underneath.
    const float left = labelFont ? labelFont->CalcTextSizeA(fs, FLT_MAX, 0, "100").x + t.px(6) : 0;
    const float bottom = dated ? fs + t.px(2) : 0;
    const ImVec2 a(o.x + left + pad, o.y + pad + (labelFont ? fs * 0.5f : 0)),
        b(o.x + size.x - pad, o.y + size.y - pad - bottom - (labelFont ? fs * 0.5f : 0));
    dl->AddRectFilled(ImVec2(o.x + left, o.y), ImVec2(o.x + size.x, o.y + size.y - bottom),
                      toU32(p.surfaceAlt), t.px(4));
    if (labelFont)
        for (int v : {0, 50, 100}) {
            const float yy = b.y - (b.y - a.y) * float(v) / 100.0f;
            const std::string label = std::to_string(v);
            const float w = labelFont->CalcTextSizeA(fs, FLT_MAX, 0, label.c_str()).x;
            dl->AddText(labelFont, fs, ImVec2(o.x + left - t.px(4) - w, yy - fs * 0.5f), axis,
                        label.c_str());
            dl->AddLine(ImVec2(o.x + left, yy), ImVec2(o.x + left + t.px(3), yy), axis, t.px(1));
        }
    if (dated) {
        const std::string first = formatDateTimeShort(timesMs.front()).substr(0, 10);
        const std::string last = formatDateTimeShort(timesMs.back()).substr(0, 10);
        const float ty = o.y + size.y - bottom + t.px(2);
        dl->AddText(labelFont, fs, ImVec2(a.x, ty), axis, first.c_str());
        const float lw = labelFont->CalcTextSizeA(fs, FLT_MAX, 0, last.c_str()).x;
        const float fw = labelFont->CalcTextSizeA(fs, FLT_MAX, 0, first.c_str()).x;
        if (timesMs.size() > 1 && last != first && b.x - lw > a.x + fw + t.px(8))
            dl->AddText(labelFont, fs, ImVec2(b.x - lw, ty), axis, last.c_str());
    }
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

void Histogram(const Theme& t, const std::array<int, 10>& bins, const ImVec2& fullSize,
               ImFont* labelFont) {
    const Palette& p = t.palette;
    const ImVec2 o = reserve(fullSize);
    const float pad = t.px(3);
    const float axisH = labelFont ? t.px(3) + labelFont->FontSize : 0;
    const ImVec2 size(fullSize.x, fullSize.y - axisH);
    scoreAxis(t, labelFont, o.x + pad, o.x + size.x - pad, o.y + size.y);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(o, ImVec2(o.x + size.x, o.y + size.y), toU32(p.surfaceAlt), t.px(4));
    const int most = std::max(1, *std::max_element(bins.begin(), bins.end()));
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

void BoxPlot(const Theme& t, const Distribution& d, const ImVec2& fullSize, ImFont* labelFont) {
    const Palette& p = t.palette;
    const ImVec2 o = reserve(fullSize);
    const float pad = t.px(6);
    const float axisH = labelFont ? t.px(3) + labelFont->FontSize : 0;
    const ImVec2 size(fullSize.x, fullSize.y - axisH);
    scoreAxis(t, labelFont, o.x + pad, o.x + size.x - pad, o.y + size.y);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(o, ImVec2(o.x + size.x, o.y + size.y), toU32(p.surfaceAlt), t.px(4));
    if (d.count == 0) return;
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
