// The people of a scenario besides the client: "speakers" and the node's "speaker" that names
// one of them.
#include "core/diagnostics/diagnostic_codes.hpp"
#include "core/diagnostics/did_you_mean.hpp"
#include "core/scenario/scenario_loader_detail.hpp"
#include "core/translation/ui_format.hpp"
#include "core/translation/ui_text.hpp"

namespace rapport::scenario_loading {

namespace {

// The words a node's "speaker" already means; a named speaker cannot take one of them.
bool isReservedSpeaker(std::string_view key) {
    return key == "client" || key == "narrator" || key == "trainee";
}

}  // namespace

void Loader::readSpeakers(const JsonValue& root, Scenario& s) {
    const auto* speakers = r_.object(root, "", "speakers", false);
    if (!speakers) return;
    for (const JsonValue* member : speakers->sortedMembers()) {
        const std::string key(member->key());
        const std::string p = childPointer("/speakers", key);
        if (!isValidNodeId(key)) {
            r_.errorAtKey(codes::BadId, p,
                          uiFormat(tr("speaker key \"{key}\" may hold only letters, digits, '_', "
                                      "'-', '.' and ':' (at most 128)"),
                                   {{"key", key}}));
            continue;
        }
        if (isReservedSpeaker(key)) {
            r_.errorAtKey(codes::BadId, p,
                          uiFormat(tr("\"{key}\" is reserved: \"client\" and \"narrator\" are "
                                      "always there and \"trainee\" is the person playing; name "
                                      "this speaker otherwise"),
                                   {{"key", key}}));
            continue;
        }
        if (!member->isObject()) {
            r_.error(codes::WrongType, p,
                     uiFormat(tr("a speaker is {\"name\": …, \"role\": …, \"portrait\": …}, not "
                                 "{kind}"),
                              {{"kind", tr(jsonKindName(*member))}}));
            continue;
        }
        r_.checkKeys(*member, p, {"name", "role", "portrait"});
        CastMember m;
        m.id = key;
        m.pointer = p;
        if (auto v = r_.string(*member, p, "name", true)) {
            if (v->empty())
                r_.error(codes::EmptyText, p + "/name",
                         tr("a speaker's name is shown above each of their lines; it cannot be "
                            "empty"));
            m.name = *v;
        }
        if (auto v = r_.string(*member, p, "role", true)) m.role = *v;
        if (auto v = r_.string(*member, p, "portrait", false)) m.portrait = *v;
        s.speakers.push_back(std::move(m));
    }
}

void Loader::readNodeSpeaker(const JsonValue& n, const Scenario& s, Node& node) {
    const std::string& p = node.pointer;
    auto sp = r_.string(n, p, "speaker", true);
    if (!sp) return;
    if (*sp == "client") {
        node.speaker = Speaker::Client;
        return;
    }
    if (*sp == "narrator") {
        node.speaker = Speaker::Narrator;
        return;
    }
    for (std::size_t i = 0; i < s.speakers.size(); ++i)
        if (s.speakers[i].id == *sp) {
            node.speaker = Speaker::Cast;
            node.cast = int(i);
            return;
        }
    std::vector<std::string> known = {"client", "narrator"};
    for (const auto& m : s.speakers) known.push_back(m.id);
    r_.error(codes::UnknownSpeaker, p + "/speaker",
             uiFormat(tr("speaker \"{speaker}\" is neither \"client\", \"narrator\" nor declared "
                         "in \"speakers\""),
                      {{"speaker", *sp}}) +
                 didYouMean(*sp, known));
}

}  // namespace rapport::scenario_loading
