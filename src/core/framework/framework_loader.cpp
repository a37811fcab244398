#include "core/framework/framework_loader.hpp"

#include <cmath>

#include "core/diagnostics/diagnostic_codes.hpp"
#include "core/diagnostics/did_you_mean.hpp"
#include "core/source/json_reader.hpp"
#include "core/source/sha256.hpp"

namespace rapport {

namespace {

// Competency, level, group and rule ids: lowercase snake_case, so indicator ids
// ("<competency>.<behaviour>") stay unambiguous and usable in URLs and xAPI IRIs.
bool isSnakeId(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    if (!(id[0] >= 'a' && id[0] <= 'z')) return false;
    for (char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    return true;
}

bool isFrameworkSlug(std::string_view id) {
    if (id.empty() || id.size() > 128) return false;
    if (!((id[0] >= 'a' && id[0] <= 'z') || (id[0] >= '0' && id[0] <= '9'))) return false;
    for (char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.'))
            return false;
    return true;
}

std::string fmtNumber(double x) {
    if (x == std::floor(x) && std::fabs(x) < 1e15) return std::to_string(static_cast<long long>(x));
    std::string s = std::to_string(x);
    s.erase(s.find_last_not_of('0') + 1);
    return s;
}

// Bits a rule's state needs when packed into one 64-bit word (see behaviour_rules.hpp).
int ruleStateBits(const BehaviourRule& r) { return r.kind == RuleKind::Order ? 2 : r.within; }

class Loader {
public:
    Loader(JsonDocument& doc, const std::string& name, FrameworkLoadResult& result)
        : doc_(doc), r_(name, doc.map, result.diagnostics), result_(result) {}

    void run() {
        Framework f;
        f.sourcePath = r_.file();
        f.contentHash = sha256Hex(*doc_.text);
        const JsonValue& root = doc_.root();
        if (!root.isObject()) {
            r_.error(codes::NotAnObject, "",
                     std::string("a framework file must hold one JSON object, not ") +
                         jsonKindName(root));
            return;
        }
        for (const auto& p : doc_.duplicateKeys)
            r_.errorAtKey(codes::DuplicateKey, p,
                          "this key appears twice in the same object; only the last would count");
        if (!readFormat(root)) return;
        r_.checkKeys(root, "",
                     {"format", "id", "version", "name", "language", "description", "levels",
                      "timeoutIndicator", "competencies", "groups", "rules"});
        if (auto id = r_.string(root, "", "id", true)) {
            if (!isFrameworkSlug(*id))
                r_.error(codes::BadId, "/id",
                         "framework id \"" + *id +
                             "\" must be lowercase letters, digits, '.', '_' or '-'");
            f.id = *id;
        }
        if (auto v = r_.string(root, "", "version", true)) f.version = *v;
        if (auto v = r_.string(root, "", "name", true)) f.name = *v;
        if (auto v = r_.string(root, "", "language", false)) f.language = *v;
        if (auto v = r_.string(root, "", "description", false, true)) f.description = *v;
        readLevels(root, f);
        readCompetencies(root, f);
        readGroups(root, f);
        readRules(root, f);
        if (const auto* t = r_.member(root, "", "timeoutIndicator", false)) {
            if (auto i = indicatorRef(f, *t, "/timeoutIndicator", "\"timeoutIndicator\"")) {
                if (f.indicators[std::size_t(*i)].polarity != Polarity::Negative)
                    r_.error(codes::PointsSign, "/timeoutIndicator",
                             "the timeout indicator \"" + f.indicators[std::size_t(*i)].id +
                                 "\" must be a negative indicator: running out of time is evidence "
                                 "against");
                f.timeoutIndicator = *i;
            }
        }
        f.sourceMap = doc_.map;
        if (!result_.diagnostics.hasErrors()) result_.framework = std::move(f);
    }

private:
    bool readFormat(const JsonValue& root) {
        const auto* f = r_.member(root, "", "format", false);
        if (!f) {
            r_.error(
                codes::WrongFormat, "",
                std::string("missing \"format\": a framework file starts with \"format\": \"") +
                    kFrameworkFormat + "\"");
            return false;
        }
        if (!f->isString() || f->asString() != kFrameworkFormat) {
            r_.error(codes::WrongFormat, "/format",
                     std::string("unsupported format ") +
                         (f->isString() ? "\"" + std::string(f->asString()) + "\""
                                        : std::string(jsonKindName(*f))) +
                         "; this version of Rapport reads \"" + kFrameworkFormat + "\"");
            return false;
        }
        return true;
    }

    std::optional<double> percent(const JsonValue& obj, const std::string& pointer,
                                  const char* key) {
        const auto* v = r_.member(obj, pointer, key, true);
        if (!v) return std::nullopt;
        const std::string p = childPointer(pointer, key);
        if (!v->isNumber()) {
            r_.error(codes::WrongType, p,
                     std::string("\"") + key + "\" must be a number, not " + jsonKindName(*v));
            return std::nullopt;
        }
        const double d = v->asNumber();
        if (!std::isfinite(d) || d < 0 || d > 100) {
            r_.error(codes::OutOfRange, p,
                     std::string("\"") + key + "\" must be between 0 and 100");
            return std::nullopt;
        }
        return d;
    }

    // First occurrence of an id within one kind of thing, for "already defined at line N".
    bool claimId(std::unordered_map<std::string, std::string>& seen, const std::string& id,
                 const std::string& pointer, const char* what) {
        auto [it, fresh] = seen.emplace(id, pointer);
        if (fresh) return true;
        const int line = doc_.map.valuePosition(it->second).line;
        r_.error(codes::DuplicateFrameworkId, pointer,
                 std::string("duplicate ") + what + " id \"" + id + "\" (first defined at line " +
                     std::to_string(line) + ")");
        return false;
    }

    void readLevels(const JsonValue& root, Framework& f) {
        const JsonValue* levels = r_.array(root, "", "levels", true);
        if (!levels) return;
        if (levels->size() < 2 || levels->size() > 10) {
            r_.error(codes::OutOfRange, "/levels",
                     "a framework needs 2 to 10 levels, not " + std::to_string(levels->size()));
            if (levels->size() < 1) return;
        }
        std::unordered_map<std::string, std::string> seen;
        bool rangesOk = true;
        for (std::size_t i = 0; i < levels->size(); ++i) {
            const JsonValue& l = (*levels)[i];
            const std::string p = childPointer("/levels", i);
            if (!l.isObject()) {
                r_.error(codes::NotAnObject, p,
                         std::string("a level must be an object, not ") + jsonKindName(l));
                rangesOk = false;
                continue;
            }
            r_.checkKeys(l, p, {"id", "name", "min", "max", "description"});
            Level level;
            if (auto id = r_.string(l, p, "id", true)) {
                if (!isSnakeId(*id))
                    r_.error(
                        codes::BadId, childPointer(p, "id"),
                        "level id \"" + *id +
                            "\" must be lowercase letters, digits and '_', starting with a letter");
                claimId(seen, *id, childPointer(p, "id"), "level");
                level.id = *id;
            }
            if (auto v = r_.string(l, p, "name", true)) level.name = *v;
            if (auto v = r_.string(l, p, "description", false, true)) level.description = *v;
            auto mn = percent(l, p, "min");
            auto mx = percent(l, p, "max");
            if (!mn || !mx) {
                rangesOk = false;
            } else {
                level.min = *mn;
                level.max = *mx;
                if (level.min >= level.max) {
                    r_.error(codes::LevelRanges, childPointer(p, "max"),
                             "level \"" + level.id + "\" has an empty range: max " +
                                 fmtNumber(level.max) + " must be above min " +
                                 fmtNumber(level.min));
                    rangesOk = false;
                }
            }
            f.levels.push_back(std::move(level));
        }
        if (!rangesOk || f.levels.empty()) return;
        // Levels are listed lowest first and must tile 0-100: each starts where the previous ends.
        if (f.levels.front().min != 0)
            r_.error(codes::LevelRanges, "/levels/0/min",
                     "the lowest level \"" + f.levels.front().id + "\" must start at 0, not " +
                         fmtNumber(f.levels.front().min) + ": lower scores would have no level");
        for (std::size_t i = 1; i < f.levels.size(); ++i) {
            const Level& prev = f.levels[i - 1];
            const Level& cur = f.levels[i];
            const std::string p = childPointer(childPointer("/levels", i), "min");
            if (cur.min < prev.max)
                r_.error(codes::LevelRanges, p,
                         "level \"" + cur.id + "\" starts at " + fmtNumber(cur.min) +
                             " but level \"" + prev.id + "\" runs to " + fmtNumber(prev.max) +
                             ": the ranges overlap");
            else if (cur.min > prev.max)
                r_.error(codes::LevelRanges, p,
                         "level \"" + cur.id + "\" starts at " + fmtNumber(cur.min) +
                             " but level \"" + prev.id + "\" ends at " + fmtNumber(prev.max) +
                             ": scores from " + fmtNumber(prev.max) + " to " + fmtNumber(cur.min) +
                             " would have no level");
        }
        if (f.levels.back().max != 100)
            r_.error(codes::LevelRanges,
                     childPointer(childPointer("/levels", f.levels.size() - 1), "max"),
                     "the highest level \"" + f.levels.back().id + "\" must end at 100, not " +
                         fmtNumber(f.levels.back().max));
    }

    void readCompetencies(const JsonValue& root, Framework& f) {
        const JsonValue* comps = r_.array(root, "", "competencies", true);
        if (!comps) return;
        if (comps->empty())
            r_.error(codes::OutOfRange, "/competencies",
                     "a framework needs at least one competency");
        std::unordered_map<std::string, std::string> seenComp, seenInd;
        for (std::size_t ci = 0; ci < comps->size(); ++ci) {
            const JsonValue& c = (*comps)[ci];
            const std::string p = childPointer("/competencies", ci);
            if (!c.isObject()) {
                r_.error(codes::NotAnObject, p,
                         std::string("a competency must be an object, not ") + jsonKindName(c));
                continue;
            }
            r_.checkKeys(c, p, {"id", "name", "description", "weight", "indicators", "anchors"});
            Competency comp;
            if (auto id = r_.string(c, p, "id", true)) {
                if (!isSnakeId(*id))
                    r_.error(
                        codes::BadId, childPointer(p, "id"),
                        "competency id \"" + *id +
                            "\" must be lowercase letters, digits and '_', starting with a letter");
                comp.id = *id;
            }
            if (auto v = r_.string(c, p, "name", true)) comp.name = *v;
            if (auto v = r_.string(c, p, "description", true)) comp.description = *v;
            if (auto w = r_.integer(c, p, "weight", true, 1, 10)) comp.weight = int(*w);
            const int index = int(f.competencies.size());
            const bool fresh =
                comp.id.empty() || claimId(seenComp, comp.id, childPointer(p, "id"), "competency");
            if (fresh && !comp.id.empty()) f.competencyIndex.emplace(comp.id, index);
            if (const JsonValue* inds = r_.array(c, p, "indicators", true)) {
                if (inds->empty())
                    r_.error(codes::OutOfRange, childPointer(p, "indicators"),
                             "competency \"" + comp.id + "\" needs at least one indicator");
                for (std::size_t ii = 0; ii < inds->size(); ++ii)
                    readIndicator((*inds)[ii], childPointer(childPointer(p, "indicators"), ii),
                                  comp, index, f, seenInd);
            }
            readAnchors(c, p, comp, f);
            f.competencies.push_back(std::move(comp));
        }
    }

    void readIndicator(const JsonValue& j, const std::string& p, Competency& comp, int compIndex,
                       Framework& f, std::unordered_map<std::string, std::string>& seen) {
        if (!j.isObject()) {
            r_.error(codes::NotAnObject, p,
                     std::string("an indicator must be an object, not ") + jsonKindName(j));
            return;
        }
        r_.checkKeys(j, p, {"id", "polarity", "points", "critical", "description"});
        Indicator ind;
        ind.competency = compIndex;
        if (auto id = r_.string(j, p, "id", true)) {
            ind.id = *id;
            const std::string prefix = comp.id + ".";
            const bool prefixed = !comp.id.empty() && id->rfind(prefix, 0) == 0;
            if (!prefixed || !isSnakeId(std::string_view(*id).substr(prefix.size())))
                r_.error(
                    codes::BadId, childPointer(p, "id"),
                    "indicator id \"" + *id + "\" must be \"" + comp.id +
                        ".<behaviour>\": its competency's id, a dot, and a snake_case behaviour");
        }
        if (auto pol = r_.string(j, p, "polarity", true)) {
            if (*pol == "positive")
                ind.polarity = Polarity::Positive;
            else if (*pol == "negative")
                ind.polarity = Polarity::Negative;
            else
                r_.error(codes::BadValue, childPointer(p, "polarity"),
                         "polarity must be \"positive\" or \"negative\", not \"" + *pol + "\"");
        }
        if (auto pts = r_.integer(j, p, "points", true, -10, 10)) {
            ind.points = int(*pts);
            if (ind.polarity == Polarity::Positive && ind.points <= 0)
                r_.error(codes::PointsSign, childPointer(p, "points"),
                         "positive indicator \"" + ind.id + "\" must have points above 0, not " +
                             std::to_string(ind.points));
            else if (ind.polarity == Polarity::Negative && ind.points >= 0)
                r_.error(codes::PointsSign, childPointer(p, "points"),
                         "negative indicator \"" + ind.id + "\" must have points below 0, not " +
                             std::to_string(ind.points));
        }
        if (auto crit = r_.boolean(j, p, "critical", false)) {
            ind.critical = *crit;
            if (ind.critical && ind.polarity == Polarity::Positive)
                r_.error(
                    codes::BadValue, childPointer(p, "critical"),
                    "only a negative indicator can be critical (\"" + ind.id + "\" is positive)");
        }
        if (auto d = r_.string(j, p, "description", true)) ind.description = *d;
        if (ind.id.empty() || !claimId(seen, ind.id, childPointer(p, "id"), "indicator")) return;
        const int index = int(f.indicators.size());
        f.indicatorIndex.emplace(ind.id, index);
        comp.indicators.push_back(index);
        f.indicators.push_back(std::move(ind));
    }

    void readAnchors(const JsonValue& c, const std::string& p, Competency& comp,
                     const Framework& f) {
        const JsonValue* anchors = r_.object(c, p, "anchors", true);
        if (!anchors) return;
        const std::string ap = childPointer(p, "anchors");
        std::vector<std::string> levelIds;
        for (const auto& l : f.levels) levelIds.push_back(l.id);
        for (const JsonValue* member : anchors->sortedMembers()) {
            const std::string key(member->key());
            if (key.rfind("x-", 0) == 0) continue;
            bool known = false;
            for (const auto& id : levelIds) known = known || id == key;
            if (!known)
                r_.errorAtKey(
                    codes::UnknownKey, childPointer(ap, key),
                    "\"" + key + "\" is not a level of this framework" + didYouMean(key, levelIds));
        }
        for (const auto& l : f.levels) {
            if (l.id.empty()) {
                comp.anchors.emplace_back();
                continue;
            }
            auto text = r_.string(*anchors, ap, l.id, true);
            comp.anchors.push_back(text.value_or(""));
        }
    }

    std::optional<int> indicatorRef(const Framework& f, const JsonValue& v, const std::string& p,
                                    const std::string& where) {
        if (!v.isString()) {
            r_.error(
                codes::WrongType, p,
                where + " must be an indicator id string, not " + std::string(jsonKindName(v)));
            return std::nullopt;
        }
        const std::string id(v.asString());
        if (auto i = f.findIndicator(id)) return i;
        r_.error(
            codes::FrameworkUnknownIndicator, p,
            where + " names unknown indicator \"" + id + "\"" + didYouMean(id, f.indicatorIds()));
        return std::nullopt;
    }

    void readGroups(const JsonValue& root, Framework& f) {
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

    std::optional<int> groupRef(const Framework& f, const JsonValue& rule, const std::string& p,
                                const char* key, const std::string& ruleId) {
        auto name = r_.string(rule, p, key, true);
        if (!name) return std::nullopt;
        if (auto g = f.findGroup(*name)) return g;
        std::vector<std::string> ids;
        for (const auto& g : f.groups) ids.push_back(g.id);
        r_.error(codes::UnknownGroup, childPointer(p, key),
                 "rule \"" + ruleId + "\" names unknown group \"" + *name + "\"" +
                     didYouMean(*name, ids));
        return std::nullopt;
    }

    void readRules(const JsonValue& root, Framework& f) {
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
                r_.checkKeys(
                    j, p,
                    {"id", "kind", "trigger", "expect", "within", "violation", "description"});
                if (auto t = r_.string(j, p, "trigger", true)) rule.trigger = *t;
                rule.expect = groupRef(f, j, p, "expect", rule.id).value_or(-1);
                if (auto w = r_.integer(j, p, "within", true, 1, kMaxResponseWindow))
                    rule.within = int(*w);
            } else {
                r_.error(codes::BadValue, childPointer(p, "kind"),
                         "rule kind must be \"order\" or \"response\", not \"" + *kind + "\"" +
                             didYouMean(*kind, {"order", "response"}));
                continue;
            }
            if (const auto* v = r_.member(j, p, "violation", true)) {
                if (auto ind = indicatorRef(f, *v, childPointer(p, "violation"),
                                            "rule \"" + rule.id + "\"")) {
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

    JsonDocument& doc_;
    JsonReader r_;
    FrameworkLoadResult& result_;
};

FrameworkLoadResult load(std::optional<JsonDocument> doc, const std::string& name,
                         FrameworkLoadResult result) {
    if (!doc) return result;
    Loader(*doc, name, result).run();
    result.diagnostics.sortByPosition();
    return result;
}

}  // namespace

FrameworkLoadResult loadFrameworkFile(const std::string& path) {
    FrameworkLoadResult result;
    auto doc = readJsonFile(path, result.diagnostics);
    return load(std::move(doc), path, std::move(result));
}

FrameworkLoadResult loadFrameworkText(std::string text, const std::string& name) {
    FrameworkLoadResult result;
    auto doc = parseJsonText(std::move(text), name, result.diagnostics);
    return load(std::move(doc), name, std::move(result));
}

}  // namespace rapport
