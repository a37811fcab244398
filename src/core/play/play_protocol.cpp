#include "core/play/play_protocol.hpp"

#include <algorithm>
#include <utility>

#include "core/play/letter_draft.hpp"
#include "core/play/open_documents.hpp"
#include "core/scenario/line_speaker.hpp"

namespace rapport {

namespace {

using nlohmann::json;
// Events keep their keys in the documented order, "event" first, for people reading a log.
using Event = nlohmann::ordered_json;

constexpr const char* kAnswerForms = "an answer is {\"choice\": ID} or {\"timeout\": true}";

}  // namespace

PlayProtocol::PlayProtocol(AttemptFlow& flow, ManualClock& clock, Emit emit, Report report)
    : flow_(&flow), clock_(&clock), emit_(std::move(emit)), report_(std::move(report)) {}

void PlayProtocol::start() {
    const Session& s = flow_->session();
    emit_(Event{{"event", "start"},
                {"scenario", s.scenario().id},
                {"version", s.scenario().version},
                {"seed", s.seed()},
                {"mode", attemptModeName(flow_->mode())}});
    emitNode();
}

// Each document that opened since the last event, before the line of the node reached: what it
// says is known to the trainee from now on, in both modes.
void PlayProtocol::emitDocuments() {
    const Session& s = flow_->session();
    const auto open = openDocuments(s);
    for (; documentsSent_ < open.size(); ++documentsSent_) {
        const Document& d = s.scenario().documents[std::size_t(open[documentsSent_])];
        emit_(Event{{"event", "document"},
                    {"id", d.id},
                    {"title", d.title},
                    {"kind", documentKindName(d.kind)},
                    {"text", d.text}});
    }
}

void PlayProtocol::emitNode() {
    emitDocuments();
    const Session& s = flow_->session();
    const Node& n = s.node();
    const LineSpeaker who = lineSpeaker(s.scenario(), n);
    // The narrator has no name; everyone else's line says who speaks, as the app shows it.
    Event line{{"event", "line"}, {"node", n.id}, {"speaker", who.key}};
    if (!who.narrator) line["speakerName"] = who.name;
    line["text"] = s.text();
    emit_(std::move(line));
    if (const Ending* e = s.ending()) {
        emit_(Event{{"event", "ending"},
                    {"node", n.id},
                    {"outcome", outcomeName(e->outcome)},
                    {"title", e->title},
                    {"report", report_(s)}});
        return;
    }
    emitChoose();
}

void PlayProtocol::emitChoose() {
    const Session& s = flow_->session();
    const Node& n = s.node();
    Event choices = Event::array();
    for (const int c : s.choices()) {
        const Choice& choice = n.choices[std::size_t(c)];
        choices.push_back(Event{{"id", choice.id}, {"text", choice.text}});
    }
    Event choose{{"event", "choose"},
                 {"node", n.id},
                 {"choices", std::move(choices)},
                 {"timeLimit", n.timeLimit ? Event(*n.timeLimit) : Event(nullptr)}};
    // A part of a written reply: the letter so far and which part is being chosen.
    if (const auto draft = letterDraft(s)) {
        const Letter& l = *draft->letter;
        choose["letter"] = Event{{"to", l.to},
                                 {"subject", l.subject},
                                 {"part", draft->part + 1},
                                 {"parts", l.parts.size()},
                                 {"label", l.labels[std::size_t(draft->part)]},
                                 {"written", draft->paragraphs}};
    }
    emit_(std::move(choose));
}

void PlayProtocol::error(const std::string& message) {
    emit_(Event{{"event", "error"}, {"message", message}});
    emitChoose();
}

void PlayProtocol::answer(std::string_view line) {
    if (finished()) return;
    const Session& s = flow_->session();
    const Node& n = s.node();
    const json a = json::parse(line.begin(), line.end(), nullptr, false);
    if (a.is_discarded() || !a.is_object())
        return error(std::string(a.is_discarded() ? "not JSON" : "not a JSON object") + "; " +
                     kAnswerForms);
    ScriptEntry entry;
    if (a.size() == 1 && a.contains("timeout")) {
        if (a["timeout"] != true) return error(kAnswerForms);
        if (!n.isTimed())
            return error("node \"" + n.id + "\" has no time limit: it cannot time out");
        entry.timeout = true;
    } else if (a.size() == 1 && a.contains("choice") && a["choice"].is_string()) {
        const std::string id = a["choice"].get<std::string>();
        const auto& shown = s.choices();
        const auto it = std::find_if(shown.begin(), shown.end(),
                                     [&](int c) { return n.choices[std::size_t(c)].id == id; });
        if (it == shown.end()) {
            const bool known = std::any_of(n.choices.begin(), n.choices.end(),
                                           [&](const Choice& c) { return c.id == id; });
            return error("choice \"" + id + "\" is " + (known ? "not shown now" : "not a choice") +
                         " at node \"" + n.id + "\"");
        }
        entry.position = int(it - shown.begin()) + 1;
    } else {
        return error(kAnswerForms);
    }
    const int node = s.currentNode();
    if (std::string problem = flow_->playEntry(*clock_, entry); !problem.empty())
        return error(problem);
    if (feedbackShownDuringPlay(flow_->mode())) {
        const StepEffect& e = flow_->effects().back();
        const TranscriptStep& step = s.transcript().steps.back();
        Event meters = Event::array();
        for (const MeterChange& m : e.meters)
            meters.push_back(Event{{"label", m.label}, {"before", m.before}, {"after", m.after}});
        emit_(Event{{"event", "feedback"},
                    {"node", s.scenario().nodes[std::size_t(node)].id},
                    {"choice", step.timedOut ? Event(nullptr) : Event(step.choice)},
                    {"timedOut", e.timedOut},
                    {"text", e.feedback},
                    {"meters", std::move(meters)}});
    }
    emitNode();
}

}  // namespace rapport
