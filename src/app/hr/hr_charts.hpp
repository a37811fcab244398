// Small charts for the HR pages, drawn with ImDrawList at the cursor: a trend line, a histogram
// and a box plot over a 0-100 scale. Pure drawing: values in, nothing out.
#pragma once

#include <imgui.h>

#include <array>
#include <cstdint>
#include <vector>

#include "app/shell/theme.hpp"
#include "core/reports/group_statistics.hpp"

namespace rapport::app::ui {

// Scores 0-100 in order, as a polyline with dots in a box of `size`; the last point is larger.
// A dashed line marks `passMark` when it is within 0-100. With `labelFont`, the score axis has
// ticks at 0, 50 and 100 on the left and, with `timesMs` (one per score), the first and last
// attempts' dates run under the line: a reader sees what the line spans without a tooltip.
void TrendChart(const Theme& t, const std::vector<float>& scores, const ImVec2& size,
                const ImVec4& colour, float passMark = -1, ImFont* labelFont = nullptr,
                const std::vector<std::int64_t>& timesMs = {});

// Ten bars (0-9.9 … 90-100) scaled to the fullest bin; with `labelFont`, a 0–100 score axis
// with ticks at 0, 50 and 100 under them (inside `size`).
void Histogram(const Theme& t, const std::array<int, 10>& bins, const ImVec2& size,
               ImFont* labelFont = nullptr);

// Whiskers min-max, box q1-q3, median line, on a horizontal 0-100 axis (ticked and labelled
// under the box with `labelFont`).
void BoxPlot(const Theme& t, const Distribution& d, const ImVec2& size,
             ImFont* labelFont = nullptr);

}  // namespace rapport::app::ui
