#include "app/author/author_graph_view.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "app/shell/widgets.hpp"
#include "core/translation/ui_text.hpp"

namespace rapport::app {

namespace {

constexpr float kBoxW = kGraphBox.width, kBoxH = kGraphBox.height;

ImVec2 add(ImVec2 a, ImVec2 b) { return ImVec2(a.x + b.x, a.y + b.y); }

// The first line of `text`, cut to about `chars` code points.
std::string excerpt(const std::string& text, std::size_t chars) {
    std::string out;
    std::size_t points = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == '\n') break;
        if ((c & 0xC0) != 0x80 && ++points > chars) {
            out += "...";
            break;
        }
        out += text[i];
    }
    return out;
}

ImVec4 outcomeColour(const Palette& p, const std::string& outcome) {
    if (outcome == "won") return p.success;
    if (outcome == "lost") return p.danger;
    return p.warning;  // partial, escalated
}

// The ending's mark in the reader's language; the file's own word if it is none of the four.
std::string outcomeMark(const std::string& outcome) {
    if (outcome.empty()) return trc("graph mark", "ending");
    if (outcome == "won") return trc("graph mark", "won");
    if (outcome == "partial") return trc("graph mark", "partial");
    if (outcome == "lost") return trc("graph mark", "lost");
    if (outcome == "escalated") return trc("graph mark", "escalated");
    return outcome;
}

void arrow(ImDrawList* dl, ImVec2 tip, float size, ImU32 col) {
    dl->AddTriangleFilled(tip, ImVec2(tip.x - size, tip.y - size * 0.6f),
                          ImVec2(tip.x - size, tip.y + size * 0.6f), col);
}

}  // namespace

GraphViewEvents AuthorGraphView::Draw(const Theme& t, WidgetLocator& loc, const ScenarioGraph& g,
                                      const GraphLayout& layout, int selected,
                                      const std::vector<bool>& errorNodes,
                                      const PreviewTrail* trail, ImVec2 size) {
    const Palette& p = t.palette;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, p.background);
    ImGui::BeginChild("##graph", size, true,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse |
                          ImGuiWindowFlags_NoMove);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImGuiIO& io = ImGui::GetIO();
    GraphViewEvents events;

    const int n = int(g.nodes.size());
    const bool laidOut = int(layout.x.size()) == n && n > 0;
    if (dragNode_ >= n) dragNode_ = -1;
    const bool trailShown = trail && !trail->empty() && int(trail->step.size()) == n &&
                            trail->edges.size() == g.edges.size();
    if (laidOut && fitPending_ && avail.x > 10 && avail.y > 10) {
        const float w = (layout.width + kBoxW) * t.scale, h = (layout.height + kBoxH) * t.scale;
        const float margin = t.px(24);
        // A graph that fits at a readable size is shown whole; a longer one is shown at full size
        // from the start (where the conversation starts), the minimap showing the rest: shrunk
        // to fit, its boxes' text was 8 px.
        const float fitted = std::min((avail.x - 2 * margin) / w, (avail.y - 2 * margin) / h);
        zoom_ = fitted >= 0.7f ? std::min(fitted, 1.25f) : 1.0f;
        // Dragged boxes may lie left of or above the origin: the box around them all is framed.
        pan_ = ImVec2((w * zoom_ <= avail.x ? (avail.x - w * zoom_) * 0.5f : margin) -
                          layout.left * zoom_ * t.scale,
                      (avail.y - h * zoom_) * 0.5f - layout.top * zoom_ * t.scale);
        if (h * zoom_ > avail.y && g.start >= 0 && g.start < n)
            pan_.y =
                avail.y * 0.5f - (layout.y[std::size_t(g.start)] + kBoxH * 0.5f) * zoom_ * t.scale;
        fitPending_ = false;
    }
    const float s = zoom_ * t.scale;
    if (laidOut && centreNode_ >= 0 && centreNode_ < n) {
        pan_ = ImVec2(avail.x * 0.5f - (layout.x[std::size_t(centreNode_)] + kBoxW * 0.5f) * s,
                      avail.y * 0.5f - (layout.y[std::size_t(centreNode_)] + kBoxH * 0.5f) * s);
    }
    centreNode_ = -1;
    const ImVec2 base = add(origin, pan_);
    // Where node v is drawn: its place, or where it is being dragged to.
    auto placeX = [&](int v) {
        return layout.x[std::size_t(v)] + (v == dragNode_ ? dragBy_.x : 0);
    };
    auto placeY = [&](int v) {
        return layout.y[std::size_t(v)] + (v == dragNode_ ? dragBy_.y : 0);
    };
    auto boxMin = [&](int v) { return add(base, ImVec2(placeX(v) * s, placeY(v) * s)); };
    const ImVec2 box(kBoxW * s, kBoxH * s);

    if (!laidOut) {
        ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
        ui::TextWrapped(
            tr("No nodes to draw yet. Fix the file's syntax, or add a node with the inspector."));
        ImGui::PopStyleColor();
    } else {
        // Edges under the boxes.
        // The preview's trail is drawn last, over the other edges, and thick: thickness and the
        // dots at both ends tell it apart without its colour.
        std::vector<std::size_t> edgeOrder;
        for (std::size_t i = 0; i < g.edges.size(); ++i)
            if (!trailShown || !trail->edges[i]) edgeOrder.push_back(i);
        for (std::size_t i = 0; trailShown && i < g.edges.size(); ++i)
            if (trail->edges[i]) edgeOrder.push_back(i);
        for (const std::size_t ei : edgeOrder) {
            const auto& e = g.edges[ei];
            const ImVec2 a = boxMin(e.from), b = boxMin(e.to);
            const ImVec2 from(a.x + box.x, a.y + box.y * 0.5f), to(b.x, b.y + box.y * 0.5f);
            const bool taken = trailShown && trail->edges[ei];
            const bool hot = e.from == selected || e.to == selected;
            const ImU32 col = toU32(taken          ? p.accent
                                    : e.choice < 0 ? p.warning
                                    : hot          ? p.accent
                                                   : p.textMuted,
                                    taken || hot ? 1.0f
                                    : trailShown ? 0.35f
                                                 : 0.55f);
            const float thick = (taken ? 4.5f : hot ? 2.2f : 1.3f) * t.scale;
            if (taken) {
                dl->AddCircleFilled(from, 4.5f * s, col);
                dl->AddCircleFilled(to, 4.5f * s, col);
            }
            const float dx = std::max(40.0f * s, std::fabs(to.x - from.x) * 0.5f);
            if (to.x > from.x) {
                dl->AddBezierCubic(from, ImVec2(from.x + dx, from.y), ImVec2(to.x - dx, to.y), to,
                                   col, thick);
            } else {
                // Back to an earlier layer: loop below both boxes.
                const float drop = std::max(a.y, b.y) + box.y + 30.0f * s;
                dl->AddBezierCubic(from, ImVec2(from.x + 80 * s, drop), ImVec2(to.x - 80 * s, drop),
                                   to, col, thick);
            }
            arrow(dl, to, (taken ? 11.0f : 7.0f) * s, col);
        }
        ImFont* font = ImGui::GetFont();
        const float idSize = font->FontSize * std::min(zoom_, 1.2f);
        const float textSize = idSize * 0.86f;
        for (int v = 0; v < n; ++v) {
            const auto& node = g.nodes[std::size_t(v)];
            const ImVec2 mn = boxMin(v), mx = add(mn, box);
            ImGui::SetCursorScreenPos(mn);
            const bool released =
                ImGui::InvisibleButton(("##node" + std::to_string(v)).c_str(), box);
            // Dragging a box moves it (dropped, it is kept there); the background pans.
            if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
                const ImVec2 d = ImGui::GetMouseDragDelta(ImGuiMouseButton_Left);
                dragNode_ = v;
                dragBy_ = ImVec2(d.x / s, d.y / s);
                dragged_ = true;
            }
            if (ImGui::IsItemDeactivated() && dragNode_ == v) {
                events.moved = GraphViewEvents::Move{
                    v, NodePlace{std::round(placeX(v)), std::round(placeY(v))}};
                dragNode_ = -1;
                dragBy_ = ImVec2(0, 0);
            }
            if (released && !dragged_) events.clicked = v;
            loc.recordLastItem("Node " + node.id);
            const bool hovered = ImGui::IsItemHovered();

            const float r = 6.0f * s;
            ImVec4 fill = node.speaker == "narrator" ? p.surfaceAlt : p.surface;
            if (hovered) fill = mix(fill, p.accent, 0.08f);
            dl->AddRectFilled(mn, mx, toU32(fill), r);
            if (node.ending) {
                dl->AddRectFilled(mn, ImVec2(mn.x + 6 * s, mx.y),
                                  toU32(outcomeColour(p, node.outcome)), r,
                                  ImDrawFlags_RoundCornersLeft);
            }
            const int visit = trailShown ? trail->step[std::size_t(v)] : 0;
            ImVec4 border = p.border;
            float thick = 1.0f * t.scale;
            if (node.unreachable) border = p.danger, thick = 1.5f * t.scale;
            if (visit > 0) border = p.accent, thick = 2.5f * t.scale;
            if (v == selected) border = p.accent, thick = 3.0f * t.scale;
            dl->AddRect(mn, mx, toU32(border), r, 0, thick);
            if (trailShown && v == trail->current) {
                // The preview is here: a second frame around the box.
                const float o = 5.0f * s;
                dl->AddRect(ImVec2(mn.x - o, mn.y - o), ImVec2(mx.x + o, mx.y + o), toU32(p.accent),
                            r + o, 0, 3.0f * t.scale);
            }
            if (visit > 0) {
                // The step it was entered at, in a disc on the box's right edge.
                const std::string num = std::to_string(visit);
                const float fs = font->FontSize * std::min(zoom_, 1.2f) * 0.8f;
                const ImVec2 ts = font->CalcTextSizeA(fs, FLT_MAX, 0, num.c_str());
                const float rad = std::max(ts.x, ts.y) * 0.5f + 3.0f * s;
                const ImVec2 c(mx.x, mn.y + box.y * 0.5f);
                dl->AddCircleFilled(c, rad, toU32(p.accent));
                dl->AddText(font, fs, ImVec2(c.x - ts.x * 0.5f, c.y - ts.y * 0.5f),
                            toU32(p.background), num.c_str());
            }

            const ImVec4 clip(mn.x + 4, mn.y, mx.x - 4, mx.y);
            const float pad = 10 * s;
            dl->AddText(font, idSize, ImVec2(mn.x + pad, mn.y + 6 * s),
                        toU32(node.id.empty() ? p.danger : p.text),
                        node.id.empty() ? tr("(no id)") : node.id.c_str(), nullptr, 0, &clip);
            const std::string line = excerpt(node.text, 34);
            dl->AddText(font, textSize, ImVec2(mn.x + pad, mn.y + 6 * s + idSize * 1.25f),
                        toU32(p.textMuted), line.c_str(), nullptr, 0, &clip);

            // Marks above the box: start, timed, objection, ending outcome, unreachable, errors.
            std::vector<std::pair<std::string, ImVec4>> marks;
            if (v == g.start) marks.push_back({trc("graph mark", "start"), p.accent});
            if (trailShown && v == trail->current)
                marks.push_back({trc("graph mark", "preview is here"), p.accent});
            if (node.ending)
                marks.push_back({outcomeMark(node.outcome), outcomeColour(p, node.outcome)});
            if (node.timed) marks.push_back({trc("graph mark", "timed"), p.warning});
            if (node.objection) marks.push_back({trc("graph mark", "objection"), p.narrator});
            if (node.unreachable) marks.push_back({trc("graph mark", "unreachable"), p.danger});
            if (v < int(errorNodes.size()) && errorNodes[std::size_t(v)])
                marks.push_back({trc("graph mark", "error"), p.danger});
            float x = mn.x;
            const float markSize = textSize * 0.9f;
            for (const auto& [label, colour] : marks) {
                const ImVec2 ts = font->CalcTextSizeA(markSize, FLT_MAX, 0, label.c_str());
                const ImVec2 c0(x, mn.y - ts.y - 5 * s), c1(x + ts.x + 8 * s, mn.y - 2 * s);
                dl->AddRectFilled(c0, c1, toU32(colour, 0.18f), 3 * s);
                dl->AddText(font, markSize, ImVec2(x + 4 * s, c0.y + 1.5f * s), toU32(colour),
                            label.c_str());
                x = c1.x + 4 * s;
            }
        }
    }

    // A graph larger than the view gets a minimap in the corner: every node as a dot, the part
    // in view as a frame, and a click or drag in it moves the view there. So a long scenario is
    // read at a legible zoom and still seen whole.
    bool overMinimap = false;
    if (laidOut) {
        const float gw = (layout.width + kBoxW) * s, gh = (layout.height + kBoxH) * s;
        const float gx = pan_.x + layout.left * s, gy = pan_.y + layout.top * s;
        const bool outOfView = gx < 0 || gy < 0 || gx + gw > avail.x || gy + gh > avail.y;
        const float maxW = std::min(t.px(220), avail.x * 0.35f);
        const float maxH = std::min(t.px(140), avail.y * 0.35f);
        if (outOfView && maxW > t.px(40) && maxH > t.px(30)) {
            const float lw = layout.width + kBoxW, lh = layout.height + kBoxH;
            const float k = std::min(maxW / lw, maxH / lh);
            const ImVec2 mapSize(lw * k, lh * k);
            const float pad = t.px(6);
            const ImVec2 m0(origin.x + avail.x - mapSize.x - pad * 3,
                            origin.y + avail.y - mapSize.y - pad * 3);
            const ImVec2 m1(m0.x + mapSize.x + pad * 2, m0.y + mapSize.y + pad * 2);
            dl->AddRectFilled(m0, m1, toU32(p.surface, 0.94f), t.px(4));
            dl->AddRect(m0, m1, toU32(p.border), t.px(4));
            const ImVec2 inner(m0.x + pad, m0.y + pad);
            for (int v = 0; v < n; ++v) {
                const ImVec2 a(inner.x + (placeX(v) - layout.left) * k,
                               inner.y + (placeY(v) - layout.top) * k);
                const ImVec2 b(a.x + std::max(2.0f, kBoxW * k), a.y + std::max(2.0f, kBoxH * k));
                const auto& node = g.nodes[std::size_t(v)];
                const bool onTrail = trailShown && trail->step[std::size_t(v)] > 0;
                const ImVec4 c = v == selected || onTrail ? p.accent
                                 : node.ending            ? outcomeColour(p, node.outcome)
                                                          : p.textMuted;
                dl->AddRectFilled(a, b, toU32(c, v == selected ? 1.0f : 0.7f));
            }
            // The view in layout units: what the pan and zoom show of the graph.
            const float v0x = -pan_.x / s - layout.left, v0y = -pan_.y / s - layout.top;
            const ImVec2 f0(inner.x + std::clamp(v0x, 0.0f, lw) * k,
                            inner.y + std::clamp(v0y, 0.0f, lh) * k);
            const ImVec2 f1(inner.x + std::clamp(v0x + avail.x / s, 0.0f, lw) * k,
                            inner.y + std::clamp(v0y + avail.y / s, 0.0f, lh) * k);
            dl->AddRect(f0, f1, toU32(p.accent), 0, 0, 2.0f * t.scale);
            ImGui::SetCursorScreenPos(m0);
            ImGui::InvisibleButton("##minimap", ImVec2(m1.x - m0.x, m1.y - m0.y));
            loc.recordLastItem("Minimap");
            overMinimap = ImGui::IsItemHovered() || ImGui::IsItemActive();
            if (ImGui::IsItemActive()) {
                // Centre the view on the point pressed, in layout units.
                const float lx = (io.MousePos.x - inner.x) / k + layout.left,
                            ly = (io.MousePos.y - inner.y) / k + layout.top;
                pan_ = ImVec2(avail.x * 0.5f - lx * s, avail.y * 0.5f - ly * s);
            }
        }
    }

    // The background last, so boxes take the hover first; dragging it pans, the wheel zooms.
    ImGui::SetCursorScreenPos(origin);
    ImGui::InvisibleButton("##canvas", ImVec2(std::max(avail.x, 1.0f), std::max(avail.y, 1.0f)),
                           ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight |
                               ImGuiButtonFlags_MouseButtonMiddle);
    if (ImGui::IsItemActive()) {
        for (int b = 0; b < 3; ++b)
            if (ImGui::IsMouseDragging(b)) pan_ = add(pan_, io.MouseDelta);
    }
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) dragged_ = false;
    if (!overMinimap && ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) &&
        io.MouseWheel != 0) {
        const float before = zoom_;
        zoom_ = std::clamp(zoom_ * std::pow(1.15f, io.MouseWheel), 0.2f, 3.0f);
        // Keep the point under the pointer where it is.
        const ImVec2 m(io.MousePos.x - origin.x, io.MousePos.y - origin.y);
        const float k = zoom_ / before;
        pan_ = ImVec2(m.x - (m.x - pan_.x) * k, m.y - (m.y - pan_.y) * k);
    }
    ImGui::EndChild();
    ImGui::PopStyleColor();
    return events;
}

}  // namespace rapport::app
