#include "core/scoring/score_report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "core/framework/framework.hpp"
#include "core/text/number_format.hpp"
#include "core/translation/ui_format.hpp"
#include "core/translation/ui_text.hpp"
#include "core/translation/ui_text_in.hpp"

namespace rapport {

namespace {

using nlohmann::json;

json evidenceJson(const EvidenceItem& e) {
    json j = {{"step", e.step},
              {"line", e.line},
              {"indicator", e.indicator},
              {"points", e.points},
              {"source", e.source}};
    if (!e.rule.empty()) j["rule"] = e.rule;
    if (!e.note.empty()) j["note"] = e.note;
    return j;
}

json remarksJson(const std::vector<Remark>& rs) {
    json out = json::array();
    for (const auto& r : rs)
        out.push_back({{"competency", r.competency.empty() ? json(nullptr) : json(r.competency)},
                       {"text", r.text}});
    return out;
}

std::string pad(std::string s, std::size_t width) {
    // Width in terminal columns, so Cyrillic names line up and Japanese ones (two columns a
    // character) do too; a name wider than its column still keeps one space before the next.
    std::size_t cols = 0;
    for (std::size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        const std::size_t len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        char32_t cp = b;
        if (len == 3 && i + 2 < s.size())
            cp = char32_t(b & 0x0F) << 12 | char32_t(s[i + 1] & 0x3F) << 6 |
                 char32_t(s[i + 2] & 0x3F);
        const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                          (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                          (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                          (cp >= 0xFFE0 && cp <= 0xFFE6);
        cols += wide ? 2 : 1;
        i += len;
    }
    s.append(cols < width ? width - cols : 1, ' ');
    return s;
}

// Lenient readers for compareReports: a report from another version may lack any field.
std::optional<double> num(const json& j, const char* key) {
    if (!j.is_object()) return std::nullopt;
    auto it = j.find(key);
    if (it == j.end() || !it->is_number()) return std::nullopt;
    return it->get<double>();
}
std::optional<bool> flag(const json& j, const char* key) {
    if (!j.is_object()) return std::nullopt;
    auto it = j.find(key);
    if (it == j.end() || !it->is_boolean()) return std::nullopt;
    return it->get<bool>();
}
std::string str(const json& j, const char* key) {
    if (!j.is_object()) return {};
    auto it = j.find(key);
    if (it == j.end() || !it->is_string()) return {};
    return it->get<std::string>();
}
const json& sub(const json& j, const char* key) {
    static const json empty = json::object();
    if (!j.is_object()) return empty;
    auto it = j.find(key);
    return it == j.end() ? empty : *it;
}
}  // namespace

json reportToJson(const ScoreReport& r) {
    json comps = json::array();
    for (const auto& c : r.competencies) {
        json ev = json::array();
        for (const auto& e : c.evidence) ev.push_back(evidenceJson(e));
        comps.push_back({{"id", c.id},
                         {"name", c.name},
                         {"weight", c.weight},
                         {"primary", c.primary},
                         {"assessed", c.assessed},
                         {"rated", c.rated},
                         {"score", c.score ? json(*c.score) : json(nullptr)},
                         {"earned", c.earned},
                         {"available", c.available},
                         {"opportunities", c.opportunities},
                         {"confidence", c.assessed ? json(c.confidence) : json(nullptr)},
                         {"level", c.rated ? json(c.levelName) : json(nullptr)},
                         {"levelId", c.rated ? json(c.levelId) : json(nullptr)},
                         {"critical", c.critical},
                         {"anchor", c.rated ? json(c.anchor) : json(nullptr)},
                         {"evidence", std::move(ev)}});
    }
    json critical = json::array();
    for (const auto& e : r.critical) critical.push_back(evidenceJson(e));
    json rules = json::array();
    for (const auto& o : r.rules)
        rules.push_back({{"rule", o.rule},
                         {"step", o.step},
                         {"violated", o.violated},
                         {"indicator", o.indicator},
                         {"description", o.description}});
    json reasons = json::array();
    for (const auto& s : r.reasons) reasons.push_back(s);
    json scenario{
        {"id", r.scenarioId}, {"version", r.scenarioVersion}, {"contentHash", r.contentHash}};
    if (!r.alternate.empty())
        scenario["alternate"] = {{"id", r.alternate}, {"name", r.alternateName}};
    return {{"format", kReportFormat},
            {"scenario", std::move(scenario)},
            {"framework",
             {{"id", r.frameworkId},
              {"version", r.frameworkVersion},
              {"contentHash", r.frameworkHash}}},
            {"finished", r.finished},
            {"ending",
             r.finished ? json{{"node", r.endingNode}, {"outcome", r.outcome}} : json(nullptr)},
            {"overall",
             {{"score", r.score},
              {"passed", r.passed},
              {"passScore", r.passScore},
              {"earned", r.earned},
              {"best", r.best},
              {"worst", r.worst},
              {"bestPath", r.bestPath},
              {"states", r.states},
              {"reasons", std::move(reasons)}}},
            {"competencies", std::move(comps)},
            {"critical", std::move(critical)},
            {"rules", std::move(rules)},
            {"strengths", remarksJson(r.strengths)},
            {"developmentAreas", remarksJson(r.developmentAreas)}};
}

namespace {

EvidenceItem evidenceFromJson(const json& j) {
    EvidenceItem e;
    e.step = int(num(j, "step").value_or(0));
    e.line = str(j, "line");
    e.indicator = str(j, "indicator");
    e.points = int(num(j, "points").value_or(0));
    e.source = str(j, "source");
    e.rule = str(j, "rule");
    e.note = str(j, "note");
    return e;
}

std::vector<EvidenceItem> evidenceListFromJson(const json& j) {
    std::vector<EvidenceItem> out;
    if (j.is_array())
        for (const auto& e : j) out.push_back(evidenceFromJson(e));
    return out;
}

std::vector<Remark> remarksFromJson(const json& j) {
    std::vector<Remark> out;
    if (j.is_array())
        for (const auto& r : j) out.push_back({str(r, "competency"), str(r, "text")});
    return out;
}

}  // namespace

ScoreReport reportFromJson(const json& j) {
    ScoreReport r;
    const json& sc = sub(j, "scenario");
    r.scenarioId = str(sc, "id");
    r.scenarioVersion = str(sc, "version");
    r.contentHash = str(sc, "contentHash");
    const json& alt = sub(sc, "alternate");
    r.alternate = str(alt, "id");
    r.alternateName = str(alt, "name");
    const json& fw = sub(j, "framework");
    r.frameworkId = str(fw, "id");
    r.frameworkVersion = str(fw, "version");
    r.frameworkHash = str(fw, "contentHash");
    r.finished = flag(j, "finished").value_or(false);
    const json& end = sub(j, "ending");
    r.endingNode = str(end, "node");
    r.outcome = str(end, "outcome");
    const json& o = sub(j, "overall");
    r.score = num(o, "score").value_or(0);
    r.passed = flag(o, "passed").value_or(false);
    r.passScore = int(num(o, "passScore").value_or(70));
    r.earned = std::int64_t(num(o, "earned").value_or(0));
    r.best = std::int64_t(num(o, "best").value_or(0));
    r.worst = std::int64_t(num(o, "worst").value_or(0));
    r.bestPath = str(o, "bestPath");
    r.states = std::size_t(std::max(0.0, num(o, "states").value_or(0)));
    if (const json& reasons = sub(o, "reasons"); reasons.is_array())
        for (const auto& why : reasons)
            if (why.is_string()) r.reasons.push_back(why.get<std::string>());
    if (const json& comps = sub(j, "competencies"); comps.is_array())
        for (const auto& c : comps) {
            CompetencyScore cs;
            cs.id = str(c, "id");
            cs.name = str(c, "name");
            cs.weight = int(num(c, "weight").value_or(1));
            cs.primary = flag(c, "primary").value_or(false);
            cs.assessed = flag(c, "assessed").value_or(false);
            cs.score = num(c, "score");
            // Reports from before "rated" existed gave every assessed competency a level.
            cs.rated = flag(c, "rated").value_or(cs.assessed && cs.score.has_value());
            cs.earned = std::int64_t(num(c, "earned").value_or(0));
            cs.available = std::int64_t(num(c, "available").value_or(0));
            cs.opportunities = int(num(c, "opportunities").value_or(0));
            cs.confidence = str(c, "confidence");
            cs.levelName = str(c, "level");
            cs.levelId = str(c, "levelId");
            cs.critical = flag(c, "critical").value_or(false);
            cs.anchor = str(c, "anchor");
            cs.evidence = evidenceListFromJson(sub(c, "evidence"));
            r.competencies.push_back(std::move(cs));
        }
    r.critical = evidenceListFromJson(sub(j, "critical"));
    if (const json& rules = sub(j, "rules"); rules.is_array())
        for (const auto& x : rules)
            r.rules.push_back({str(x, "rule"), int(num(x, "step").value_or(0)),
                               flag(x, "violated").value_or(false), str(x, "indicator"),
                               str(x, "description")});
    r.strengths = remarksFromJson(sub(j, "strengths"));
    r.developmentAreas = remarksFromJson(sub(j, "developmentAreas"));
    return r;
}

std::string debriefText(const ScoreReport& r) {
    const auto opportunities = [](int n) {
        return uiFormat(
            trn("{count} opportunity", "{count} opportunities", unsigned(std::max(n, 0))),
            {{"count", std::to_string(n)}});
    };
    std::string out;
    out += std::string("\n=== ") + tr("Debrief") + " ===\n";
    out += uiFormat(
               r.passed ? tr("PASSED \u2014 scenario score {score} of 100 (pass mark {pass})")
                        : tr("NOT PASSED \u2014 scenario score {score} of 100 (pass mark "
                             "{pass})"),
               {{"score", uiNumber(oneDecimal(r.score))}, {"pass", std::to_string(r.passScore)}}) +
           "\n";
    for (const auto& why : r.reasons) out += "  - " + why + "\n";
    out += std::string("\n") +
           tr("Competencies (score = points earned of the best your choices offered):") + "\n";
    for (const auto& c : r.competencies) {
        if (!c.assessed) continue;
        if (!c.rated) {
            out += "  " + pad(c.name + (c.primary ? " *" : ""), 44) +
                   uiFormat(tr("not rated \u2014 too little evidence ({opportunities})"),
                            {{"opportunities", opportunities(c.opportunities)}}) +
                   "\n";
            continue;
        }
        std::string line = "  " + pad(c.name + (c.primary ? " *" : ""), 44) + pad(c.levelName, 13) +
                           pad(uiNumber(oneDecimal(*c.score)), 7) + opportunities(c.opportunities);
        if (c.confidence == "low") line += tr(", low confidence");
        if (c.critical) line += tr(", CRITICAL");
        out += line + "\n";
    }
    std::string notAssessed;
    for (const auto& c : r.competencies)
        if (!c.assessed) notAssessed += (notAssessed.empty() ? "" : tr(", ")) + c.name;
    if (!notAssessed.empty())
        out += "  " +
               uiFormat(tr("Not assessed on this path: {competencies}"),
                        {{"competencies", notAssessed}}) +
               "\n";
    out += std::string("  ") + tr("(* = a primary competency of this scenario)") + "\n";
    if (!r.strengths.empty()) {
        out += std::string("\n") + tr("What went well:") + "\n";
        for (const auto& s : r.strengths) out += "  - " + s.text + "\n";
    }
    if (!r.developmentAreas.empty()) {
        out += std::string("\n") + tr("What to work on:") + "\n";
        for (const auto& s : r.developmentAreas) out += "  - " + s.text + "\n";
    }
    if (r.bestPath.empty())
        out += std::string("\n") +
               tr("This conversation has too many states to find its best path exactly, so the "
                  "score is placed against an upper bound of the best total (RAP0053): a "
                  "perfect conversation may score under 100, never over.") +
               "\n";
    else
        out += "\n" +
               uiFormat(tr("The best path through this conversation: --choices {path}"),
                        {{"path", r.bestPath}}) +
               "\n";
    return out;
}

std::vector<std::string> compareReports(const json& before, const json& after,
                                        std::string_view lang, const Framework* framework) {
    // Every line in `lang`: "en" for the --json document, the reader's language on screen.
    const auto score = [&](std::optional<double> v) {
        return v ? uiNumberIn(lang, oneDecimal(*v)) : std::string(trIn(lang, "not assessed"));
    };
    const auto change = [&](const char* pattern, const std::string& from, const std::string& to) {
        return uiFormat(pattern, {{"before", from}, {"after", to}});
    };
    const auto yesNo = [&](std::optional<bool> b) -> std::string {
        if (!b) return trIn(lang, "unknown");
        return *b ? trcIn(lang, "passed", "yes") : trcIn(lang, "passed", "no");
    };
    // A report stores the names in the framework's own language; the reader may read another.
    const auto nameOf = [&](const json& c) -> std::string {
        const std::string id = str(c, "id");
        if (framework)
            if (auto i = framework->findCompetency(id)) return framework->competencyName(*i, lang);
        return str(c, "name").empty() ? id : str(c, "name");
    };
    const auto levelOf = [&](const json& c) -> std::string {
        const std::string stored = str(c, "level");
        if (framework && !stored.empty())
            for (std::size_t i = 0; i < framework->levels.size(); ++i)
                if (framework->levels[i].id == str(c, "levelId"))
                    return framework->levelName(int(i), lang);
        return stored;
    };
    std::vector<std::string> out;
    const json& fb = sub(before, "framework");
    const json& fa = sub(after, "framework");
    if (str(fb, "id") != str(fa, "id") || str(fb, "version") != str(fa, "version"))
        out.push_back(change(trIn(lang, "framework: {before} -> {after}"),
                             str(fb, "id").empty() ? std::string(trIn(lang, "none"))
                                                   : str(fb, "id") + " " + str(fb, "version"),
                             str(fa, "id") + " " + str(fa, "version")));
    else if (str(fb, "contentHash") != str(fa, "contentHash") && !str(fb, "contentHash").empty())
        out.push_back(uiFormat(
            trIn(lang, "framework {framework}: the file changed without a new version number"),
            {{"framework", str(fa, "id") + " " + str(fa, "version")}}));
    const json& ob = sub(before, "overall");
    const json& oa = sub(after, "overall");
    const auto sb = num(ob, "score"), sa = num(oa, "score");
    if (sb != sa)
        out.push_back(
            change(trIn(lang, "scenario score: {before} -> {after}"), score(sb), score(sa)));
    const auto pb = flag(ob, "passed"), pa = flag(oa, "passed");
    if (pb != pa)
        out.push_back(change(trIn(lang, "passed: {before} -> {after}"), yesNo(pb), yesNo(pa)));
    if (str(ob, "bestPath") != str(oa, "bestPath"))
        out.push_back(change(
            trIn(lang, "best path: {before} -> {after}"),
            str(ob, "bestPath").empty() ? std::string(trIn(lang, "none")) : str(ob, "bestPath"),
            str(oa, "bestPath")));

    std::map<std::string, const json*> old;
    const json& cb = sub(before, "competencies");
    if (cb.is_array())
        for (const auto& c : cb)
            if (!str(c, "id").empty()) old[str(c, "id")] = &c;
    const json& ca = sub(after, "competencies");
    if (ca.is_array()) {
        for (const auto& c : ca) {
            const std::string id = str(c, "id");
            const std::string name = nameOf(c);
            auto it = old.find(id);
            if (it == old.end()) {
                out.push_back(uiFormat(trIn(lang, "{competency}: new in this framework ({score})"),
                                       {{"competency", name}, {"score", score(num(c, "score"))}}));
                continue;
            }
            const json& o = *it->second;
            std::string changes;
            const auto s0 = num(o, "score"), s1 = num(c, "score");
            if (s0 != s1)
                changes = change(trIn(lang, "score {before} -> {after}"), score(s0), score(s1));
            const std::string l0 = levelOf(o), l1 = levelOf(c);
            if (l0 != l1) {
                const std::string none = trIn(lang, "none");
                const std::string level = change(trIn(lang, "level {before} -> {after}"),
                                                 l0.empty() ? none : l0, l1.empty() ? none : l1);
                changes = changes.empty() ? level
                                          : uiFormat(trIn(lang, "{score}, {level}"),
                                                     {{"score", changes}, {"level", level}});
            }
            if (!changes.empty())
                out.push_back(uiFormat(trIn(lang, "{competency}: {changes}"),
                                       {{"competency", name}, {"changes", changes}}));
            old.erase(it);
        }
    }
    for (const auto& [id, c] : old) {
        const std::string name = nameOf(*c);
        out.push_back(uiFormat(trIn(lang, "{competency}: no longer in the framework"),
                               {{"competency", name}}));
    }
    return out;
}

}  // namespace rapport
