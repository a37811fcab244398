#include "core/diagnostics/diagnostic_codes.hpp"
#include "core/diagnostics/did_you_mean.hpp"
#include "core/framework/framework_reader.hpp"

namespace rapport::framework_detail {

void Loader::readCompetencies(const JsonValue& root, Framework& f) {
    const JsonValue* comps = r_.array(root, "", "competencies", true);
    if (!comps) return;
    if (comps->empty())
        r_.error(codes::OutOfRange, "/competencies", "a framework needs at least one competency");
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
                readIndicator((*inds)[ii], childPointer(childPointer(p, "indicators"), ii), comp,
                              index, f, seenInd);
        }
        readAnchors(c, p, comp, f);
        f.competencies.push_back(std::move(comp));
    }
}

void Loader::readIndicator(const JsonValue& j, const std::string& p, Competency& comp,
                           int compIndex, Framework& f,
                           std::unordered_map<std::string, std::string>& seen) {
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
            r_.error(codes::BadId, childPointer(p, "id"),
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
            r_.error(codes::BadValue, childPointer(p, "critical"),
                     "only a negative indicator can be critical (\"" + ind.id + "\" is positive)");
    }
    if (auto d = r_.string(j, p, "description", true)) ind.description = *d;
    if (ind.id.empty() || !claimId(seen, ind.id, childPointer(p, "id"), "indicator")) return;
    const int index = int(f.indicators.size());
    f.indicatorIndex.emplace(ind.id, index);
    comp.indicators.push_back(index);
    f.indicators.push_back(std::move(ind));
}

void Loader::readAnchors(const JsonValue& c, const std::string& p, Competency& comp,
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

}  // namespace rapport::framework_detail
