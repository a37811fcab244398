#include "core/play/scripted_play.hpp"

#include <charconv>

namespace rapport {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

std::string shownRange(std::size_t count) {
    if (count == 0) return "none are";
    if (count == 1) return "1 is";
    return "1-" + std::to_string(count) + " are";
}

}  // namespace

std::optional<std::vector<ScriptEntry>> parseChoiceScript(std::string_view text,
                                                          std::string& error) {
    std::vector<ScriptEntry> out;
    if (trim(text).empty()) return out;
    std::size_t index = 0;
    for (;;) {
        const auto comma = text.find(',');
        const std::string_view item = trim(text.substr(0, comma));
        ++index;
        ScriptEntry e;
        if (item == "t" || item == "T") {
            e.timeout = true;
        } else {
            int n = 0;
            auto [end, ec] = std::from_chars(item.data(), item.data() + item.size(), n);
            if (item.empty() || ec != std::errc() || end != item.data() + item.size() || n < 1) {
                error = "entry " + std::to_string(index) + " \"" + std::string(item) +
                        "\" is not a choice number (1, 2, ...) or t (let the timer run out)";
                return std::nullopt;
            }
            e.position = n;
        }
        out.push_back(e);
        if (comma == std::string_view::npos) break;
        text.remove_prefix(comma + 1);
    }
    return out;
}

std::string playScriptEntry(Session& s, ManualClock& clock, const ScriptEntry& e) {
    const std::string step = "step " + std::to_string(s.transcript().steps.size() + 1);
    if (e.timeout) {
        if (!s.node().isTimed())
            return step + ": t (let the timer run out) but node \"" + s.node().id +
                   "\" has no time limit";
        clock.advance(s.timeLeftMs());
        s.timeout();
        return {};
    }
    const std::size_t shown = s.choices().size();
    if (e.position < 1 || std::size_t(e.position) > shown)
        return step + ": choice " + std::to_string(e.position) + " is not shown at node \"" +
               s.node().id + "\" (" + shownRange(shown) + ")";
    clock.advance(kScriptedAnswerMs);
    if (!s.choose(e.position - 1)) return step + ": " + s.lastError();
    return {};
}

std::string playScript(Session& s, ManualClock& clock, const std::vector<ScriptEntry>& script,
                       const std::function<void(const Session&)>& afterStep) {
    for (std::size_t i = 0; i < script.size(); ++i) {
        if (s.finished())
            return "step " + std::to_string(s.transcript().steps.size() + 1) +
                   ": the conversation already ended at \"" + s.node().id +
                   "\" but the script has " + std::to_string(script.size() - i) + " more entr" +
                   (script.size() - i == 1 ? "y" : "ies");
        if (std::string error = playScriptEntry(s, clock, script[i]); !error.empty()) return error;
        if (afterStep) afterStep(s);
    }
    if (!s.finished())
        return "step " + std::to_string(s.transcript().steps.size() + 1) +
               ": the script ended but the conversation did not (node \"" + s.node().id +
               "\" shows " + std::to_string(s.choices().size()) + " choice" +
               (s.choices().size() == 1 ? "" : "s") +
               (s.node().isTimed() ? " and has a time limit" : "") + ")";
    return {};
}

nlohmann::json playResultToJson(const Session& s) {
    const Scenario& sc = s.scenario();
    nlohmann::json ending = nullptr;
    if (const Ending* e = s.ending())
        ending = {{"node", s.node().id}, {"outcome", outcomeName(e->outcome)}, {"title", e->title}};
    nlohmann::json saved = s.save();
    nlohmann::json out{{"scenario",
                        {{"id", sc.id},
                         {"version", sc.version},
                         {"title", sc.title},
                         {"contentHash", sc.contentHash}}},
                       {"seed", s.transcript().seed},
                       {"ending", std::move(ending)},
                       {"transcript", std::move(saved["transcript"]["steps"])},
                       {"variables", std::move(saved["variables"])}};
    if (const auto order = saved["transcript"].find("replyOrder");
        order != saved["transcript"].end())
        out["replyOrder"] = *order;
    return out;
}

}  // namespace rapport
