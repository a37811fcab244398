// Drawing helpers shared by the screens: buttons the script can find, cards, bars, chat bubbles,
// avatars and the radar chart. Pure drawing: they take values and return clicks, nothing else.
#pragma once

#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

#include "app/driver/widget_locator.hpp"
#include "app/shell/theme.hpp"

namespace rapport::app::ui {

// A regular button, recorded in the locator under `label`.
bool Button(WidgetLocator& loc, const char* label, const ImVec2& size = ImVec2(0, 0));
// The one main action of a view, in the accent colour. Disabled draws greyed and never fires.
bool PrimaryButton(WidgetLocator& loc, const Theme& t, const char* label,
                   const ImVec2& size = ImVec2(0, 0), bool enabled = true);
// A choice the trainee can say: wide, wrapped, with its number (1–9) in a badge. Recorded in
// the locator as "Choice N".
bool ChoiceButton(WidgetLocator& loc, const Theme& t, int number, const std::string& text);

// Text in the given colour / font, wrapped at the content region's right edge.
void TextWrappedColored(const ImVec4& color, std::string_view text);
// In the current text colour.
void TextWrapped(std::string_view text);
void TextInFont(ImFont* font, const ImVec4& color, std::string_view text);

// Wrapped text in a block of fixed height; what does not fit is clipped (cards in a grid).
void ClippedText(ImFont* font, const ImVec4& color, std::string_view text, float height);
// `value` filled dots out of `of`, vertically centred on the current line (difficulty).
void DifficultyDots(const Theme& t, int value, int of);

// `text` shortened at a character boundary and ended with "…" so that, in the current font, it
// is at most `maxWidth` wide; unchanged when it fits.
std::string Elide(std::string_view text, float maxWidth);

// A rounded label chip ("Banking", "Exam").
void Chip(const Theme& t, std::string_view text, const ImVec4& bg, const ImVec4& fg);

// Label, value and a horizontal bar filled to `fraction` (0..1) in `fill`.
void LabeledBar(const Theme& t, std::string_view label, std::string_view value, float fraction,
                const ImVec4& fill, float height = 8.0f);
// Green / amber / red by how full a "more is better" bar is.
ImVec4 levelColor(const Theme& t, float fraction);

// A chat line: a rounded bubble, left (client) or right (trainee), with a caption above.
void Bubble(const Theme& t, ImFont* captionFont, std::string_view caption, std::string_view text,
            bool alignRight, const ImVec4& bg, float maxWidthFraction = 0.72f);
// A line of one of several people: a small round portrait (or initials of `name`) beside a
// left-aligned bubble captioned with who speaks (name · role), so a gatekeeper, a finance
// director and the client can be told apart at a glance.
void SpeakerBubble(const Theme& t, ImFont* captionFont, ImTextureID portrait, std::string_view name,
                   std::string_view caption, std::string_view text, const ImVec4& bg);
// A full-width note under a line (practice feedback, evidence annotations).
void Callout(const Theme& t, std::string_view text, const ImVec4& accent, bool alignRight);

// A circle with the name's initials (core/text/initials: first name and surname).
void InitialsAvatar(const Theme& t, ImFont* font, std::string_view name, float diameter);

// Filled surface card with a border; pair with EndCard(). Height 0 = auto-fit is not available
// for children in ImGui 1.86, so callers pass the height they need.
// A checkbox whose label wraps to the width left, so a long label in a longer language stays
// inside its panel; clicking the label toggles it too. `label` as ImGui writes it ("Text###id").
bool CheckboxWrapped(const char* label, bool* value);

bool BeginCard(const Theme& t, const char* id, const ImVec2& size,
               ImGuiWindowFlags flags = ImGuiWindowFlags_NoScrollbar);
void EndCard();

struct RadarAxis {
    std::string label;
    float value = 0;  // 0..100
};
// A radar (spider) chart of `axes` in a square of side `size` at the cursor.
void RadarChart(const Theme& t, ImFont* labelFont, const std::vector<RadarAxis>& axes, float size);

}  // namespace rapport::app::ui
