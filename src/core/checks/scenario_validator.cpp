#include "core/checks/scenario_validator.hpp"

#include <deque>
#include <set>

#include "core/alternates/alternate_check.hpp"
#include "core/diagnostics/diagnostic_codes.hpp"
#include "core/scenario/portrait_path.hpp"
#include "core/source/json_reader.hpp"
#include "core/state/state_space.hpp"
#include "core/text/trainee_text.hpp"
#include "core/translation/ui_format.hpp"
#include "core/translation/ui_text.hpp"

namespace rapport {

namespace {

// Graph edges ignoring conditions and once: an over-approximation of what play can do.
std::vector<std::vector<int>> structuralEdges(const Scenario& s) {
    std::vector<std::vector<int>> out(s.nodes.size());
    for (std::size_t n = 0; n < s.nodes.size(); ++n) {
        const Node& node = s.nodes[n];
        for (const auto& c : node.choices) {
            const bool never = c.condition && c.condition->constantValue() == 0;
            if (c.next >= 0 && !never) out[n].push_back(c.next);
        }
        if (node.onTimeout >= 0) out[n].push_back(node.onTimeout);
    }
    return out;
}

std::vector<bool> forwardReach(const std::vector<std::vector<int>>& edges, int start) {
    std::vector<bool> seen(edges.size(), false);
    std::deque<int> queue{start};
    seen[std::size_t(start)] = true;
    while (!queue.empty()) {
        const int n = queue.front();
        queue.pop_front();
        for (int m : edges[std::size_t(n)])
            if (!seen[std::size_t(m)]) {
                seen[std::size_t(m)] = true;
                queue.push_back(m);
            }
    }
    return seen;
}

std::vector<bool> reachesEnding(const Scenario& s, const std::vector<std::vector<int>>& edges) {
    std::vector<std::vector<int>> reverse(edges.size());
    for (std::size_t n = 0; n < edges.size(); ++n)
        for (int m : edges[n]) reverse[std::size_t(m)].push_back(int(n));
    std::vector<bool> ok(edges.size(), false);
    std::deque<int> queue;
    for (std::size_t n = 0; n < s.nodes.size(); ++n)
        if (s.nodes[n].isEnding()) {
            ok[n] = true;
            queue.push_back(int(n));
        }
    while (!queue.empty()) {
        const int n = queue.front();
        queue.pop_front();
        for (int m : reverse[std::size_t(n)])
            if (!ok[std::size_t(m)]) {
                ok[std::size_t(m)] = true;
                queue.push_back(m);
            }
    }
    return ok;
}

class Validator {
public:
    Validator(const Scenario& s, DiagnosticList& diags)
        : s_(s), r_(s.sourcePath, s.sourceMap, diags) {}

    // `given` is the caller's graph, or null to explore it here.
    void run(const StateGraph* given) {
        if (s_.nodes.empty() || s_.start < 0 || s_.start >= int(s_.nodes.size())) return;
        checkPortrait(s_.client.portrait, "/client/portrait");
        for (const CastMember& m : s_.speakers) checkPortrait(m.portrait, m.pointer + "/portrait");
        checkSilentSpeakers();
        checkHiddenDocuments();
        checkConstantConditions();
        checkTraineeTexts();
        checkAlternates(s_, r_.diagnostics());
        const auto edges = structuralEdges(s_);
        const auto reachable = forwardReach(edges, s_.start);
        const auto canEnd = reachesEnding(s_, edges);
        StateGraph own;
        if (!given) own = exploreStates(s_);
        const StateGraph& graph = given ? *given : own;
        if (graph.complete)
            exactChecks(graph, reachable, canEnd);
        else
            approximateChecks(reachable, canEnd);
    }

private:
    const Node& node(int i) const { return s_.nodes[std::size_t(i)]; }

    // Lines and replies are rendered for the trainee (core/text/trainee_text.hpp): a broken
    // variable would show the trainee a stray brace.
    void checkTraineeTexts() {
        auto check = [&](const std::string& text, const std::string& pointer) {
            for (const auto& p : checkTraineeText(text))
                r_.errorInString(p.kind == TraineeTextProblem::Kind::FormCount
                                     ? codes::TextVariableForms
                                     : codes::TextVariableSyntax,
                                 pointer, p.codePoint, p.message);
        };
        for (const Node& n : s_.nodes) {
            check(n.text, n.pointer + "/text");
            for (std::size_t v = 0; v < n.variants.size(); ++v)
                check(n.variants[v].text, n.pointer + "/variants/" + std::to_string(v) + "/text");
            for (const Choice& c : n.choices) check(c.text, c.pointer + "/text");
        }
    }

    // The same rule for the client's portrait and each named speaker's.
    void checkPortrait(const std::string& p, const std::string& where) {
        const PortraitPath found = resolvePortrait(p, s_.sourcePath);
        switch (found.status) {
            case PortraitPath::Status::None:
            case PortraitPath::Status::Found:
                return;
            case PortraitPath::Status::Escapes:
                if (found.byLink)
                    r_.error(codes::PortraitEscapes, where,
                             uiFormat(tr("portrait \"{portrait}\" leads out of the scenario's "
                                         "folder through a symbolic link (to {target}); copy the "
                                         "image into the folder instead of linking it"),
                                      {{"portrait", p}, {"target", found.path}}));
                else
                    r_.error(codes::PortraitEscapes, where,
                             uiFormat(tr("portrait \"{portrait}\" must be a path inside the "
                                         "scenario's folder (no absolute paths, no \"..\")"),
                                      {{"portrait", p}}));
                return;
            case PortraitPath::Status::Missing:
                if (s_.sourcePath.empty()) return;
                r_.warning(codes::PortraitMissing, where,
                           uiFormat(tr("portrait file \"{portrait}\" was not found next to the "
                                       "scenario; an initials avatar is shown instead"),
                                    {{"portrait", p}}));
                return;
        }
    }

    void checkSilentSpeakers() {
        std::vector<bool> speaks(s_.speakers.size(), false);
        for (const Node& n : s_.nodes)
            if (n.speaker == Speaker::Cast && n.cast >= 0) speaks[std::size_t(n.cast)] = true;
        for (std::size_t i = 0; i < speaks.size(); ++i)
            if (!speaks[i])
                r_.warning(codes::SilentSpeaker, s_.speakers[i].pointer,
                           uiFormat(tr("speaker \"{speaker}\" is declared but no node has them "
                                       "say a line"),
                                    {{"speaker", s_.speakers[i].id}}));
    }

    void checkHiddenDocuments() {
        std::vector<bool> revealed(s_.documents.size(), false);
        auto mark = [&](const std::vector<int>& reveals) {
            for (int d : reveals) revealed[std::size_t(d)] = true;
        };
        for (const Node& n : s_.nodes) {
            mark(n.reveals);
            for (const Choice& c : n.choices) mark(c.reveals);
        }
        for (std::size_t i = 0; i < revealed.size(); ++i)
            if (s_.documents[i].hidden && !revealed[i])
                r_.warning(codes::DocumentNeverOpens, s_.documents[i].pointer + "/hidden",
                           uiFormat(tr("document \"{document}\" is hidden but no node or reply "
                                       "reveals it, so the trainee never sees it; list it in a "
                                       "\"reveals\" or drop \"hidden\""),
                                    {{"document", s_.documents[i].id}}));
    }

    void checkConstantConditions() {
        for (const Node& n : s_.nodes)
            for (const Choice& c : n.choices)
                if (c.condition && c.condition->constantValue() == 0)
                    r_.warning(codes::ChoiceNeverShown, c.pointer + "/if",
                               tr("this choice's condition is always false, so it is never "
                                  "shown"));
    }

    void unreachableNode(int n, bool structural) {
        // Four whole sentences rather than a clause pasted after a colon: a translator words
        // the reason to fit its subject.
        const Node& nd = node(n);
        const char* pattern =
            nd.isEnding()
                ? (structural ? tr("ending \"{id}\" can never be reached: no choice or timeout "
                                   "leads to it from the start")
                              : tr("ending \"{id}\" can never be reached: the conditions on the "
                                   "way never allow it in play"))
                : (structural ? tr("node \"{id}\" can never be reached: no choice or timeout "
                                   "leads to it from the start")
                              : tr("node \"{id}\" can never be reached: the conditions on the "
                                   "way never allow it in play"));
        if (nd.isEnding())
            r_.warning(codes::EndingUnreachable, nd.pointer + "/ending",
                       uiFormat(pattern, {{"id", nd.id}}));
        else
            r_.warning(codes::Unreachable, nd.pointer, uiFormat(pattern, {{"id", nd.id}}));
    }

    static std::string noWayOut(const Node& nd) {
        return uiFormat(tr("no ending can be reached from node \"{node}\": every way on leads "
                           "back without an exit"),
                        {{"node", nd.id}});
    }

    void approximateChecks(const std::vector<bool>& reachable, const std::vector<bool>& canEnd) {
        for (std::size_t n = 0; n < s_.nodes.size(); ++n) {
            if (!reachable[n]) {
                unreachableNode(int(n), true);
                continue;
            }
            if (!canEnd[n]) r_.error(codes::NoWayOut, node(int(n)).pointer, noWayOut(node(int(n))));
        }
    }

    void exactChecks(const StateGraph& g, const std::vector<bool>& structurallyReachable,
                     const std::vector<bool>& canEnd) {
        const std::size_t nodes = s_.nodes.size();
        std::vector<bool> reached(nodes, false);
        std::vector<std::vector<bool>> choiceShown(nodes);
        for (std::size_t n = 0; n < nodes; ++n)
            choiceShown[n].assign(s_.nodes[n].choices.size(), false);
        const int states = int(g.size());
        for (int i = 0; i < states; ++i) {
            const int n = g.node(i);
            reached[std::size_t(n)] = true;
            for (const auto& e : g.edges(i))
                if (e.choice >= 0) choiceShown[std::size_t(n)][std::size_t(e.choice)] = true;
        }
        for (const auto& [st, c] : g.failingChoices) {
            const int n = g.node(st);
            choiceShown[std::size_t(n)][std::size_t(c)] = true;
            const Choice& ch = node(n).choices[std::size_t(c)];
            if (reportedFailing_.insert(ch.pointer).second)
                r_.error(codes::ExprConstantError, ch.pointer + "/set",
                         tr("in some play-through this choice's \"set\" fails at run time "
                            "(division by zero or overflow), so it cannot be taken"));
        }

        // States that can still reach an ending, by reverse search over the exact graph. The
        // reverse edges sit in one array (by target) rather than a list per state: there can be
        // hundreds of thousands of states.
        std::vector<int> reverseStart(std::size_t(states) + 1, 0), reverse;
        for (int i = 0; i < states; ++i)
            for (const auto& e : g.edges(i)) ++reverseStart[std::size_t(e.target) + 1];
        for (std::size_t i = 0; i < std::size_t(states); ++i)
            reverseStart[i + 1] += reverseStart[i];
        reverse.resize(std::size_t(reverseStart.back()));
        {
            std::vector<int> fill(reverseStart.begin(), reverseStart.end() - 1);
            for (int i = 0; i < states; ++i)
                for (const auto& e : g.edges(i))
                    reverse[std::size_t(fill[std::size_t(e.target)]++)] = i;
        }
        std::vector<bool> ok(std::size_t(states), false);
        std::vector<int> queue;  // breadth-first: read from `head`, never popped
        for (int i = 0; i < states; ++i)
            if (node(g.node(i)).isEnding()) {
                ok[std::size_t(i)] = true;
                queue.push_back(i);
            }
        for (std::size_t head = 0; head < queue.size(); ++head) {
            const int i = queue[head];
            for (int k = reverseStart[std::size_t(i)]; k < reverseStart[std::size_t(i) + 1]; ++k) {
                const int p = reverse[std::size_t(k)];
                if (!ok[std::size_t(p)]) {
                    ok[std::size_t(p)] = true;
                    queue.push_back(p);
                }
            }
        }

        std::vector<bool> deadEnd(nodes, false), stuck(nodes, false);
        for (int i = 0; i < states; ++i) {
            const int n = g.node(i);
            if (!node(n).isEnding() && g.edges(i).empty())
                deadEnd[std::size_t(n)] = true;
            else if (!ok[std::size_t(i)])
                stuck[std::size_t(n)] = true;
        }

        for (std::size_t n = 0; n < nodes; ++n) {
            const Node& nd = s_.nodes[n];
            if (!reached[n]) {
                unreachableNode(int(n), !structurallyReachable[n]);
                continue;
            }
            if (!canEnd[n]) {
                r_.error(codes::NoWayOut, nd.pointer, noWayOut(nd));
                continue;
            }
            if (deadEnd[n]) {
                r_.error(codes::DeadEnd, nd.pointer + "/choices",
                         uiFormat(tr("in some play-through node \"{node}\" shows no choice at "
                                     "all (every choice is hidden by its condition or already "
                                     "taken), so the conversation stops"),
                                  {{"node", nd.id}}));
                continue;
            }
            if (stuck[n])
                r_.error(codes::NoWayOut, nd.pointer,
                         uiFormat(tr("in some play-through no ending can be reached any more "
                                     "from node \"{node}\": every way on loops back without an "
                                     "exit"),
                                  {{"node", nd.id}}));
            for (std::size_t c = 0; c < nd.choices.size(); ++c) {
                const Choice& ch = nd.choices[c];
                const bool constant = ch.condition && ch.condition->constantValue() == 0;
                if (!choiceShown[n][c] && !constant)
                    r_.warning(codes::ChoiceNeverShown, ch.pointer + (ch.condition ? "/if" : ""),
                               uiFormat(tr("choice \"{choice}\" is never shown: its condition "
                                           "never holds when node \"{node}\" is reached"),
                                        {{"choice", ch.id}, {"node", nd.id}}));
            }
        }
    }

    const Scenario& s_;
    JsonReader r_;
    std::set<std::string> reportedFailing_;
};

}  // namespace

void validateScenario(const Scenario& scenario, DiagnosticList& diags) {
    Validator(scenario, diags).run(nullptr);
    diags.sortByPosition();
}

void validateScenario(const Scenario& scenario, const StateGraph& graph, DiagnosticList& diags) {
    Validator(scenario, diags).run(&graph);
    diags.sortByPosition();
}

}  // namespace rapport
