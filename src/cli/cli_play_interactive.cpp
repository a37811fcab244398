// `rapport play` at the terminal: prints each line with its choices (and the meters the mode
// shows), reads the trainee's number, and hands it to the attempt flow, which owns the rules.
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <string_view>

#include "cli/cli_play_options.hpp"
#include "cli/cli_play_recording.hpp"
#include "cli/cli_verbs.hpp"
#include "cli/line_input.hpp"
#include "core/play/deal_terms.hpp"
#include "core/play/letter_draft.hpp"
#include "core/play/open_documents.hpp"
#include "core/play/step_effect.hpp"
#include "core/scenario/line_speaker.hpp"
#include "core/scoring/scoring.hpp"
#include "core/text/terminal_text.hpp"
#include "core/translation/ui_text.hpp"

namespace rapport::cli {

namespace {

std::string speakerLabel(const Session& s) {
    const LineSpeaker who = lineSpeaker(s.scenario(), s.node());
    if (who.narrator) return "";
    return who.name + (who.client || who.role.empty() ? "" : " (" + who.role + ")") + ": ";
}

std::string meterBar(std::int64_t value, std::int64_t min, std::int64_t max) {
    constexpr int kWidth = 20;
    const double span = double(max - min);
    int filled = span > 0 ? int((double(value - min) / span) * kWidth + 0.5) : 0;
    filled = std::clamp(filled, 0, kWidth);
    return "[" + std::string(std::size_t(filled), '#') +
           std::string(std::size_t(kWidth - filled), '.') + "]";
}

// A document, printed in full when it opens (a terminal has no panel to reopen it from).
void printDocument(const Document& d) {
    std::printf("\n  +-- %s: %s\n", documentKindName(d.kind), terminalSafe(d.title).c_str());
    std::string line;
    for (char c : d.text + "\n") {
        if (c != '\n') {
            line += c;
            continue;
        }
        std::printf("  | %s\n", terminalSafe(line).c_str());
        line.clear();
    }
    std::printf("  +--\n");
}

// The documents that opened since the last call (all of them the first time: the briefing).
void printNewDocuments(const Session& s, std::size_t& shown) {
    const auto open = openDocuments(s);
    for (; shown < open.size(); ++shown)
        printDocument(s.scenario().documents[std::size_t(open[shown])]);
}

void printLetter(const LetterDraft& draft) {
    std::printf(tr("\n  To: %s\n  Subject: %s\n"), terminalSafe(draft.letter->to).c_str(),
                terminalSafe(draft.letter->subject).c_str());
    for (const auto& para : draft.paragraphs) std::printf("\n  %s\n", terminalSafe(para).c_str());
    std::printf("\n  [%d/%zu] %s:\n", draft.part + 1, draft.letter->parts.size(),
                terminalSafe(draft.letter->labels[std::size_t(draft.part)]).c_str());
}

void printNode(const AttemptFlow& flow, const TraineeForms& forms) {
    const Session& s = flow.session();
    const Scenario& sc = s.scenario();
    std::printf("\n");
    if (!sc.meters.empty() && flow.metersVisible()) {
        for (const Meter& m : sc.meters) {
            const auto v = s.variable(m.variable);
            std::printf("  %-12s %s %lld/%lld\n", terminalSafe(m.label).c_str(),
                        meterBar(v, m.min, m.max).c_str(), static_cast<long long>(v),
                        static_cast<long long>(m.max));
        }
        std::printf("\n");
    }
    // The deal terms in both modes: the trainee set them, so nothing is given away.
    if (const auto terms = dealTerms(s); !terms.empty()) {
        for (const DealTerm& term : terms)
            std::printf("  %s%s\n", term.pastLimit() ? "! " : "",
                        terminalSafe(dealTermText(term)).c_str());
        std::printf("\n");
    }
    std::printf("%s%s\n", terminalSafe(speakerLabel(s)).c_str(),
                terminalSafe(renderTraineeText(s.text(), forms)).c_str());
    if (s.finished()) return;
    if (const auto draft = letterDraft(s)) printLetter(*draft);
    std::printf("\n");
    const auto& shown = s.choices();
    for (std::size_t i = 0; i < shown.size(); ++i)
        std::printf(
            "  %zu. %s\n", i + 1,
            terminalSafe(renderTraineeText(s.node().choices[std::size_t(shown[i])].text, forms))
                .c_str());
    if (s.node().isTimed())
        std::printf(tr("\n  (you have %s to answer)\n"), secondsText(s.timeLeftMs()).c_str());
}

std::optional<int> parsePosition(const std::string& line, std::size_t shown) {
    std::string_view t = line;
    while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) t.remove_prefix(1);
    while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.remove_suffix(1);
    int n = 0;
    auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), n);
    if (t.empty() || ec != std::errc() || end != t.data() + t.size() || n < 1 ||
        std::size_t(n) > shown)
        return std::nullopt;
    return n - 1;
}

void printIntroduction(const AttemptFlow& flow, const Recording& rec, const TraineeForms& forms) {
    const Scenario& scenario = flow.scenario();
    const Client& c = scenario.client;
    const bool feedbackNow = feedbackShownDuringPlay(flow.mode());
    std::printf("%s\n", terminalSafe(scenario.title).c_str());
    std::printf(tr("You are meeting %s, %s at %s.\n"), terminalSafe(c.name).c_str(),
                terminalSafe(c.role).c_str(), terminalSafe(c.company).c_str());
    if (!c.description.empty()) std::printf("%s\n", terminalSafe(c.description).c_str());
    // Support can replay what the trainee saw (--seed): the replies' order comes from it.
    if (const std::uint64_t seed = flow.session().seed(); seed != 0)
        std::printf(tr("(attempt seed %llu)\n"), static_cast<unsigned long long>(seed));
    if (!feedbackNow)
        std::printf(
            "\nExam mode: the client's mood and the feedback on your replies stay hidden until the "
            "debrief.\n");
    if (!rec.resumed) return;
    std::printf(tr("\nContinuing your attempt started %s. So far:\n"),
                utcText(rec.resumed->startedAtMs).c_str());
    for (const auto& st : flow.session().transcript().steps) {
        if (st.timedOut)
            std::printf("  %d. %s\n", st.step, kNoAnswer);
        else
            std::printf("  %d. %s\n", st.step,
                        terminalSafe(renderTraineeText(st.choiceText, forms)).c_str());
        if (const std::string f = stepFeedback(scenario, st); feedbackNow && !f.empty())
            std::printf(tr("     Feedback: %s\n"), terminalSafe(f).c_str());
    }
}

}  // namespace

int runInteractivePlay(const Scenario& scenario, const ScenarioFramework& framework,
                       const PlayOptions& o) {
    const bool tty = ::isatty(STDIN_FILENO) && ::isatty(STDOUT_FILENO);
    SteadyClock clock;
    Recording rec;
    std::optional<AttemptFlow> started;
    if (auto code = startAttempt(scenario, framework, o, clock, rec, started, true)) return *code;
    AttemptFlow& flow = *started;
    const Session& s = flow.session();
    LineInput input(STDIN_FILENO);
    const TraineeForms forms = traineeForms(o);
    printIntroduction(flow, rec, forms);
    auto stopped = [&](const char* why) {
        std::fprintf(stderr, tr("rapport play: %s\n"), why);
        if (rec.recorder)
            std::fprintf(stderr,
                         tr("rapport play: your attempt is saved (%s); continue it with: %s\n"),
                         choicesText(rec.recorder->journaledSteps()).c_str(),
                         resumeCommand(o, "--resume").c_str());
        return kExitProblems;
    };

    std::size_t documentsShown = 0;
    for (;;) {
        printNewDocuments(s, documentsShown);
        printNode(flow, forms);
        if (s.finished()) break;
        const bool timed = s.node().isTimed();
        const std::size_t shown = s.choices().size();
        if (shown == 0 && !timed) {
            std::fprintf(stderr,
                         tr("rapport play: node \"%s\" shows no choices and has no timer; the "
                            "scenario is stuck\n"),
                         terminalSafe(s.node().id).c_str());
            return kExitProblems;
        }
        bool answered = false;
        while (!answered) {
            if (timed && tty) {
                std::printf("\r");
                std::printf(tr("  %3lld s left > "),
                            static_cast<long long>((s.timeLeftMs() + 999) / 1000));
            } else {
                std::printf("> ");
            }
            std::fflush(stdout);
            std::string line;
            // Timed nodes wake every second to redraw the countdown and notice expiry.
            const auto status = input.readLine(line, timed ? 1000 : -1);
            if (status == LineInput::Status::Ended) {
                std::printf("\n");
                return stopped("input ended before the conversation did");
            }
            if (flow.expireIfDue()) {
                std::printf(tr("\n  Time is up.\n"));
                answered = true;
                continue;
            }
            if (status == LineInput::Status::TimedOut) {
                if (!tty) std::printf("\n");
                continue;
            }
            auto pos = parsePosition(line, shown);
            if (!pos) {
                std::printf(tr("  Please type a number from 1 to %zu.\n"), shown);
                continue;
            }
            switch (flow.choose(*pos)) {
                case AttemptFlow::Result::Taken:
                    if (const std::string& f = flow.effects().back().feedback;
                        feedbackShownDuringPlay(flow.mode()) && !f.empty())
                        std::printf(tr("  Feedback: %s\n"), terminalSafe(f).c_str());
                    break;
                case AttemptFlow::Result::TimedOut:
                    std::printf(tr("\n  Time is up.\n"));
                    break;
                case AttemptFlow::Result::Refused:
                case AttemptFlow::Result::Failed:
                    std::fprintf(stderr, tr("rapport play: scenario error: %s\n"),
                                 terminalSafe(flow.lastError()).c_str());
                    return kExitProblems;
            }
            answered = true;
        }
    }
    const Ending* e = s.ending();
    std::printf("\n== %s (%s) ==\n%s\n", terminalSafe(e->title).c_str(), outcomeName(e->outcome),
                terminalSafe(e->summary).c_str());
    PlayScore scored = rec.recorder ? rec.recorder->finish(s, store::unixNowMs())
                                    : scorePlay(scenario, framework, s.transcript());
    if (scored.report)
        std::printf("%s", terminalSafe(debriefText(*scored.report)).c_str());
    else
        std::fprintf(stderr, tr("rapport play: no debrief: %s\n"),
                     terminalSafe(scored.error).c_str());
    if (!feedbackShownDuringPlay(flow.mode())) {
        // What exam mode held back during play, now that the conversation is over.
        std::string held;
        for (const auto& st : s.transcript().steps)
            if (const std::string f = stepFeedback(scenario, st); !f.empty())
                held += "  " + std::to_string(st.step) + ". " +
                        (st.timedOut ? std::string(kNoAnswer)
                                     : renderTraineeText(st.choiceText, forms)) +
                        "\n     " + f + "\n";
        if (!held.empty())
            std::printf(tr("\nFeedback on your replies:\n%s"), terminalSafe(held).c_str());
    }
    return reportRecorded(rec, o, scored, "recorded");
}

}  // namespace rapport::cli
