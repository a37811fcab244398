#include "core/play/letter_draft.hpp"

#include "core/play/session.hpp"

namespace rapport {

std::optional<LetterDraft> letterDraft(const Scenario& scenario, const Transcript& transcript,
                                       int node) {
    if (node < 0 || std::size_t(node) >= scenario.nodes.size()) return std::nullopt;
    const auto& compose = scenario.nodes[std::size_t(node)].compose;
    if (!compose || compose->letter < 0 || std::size_t(compose->letter) >= scenario.letters.size())
        return std::nullopt;
    LetterDraft draft;
    draft.letter = &scenario.letters[std::size_t(compose->letter)];
    draft.part = compose->part;
    // The parts before this one are the last steps of the transcript, in order (a letter may
    // be written again after a loop: only this writing counts).
    const auto& steps = transcript.steps;
    const std::size_t earlier = std::size_t(draft.part);
    if (steps.size() < earlier) return draft;
    for (std::size_t k = 0; k < earlier; ++k) {
        const auto& step = steps[steps.size() - earlier + k];
        const int expected = draft.letter->parts[k];
        if (step.node != scenario.nodes[std::size_t(expected)].id) {
            draft.paragraphs.clear();
            return draft;
        }
        draft.paragraphs.push_back(step.choiceText);
    }
    return draft;
}

std::optional<LetterDraft> letterDraft(const Session& session) {
    return letterDraft(session.scenario(), session.transcript(), session.currentNode());
}

std::string letterText(const LetterDraft& draft) {
    std::string out = "To: " + draft.letter->to + "\nSubject: " + draft.letter->subject + "\n\n";
    for (const auto& p : draft.paragraphs) out += p + "\n\n";
    return out;
}

}  // namespace rapport
