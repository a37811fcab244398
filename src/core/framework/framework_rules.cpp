#include "core/diagnostics/diagnostic_codes.hpp"
#include "core/diagnostics/did_you_mean.hpp"
#include "core/framework/framework_reader.hpp"

namespace rapport::framework_detail {

namespace {

// Bits a rule's state needs when packed into one 64-bit word (see behaviour_rules.hpp).
int ruleStateBits(const BehaviourRule& r) {
    switch (r.kind) {
        case RuleKind::Order:
            return 2;
        case RuleKind::Response:
            return r.within;
        case RuleKind::Authority:
        case RuleKind::Concession:
            return 0;  // judged from one step's deal state alone
    }
    return 0;
}

}  // namespace

std::optional<int> Loader::indicatorRef(const Framework& f, const JsonValue& v,
                                        const std::string& p, const std::string& where) {
    if (!v.isString()) {
        r_.error(codes::WrongType, p,
                 where + " must be an indicator id string, not " + std::string(jsonKindName(v)));
        return std::nullopt;
    }
    const std::string id(v.asString());
    if (auto i = f.findIndicator(id)) return i;
    r_.error(codes::FrameworkUnknownIndicator, p,
             where + " names unknown indicator \"" + id + "\"" + didYouMean(id, f.indicatorIds()));
    return std::nullopt;
}

void Loader::readGroups(const JsonValue& root, Framework& f) {
    const JsonValue* groups = r_.object(root, "", "groups", false);
    if (!groups) return;
    for (const JsonValue* member : groups->sortedMembers()) {
        const std::string key(member->key());
        const JsonValue& value = *member;
        if (key.rfind("x-", 0) == 0) continue;
        const std::string p = childPointer("/groups", key);
        if (!isSnakeId(key))
            r_.errorAtKey(
                codes::BadId, p,
                "group id \"" + key +
                    "\" must be lowercase letters, digits and '_', starting with a letter");
        IndicatorGroup g;
        g.id = key;
        if (!value.isArray()) {
            r_.error(codes::WrongType, p,
                     "group \"" + key + "\" must be an array of indicator ids, not " +
                         std::string(jsonKindName(value)));
        } else {
            if (value.empty())
                r_.error(codes::OutOfRange, p,
                         "group \"" + key + "\" must name at least one indicator");
            for (std::size_t i = 0; i < value.size(); ++i)
                if (auto ind =
                        indicatorRef(f, value[i], childPointer(p, i), "group \"" + key + "\""))
                    g.indicators.push_back(*ind);
        }
        f.groupIndex.emplace(g.id, int(f.groups.size()));
        f.groups.push_back(std::move(g));
    }
}

std::optional<int> Loader::groupRef(const Framework& f, const JsonValue& rule, const std::string& p,
                                    const char* key, const std::string& ruleId) {
    auto name = r_.string(rule, p, key, true);
    if (!name) return std::nullopt;
    if (auto g = f.findGroup(*name)) return g;
    std::vector<std::string> ids;
    for (const auto& g : f.groups) ids.push_back(g.id);
    r_.error(
        codes::UnknownGroup, childPointer(p, key),
        "rule \"" + ruleId + "\" names unknown group \"" + *name + "\"" + didYouMean(*name, ids));
    return std::nullopt;
}

void Loader::readRules(const JsonValue& root, Framework& f) {
    const JsonValue* rules = r_.array(root, "", "rules", false);
    if (!rules) return;
    std::unordered_map<std::string, std::string> seen;
    int bits = 0;
    for (std::size_t i = 0; i < rules->size(); ++i) {
        const JsonValue& j = (*rules)[i];
        const std::string p = childPointer("/rules", i);
        if (!j.isObject()) {
            r_.error(codes::NotAnObject, p,
                     std::string("a rule must be an object, not ") + jsonKindName(j));
            continue;
        }
        BehaviourRule rule;
        if (auto id = r_.string(j, p, "id", true)) {
            if (!isSnakeId(*id))
                r_.error(
                    codes::BadId, childPointer(p, "id"),
                    "rule id \"" + *id +
                        "\" must be lowercase letters, digits and '_', starting with a letter");
            claimId(seen, *id, childPointer(p, "id"), "rule");
            rule.id = *id;
        }
        auto kind = r_.string(j, p, "kind", true);
        if (!kind) continue;
        if (*kind == "order") {
            rule.kind = RuleKind::Order;
            r_.checkKeys(j, p, {"id", "kind", "first", "then", "violation", "description"});
            rule.first = groupRef(f, j, p, "first", rule.id).value_or(-1);
            rule.then = groupRef(f, j, p, "then", rule.id).value_or(-1);
        } else if (*kind == "response") {
            rule.kind = RuleKind::Response;
            r_.checkKeys(j, p,
                         {"id", "kind", "trigger", "expect", "within", "violation", "description"});
            if (auto t = r_.string(j, p, "trigger", true)) rule.trigger = *t;
            rule.expect = groupRef(f, j, p, "expect", rule.id).value_or(-1);
            if (auto w = r_.integer(j, p, "within", true, 1, kMaxResponseWindow))
                rule.within = int(*w);
        } else if (*kind == "authority" || *kind == "concession") {
            rule.kind = *kind == "authority" ? RuleKind::Authority : RuleKind::Concession;
            r_.checkKeys(j, p, {"id", "kind", "violation", "description"});
        } else {
            r_.error(codes::BadValue, childPointer(p, "kind"),
                     "rule kind must be \"order\", \"response\", \"authority\" or "
                     "\"concession\", not \"" +
                         *kind + "\"" +
                         didYouMean(*kind, {"order", "response", "authority", "concession"}));
            continue;
        }
        if (const auto* v = r_.member(j, p, "violation", true)) {
            if (auto ind =
                    indicatorRef(f, *v, childPointer(p, "violation"), "rule \"" + rule.id + "\"")) {
                if (f.indicators[std::size_t(*ind)].polarity != Polarity::Negative)
                    r_.error(codes::PointsSign, childPointer(p, "violation"),
                             "rule \"" + rule.id +
                                 "\" must score a negative indicator when violated, not \"" +
                                 f.indicators[std::size_t(*ind)].id + "\"");
                rule.violation = *ind;
            }
        }
        if (auto d = r_.string(j, p, "description", false, true)) rule.description = *d;
        bits += ruleStateBits(rule);
        if (bits > 64) {
            r_.error(codes::OutOfRange, p,
                     "too many rules: their states must fit 64 bits (an order rule takes 2, "
                     "a response rule its \"within\")");
            bits = -1000;  // report once
        }
        f.rules.push_back(std::move(rule));
    }
}

}  // namespace rapport::framework_detail
