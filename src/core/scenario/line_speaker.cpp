#include "core/scenario/line_speaker.hpp"

namespace rapport {

LineSpeaker lineSpeaker(const Scenario& s, const Node& n) {
    LineSpeaker out;
    if (n.speaker == Speaker::Narrator) {
        out.key = "narrator";
        out.narrator = true;
    } else if (n.speaker == Speaker::Cast && n.cast >= 0 &&
               std::size_t(n.cast) < s.speakers.size()) {
        const CastMember& m = s.speakers[std::size_t(n.cast)];
        out.key = m.id;
        out.name = m.name;
        out.role = m.role;
        out.portrait = m.portrait;
    } else {
        out.key = "client";
        out.name = s.client.name.empty() ? std::string("Client") : s.client.name;
        out.role = s.client.role;
        out.portrait = s.client.portrait;
        out.client = true;
    }
    return out;
}

std::string speakerPrefix(const Scenario& s, const Node& n) {
    if (s.speakers.empty() || n.speaker == Speaker::Narrator) return "";
    return lineSpeaker(s, n).name + ": ";
}

}  // namespace rapport
