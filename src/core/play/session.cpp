// The runtime of one play-through. Everything a front end shows (text, choices, meters, timers)
// is a pure function of the few fields here, which is what makes save/resume exact: resume
// restores the fields and recomputes the rest with the same code that computed it the first time.
#include "core/play/session.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>

namespace rapport {

namespace {

using nlohmann::json;

constexpr const char* kSessionFormat = "rapport-session/1";

std::int64_t limitMs(const Node& n) {
    return n.timeLimit ? std::int64_t(std::llround(*n.timeLimit * 1000.0)) : 0;
}

std::uint64_t onceKey(int node, int choice) {
    return std::uint64_t(std::uint32_t(node)) << 32 | std::uint32_t(choice);
}

[[noreturn]] void bad(const std::string& what) { throw SessionError("saved session: " + what); }

}  // namespace

Session::Session(const Scenario& scenario, const Clock& clock, std::uint64_t seed, ReplyOrder order,
                 Timing timing)
    : scenario_(&scenario), clock_(&clock) {
    if (scenario.nodes.empty() || scenario.start < 0 ||
        scenario.start >= int(scenario.nodes.size()))
        throw std::logic_error(
            "Session: the scenario has no valid start node (play only validated scenarios)");
    vars_.reserve(scenario.variables.size());
    for (const auto& v : scenario.variables) vars_.push_back(v.initial);
    table_ = playTableOf(scenario);
    transcript_.scenarioId = scenario.id;
    transcript_.scenarioVersion = scenario.version;
    transcript_.contentHash = scenario.contentHash;
    transcript_.alternate = scenario.alternate;
    transcript_.seed = seed;
    transcript_.replyOrder = order;
    transcript_.timing = timing;
    pending_.reserve(32);
    pendingShown_.reserve(96);
    shown_.reserve(8);
    enter(scenario.start);
}

bool Session::onceTaken(int node, int choice) const {
    return std::binary_search(onceTaken_.begin(), onceTaken_.end(), onceKey(node, choice));
}

const std::string& Session::text() const {
    const Node& n = node();
    return variant_ >= 0 ? n.variants[std::size_t(variant_)].text : n.text;
}

std::int64_t Session::timeInNodeMs() const {
    return std::max<std::int64_t>(0, clock_->nowMs() - enteredAtMs_);
}

bool Session::timed() const { return adjustedLimitMs(limitMs(node()), timing()) > 0; }

std::int64_t Session::timeLeftMs() const {
    const std::int64_t limit = adjustedLimitMs(limitMs(node()), timing());
    if (limit <= 0) return 0;
    return std::max<std::int64_t>(0, limit - timeInNodeMs());
}

bool Session::timeExpired() const {
    const std::int64_t limit = adjustedLimitMs(limitMs(node()), timing());
    return limit > 0 && timeInNodeMs() >= limit;
}

void Session::enter(int index) {
    current_ = index;
    if (std::size_t(index) >= visited_.size()) visited_.resize(std::size_t(index) + 1, false);
    visited_[std::size_t(index)] = true;
    enteredAtMs_ = clock_->nowMs();
    if (table_->nodes[std::size_t(index)].ending) transcript_.endingNode = node().id;
    refresh();
}

void Session::refresh() {
    // Reads the play table only; the Node and its Choices are touched again only to word an
    // error, so a visit costs a few cache lines however large the scenario.
    const PlayTable& t = *table_;
    const PlayTable::NodeRow& row = t.nodes[std::size_t(current_)];
    const EvalEnv env{std::span<const std::int64_t>(vars_), &visited_};
    // A condition that fails at run time (overflow, division by zero) is treated as false and
    // reported through lastError(): the trainee still sees a sensible line and choices, and the
    // author's mistake is visible to tools instead of ending the session.
    variant_ = -1;
    for (std::uint32_t i = 0; i < row.variantCount; ++i) {
        EvalResult r = Expression::run(t.program(t.variants[row.variantBegin + i]), env);
        if (!r.ok) {
            lastError_ = node().pointer + "/variants/" + std::to_string(i) + "/if: " + r.error;
            break;
        }
        if (r.value != 0) {
            variant_ = int(i);
            break;
        }
    }
    shown_.clear();
    if (row.ending) return;
    for (std::uint32_t i = 0; i < row.choiceCount; ++i) {
        const PlayTable::ChoiceRow& c = t.choices[row.choiceBegin + i];
        if (c.once && onceTaken(current_, int(i))) continue;
        if (c.hasCondition) {
            EvalResult r = Expression::run(t.program(c.condition), env);
            if (!r.ok) {
                lastError_ = node().choices[i].pointer + "/if: " + r.error;
                continue;
            }
            if (r.value == 0) continue;
        }
        shown_.push_back(int(i));
    }
    const Transcript& tr = transcript_;
    if (tr.replyOrder != ReplyOrder::Seeded || tr.seed == 0 || !row.shuffle || shown_.size() < 2)
        return;
    // The shown replies keep their relative order in the node's full permutation, so a hub
    // shows the same order on every visit and a once-reply taken just drops out.
    // Marks, not a search of shown_ per reply: a node of 20,000 replies made that quadratic.
    replyPermutationFromHash(tr.seed, row.idHash, int(row.choiceCount), permutation_);
    isShown_.assign(row.choiceCount, 0);
    for (const int c : shown_) isShown_[std::size_t(c)] = 1;
    shown_.clear();
    for (const int c : permutation_)
        if (isShown_[std::size_t(c)]) shown_.push_back(c);
}

bool Session::choose(int position) {
    if (finished()) throw SessionError("choose: the conversation has ended");
    if (position < 0 || position >= int(shown_.size()))
        throw SessionError("choose: position " + std::to_string(position) + " is out of range (" +
                           std::to_string(shown_.size()) +
                           (shown_.size() == 1 ? " choice" : " choices") + " shown)");
    lastError_.clear();
    const PlayTable& t = *table_;
    const int choiceIndex = shown_[std::size_t(position)];
    const PlayTable::ChoiceRow& c =
        t.choices[t.nodes[std::size_t(current_)].choiceBegin + std::uint32_t(choiceIndex)];

    // Assignments are simultaneous: every value is computed from the variables as they were
    // before the choice, then all are stored. Authors write `trust = trust + 1` and
    // `patience = patience - 1` as independent lines in a JSON object, whose order a reader (and
    // some editors) treat as meaningless, so the result must not depend on it. Computing first
    // also makes a failing assignment leave the state untouched.
    std::array<std::int64_t, 16> small{};
    std::vector<std::int64_t> large;
    std::int64_t* values = small.data();
    const std::span<const PlayTable::AssignmentRow> set(t.assignments.data() + c.setBegin,
                                                        c.setCount);
    if (set.size() > small.size()) {
        large.resize(set.size());
        values = large.data();
    }
    const EvalEnv env{std::span<const std::int64_t>(vars_), &visited_};
    for (std::size_t i = 0; i < set.size(); ++i) {
        EvalResult r = Expression::run(t.program(set[i].value), env);
        if (!r.ok) {
            lastError_ = node().choices[std::size_t(choiceIndex)].pointer + "/set/" +
                         scenario_->variables[std::size_t(set[i].variable)].id + ": " + r.error;
            return false;
        }
        values[i] = r.value;
    }
    for (std::size_t i = 0; i < set.size(); ++i) vars_[std::size_t(set[i].variable)] = values[i];
    // A variable shown as a meter stays inside the meter's range ("trust can't exceed 100"), so
    // authors can write `trust + 20` without guarding every bound. Variables without a meter are
    // not touched: their range is whatever the expressions make it.
    for (const Meter& m : scenario_->meters) {
        auto& v = vars_[std::size_t(m.variable)];
        v = std::clamp(v, m.min, m.max);
    }

    if (c.once) {
        const std::uint64_t key = onceKey(current_, choiceIndex);
        onceTaken_.insert(std::lower_bound(onceTaken_.begin(), onceTaken_.end(), key), key);
    }

    record(choiceIndex, position, c.next);
    enter(c.next);
    return true;
}

void Session::record(int choiceIndex, int position, int next) {
    PendingStep p;
    p.node = current_;
    p.variant = variant_;
    p.choice = choiceIndex;
    p.position = position;
    p.shownBegin = std::uint32_t(pendingShown_.size());
    p.shownCount = std::uint32_t(shown_.size());
    pendingShown_.insert(pendingShown_.end(), shown_.begin(), shown_.end());
    p.timeTakenMs = timeInNodeMs();
    p.next = next;
    pending_.push_back(p);
}

const Transcript& Session::transcript() const {
    if (pending_.empty()) return transcript_;
    const Scenario& s = *scenario_;
    for (const PendingStep& p : pending_) {
        const Node& n = s.nodes[std::size_t(p.node)];
        TranscriptStep& step = transcript_.steps.emplace_back();
        step.step = int(transcript_.steps.size());
        step.node = n.id;
        step.textShown = p.variant >= 0 ? n.variants[std::size_t(p.variant)].text : n.text;
        step.choicesShown.reserve(p.shownCount);
        for (std::uint32_t i = 0; i < p.shownCount; ++i)
            step.choicesShown.push_back(n.choices[std::size_t(pendingShown_[p.shownBegin + i])].id);
        if (p.choice >= 0) {
            const Choice& c = n.choices[std::size_t(p.choice)];
            step.choice = c.id;
            step.choiceNumber = p.position + 1;
            step.choiceText = c.text;
        }
        step.timeTakenMs = p.timeTakenMs;
        step.timedOut = p.choice < 0;
        step.next = s.nodes[std::size_t(p.next)].id;
    }
    pending_.clear();
    pendingShown_.clear();
    return transcript_;
}

void Session::timeout() {
    const Node& n = node();
    if (!n.isTimed()) throw SessionError("timeout: node \"" + n.id + "\" has no time limit");
    lastError_.clear();
    record(-1, 0, n.onTimeout);
    enter(n.onTimeout);
}

json Session::save() const {
    const Scenario& s = *scenario_;
    json vars = json::object();
    for (std::size_t i = 0; i < s.variables.size(); ++i) {
        if (s.variables[i].type == ValueType::Boolean)
            vars[s.variables[i].id] = vars_[i] != 0;
        else
            vars[s.variables[i].id] = vars_[i];
    }
    json visited = json::array();
    json once = json::object();
    for (std::size_t n = 0; n < visited_.size(); ++n)
        if (visited_[n]) visited.push_back(s.nodes[n].id);
    for (const std::uint64_t key : onceTaken_) {
        const Node& n = s.nodes[std::size_t(key >> 32)];
        once[n.id].push_back(n.choices[std::size_t(key & 0xffffffffu)].id);
    }
    return json{{"format", kSessionFormat},
                {"scenario", s.id},
                {"version", s.version},
                {"contentHash", s.contentHash},
                {"seed", transcript().seed},
                {"current", node().id},
                {"variables", std::move(vars)},
                {"visited", std::move(visited)},
                {"onceTaken", std::move(once)},
                {"timeInNodeMs", timeInNodeMs()},
                {"transcript", transcriptToJson(transcript())}};
}

Session Session::resume(const Scenario& scenario, const Clock& clock, const json& saved) {
    if (!saved.is_object()) bad("expected a JSON object");
    auto need = [&](const char* key) -> const json& {
        auto it = saved.find(key);
        if (it == saved.end()) bad(std::string("missing \"") + key + "\"");
        return *it;
    };
    auto needString = [&](const char* key) {
        const json& v = need(key);
        if (!v.is_string()) bad(std::string("\"") + key + "\" must be a string");
        return v.get<std::string>();
    };
    for (const auto& [key, value] : saved.items()) {
        static constexpr std::array<std::string_view, 11> known{
            "format",    "scenario", "version",   "contentHash",  "seed",      "current",
            "variables", "visited",  "onceTaken", "timeInNodeMs", "transcript"};
        if (key.rfind("x-", 0) != 0 && std::find(known.begin(), known.end(), key) == known.end())
            bad("unknown key \"" + key + "\"");
    }

    const std::string format = needString("format");
    if (format != kSessionFormat)
        bad("format is \"" + format + "\"; this version of Rapport reads \"" + kSessionFormat +
            "\"");
    const std::string id = needString("scenario");
    if (id != scenario.id)
        bad("it belongs to scenario \"" + id + "\", not \"" + scenario.id + "\"");
    const std::string hash = needString("contentHash");
    if (hash != scenario.contentHash)
        bad("scenario \"" + id + "\" has changed since the session was saved (content hash " +
            hash + " was saved, the file now has " + scenario.contentHash + ")");
    needString("version");  // informative only: the content hash already pins the exact file
    const json& seedJson = need("seed");
    if (!seedJson.is_number_unsigned() &&
        !(seedJson.is_number_integer() && seedJson.get<std::int64_t>() >= 0))
        bad("\"seed\" must be a non-negative integer");
    const std::uint64_t seed = seedJson.get<std::uint64_t>();

    auto nodeIndex = [&](const std::string& nodeId, const std::string& where) {
        auto n = scenario.findNode(nodeId);
        if (!n) bad(where + " names node \"" + nodeId + "\", which the scenario does not have");
        return *n;
    };
    auto choiceIndex = [&](int node, const std::string& choiceId, const std::string& where) {
        const auto& choices = scenario.nodes[std::size_t(node)].choices;
        for (std::size_t i = 0; i < choices.size(); ++i)
            if (choices[i].id == choiceId) return int(i);
        bad(where + " names choice \"" + choiceId + "\", which node \"" +
            scenario.nodes[std::size_t(node)].id + "\" does not have");
    };

    Session s(scenario, clock, seed);
    const int current = nodeIndex(needString("current"), "\"current\"");

    const json& vars = need("variables");
    if (!vars.is_object()) bad("\"variables\" must be an object");
    for (const auto& [name, value] : vars.items())
        if (!scenario.findVariable(name))
            bad("\"variables\" has \"" + name + "\", which the scenario does not declare");
    for (std::size_t i = 0; i < scenario.variables.size(); ++i) {
        const Variable& v = scenario.variables[i];
        auto it = vars.find(v.id);
        if (it == vars.end()) bad("\"variables\" is missing \"" + v.id + "\"");
        if (v.type == ValueType::Boolean) {
            if (!it->is_boolean())
                bad("variable \"" + v.id + "\" is boolean; saved value is " + it->dump());
            s.vars_[i] = it->get<bool>() ? 1 : 0;
        } else {
            if (!it->is_number_integer() ||
                (it->is_number_unsigned() && it->get<std::uint64_t>() > std::uint64_t(INT64_MAX)))
                bad("variable \"" + v.id + "\" is an integer; saved value is " + it->dump());
            s.vars_[i] = it->get<std::int64_t>();
        }
    }
    for (const Meter& m : scenario.meters) {
        const auto v = s.vars_[std::size_t(m.variable)];
        if (v < m.min || v > m.max)
            bad("variable \"" + scenario.variables[std::size_t(m.variable)].id + "\" is " +
                std::to_string(v) + ", outside its meter's range " + std::to_string(m.min) + ".." +
                std::to_string(m.max));
    }

    const json& visited = need("visited");
    if (!visited.is_array()) bad("\"visited\" must be an array of node ids");
    s.visited_.clear();
    for (const json& v : visited) {
        if (!v.is_string()) bad("\"visited\" must hold node ids (strings); found " + v.dump());
        const auto n = std::size_t(nodeIndex(v.get<std::string>(), "\"visited\""));
        if (n >= s.visited_.size()) s.visited_.resize(n + 1, false);
        s.visited_[n] = true;
    }
    if (!s.visited(current))
        bad("the current node \"" + scenario.nodes[std::size_t(current)].id +
            "\" is not in \"visited\"");

    const json& once = need("onceTaken");
    if (!once.is_object()) bad("\"onceTaken\" must be an object of node id -> choice ids");
    s.onceTaken_.clear();
    for (const auto& [nodeId, ids] : once.items()) {
        const int n = nodeIndex(nodeId, "\"onceTaken\"");
        if (!ids.is_array()) bad("\"onceTaken\"/" + nodeId + " must be an array of choice ids");
        for (const json& c : ids) {
            if (!c.is_string()) bad("\"onceTaken\"/" + nodeId + " must hold choice ids (strings)");
            const int ci = choiceIndex(n, c.get<std::string>(), "\"onceTaken\"/" + nodeId);
            if (!scenario.nodes[std::size_t(n)].choices[std::size_t(ci)].once)
                bad("\"onceTaken\"/" + nodeId + " lists \"" + c.get<std::string>() +
                    "\", which is not a once-choice");
            s.onceTaken_.push_back(onceKey(n, ci));
        }
    }
    std::sort(s.onceTaken_.begin(), s.onceTaken_.end());
    s.onceTaken_.erase(std::unique(s.onceTaken_.begin(), s.onceTaken_.end()), s.onceTaken_.end());

    const json& inNode = need("timeInNodeMs");
    if (!inNode.is_number_integer() ||
        (!inNode.is_number_unsigned() && inNode.get<std::int64_t>() < 0))
        bad("\"timeInNodeMs\" must be a non-negative integer");
    const std::int64_t timeInNode = inNode.get<std::int64_t>();

    const json& transcriptJson = need("transcript");
    Transcript t;
    try {
        t = transcriptFromJson(transcriptJson);
    } catch (const SessionError& e) {
        bad(e.what());
    }
    if (t.scenarioId != scenario.id || t.contentHash != scenario.contentHash || t.seed != seed)
        bad("the transcript's scenario, content hash or seed differ from the session's");
    for (std::size_t i = 0; i < t.steps.size(); ++i) {
        const TranscriptStep& st = t.steps[i];
        const std::string where = "transcript step " + std::to_string(i + 1);
        const int n = nodeIndex(st.node, where);
        nodeIndex(st.next, where);
        for (const auto& c : st.choicesShown) choiceIndex(n, c, where);
    }
    const std::string& expectedHere =
        t.steps.empty() ? scenario.nodes[std::size_t(scenario.start)].id : t.steps.back().next;
    if (expectedHere != scenario.nodes[std::size_t(current)].id)
        bad("\"current\" is \"" + scenario.nodes[std::size_t(current)].id +
            "\" but the transcript leads to \"" + expectedHere + "\"");
    const bool ending = scenario.nodes[std::size_t(current)].isEnding();
    if (ending != !t.endingNode.empty())
        bad(ending ? "the transcript does not record the ending it reached"
                   : "the transcript records an ending but the session is not at one");
    s.transcript_ = std::move(t);

    s.current_ = current;
    s.lastError_.clear();
    s.refresh();
    // Time already spent in the node carries over, so a timed question does not get a fresh
    // countdown by saving and resuming.
    s.enteredAtMs_ = clock.nowMs() - timeInNode;
    return s;
}

}  // namespace rapport
