#include <set>

#include "core/diagnostics/diagnostic_codes.hpp"
#include "core/diagnostics/did_you_mean.hpp"
#include "core/scenario/scenario_loader_detail.hpp"
#include "core/source/utf8.hpp"
#include "core/translation/ui_format.hpp"
#include "core/translation/ui_text.hpp"

namespace rapport::scenario_loading {

// First pass: node ids, so references (next, onTimeout, start, visited()) can be resolved
// whatever order nodes come in.
void Loader::collectNodeIds(const JsonValue& nodes, Scenario& s) {
    s.nodes.resize(nodes.size());
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const auto& n = nodes[i];
        auto& node = s.nodes[i];
        node.pointer = childPointer("/nodes", i);
        if (!n.isObject()) continue;
        const JsonValue* id = n.find("id");
        if (!id || !id->isString()) continue;
        node.id = id->asString();
        if (!isValidNodeId(node.id)) continue;
        auto [pos, inserted] = s.nodeIndex.emplace(node.id, static_cast<int>(i));
        if (!inserted) {
            const auto first = r_.map().valuePosition(s.nodes[pos->second].pointer + "/id");
            r_.error(codes::DuplicateNode, node.pointer + "/id",
                     uiFormat(tr("node id \"{id}\" is already used by the node at line {line}"),
                              {{"id", node.id}, {"line", std::to_string(first.line)}}));
        }
    }
}

std::optional<int> Loader::resolveNode(const std::string& pointer, const std::string& id,
                                       const Scenario& s) {
    if (auto idx = s.findNode(id)) return idx;
    r_.error(codes::UnknownNode, pointer,
             uiFormat(tr("no node has the id \"{id}\""), {{"id", id}}) +
                 didYouMean(id, ScenarioSymbols(s).nodeIds()));
    return std::nullopt;
}

std::optional<Expression> Loader::compile(const JsonValue& value, const std::string& pointer,
                                          const Scenario& s, ValueType expected,
                                          std::string_view what) {
    if (value.isBoolean()) {
        if (expected != ValueType::Boolean) {
            r_.error(codes::ExprType, pointer,
                     std::string(what) + " must be an integer, not a boolean");
            return std::nullopt;
        }
        return constantExpression(value.asBool() ? 1 : 0, ValueType::Boolean);
    }
    if (value.isInteger()) {
        if (expected != ValueType::Integer) {
            r_.error(codes::ExprType, pointer,
                     std::string(what) + " must be a boolean, not an integer");
            return std::nullopt;
        }
        if (value.isBigInteger()) {
            r_.error(codes::OutOfRange, pointer, "integer too large");
            return std::nullopt;
        }
        return constantExpression(value.asInteger(), ValueType::Integer);
    }
    if (!value.isString()) {
        r_.error(codes::WrongType, pointer,
                 std::string(what) + " must be an expression string, not " + jsonKindName(value));
        return std::nullopt;
    }
    const std::string_view src = value.asString();
    ScenarioSymbols symbols(s);
    auto result = compileExpression(src, symbols, expected);
    for (const auto& e : result.errors)
        r_.errorInString(e.code.c_str(), pointer,
                         codePointCount(src.substr(0, std::min(e.offset, src.size()))), e.message);
    return result.expression;
}

void Loader::readNodes(const JsonValue& root, Scenario& s) {
    if (auto startId = r_.string(root, "", "start", true)) startId_ = *startId;
    const auto* nodes = r_.array(root, "", "nodes", true);
    if (!nodes) return;
    if (nodes->empty()) {
        r_.error(codes::EmptyText, "/nodes",
                 tr("\"nodes\" is empty: a scenario needs at least a start node and an ending"));
        return;
    }
    collectNodeIds(*nodes, s);
    collectComposeParts(*nodes, s);
    if (!startId_.empty()) {
        if (auto st = resolveNode("/start", startId_, s)) s.start = *st;
    }
    for (std::size_t i = 0; i < nodes->size(); ++i) readNode((*nodes)[i], s, static_cast<int>(i));
}

void Loader::readNode(const JsonValue& n, Scenario& s, int index) {
    Node& node = s.nodes[index];
    const std::string& p = node.pointer;
    if (!n.isObject()) {
        r_.error(
            codes::NotAnObject, p,
            uiFormat(tr("a node must be an object, not {kind}"), {{"kind", tr(jsonKindName(n))}}));
        return;
    }
    r_.checkKeys(n, p,
                 {"id", "speaker", "text", "variants", "tags", "timeLimit", "onTimeout", "choices",
                  "ending", "shuffle", "reveals", "compose"});
    if (auto id = r_.string(n, p, "id", true)) {
        if (!isValidNodeId(*id))
            r_.error(codes::BadId, p + "/id",
                     uiFormat(tr("node id \"{id}\" may hold only letters, digits, '_', '-', '.' "
                                 "and ':' (at most 128)"),
                              {{"id", *id}}));
    }
    readNodeSpeaker(n, s, node);
    if (auto t = r_.string(n, p, "text", true)) node.text = *t;
    readVariants(n, s, node);
    if (const auto* tags = r_.array(n, p, "tags", false)) {
        for (std::size_t i = 0; i < tags->size(); ++i) {
            const auto& t = (*tags)[i];
            if (!t.isString() || t.asString().empty())
                r_.error(codes::WrongType, childPointer(p + "/tags", i),
                         tr("a tag must be a non-empty string"));
            else
                node.tags.emplace_back(t.asString());
        }
    }
    if (auto shuffle = r_.boolean(n, p, "shuffle", false)) node.shuffle = *shuffle;
    node.reveals = readReveals(n, p, s);
    const bool hasCompose = n.contains("compose");
    const bool hasChoices = n.contains("choices");
    const bool hasEnding = n.contains("ending");
    auto limit = r_.number(n, p, "timeLimit", false, 0.0, 3600.0);
    auto onTimeout = r_.string(n, p, "onTimeout", false);
    if (n.contains("timeLimit") != n.contains("onTimeout")) {
        r_.error(codes::TimeoutPairing, p + (n.contains("timeLimit") ? "/timeLimit" : "/onTimeout"),
                 n.contains("timeLimit")
                     ? tr("a timed node needs \"onTimeout\": the node to go to when time runs "
                          "out")
                     : tr("\"onTimeout\" needs \"timeLimit\": how many seconds the trainee has"));
    } else if (n.contains("timeLimit") && hasEnding) {
        r_.error(codes::TimeoutPairing, p + "/timeLimit", tr("an ending cannot be timed"));
    } else if (limit && onTimeout) {
        if (auto t = resolveNode(p + "/onTimeout", *onTimeout, s)) {
            node.timeLimit = *limit;
            node.onTimeout = *t;
        }
    }
    if (hasCompose) {
        // A written reply: its parts are its decisions, and it goes on to "next".
        if (hasChoices || hasEnding)
            r_.errorAtKey(codes::ComposeShape, p + (hasChoices ? "/choices" : "/ending"),
                          uiFormat(tr("a \"compose\" node has no \"{key}\" of its own: each part "
                                      "lists its paragraph choices, and \"compose\" says where "
                                      "the conversation goes next"),
                                   {{"key", hasChoices ? "choices" : "ending"}}));
        else
            readCompose(n, s, index);
        return;
    }
    if (hasChoices && hasEnding) {
        r_.errorAtKey(codes::ChoicesAndEnding, p + "/ending",
                      tr("a node has either \"choices\" or an \"ending\", not both"));
    } else if (!hasChoices && !hasEnding) {
        r_.error(codes::NoChoicesNoEnding, p,
                 uiFormat(tr("node \"{id}\" has neither \"choices\", an \"ending\" nor "
                             "\"compose\": the conversation would stop here"),
                          {{"id", node.id}}));
    }
    if (hasEnding) readEnding(n, node);
    if (hasChoices && !hasEnding) readChoices(n, node.pointer, s, node);
}

void Loader::readVariants(const JsonValue& n, const Scenario& s, Node& node) {
    const auto* variants = r_.array(n, node.pointer, "variants", false);
    if (!variants) return;
    for (std::size_t i = 0; i < variants->size(); ++i) {
        const auto& v = (*variants)[i];
        const std::string p = childPointer(node.pointer + "/variants", i);
        if (!v.isObject()) {
            r_.error(codes::NotAnObject, p,
                     uiFormat(tr("a variant must be {\"if\": …, \"text\": …}, not {kind}"),
                              {{"kind", tr(jsonKindName(v))}}));
            continue;
        }
        r_.checkKeys(v, p, {"if", "text"});
        auto text = r_.string(v, p, "text", true);
        const auto* cond = r_.member(v, p, "if", true);
        std::optional<Expression> e;
        if (cond) e = compile(*cond, p + "/if", s, ValueType::Boolean, "a variant's \"if\"");
        if (text && e) node.variants.push_back({std::move(*e), *text});
    }
}

void Loader::readEnding(const JsonValue& n, Node& node) {
    const std::string p = node.pointer + "/ending";
    const auto* e = r_.object(n, node.pointer, "ending", true);
    if (!e) return;
    r_.checkKeys(*e, p, {"outcome", "title", "summary"});
    Ending ending;
    if (auto o = r_.string(*e, p, "outcome", true)) {
        if (auto parsed = parseOutcome(*o))
            ending.outcome = *parsed;
        else
            r_.error(codes::BadValue, p + "/outcome",
                     uiFormat(tr("outcome must be \"won\", \"partial\", \"lost\" or "
                                 "\"escalated\", not \"{outcome}\""),
                              {{"outcome", *o}}) +
                         didYouMean(*o, {"won", "partial", "lost", "escalated"}));
    }
    if (auto t = r_.string(*e, p, "title", true)) ending.title = *t;
    if (auto t = r_.string(*e, p, "summary", true)) ending.summary = *t;
    node.ending = std::move(ending);
}

void Loader::readChoices(const JsonValue& holder, const std::string& holderPointer,
                         const Scenario& s, Node& node, int fixedNext) {
    const auto* choices = r_.array(holder, holderPointer, "choices", true);
    if (!choices) return;
    if (choices->empty()) {
        r_.error(codes::NoChoicesNoEnding, holderPointer + "/choices",
                 tr("\"choices\" is empty: give the trainee at least one thing to say, or make "
                    "this an ending"));
        return;
    }
    std::set<std::string> ids;
    // Explicit ids first, so generated ones never collide with them.
    for (const auto& c : *choices)
        if (const JsonValue* id = c.find("id"); id && id->isString()) ids.emplace(id->asString());
    std::set<std::string> seen;
    for (std::size_t i = 0; i < choices->size(); ++i) {
        const auto& c = (*choices)[i];
        const std::string p = childPointer(holderPointer + "/choices", i);
        if (!c.isObject()) {
            r_.error(codes::NotAnObject, p,
                     uiFormat(tr("a choice must be an object, not {kind}"),
                              {{"kind", tr(jsonKindName(c))}}));
            continue;
        }
        if (fixedNext >= 0)
            // A paragraph of a written reply: the parts follow one another, each taken once.
            r_.checkKeys(c, p, {"id", "text", "if", "set", "feedback", "evidence", "reveals"});
        else
            r_.checkKeys(
                c, p,
                {"id", "text", "next", "if", "once", "set", "feedback", "evidence", "reveals"});
        Choice choice;
        choice.pointer = p;
        if (auto id = r_.string(c, p, "id", false)) {
            if (!isValidNodeId(*id))
                r_.error(codes::BadId, p + "/id",
                         uiFormat(tr("choice id \"{id}\" may hold only letters, digits, '_', "
                                     "'-', '.' and ':'"),
                                  {{"id", *id}}));
            if (!seen.insert(*id).second)
                r_.error(codes::DuplicateChoice, p + "/id",
                         uiFormat(tr("node \"{node}\" already has a choice with the id \"{id}\""),
                                  {{"node", node.id}, {"id", *id}}));
            choice.id = *id;
        } else if (!c.contains("id")) {
            // Generated ids follow the position; give explicit ids to keep transcripts stable
            // when choices are reordered.
            std::string gen = "c" + std::to_string(i + 1);
            while (ids.count(gen)) gen += "_";
            ids.insert(gen);
            choice.id = gen;
            choice.generatedId = true;
        }
        if (auto t = r_.string(c, p, "text", true)) choice.text = *t;
        bool ok = true;
        if (fixedNext >= 0) {
            choice.next = fixedNext;
        } else if (auto next = r_.string(c, p, "next", true)) {
            if (auto idx = resolveNode(p + "/next", *next, s))
                choice.next = *idx;
            else
                ok = false;
        } else {
            ok = false;
        }
        if (const auto* cond = r_.member(c, p, "if", false)) {
            choice.condition =
                compile(*cond, p + "/if", s, ValueType::Boolean, "a choice's \"if\"");
            if (!choice.condition) ok = false;
        }
        if (fixedNext < 0)
            if (auto once = r_.boolean(c, p, "once", false)) choice.once = *once;
        choice.reveals = readReveals(c, p, s);
        if (auto fb = r_.string(c, p, "feedback", false)) choice.feedback = *fb;
        if (!readSet(c, s, p, choice)) ok = false;
        readEvidence(c, p, choice);
        if (ok) node.choices.push_back(std::move(choice));
    }
}

bool Loader::readSet(const JsonValue& c, const Scenario& s, const std::string& p, Choice& choice) {
    const auto* set = r_.object(c, p, "set", false);
    if (!set) return !c.contains("set");
    bool ok = true;
    for (const JsonValue* member : set->sortedMembers()) {
        const std::string name(member->key());
        const JsonValue& value = *member;
        const std::string vp = childPointer(p + "/set", name);
        auto idx = s.findVariable(name);
        if (!idx) {
            r_.errorAtKey(codes::SetUndeclared, vp,
                          uiFormat(tr("\"set\" assigns \"{variable}\", which is not declared in "
                                      "\"variables\""),
                                   {{"variable", name}}) +
                              didYouMean(name, ScenarioSymbols(s).variableNames()));
            ok = false;
            continue;
        }
        auto e = compile(value, vp, s, s.variables[*idx].type, "the value of \"" + name + "\"");
        if (!e) {
            ok = false;
            continue;
        }
        choice.set.push_back({*idx, std::move(*e)});
    }
    return ok;
}

void Loader::readEvidence(const JsonValue& c, const std::string& p, Choice& choice) {
    const auto* ev = r_.array(c, p, "evidence", false);
    if (!ev) return;
    for (std::size_t i = 0; i < ev->size(); ++i) {
        const auto& e = (*ev)[i];
        const std::string ep = childPointer(p + "/evidence", i);
        if (!e.isObject()) {
            r_.error(codes::NotAnObject, ep,
                     uiFormat(tr("evidence must be {\"indicator\": …}, not {kind}"),
                              {{"kind", tr(jsonKindName(e))}}));
            continue;
        }
        r_.checkKeys(e, ep, {"indicator", "points", "note"});
        Evidence item;
        auto ind = r_.string(e, ep, "indicator", true);
        auto pts = r_.integer(e, ep, "points", false, -100, 100);
        auto note = r_.string(e, ep, "note", false);
        if (!ind) continue;
        item.indicator = *ind;
        if (pts) item.points = static_cast<int>(*pts);
        if (note) item.note = *note;
        choice.evidence.push_back(std::move(item));
    }
}

}  // namespace rapport::scenario_loading
