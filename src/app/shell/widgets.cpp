#include "app/shell/widgets.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string_view>

#include "app/shell/text_fit.hpp"
#include "app/shell/text_wrap.hpp"
#include "core/text/initials.hpp"

namespace rapport::app::ui {

bool Button(WidgetLocator& loc, const char* label, const ImVec2& size) {
    const bool pressed = ImGui::Button(label, size);
    loc.recordLastItem(label);
    checkLastItemFits(label);
    return pressed;
}

bool PrimaryButton(WidgetLocator& loc, const Theme& t, const char* label, const ImVec2& size,
                   bool enabled) {
    const Palette& p = t.palette;
    const ImVec4 base = enabled ? p.accent : mix(p.accent, p.background, 0.55f);
    ImGui::PushStyleColor(ImGuiCol_Button, base);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, enabled ? p.accentHover : base);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, enabled ? p.accentHover : base);
    ImGui::PushStyleColor(ImGuiCol_Text, p.accentText);
    ImGui::PushStyleColor(ImGuiCol_Border, base);
    const bool pressed = ImGui::Button(label, size);
    loc.recordLastItem(label);
    checkLastItemFits(label);
    ImGui::PopStyleColor(5);
    return pressed && enabled;
}

bool ChoiceButton(WidgetLocator& loc, const Theme& t, int number, const std::string& text) {
    const Palette& p = t.palette;
    const float width = ImGui::GetContentRegionAvail().x;
    const float badge = t.px(30);
    const ImVec2 pad(t.px(14), t.px(12));
    const float textWidth = width - badge - pad.x * 3;
    const std::string lines = wrappedText(text, textWidth);
    const ImVec2 ts = ImGui::CalcTextSize(lines.data(), lines.data() + lines.size());
    const float height = std::max(ts.y, badge) + pad.y * 2;

    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::PushID(number);
    const bool pressed = ImGui::InvisibleButton("choice", ImVec2(width, height));
    ImGui::PopID();
    loc.recordLastItem("Choice " + std::to_string(number));
    const bool hovered = ImGui::IsItemHovered();
    const bool held = ImGui::IsItemActive();

    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 end(pos.x + width, pos.y + height);
    const ImVec4 bg = held      ? mix(p.surface, p.accent, 0.18f)
                      : hovered ? mix(p.surface, p.accent, 0.08f)
                                : p.surface;
    dl->AddRectFilled(pos, end, toU32(bg), t.px(10));
    dl->AddRect(pos, end, toU32(hovered ? p.accent : p.border), t.px(10), 0, t.px(1.2f));

    const ImVec2 c(pos.x + pad.x + badge * 0.5f, pos.y + height * 0.5f);
    dl->AddCircleFilled(c, badge * 0.5f, toU32(hovered ? p.accent : mix(p.surface, p.accent, 0.2f)),
                        32);
    const std::string num = std::to_string(number);
    const ImVec2 ns = ImGui::CalcTextSize(num.c_str());
    dl->AddText(ImVec2(c.x - ns.x * 0.5f, c.y - ns.y * 0.5f),
                toU32(hovered ? p.accentText : p.accent), num.c_str());
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(),
                ImVec2(pos.x + pad.x * 2 + badge, pos.y + (height - ts.y) * 0.5f), toU32(p.text),
                lines.data(), lines.data() + lines.size());
    return pressed;
}

void TextWrappedColored(const ImVec4& color, std::string_view text) {
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    const std::string lines = wrappedText(text, wrapWidthAtCursor());
    ImGui::PushTextWrapPos(-1.0f);  // already broken: ImGui must not break it again
    ImGui::TextUnformatted(lines.data(), lines.data() + lines.size());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

void TextWrapped(std::string_view text) {
    TextWrappedColored(ImGui::GetStyleColorVec4(ImGuiCol_Text), text);
}

void TextInFont(ImFont* font, const ImVec4& color, std::string_view text) {
    if (font) ImGui::PushFont(font);
    TextWrappedColored(color, text);
    if (font) ImGui::PopFont();
}

void ClippedText(ImFont* font, const ImVec4& color, std::string_view text, float height) {
    if (font) ImGui::PushFont(font);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const ImVec4 clip(pos.x, pos.y, pos.x + width, pos.y + height);
    if (ImGui::IsRectVisible(pos, ImVec2(clip.z, clip.w))) {
        const std::string lines = wrappedText(text, width);
        ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(), pos,
                                            toU32(color), lines.data(), lines.data() + lines.size(),
                                            0.0f, &clip);
    }
    ImGui::Dummy(ImVec2(width, height));
    if (font) ImGui::PopFont();
}

void DifficultyDots(const Theme& t, int value, int of) {
    const float r = t.px(4);
    const float step = r * 2.6f;
    const float h = ImGui::GetTextLineHeight();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float cy = pos.y + h * 0.5f + t.px(3);  // chips are padded: centre on the chip
    for (int i = 0; i < of; ++i) {
        const ImVec2 c(pos.x + r + float(i) * step, cy);
        if (i < value)
            dl->AddCircleFilled(c, r, toU32(t.palette.accent), 16);
        else
            dl->AddCircle(c, r - t.px(0.5f), toU32(t.palette.textMuted, 0.7f), 16, t.px(1));
    }
    ImGui::Dummy(ImVec2(step * float(of - 1) + r * 2, h));
}

std::string Elide(std::string_view text, float maxWidth) {
    std::string out(text);
    if (ImGui::CalcTextSize(out.c_str()).x <= maxWidth) return out;
    auto width = [](const std::string& s) { return ImGui::CalcTextSize((s + "…").c_str()).x; };
    while (!out.empty() && width(out) > maxWidth) {
        // Drop one whole UTF-8 character: continuation bytes, then their lead byte.
        while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80)
            out.pop_back();
        if (!out.empty()) out.pop_back();
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "…";
}

void Chip(const Theme& t, std::string_view text, const ImVec4& bg, const ImVec4& fg) {
    const ImVec2 pad(t.px(8), t.px(3));
    const ImVec2 ts = ImGui::CalcTextSize(text.data(), text.data() + text.size());
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 size(ts.x + pad.x * 2, ts.y + pad.y * 2);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), toU32(bg), size.y * 0.5f);
    dl->AddText(ImVec2(pos.x + pad.x, pos.y + pad.y), toU32(fg), text.data(),
                text.data() + text.size());
    ImGui::Dummy(size);
}

ImVec4 levelColor(const Theme& t, float f) {
    if (f < 0.34f) return t.palette.danger;
    if (f < 0.67f) return t.palette.warning;
    return t.palette.success;
}

void LabeledBar(const Theme& t, std::string_view label, std::string_view value, float fraction,
                const ImVec4& fill, float height) {
    const Palette& p = t.palette;
    const float width = ImGui::GetContentRegionAvail().x;
    // The value keeps the right end of the first line; the label wraps (by the script's rules)
    // in what is left, so a long translated competency name never runs under the value.
    const ImVec2 vs = value.empty()
                          ? ImVec2(0, 0)
                          : ImGui::CalcTextSize(value.data(), value.data() + value.size());
    const float gap = value.empty() ? 0.0f : ImGui::GetStyle().ItemSpacing.x * 2;
    const std::string lines = wrappedText(label, std::max(1.0f, width - vs.x - gap));
    const ImVec2 start = ImGui::GetCursorPos();
    ImGui::PushTextWrapPos(-1.0f);
    ImGui::TextUnformatted(lines.data(), lines.data() + lines.size());
    if (!value.empty()) {
        const ImVec2 after = ImGui::GetCursorPos();
        ImGui::SetCursorPos(ImVec2(start.x + std::max(0.0f, width - vs.x), start.y));
        ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
        ImGui::TextUnformatted(value.data(), value.data() + value.size());
        ImGui::PopStyleColor();
        ImGui::SetCursorPos(after);
    }
    ImGui::PopTextWrapPos();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float h = t.px(height);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + h), toU32(p.track), h * 0.5f);
    const float f = std::clamp(fraction, 0.0f, 1.0f);
    if (f > 0)
        dl->AddRectFilled(pos, ImVec2(pos.x + std::max(h, width * f), pos.y + h), toU32(fill),
                          h * 0.5f);
    ImGui::Dummy(ImVec2(width, h));
}

void Bubble(const Theme& t, ImFont* captionFont, std::string_view caption, std::string_view text,
            bool alignRight, const ImVec4& bg, float maxWidthFraction) {
    const Palette& p = t.palette;
    const float avail = ImGui::GetContentRegionAvail().x;
    const ImVec2 pad(t.px(14), t.px(10));
    const float wrap = avail * maxWidthFraction - pad.x * 2;
    const std::string lines = wrappedText(text, wrap);
    const char* b = lines.data();
    const char* e = lines.data() + lines.size();
    const ImVec2 ts = ImGui::CalcTextSize(b, e);
    const ImVec2 size(ts.x + pad.x * 2, ts.y + pad.y * 2);
    const ImVec2 start = ImGui::GetCursorScreenPos();

    if (!caption.empty()) {
        if (captionFont) ImGui::PushFont(captionFont);
        const ImVec2 cs = ImGui::CalcTextSize(caption.data(), caption.data() + caption.size());
        const float cx = alignRight ? start.x + avail - cs.x - t.px(4) : start.x + t.px(4);
        ImGui::GetWindowDrawList()->AddText(ImVec2(cx, start.y), toU32(p.textMuted), caption.data(),
                                            caption.data() + caption.size());
        ImGui::Dummy(ImVec2(avail, cs.y));
        if (captionFont) ImGui::PopFont();
    }
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float x0 = alignRight ? pos.x + avail - size.x : pos.x;
    const ImVec2 min(x0, pos.y), max(x0 + size.x, pos.y + size.y);
    if (ImGui::IsRectVisible(min, max)) {  // long transcripts: skip drawing what is scrolled away
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(min, max, toU32(bg), t.px(12));
        dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(x0 + pad.x, pos.y + pad.y),
                    toU32(p.text), b, e);
    }
    ImGui::Dummy(ImVec2(avail, size.y));
}

void SpeakerBubble(const Theme& t, ImFont* captionFont, ImTextureID portrait, std::string_view name,
                   std::string_view caption, std::string_view text, const ImVec4& bg) {
    const float d = t.px(34);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::BeginGroup();
    // The portrait sits level with the bubble, below the caption line.
    if (captionFont) ImGui::PushFont(captionFont);
    const float captionH = ImGui::GetTextLineHeight();
    if (captionFont) ImGui::PopFont();
    ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + captionH));
    if (portrait) {
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddImageRounded(portrait, pos, ImVec2(pos.x + d, pos.y + d),
                                                    ImVec2(0, 0), ImVec2(1, 1), IM_COL32_WHITE,
                                                    d * 0.5f);
        ImGui::Dummy(ImVec2(d, d));
    } else {
        InitialsAvatar(t, captionFont, name, d);
    }
    ImGui::EndGroup();
    ImGui::SameLine(0, t.px(8));
    ImGui::SetCursorScreenPos(ImVec2(at.x + d + t.px(8), at.y));
    ImGui::BeginGroup();
    Bubble(t, captionFont, caption, text, false, bg, 0.78f);
    ImGui::EndGroup();
}

void Callout(const Theme& t, std::string_view text, const ImVec4& accent, bool alignRight) {
    const Palette& p = t.palette;
    const float avail = ImGui::GetContentRegionAvail().x;
    const float width = avail * 0.72f;
    const ImVec2 pad(t.px(12), t.px(8));
    const float wrap = width - pad.x * 2 - t.px(4);
    const std::string lines = wrappedText(text, wrap);
    const ImVec2 ts = ImGui::CalcTextSize(lines.data(), lines.data() + lines.size());
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float x0 = alignRight ? pos.x + avail - width : pos.x;
    const ImVec2 min(x0, pos.y), max(x0 + width, pos.y + ts.y + pad.y * 2);
    if (ImGui::IsRectVisible(min, max)) {
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(min, max, toU32(mix(p.surface, accent, 0.10f)), t.px(8));
        dl->AddRectFilled(min, ImVec2(min.x + t.px(4), max.y), toU32(accent), t.px(8),
                          ImDrawFlags_RoundCornersLeft);
        dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(),
                    ImVec2(x0 + pad.x + t.px(4), pos.y + pad.y), toU32(p.text), lines.data(),
                    lines.data() + lines.size());
    }
    ImGui::Dummy(ImVec2(avail, max.y - min.y));
}

void InitialsAvatar(const Theme& t, ImFont* font, std::string_view name, float diameter) {
    const Palette& p = t.palette;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 c(pos.x + diameter * 0.5f, pos.y + diameter * 0.5f);
    // A stable colour per name, so the same client always looks the same.
    unsigned h = 2166136261u;
    for (char ch : name) h = (h ^ static_cast<unsigned char>(ch)) * 16777619u;
    const ImVec4 hues[] = {p.accent, p.success, p.warning, mix(p.accent, p.danger, 0.5f),
                           mix(p.success, p.accent, 0.5f)};
    const ImVec4 fill = hues[h % (sizeof hues / sizeof hues[0])];
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddCircleFilled(c, diameter * 0.5f, toU32(fill), 48);
    const std::string ini = initialsOf(name);
    if (font) ImGui::PushFont(font);
    const ImVec2 ts = ImGui::CalcTextSize(ini.c_str());
    dl->AddText(ImVec2(c.x - ts.x * 0.5f, c.y - ts.y * 0.5f), toU32(p.accentText), ini.c_str());
    if (font) ImGui::PopFont();
    ImGui::Dummy(ImVec2(diameter, diameter));
}

bool CheckboxWrapped(const char* label, bool* value) {
    const std::string_view all(label);
    const std::string_view shown = all.substr(0, all.find("##"));
    ImGui::PushID(label);
    bool changed = ImGui::Checkbox("##box", value);
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(shown.data(), shown.data() + shown.size());
    ImGui::PopTextWrapPos();
    if (ImGui::IsItemClicked()) {
        *value = !*value;
        changed = true;
    }
    // The label is the last item, so the locator names it and a script's click toggles.
    ImGui::PopID();
    return changed;
}

bool BeginCard(const Theme& t, const char* id, const ImVec2& size, ImGuiWindowFlags flags) {
    ImGui::PushStyleColor(ImGuiCol_ChildBg, t.palette.surface);
    ImGui::PushStyleColor(ImGuiCol_Border, t.palette.border);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(t.px(16), t.px(14)));
    const bool open = ImGui::BeginChild(id, size, true, flags);
    return open;
}

void EndCard() {
    ImGui::EndChild();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(2);
}

void RadarChart(const Theme& t, ImFont* labelFont, const std::vector<RadarAxis>& axes, float size) {
    const Palette& p = t.palette;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(size, size));
    const int n = int(axes.size());
    if (n < 3) return;  // a radar of fewer than three axes says nothing a bar does not
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 c(pos.x + size * 0.5f, pos.y + size * 0.5f);
    const float r = size * 0.25f;  // leaves room for labels around the chart, inside the square
    auto at = [&](int i, float frac) {
        const float a = -float(M_PI) / 2 + 2 * float(M_PI) * float(i) / float(n);
        return ImVec2(c.x + std::cos(a) * r * frac, c.y + std::sin(a) * r * frac);
    };
    for (int ring = 1; ring <= 4; ++ring) {
        std::vector<ImVec2> pts;
        for (int i = 0; i < n; ++i) pts.push_back(at(i, float(ring) / 4));
        dl->AddPolyline(pts.data(), n, toU32(p.border), ImDrawFlags_Closed, t.px(1));
    }
    for (int i = 0; i < n; ++i) dl->AddLine(c, at(i, 1), toU32(p.border), t.px(1));

    std::vector<ImVec2> shape;
    for (int i = 0; i < n; ++i)
        shape.push_back(at(i, std::clamp(axes[i].value, 0.0f, 100.0f) / 100));
    // The polygon may be concave, which AddConvexPolyFilled cannot fill: fan triangles instead.
    for (int i = 0; i < n; ++i)
        dl->AddTriangleFilled(c, shape[i], shape[(i + 1) % n], toU32(p.accent, 0.22f));
    dl->AddPolyline(shape.data(), n, toU32(p.accent), ImDrawFlags_Closed, t.px(2));
    for (int i = 0; i < n; ++i) dl->AddCircleFilled(shape[i], t.px(3.5f), toU32(p.accent));

    if (labelFont) ImGui::PushFont(labelFont);
    for (int i = 0; i < n; ++i) {
        const std::string& label = axes[i].label;
        const ImVec2 tip = at(i, 1.12f);
        // Side labels wrap at the square's edge, so a narrow column does not clip them, but
        // never inside a word: a word longer than its side of the square (Russian
        // "Стрессоустойчивость") sets the label somewhat smaller and, if it still does not fit,
        // the label moves in over the chart's edge (the clamp below) rather than lose letters.
        const bool right = tip.x > c.x + 1, left = tip.x < c.x - 1;
        const float room = right ? pos.x + size - tip.x : left ? tip.x - pos.x : size;
        float fontSize = ImGui::GetFontSize();
        const float widest = widestWord(label, fontSize);
        if (widest > room && room > 0)
            fontSize = std::max(fontSize * 0.85f, fontSize * room / widest);
        const float wrap = std::max(std::min(right || left ? size * 0.3f : size * 0.45f, room),
                                    // wrappedText works in whole pixels: round up.
                                    std::min(std::ceil(widestWord(label, fontSize)) + 1, size));
        const std::string lines = wrappedText(label, wrap, fontSize);
        const ImVec2 ts = ImGui::GetFont()->CalcTextSizeA(fontSize, FLT_MAX, 0.0f, lines.c_str());
        float x = tip.x - ts.x * 0.5f;
        if (right)
            x = tip.x;
        else if (left)
            x = tip.x - ts.x;
        x = std::clamp(x, pos.x,
                       std::max(pos.x, pos.x + size - ts.x));  // a word longer than the room
        float y = tip.y - ts.y * 0.5f;
        if (tip.y < c.y - r * 0.9f)
            y = tip.y - ts.y;
        else if (tip.y > c.y + r * 0.9f)
            y = tip.y;
        dl->AddText(ImGui::GetFont(), fontSize, ImVec2(x, y), toU32(p.text), lines.c_str());
    }
    if (labelFont) ImGui::PopFont();
}

}  // namespace rapport::app::ui
