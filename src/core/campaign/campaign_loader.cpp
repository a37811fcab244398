// Reading a rapport-campaign/1 file: the same located, report-everything reading as scenarios.
#include <cctype>

#include "core/campaign/campaign.hpp"
#include "core/diagnostics/diagnostic_codes.hpp"
#include "core/source/json_reader.hpp"
#include "core/source/json_source.hpp"
#include "core/source/sha256.hpp"

namespace rapport {

namespace {

// Campaign ids are used on the command line and in the store, like scenario ids.
bool isSlug(std::string_view id) {
    if (id.empty() || id.size() > 128) return false;
    for (char c : id)
        if (!(std::islower(static_cast<unsigned char>(c)) ||
              std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.'))
            return false;
    return true;
}

constexpr int kMaxMeetings = 50;
constexpr int kMaxWeeks = 520;

void readMeeting(JsonReader& r, const JsonValue& m, const std::string& p, bool first, Campaign& c) {
    if (!m.isObject()) {
        r.error(codes::WrongType, p,
                std::string("a meeting must be an object, not ") + jsonKindName(m));
        return;
    }
    r.checkKeys(m, p, {"scenario", "deskTask", "weeksAfter", "carry"});
    CampaignMeeting meeting;
    meeting.pointer = p;
    if (auto v = r.string(m, p, "scenario", true)) meeting.scenario = *v;
    if (auto v = r.string(m, p, "deskTask", false)) meeting.deskTask = *v;
    if (auto v = r.integer(m, p, "weeksAfter", false, 0, kMaxWeeks)) meeting.weeksAfter = int(*v);
    if (const auto* carry = r.object(m, p, "carry", false)) {
        const std::string cp = childPointer(p, "carry");
        if (first && !carry->empty())
            r.error(codes::CampaignCarryFirst, cp,
                    "the first meeting has no meeting before it to carry state from");
        for (const auto& member : *carry) {
            const std::string key(member.key());
            const std::string vp = childPointer(cp, key);
            if (!member.isString() || member.asString().empty()) {
                r.error(codes::WrongType, vp,
                        "a carried variable names the previous meeting's variable as a "
                        "string, e.g. \"" +
                            key + "\": \"trust\"");
                continue;
            }
            meeting.carry.push_back({key, std::string(member.asString()), vp});
        }
    }
    c.meetings.push_back(std::move(meeting));
}

void read(JsonDocument& doc, const std::string& name, CampaignLoad& out) {
    JsonReader r(name, doc.map, out.diagnostics);
    const JsonValue& root = doc.root();
    if (!root.isObject()) {
        r.error(codes::NotAnObject, "", "a campaign file is one JSON object");
        return;
    }
    const auto* f = r.member(root, "", "format", false);
    if (!f || !f->isString() || f->asString() != kCampaignFormat) {
        r.error(codes::WrongFormat, f ? "/format" : "",
                std::string("a campaign file starts with \"format\": \"") + kCampaignFormat + "\"");
        return;
    }
    r.checkKeys(root, "", {"format", "id", "version", "title", "language", "summary", "meetings"});
    Campaign c;
    c.sourcePath = name;
    c.contentHash = sha256Hex(*doc.text);
    if (auto v = r.string(root, "", "id", true)) {
        if (!isSlug(*v))
            r.error(
                codes::BadId, "/id",
                "campaign id \"" + *v + "\" must be lowercase letters, digits, '.', '_' or '-'");
        c.id = *v;
    }
    if (auto v = r.string(root, "", "version", true)) c.version = *v;
    if (auto v = r.string(root, "", "title", true)) c.title = *v;
    if (auto v = r.string(root, "", "language", true)) c.language = *v;
    if (auto v = r.string(root, "", "summary", false)) c.summary = *v;
    if (const auto* meetings = r.array(root, "", "meetings", true)) {
        if (meetings->size() < 2)
            r.error(codes::CampaignTooShort, "/meetings",
                    "a campaign chains at least two meetings; one meeting is a scenario");
        if (meetings->size() > std::size_t(kMaxMeetings))
            r.error(codes::CampaignTooShort, "/meetings",
                    "a campaign has at most " + std::to_string(kMaxMeetings) + " meetings");
        else
            for (std::size_t i = 0; i < meetings->size(); ++i)
                readMeeting(r, (*meetings)[i], childPointer("/meetings", i), i == 0, c);
    }
    c.sourceMap = doc.map;
    out.campaign = std::move(c);
}

CampaignLoad finish(std::optional<JsonDocument> doc, const std::string& name, CampaignLoad out) {
    if (doc) read(*doc, name, out);
    out.diagnostics.sortByPosition();
    return out;
}

}  // namespace

CampaignLoad loadCampaignFile(const std::string& path) {
    CampaignLoad out;
    auto doc = readJsonFile(path, out.diagnostics);
    return finish(std::move(doc), path, std::move(out));
}

CampaignLoad loadCampaignText(std::string text, const std::string& name) {
    CampaignLoad out;
    auto doc = parseJsonText(std::move(text), name, out.diagnostics);
    return finish(std::move(doc), name, std::move(out));
}

}  // namespace rapport
