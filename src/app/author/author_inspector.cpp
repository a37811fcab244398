#include "app/author/author_inspector.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <utility>

#include "app/shell/fit.hpp"
#include "app/shell/ui_label.hpp"
#include "app/shell/widgets.hpp"
#include "app/shell/wrapped_input.hpp"
#include "core/authoring/scenario_graph.hpp"
#include "core/source/json_source.hpp"
#include "core/translation/ui_format.hpp"

namespace rapport::app {

namespace {

using json = nlohmann::json;
using ojson = nlohmann::ordered_json;

const json* member(const json& o, const char* key) {
    if (!o.is_object()) return nullptr;
    const auto it = o.find(key);
    return it == o.end() ? nullptr : &*it;
}

// How a value reads in a field: strings as they are, anything else as JSON (true, 40, …).
std::string fieldText(const json* v) {
    if (!v) return {};
    return v->is_string() ? v->get<std::string>() : v->dump();
}

void caption(const InspectorContext& ctx, const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ctx.theme.palette.textMuted);
    if (ctx.fonts.small) ImGui::PushFont(ctx.fonts.small);
    // Wrapped: a long caption in a longer language ran past the side panel's edge.
    ui::TextWrapped(tr(text));
    if (ctx.fonts.small) ImGui::PopFont();
    ImGui::PopStyleColor();
}

// A labelled text field bound to `pointer`. Empty and left: the member is removed when
// `removeWhenEmpty` (optional keys), so the file does not collect empty strings.
void textField(InspectorContext& ctx, const char* label, const std::string& pointer,
               const json* current, bool multiline, bool removeWhenEmpty = false, float lines = 3) {
    caption(ctx, label);
    std::string buf = fieldText(current);
    ImGui::PushID(pointer.c_str());
    ImGui::SetNextItemWidth(-1);
    bool changed;
    if (multiline) {
        // Wrapped to the field: a long line is read whole, not cut at the panel's edge.
        changed = ui::InputTextWrapped(
            "##f", buf, ImVec2(-1, ImGui::GetTextLineHeight() * lines + ctx.theme.px(8)));
    } else {
        changed = ImGui::InputText("##f", &buf);
    }
    ctx.loc.recordLastItem(label);
    if (changed) ctx.doc.set(pointer, buf);
    if (ImGui::IsItemDeactivatedAfterEdit() && buf.empty() && removeWhenEmpty && current)
        ctx.doc.remove(pointer);
    ImGui::PopID();
}

// An optional key shown as "+ Label" until it exists.
bool addButton(InspectorContext& ctx, const char* label) {
    return ui::Button(ctx.loc, trLabel(label).c_str());
}

// Where a new choice leads until the author picks: the first ending other than `node`, so the
// file stays valid; else the first node.
std::string defaultTarget(const ScenarioDocument& doc, int node) {
    const json* root = doc.json();
    for (int i = 0; root && i < doc.nodeCount(); ++i)
        if (i != node && (*root)["nodes"][std::size_t(i)].is_object() &&
            (*root)["nodes"][std::size_t(i)].contains("ending"))
            return doc.nodeId(i);
    return doc.nodeId(0);
}

std::vector<std::string> nodeIds(const ScenarioDocument& doc) {
    std::vector<std::string> out;
    for (int i = 0; i < doc.nodeCount(); ++i) out.push_back(doc.nodeId(i));
    return out;
}

// A combo of node ids bound to `pointer`.
void nodeCombo(InspectorContext& ctx, const char* label, const std::string& pointer,
               const json* current) {
    caption(ctx, label);
    const std::string value = fieldText(current);
    ImGui::PushID(pointer.c_str());
    ImGui::SetNextItemWidth(-1);
    if (ui::BeginComboFitted("##combo", value.empty() ? tr("(choose a node)") : value.c_str())) {
        for (const auto& id : nodeIds(ctx.doc)) {
            if (id.empty()) continue;
            if (ImGui::Selectable(id.c_str(), id == value)) ctx.doc.set(pointer, id);
            ctx.loc.recordLastItem("Go to " + id);
        }
        ImGui::Separator();
        if (ImGui::Selectable(trLabel("New node...").c_str())) {
            if (const auto n = ctx.doc.addNode()) ctx.doc.set(pointer, ctx.doc.nodeId(*n));
        }
        ctx.loc.recordLastItem("New node...");
        ImGui::EndCombo();
    }
    ctx.loc.recordLastItem(label);
    ImGui::PopID();
}

void indicatorCombo(InspectorContext& ctx, const std::string& pointer, const json* current) {
    const std::string value = fieldText(current);
    ImGui::PushID(pointer.c_str());
    ImGui::SetNextItemWidth(-1);
    if (ui::BeginComboFitted("##indicator",
                             value.empty() ? tr("(choose an indicator)") : value.c_str(),
                             ImGuiComboFlags_HeightLarge)) {
        if (!ctx.framework) {
            ImGui::TextDisabled("%s", tr("The scenario's framework was not found."));
        } else {
            for (const auto& c : ctx.framework->competencies) {
                ImGui::TextDisabled("%s", c.name.c_str());
                for (int i : c.indicators) {
                    const Indicator& ind = ctx.framework->indicators[std::size_t(i)];
                    const std::string label = "  " + ind.id + "  —  " + ind.description;
                    if (ImGui::Selectable(label.c_str(), ind.id == value))
                        ctx.doc.set(pointer, ind.id);
                    ctx.loc.recordLastItem(ind.id);
                    if (ind.id == value && ImGui::IsWindowAppearing()) ImGui::SetScrollHereY();
                }
            }
        }
        ImGui::EndCombo();
    }
    ctx.loc.recordLastItem("Indicator");
    if (ctx.framework && !value.empty())
        if (const auto i = ctx.framework->findIndicator(value)) {
            ImGui::PushStyleColor(ImGuiCol_Text, ctx.theme.palette.textMuted);
            ui::TextWrapped(ctx.framework->indicators[std::size_t(*i)].description);
            ImGui::PopStyleColor();
        }
    ImGui::PopID();
}

void drawEvidence(InspectorContext& ctx, const std::string& choicePointer, const json& choice) {
    const json* evidence = member(choice, "evidence");
    caption(ctx, trNoop("Evidence (behaviours this reply shows)"));
    if (evidence && evidence->is_array()) {
        int remove = -1;
        for (std::size_t k = 0; k < evidence->size(); ++k) {
            const std::string p = choicePointer + "/evidence/" + std::to_string(k);
            const json& e = (*evidence)[k];
            ImGui::PushID(p.c_str());
            ImGui::Indent(ctx.theme.px(8));
            indicatorCombo(ctx, p + "/indicator", member(e, "indicator"));
            const json* points = member(e, "points");
            bool hasPoints = points != nullptr;
            if (ui::CheckboxWrapped(trLabel("Own points").c_str(), &hasPoints)) {
                if (hasPoints)
                    ctx.doc.set(p + "/points", 1);
                else
                    ctx.doc.remove(p + "/points");
            }
            ctx.loc.recordLastItem("Own points");
            if (points && points->is_number_integer()) {
                ImGui::SameLine();
                int value = points->get<int>();
                ImGui::SetNextItemWidth(ctx.theme.px(110));
                if (ImGui::InputInt("##points", &value)) ctx.doc.set(p + "/points", value);
                ctx.loc.recordLastItem("Points");
            }
            ImGui::SameLine();
            if (ui::Button(ctx.loc, trLabel("Remove evidence").c_str())) remove = int(k);
            textField(ctx, trNoop("Note"), p + "/note", member(e, "note"), false, true);
            ImGui::Unindent(ctx.theme.px(8));
            ImGui::PopID();
        }
        if (remove >= 0) ctx.doc.remove(choicePointer + "/evidence/" + std::to_string(remove));
    }
    if (addButton(ctx, trNoop("Add evidence"))) {
        const ojson item = ojson{{"indicator", ""}};
        if (evidence && evidence->is_array())
            ctx.doc.insert(choicePointer + "/evidence", evidence->size(), item);
        else
            ctx.doc.set(choicePointer + "/evidence", ojson::array({item}));
    }
}

void drawSet(InspectorContext& ctx, const std::string& choicePointer, const json& choice) {
    const json* set = member(choice, "set");
    caption(ctx, trNoop("Set (variable = expression, all at once)"));
    if (set && set->is_object()) {
        std::string remove;
        for (auto it = set->begin(); it != set->end(); ++it) {
            const std::string p = choicePointer + "/set/" + pointerToken(it.key());
            ImGui::PushID(p.c_str());
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(it.key().c_str());
            ImGui::SameLine(ctx.theme.px(130));
            std::string buf = fieldText(&*it);
            ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - ctx.theme.px(34));
            if (ImGui::InputText("##v", &buf)) ctx.doc.set(p, buf);
            ctx.loc.recordLastItem("Set " + it.key());
            ImGui::SameLine();
            if (ui::Button(ctx.loc, "x")) remove = p;
            ImGui::PopID();
        }
        if (!remove.empty()) ctx.doc.remove(remove);
    }
    // Variables not yet set by this choice.
    const json* root = ctx.doc.json();
    const json* declared = root ? member(*root, "variables") : nullptr;
    const json varsCopy = declared ? *declared : json();  // survives an edit made in the loop
    const json* vars = &varsCopy;
    if (vars && vars->is_object()) {
        ImGui::SetNextItemWidth(ctx.theme.px(200));
        ImGui::PushID((choicePointer + "/set+").c_str());
        if (ui::BeginComboFitted("##addset", tr("Set a variable..."))) {
            for (auto it = vars->begin(); it != vars->end(); ++it) {
                if (set && set->is_object() && set->contains(it.key())) continue;
                if (ImGui::Selectable(it.key().c_str())) {
                    const json* type = member(*it, "type");
                    const ojson value =
                        type && *type == "boolean" ? ojson("true") : ojson(it.key());
                    ctx.doc.set(choicePointer + "/set/" + pointerToken(it.key()), value);
                }
                ctx.loc.recordLastItem("Set variable " + it.key());
            }
            ImGui::EndCombo();
        }
        ctx.loc.recordLastItem("Set a variable...");
        ImGui::PopID();
    }
}

void drawChoice(InspectorContext& ctx, const std::string& p, const json& choice) {
    textField(ctx, trNoop("Text"), p + "/text", member(choice, "text"), true, false, 3);
    nodeCombo(ctx, trNoop("Next"), p + "/next", member(choice, "next"));
    textField(ctx, trNoop("Shown if (expression, empty = always)"), p + "/if", member(choice, "if"),
              false, true);
    const json* once = member(choice, "once");
    bool onceValue = once && once->is_boolean() && once->get<bool>();
    if (ui::CheckboxWrapped(trLabel("Once (hide after it is taken)").c_str(), &onceValue)) {
        if (onceValue)
            ctx.doc.set(p + "/once", true);
        else
            ctx.doc.remove(p + "/once");
    }
    ctx.loc.recordLastItem("Once");
    drawSet(ctx, p, choice);
    textField(ctx, trNoop("Feedback (why this reply works or not)"), p + "/feedback",
              member(choice, "feedback"), true, true, 3);
    drawEvidence(ctx, p, choice);
}

void drawVariants(InspectorContext& ctx, const std::string& np, const json& node) {
    const json* variants = member(node, "variants");
    if (variants && variants->is_array() && !variants->empty()) {
        caption(ctx, trNoop("Variants (the first whose condition holds replaces the text)"));
        int remove = -1;
        for (std::size_t k = 0; k < variants->size(); ++k) {
            const std::string p = np + "/variants/" + std::to_string(k);
            ImGui::PushID(p.c_str());
            ImGui::Indent(ctx.theme.px(8));
            textField(ctx, trNoop("If"), p + "/if", member((*variants)[k], "if"), false);
            textField(ctx, trNoop("Variant text"), p + "/text", member((*variants)[k], "text"),
                      true, false, 2);
            if (ui::Button(ctx.loc, trLabel("Remove variant").c_str())) remove = int(k);
            ImGui::Unindent(ctx.theme.px(8));
            ImGui::PopID();
        }
        if (remove >= 0) ctx.doc.remove(np + "/variants/" + std::to_string(remove));
    }
    if (addButton(ctx, trNoop("Add variant"))) {
        const ojson v = ojson{{"if", "true"}, {"text", "Another way to say it."}};
        if (variants && variants->is_array())
            ctx.doc.insert(np + "/variants", variants->size(), v);
        else
            ctx.doc.set(np + "/variants", ojson::array({v}));
    }
}

// "a, b ,c" as the node's tags; an empty list removes them.
void setTags(ScenarioDocument& doc, const std::string& np, const std::string& buf) {
    ojson list = ojson::array();
    std::size_t start = 0;
    while (start <= buf.size()) {
        std::size_t end = buf.find(',', start);
        if (end == std::string::npos) end = buf.size();
        std::string tag = buf.substr(start, end - start);
        tag.erase(0, tag.find_first_not_of(" \t"));
        tag.erase(tag.find_last_not_of(" \t") + 1);
        if (!tag.empty()) list.push_back(tag);
        start = end + 1;
    }
    if (list.empty())
        doc.remove(np + "/tags");  // false (and nothing changed) when there were none
    else
        doc.set(np + "/tags", list);
}

void drawTags(InspectorContext& ctx, const std::string& np, const json& node) {
    caption(ctx, trNoop("Tags (comma separated, e.g. objection:price)"));
    std::string buf;
    if (const json* tags = member(node, "tags"); tags && tags->is_array())
        for (const auto& t : *tags) {
            if (!buf.empty()) buf += ", ";
            buf += fieldText(&t);
        }
    ImGui::PushID((np + "/tags").c_str());
    ImGui::SetNextItemWidth(-1);
    // Written when the field is left: the list is re-split only once the author has finished.
    // Until then the typed text waits in ctx.pending, so a save or close still writes it.
    if (ImGui::InputText("##tags", &buf) && ctx.pending)
        *ctx.pending = [np, buf](ScenarioDocument& doc) { setTags(doc, np, buf); };
    ctx.loc.recordLastItem("Tags");
    if (ImGui::IsItemDeactivated() && ctx.pending && *ctx.pending)
        std::exchange(*ctx.pending, nullptr)(ctx.doc);
    ImGui::PopID();
}

void drawTimer(InspectorContext& ctx, const std::string& np, const json& node) {
    const json* limit = member(node, "timeLimit");
    bool timed = limit != nullptr;
    if (ui::CheckboxWrapped(trLabel("Time limit").c_str(), &timed)) {
        if (timed) {
            ctx.doc.set(np + "/timeLimit", 20);
            if (!member(node, "onTimeout")) ctx.doc.set(np + "/onTimeout", ctx.doc.nodeId(0));
        } else {
            ctx.doc.remove(np + "/timeLimit");
            if (const json* root = ctx.doc.json()) {
                const auto n = nodeOfPointer(np);
                if (n && (*root)["nodes"][std::size_t(*n)].contains("onTimeout"))
                    ctx.doc.remove(np + "/onTimeout");
            }
        }
    }
    ctx.loc.recordLastItem("Time limit");
    if (limit && limit->is_number()) {
        ImGui::SameLine();
        double seconds = limit->get<double>();
        ImGui::SetNextItemWidth(ctx.theme.px(120));
        const std::string unit = std::string(trc("time limit", "seconds")) + "###limit";
        if (ImGui::InputDouble(unit.c_str(), &seconds, 1, 5, "%.0f") && seconds > 0)
            ctx.doc.set(np + "/timeLimit",
                        seconds == double(long(seconds)) ? ojson(long(seconds)) : ojson(seconds));
        nodeCombo(ctx, trNoop("On timeout, go to"), np + "/onTimeout", member(node, "onTimeout"));
    }
}

// "shuffle": false pins the replies to file order; the key is written only when pinned, as the
// default (shuffled per attempt seed) needs none.
void drawReplyOrder(InspectorContext& ctx, const std::string& np, const json& node) {
    const json* shuffle = member(node, "shuffle");
    bool pinned = shuffle && shuffle->is_boolean() && !shuffle->get<bool>();
    if (ui::CheckboxWrapped(trLabel("Keep replies in this order").c_str(), &pinned)) {
        if (pinned)
            ctx.doc.set(np + "/shuffle", false);
        else
            ctx.doc.remove(np + "/shuffle");
    }
    ctx.loc.recordLastItem("Keep replies in this order");
}

void drawEnding(InspectorContext& ctx, const std::string& np, const json& node) {
    const json* ending = member(node, "ending");
    const std::string ep = np + "/ending";
    caption(ctx, trNoop("Outcome"));
    const std::string outcome = ending ? fieldText(member(*ending, "outcome")) : "";
    ImGui::SetNextItemWidth(-1);
    if (ui::BeginComboFitted("##outcome", outcome.c_str())) {
        for (const char* o : {"won", "partial", "lost", "escalated"}) {
            if (ImGui::Selectable(o, outcome == o)) ctx.doc.set(ep + "/outcome", o);
            ctx.loc.recordLastItem(std::string("Outcome ") + o);
        }
        ImGui::EndCombo();
    }
    ctx.loc.recordLastItem("Outcome");
    if (ending && ending->is_object()) {
        textField(ctx, trNoop("Ending title"), ep + "/title", member(*ending, "title"), false);
        textField(ctx, trNoop("Ending summary"), ep + "/summary", member(*ending, "summary"), true,
                  false, 2);
    }
}

}  // namespace

bool AuthorInspector::Draw(InspectorContext& ctx, int& selected, int openChoice) {
    const Palette& p = ctx.theme.palette;
    const json* root = ctx.doc.json();
    if (!root) {
        ui::TextWrappedColored(
            p.textMuted, tr("The file is not valid JSON right now, so it cannot be edited here. "
                            "Fix the syntax error listed under Problems (in your text editor), "
                            "and the workspace reloads it."));
        return false;
    }
    if (selected < 0 || selected >= ctx.doc.nodeCount()) {
        ui::TextWrappedColored(p.textMuted,
                               tr("Click a node in the graph to edit it, or add one."));
        if (ui::Button(ctx.loc, trLabel("Add node").c_str()))
            if (const auto n = ctx.doc.addNode()) selected = *n;
        return false;
    }
    bool preview = false;
    const std::string np = "/nodes/" + std::to_string(selected);
    // A copy: an edit re-parses the document, which would leave references into it dangling
    // for the rest of this frame.
    const json node = (*root)["nodes"][std::size_t(selected)];
    ImGui::PushID(np.c_str());

    ui::TextInFont(ctx.fonts.heading, p.text,
                   uiFormat(tr("Node {id}"), {{"id", ctx.doc.nodeId(selected)}}));
    if (ui::Button(ctx.loc, trLabel("Preview from here").c_str())) preview = true;
    // The three buttons wrap in a narrow side panel (and in longer languages).
    ui::SameLineOrWrap(ui::ButtonWidth(tr("Add node")));
    if (ui::Button(ctx.loc, trLabel("Add node").c_str())) {
        if (const auto n = ctx.doc.addNode()) selected = *n;
        ImGui::PopID();
        return false;
    }
    ui::SameLineOrWrap(ui::ButtonWidth(tr("Delete node")));
    if (ui::Button(ctx.loc, trLabel("Delete node").c_str())) {
        ctx.doc.deleteNode(selected);
        selected = std::min(selected, ctx.doc.nodeCount() - 1);
        ImGui::PopID();
        return false;
    }

    // The id: renamed when the field is left, with every reference to it.
    caption(ctx, trNoop("Id (renaming updates start, next and onTimeout)"));
    std::string id = ctx.doc.nodeId(selected);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputText("##id", &id) && ctx.pending)
        *ctx.pending = [selected, id](ScenarioDocument& doc) {
            if (!id.empty() && id != doc.nodeId(selected)) doc.renameNode(selected, id);
        };
    ctx.loc.recordLastItem("Id");
    if (ImGui::IsItemDeactivated() && ctx.pending && *ctx.pending)
        std::exchange(*ctx.pending, nullptr)(ctx.doc);

    caption(ctx, trNoop("Speaker"));
    const std::string speaker = fieldText(member(node, "speaker"));
    ImGui::SetNextItemWidth(-1);
    if (ui::BeginComboFitted("##speaker", speaker.c_str())) {
        // The client, the narrator and every key of "speakers", as the file declares them.
        std::vector<std::string> speakers = {"client", "narrator"};
        if (const json* root = ctx.doc.json())
            if (const json* declared = member(*root, "speakers"); declared && declared->is_object())
                for (const auto& item : declared->items()) speakers.push_back(item.key());
        for (const std::string& s : speakers) {
            if (ImGui::Selectable(s.c_str(), speaker == s)) ctx.doc.set(np + "/speaker", s);
            ctx.loc.recordLastItem("Speaker " + s);
        }
        ImGui::EndCombo();
    }
    ctx.loc.recordLastItem("Speaker");
    textField(ctx, trNoop("Text (what is said)"), np + "/text", member(node, "text"), true, false,
              4);
    drawVariants(ctx, np, node);
    drawTags(ctx, np, node);

    if (member(node, "ending")) {
        ImGui::Separator();
        drawEnding(ctx, np, node);
        if (ui::Button(ctx.loc, trLabel("Make it a turn").c_str()))
            ctx.doc.makeTurn(selected, defaultTarget(ctx.doc, selected));
    } else {
        drawTimer(ctx, np, node);
        drawReplyOrder(ctx, np, node);
        ImGui::Separator();
        const json* choices = member(node, "choices");
        const std::size_t count = choices && choices->is_array() ? choices->size() : 0;
        ui::TextInFont(ctx.fonts.heading, p.text,
                       uiFormat(tr("Choices ({n})"), {{"n", std::to_string(count)}}));
        int remove = -1;
        for (std::size_t k = 0; k < count; ++k) {
            const std::string cp = np + "/choices/" + std::to_string(k);
            const json& choice = (*choices)[k];
            std::string title = std::to_string(k + 1) + ". " + fieldText(member(choice, "text"));
            // Shortened to the panel's width with "…", never inside a UTF-8 letter (a byte cut
            // split Cyrillic and Japanese replies).
            title = ui::Elide(title, ImGui::GetContentRegionAvail().x - ImGui::GetFrameHeight() -
                                         ImGui::GetStyle().FramePadding.x * 3);
            ImGui::PushID(cp.c_str());
            if (openChoice == int(k)) ImGui::SetNextItemOpen(true);
            const bool open = ImGui::CollapsingHeader((title + "###choice").c_str());
            ctx.loc.recordLastItem("Choice " + std::to_string(k + 1));
            // An opened choice scrolls to the top of the panel, so its fields are in view.
            if (open && (ImGui::IsItemToggledOpen() || openChoice == int(k)))
                ImGui::SetScrollHereY(0.0f);
            if (open) {
                ImGui::Indent(ctx.theme.px(6));
                drawChoice(ctx, cp, choice);
                if (ui::Button(ctx.loc, trLabel("Delete choice").c_str())) remove = int(k);
                ImGui::Unindent(ctx.theme.px(6));
                ImGui::Dummy(ImVec2(0, ctx.theme.px(6)));
            }
            ImGui::PopID();
        }
        if (remove >= 0) ctx.doc.deleteChoice(selected, remove);
        if (ui::Button(ctx.loc, trLabel("Add choice").c_str()))
            ctx.doc.addChoice(selected, defaultTarget(ctx.doc, selected));
        ImGui::SameLine();
        if (ui::Button(ctx.loc, trLabel("Make it an ending").c_str())) ctx.doc.makeEnding(selected);
    }
    ImGui::PopID();
    return preview;
}

}  // namespace rapport::app
