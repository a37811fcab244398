#include "core/analysis/cue_statistics.hpp"

#include <algorithm>
#include <stdexcept>
#include <vector>

#include "core/analysis/surface_cues.hpp"
#include "core/play/clock.hpp"
#include "core/play/scripted_play.hpp"
#include "core/play/session.hpp"

namespace rapport {

CueStatistics bestPathCueStatistics(const Scenario& scenario, const std::string& bestChoices) {
    std::string error;
    const auto script = parseChoiceScript(bestChoices, error);
    if (!script) throw std::logic_error("bestPathCueStatistics: " + error);
    const SurfaceCueTable& cues = surfaceCuesFor(scenario.language);
    CueStatistics st;
    ManualClock clock;
    Session session(scenario, clock, 0);
    for (const ScriptEntry& entry : *script) {
        if (session.finished()) break;
        const std::vector<int>& shown = session.choices();
        if (!entry.timeout && entry.position >= 1 && entry.position <= int(shown.size()) &&
            shown.size() >= 2) {
            const auto& node = session.node();
            const std::string& best =
                node.choices[std::size_t(shown[std::size_t(entry.position - 1)])].text;
            const int bestLength = replyLength(best);
            const bool objection =
                std::any_of(node.tags.begin(), node.tags.end(),
                            [](const std::string& t) { return t.rfind("objection:", 0) == 0; });
            int longer = 0, asLong = 0;
            for (std::size_t i = 0; i < shown.size(); ++i) {
                if (int(i) == entry.position - 1) continue;
                const std::string& other = node.choices[std::size_t(shown[i])].text;
                const int length = replyLength(other);
                if (length > bestLength) ++longer;
                if (length >= bestLength) ++asLong;
                const bool ack = opensWithAcknowledgement(other, cues);
                ++st.otherReplies;
                st.otherAcknowledgement += ack;
                st.objectionOtherReplies += objection;
                st.objectionOtherAcknowledgement += objection && ack;
            }
            ++st.decisions;
            if (asLong == 0) ++st.bestLongest;
            if (longer <= 1) ++st.bestTopTwo;
            const bool ack = opensWithAcknowledgement(best, cues);
            st.bestAcknowledgement += ack;
            st.objectionDecisions += objection;
            st.objectionBestAcknowledgement += objection && ack;
        }
        if (entry.timeout && session.node().isTimed()) {
            clock.advance(session.timeLeftMs());
            session.timeout();
            continue;
        }
        if (entry.timeout || entry.position < 1 || entry.position > int(shown.size()) ||
            !session.choose(entry.position - 1))
            throw std::logic_error("bestPathCueStatistics: " + bestChoices + " does not replay");
    }
    if (!session.finished())
        throw std::logic_error("bestPathCueStatistics: " + bestChoices +
                               " does not reach an ending");
    return st;
}

}  // namespace rapport
