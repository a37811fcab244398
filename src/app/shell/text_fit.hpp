// Whether interface text fits where it is drawn. A translation (or the pseudo-language of the
// tests, 40 % longer) can outgrow a button sized for English, and ImGui then clips it silently;
// the drawing helpers report every such case here, and the pseudo-language test fails on any
// (docs/translation.md, "Pseudo-language"). Off unless a test turns it on: nothing is recorded,
// nothing costs, in the real program.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace rapport::app::ui {

struct TextFitProblem {
    std::string text;  // the visible text that did not fit
    float needed = 0;  // width it needs, pixels
    float room = 0;    // width it had
};

void watchTextFit(bool on);
std::vector<TextFitProblem> takeTextFitProblems();

// For the item just submitted (a button) with `label`: notes a problem when its visible label
// and frame padding are wider than the item, or the item reaches past the window's visible
// area.
void checkLastItemFits(std::string_view label);

}  // namespace rapport::app::ui
