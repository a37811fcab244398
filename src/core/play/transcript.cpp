// Transcript <-> JSON. The JSON form is what saved sessions, `rapport play --json`, scoring and the
// results store exchange, so reading it back is strict: a malformed record is refused with a
// message naming the offending field rather than half-read.
#include "core/play/transcript.hpp"

#include <string_view>

#include "core/play/session.hpp"

namespace rapport {

namespace {

using nlohmann::json;

[[noreturn]] void fail(const std::string& where, const std::string& what) {
    throw SessionError("transcript" + where + ": " + what);
}

const json& member(const json& obj, const char* key, const std::string& where) {
    auto it = obj.find(key);
    if (it == obj.end()) fail(where, std::string("missing \"") + key + "\"");
    return *it;
}

std::string getString(const json& obj, const char* key, const std::string& where) {
    const json& v = member(obj, key, where);
    if (!v.is_string()) fail(where + "/" + key, "expected a string");
    return v.get<std::string>();
}

std::int64_t getInteger(const json& obj, const char* key, const std::string& where,
                        std::int64_t min) {
    const json& v = member(obj, key, where);
    if (!v.is_number_integer()) fail(where + "/" + key, "expected an integer");
    if (v.is_number_unsigned() && v.get<std::uint64_t>() > std::uint64_t(INT64_MAX))
        fail(where + "/" + key, "number too large");
    std::int64_t n = v.get<std::int64_t>();
    if (n < min) fail(where + "/" + key, "must be at least " + std::to_string(min));
    return n;
}

bool getBool(const json& obj, const char* key, const std::string& where) {
    const json& v = member(obj, key, where);
    if (!v.is_boolean()) fail(where + "/" + key, "expected true or false");
    return v.get<bool>();
}

// Keys we do not know are refused (a typo must not pass silently), except "x-" keys kept for tools.
void rejectUnknownKeys(const json& obj, std::initializer_list<std::string_view> known,
                       const std::string& where) {
    for (const auto& [key, value] : obj.items()) {
        if (key.rfind("x-", 0) == 0) continue;
        bool ok = false;
        for (auto k : known) ok = ok || key == k;
        if (!ok) fail(where, "unknown key \"" + key + "\"");
    }
}

nlohmann::json transcriptStepToJson(const TranscriptStep& s) {
    json shown = json::array();
    for (const auto& id : s.choicesShown) shown.push_back(id);
    return json{{"step", s.step},
                {"node", s.node},
                {"textShown", s.textShown},
                {"choicesShown", std::move(shown)},
                {"choice", s.choice},
                {"choiceNumber", s.choiceNumber},
                {"choiceText", s.choiceText},
                {"timeTakenMs", s.timeTakenMs},
                {"timedOut", s.timedOut},
                {"next", s.next}};
}

TranscriptStep transcriptStepFromJson(const nlohmann::json& j, const std::string& where) {
    if (!j.is_object()) fail(where, "expected an object");
    rejectUnknownKeys(j,
                      {"step", "node", "textShown", "choicesShown", "choice", "choiceNumber",
                       "choiceText", "timeTakenMs", "timedOut", "next"},
                      where);
    TranscriptStep s;
    s.step = int(getInteger(j, "step", where, 1));
    s.node = getString(j, "node", where);
    s.textShown = getString(j, "textShown", where);
    const json& shown = member(j, "choicesShown", where);
    if (!shown.is_array()) fail(where + "/choicesShown", "expected an array of choice ids");
    for (std::size_t i = 0; i < shown.size(); ++i) {
        if (!shown[i].is_string())
            fail(where + "/choicesShown/" + std::to_string(i), "expected a string");
        s.choicesShown.push_back(shown[i].get<std::string>());
    }
    s.choice = getString(j, "choice", where);
    std::int64_t number = getInteger(j, "choiceNumber", where, 0);
    if (number > std::int64_t(s.choicesShown.size()))
        fail(where + "/choiceNumber", "larger than the number of choices shown");
    s.choiceNumber = int(number);
    s.choiceText = getString(j, "choiceText", where);
    s.timeTakenMs = getInteger(j, "timeTakenMs", where, 0);
    s.timedOut = getBool(j, "timedOut", where);
    s.next = getString(j, "next", where);
    // The fields must tell one story: a timeout takes no choice, a choice is one that was shown.
    if (s.timedOut) {
        if (!s.choice.empty() || s.choiceNumber != 0)
            fail(where, "a timed-out step must have an empty choice and choiceNumber 0");
    } else {
        if (s.choiceNumber == 0)
            fail(where + "/choiceNumber", "must be at least 1 unless timedOut");
        if (s.choicesShown[std::size_t(s.choiceNumber - 1)] != s.choice)
            fail(where + "/choice", "\"" + s.choice + "\" is not choice number " +
                                        std::to_string(s.choiceNumber) + " of choicesShown");
    }
    return s;
}

}  // namespace

nlohmann::json transcriptToJson(const Transcript& t) {
    json steps = json::array();
    for (const auto& s : t.steps) steps.push_back(transcriptStepToJson(s));
    json out{{"scenario", t.scenarioId},
             {"version", t.scenarioVersion},
             {"contentHash", t.contentHash},
             {"seed", t.seed},
             {"steps", std::move(steps)},
             {"endingNode", t.endingNode.empty() ? json(nullptr) : json(t.endingNode)}};
    if (t.replyOrder == ReplyOrder::Seeded && t.seed != 0) out["replyOrder"] = "seeded";
    if (!t.alternate.empty()) out["alternate"] = t.alternate;
    if (t.timing != Timing::Standard) out["timing"] = timingName(t.timing);
    return out;
}

Transcript transcriptFromJson(const nlohmann::json& j) {
    const std::string where;
    if (!j.is_object()) fail(where, "expected an object");
    rejectUnknownKeys(j,
                      {"scenario", "version", "contentHash", "alternate", "seed", "replyOrder",
                       "timing", "steps", "endingNode"},
                      where);
    Transcript t;
    t.scenarioId = getString(j, "scenario", where);
    t.scenarioVersion = getString(j, "version", where);
    t.contentHash = getString(j, "contentHash", where);
    if (j.contains("alternate")) t.alternate = getString(j, "alternate", where);
    const json& seed = member(j, "seed", where);
    if (!seed.is_number_integer() ||
        (seed.is_number_integer() && !seed.is_number_unsigned() && seed.get<std::int64_t>() < 0))
        fail("/seed", "expected a non-negative integer");
    t.seed = seed.get<std::uint64_t>();
    t.replyOrder = ReplyOrder::Authored;
    if (const auto order = j.find("replyOrder"); order != j.end()) {
        const auto parsed =
            order->is_string() ? parseReplyOrder(order->get<std::string>()) : std::nullopt;
        if (!parsed) fail("/replyOrder", "expected \"seeded\" or \"authored\"");
        t.replyOrder = *parsed;
    }
    if (const auto timing = j.find("timing"); timing != j.end()) {
        const auto parsed =
            timing->is_string() ? parseTiming(timing->get<std::string>()) : std::nullopt;
        if (!parsed) fail("/timing", "expected \"standard\", \"extended-x2\" or \"untimed\"");
        t.timing = *parsed;
    }
    const json& steps = member(j, "steps", where);
    if (!steps.is_array()) fail("/steps", "expected an array");
    t.steps.reserve(steps.size());
    for (std::size_t i = 0; i < steps.size(); ++i) {
        t.steps.push_back(transcriptStepFromJson(steps[i], "/steps/" + std::to_string(i)));
        if (t.steps.back().step != int(i) + 1)
            fail("/steps/" + std::to_string(i) + "/step", "expected " + std::to_string(i + 1));
        if (i > 0 && t.steps[i].node != t.steps[i - 1].next)
            fail("/steps/" + std::to_string(i) + "/node",
                 "\"" + t.steps[i].node + "\" does not follow step " + std::to_string(i) +
                     ", which went to \"" + t.steps[i - 1].next + "\"");
    }
    const json& ending = member(j, "endingNode", where);
    if (ending.is_string()) {
        t.endingNode = ending.get<std::string>();
        if (t.endingNode.empty()) fail("/endingNode", "use null for an unfinished session");
        if (!t.steps.empty() && t.steps.back().next != t.endingNode)
            fail("/endingNode", "\"" + t.endingNode + "\" is not where the last step went (\"" +
                                    t.steps.back().next + "\")");
    } else if (!ending.is_null()) {
        fail("/endingNode", "expected a node id or null");
    }
    return t;
}

const Choice* takenChoice(const Scenario& scenario, const TranscriptStep& step) {
    if (step.timedOut) return nullptr;
    const auto node = scenario.findNode(step.node);
    if (!node) return nullptr;
    for (const Choice& c : scenario.nodes[std::size_t(*node)].choices)
        if (c.id == step.choice) return &c;
    return nullptr;
}

}  // namespace rapport
