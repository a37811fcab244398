// The "translations" block of a framework file: the framework's words in further languages,
// keyed by the ids the rest of the file defines (docs/scoring.md, "Languages").
#include <algorithm>

#include "core/diagnostics/diagnostic_codes.hpp"
#include "core/framework/framework_reader.hpp"

namespace rapport::framework_detail {

namespace {

bool isLanguageTag(std::string_view tag) {
    if (tag.size() < 2 || tag.size() > 3) return false;
    for (char c : tag)
        if (!(c >= 'a' && c <= 'z')) return false;
    return true;
}

}  // namespace

void Loader::readTranslations(const JsonValue& root, Framework& f) {
    const JsonValue* block = r_.object(root, "", "translations", false);
    if (!block) return;
    const std::string source = baseLanguage(f.language.empty() ? "en" : f.language);
    for (const JsonValue& t : *block) {
        const std::string lang(t.key());
        const std::string p = childPointer("/translations", lang);
        if (!isLanguageTag(lang)) {
            r_.errorAtKey(codes::FrameworkTranslationUnknown, p,
                          "\"" + lang +
                              "\" is not a language: translations are keyed by a two- or "
                              "three-letter lowercase language code (\"ja\", \"ru\")");
            continue;
        }
        if (lang == source) {
            r_.errorAtKey(codes::FrameworkTranslationUnknown, p,
                          "\"" + lang +
                              "\" is the framework's own language (\"language\"); its texts are "
                              "the ones in the file, not a translation");
            continue;
        }
        if (!t.isObject()) {
            r_.error(codes::NotAnObject, p,
                     std::string("a translation must be an object, not ") + jsonKindName(t));
            continue;
        }
        FrameworkTranslation out;
        out.language = lang;
        readTranslation(t, p, f, out);
        f.translations.push_back(std::move(out));
    }
}

// Every text of the source gets a slot; what the translator left out is reported once per
// part with the ids, so the author sees the whole gap and the reader falls back to the source.
void Loader::readTranslation(const JsonValue& t, const std::string& p, Framework& f,
                             FrameworkTranslation& out) {
    r_.checkKeys(t, p, {"name", "description", "levels", "competencies", "indicators", "rules"});
    const std::string& lang = out.language;
    std::vector<std::string> missing;
    auto text = [&](const JsonValue& obj, const std::string& op, std::string_view key,
                    const std::string& what, bool wanted) -> std::string {
        if (auto v = r_.string(obj, op, key, false)) return *v;
        if (wanted) missing.push_back(what);
        return {};
    };

    out.name = text(t, p, "name", "name", true);
    out.description = text(t, p, "description", "description", !f.description.empty());

    out.levelNames.assign(f.levels.size(), {});
    out.levelDescriptions.assign(f.levels.size(), {});
    auto findLevel = [&](std::string_view id) -> int {
        for (std::size_t i = 0; i < f.levels.size(); ++i)
            if (f.levels[i].id == id) return int(i);
        return -1;
    };
    std::vector<bool> levelSeen(f.levels.size());
    if (const JsonValue* levels = r_.object(t, p, "levels", false)) {
        const std::string lp = childPointer(p, "levels");
        for (const JsonValue& l : *levels) {
            const std::string id(l.key());
            const std::string ip = childPointer(lp, id);
            const int li = findLevel(id);
            if (li < 0) {
                r_.errorAtKey(codes::FrameworkTranslationUnknown, ip,
                              "the framework has no level \"" + id + "\" to translate");
                continue;
            }
            if (!l.isObject()) {
                r_.error(
                    codes::NotAnObject, ip,
                    std::string("a level's translation must be an object, not ") + jsonKindName(l));
                continue;
            }
            r_.checkKeys(l, ip, {"name", "description"});
            levelSeen[std::size_t(li)] = true;
            const auto& src = f.levels[std::size_t(li)];
            out.levelNames[std::size_t(li)] = text(l, ip, "name", "level " + id + " name", true);
            out.levelDescriptions[std::size_t(li)] = text(
                l, ip, "description", "level " + id + " description", !src.description.empty());
        }
    }
    for (std::size_t i = 0; i < f.levels.size(); ++i)
        if (!levelSeen[i]) missing.push_back("level " + f.levels[i].id);

    out.competencyNames.assign(f.competencies.size(), {});
    out.competencyDescriptions.assign(f.competencies.size(), {});
    out.anchors.assign(f.competencies.size(), std::vector<std::string>(f.levels.size()));
    std::vector<bool> compSeen(f.competencies.size());
    if (const JsonValue* comps = r_.object(t, p, "competencies", false)) {
        const std::string cp = childPointer(p, "competencies");
        for (const JsonValue& c : *comps) {
            const std::string id(c.key());
            const std::string ip = childPointer(cp, id);
            const auto ci = f.findCompetency(id);
            if (!ci) {
                r_.errorAtKey(codes::FrameworkTranslationUnknown, ip,
                              "the framework has no competency \"" + id + "\" to translate");
                continue;
            }
            if (!c.isObject()) {
                r_.error(codes::NotAnObject, ip,
                         std::string("a competency's translation must be an object, not ") +
                             jsonKindName(c));
                continue;
            }
            r_.checkKeys(c, ip, {"name", "description", "anchors"});
            const auto k = std::size_t(*ci);
            compSeen[k] = true;
            out.competencyNames[k] = text(c, ip, "name", id + " name", true);
            out.competencyDescriptions[k] = text(c, ip, "description", id + " description",
                                                 !f.competencies[k].description.empty());
            const JsonValue* anchors = r_.object(c, ip, "anchors", false);
            std::vector<bool> anchorSeen(f.levels.size());
            if (anchors) {
                const std::string ap = childPointer(ip, "anchors");
                for (const JsonValue& a : *anchors) {
                    const std::string lid(a.key());
                    const int li = findLevel(lid);
                    if (li < 0) {
                        r_.errorAtKey(codes::FrameworkTranslationUnknown, childPointer(ap, lid),
                                      "the framework has no level \"" + lid +
                                          "\": anchors are keyed by level id");
                        continue;
                    }
                    if (auto v = r_.string(*anchors, ap, lid, false)) {
                        out.anchors[k][std::size_t(li)] = *v;
                        anchorSeen[std::size_t(li)] = true;
                    }
                }
            }
            for (std::size_t i = 0; i < f.levels.size(); ++i)
                if (!anchorSeen[i]) missing.push_back(id + " anchor " + f.levels[i].id);
        }
    }
    for (std::size_t i = 0; i < f.competencies.size(); ++i)
        if (!compSeen[i]) missing.push_back("competency " + f.competencies[i].id);

    out.indicatorDescriptions.assign(f.indicators.size(), {});
    std::vector<bool> indSeen(f.indicators.size());
    if (const JsonValue* inds = r_.object(t, p, "indicators", false)) {
        const std::string ip = childPointer(p, "indicators");
        for (const JsonValue& i : *inds) {
            const std::string id(i.key());
            const auto ii = f.findIndicator(id);
            if (!ii) {
                r_.errorAtKey(codes::FrameworkTranslationUnknown, childPointer(ip, id),
                              "the framework has no indicator \"" + id + "\" to translate");
                continue;
            }
            if (auto v = r_.string(*inds, ip, id, false)) {
                out.indicatorDescriptions[std::size_t(*ii)] = *v;
                indSeen[std::size_t(*ii)] = true;
            }
        }
    }
    for (std::size_t i = 0; i < f.indicators.size(); ++i)
        if (!indSeen[i] && !f.indicators[i].description.empty())
            missing.push_back("indicator " + f.indicators[i].id);

    out.ruleDescriptions.assign(f.rules.size(), {});
    std::vector<bool> ruleSeen(f.rules.size());
    if (const JsonValue* rules = r_.object(t, p, "rules", false)) {
        const std::string rp = childPointer(p, "rules");
        for (const JsonValue& r : *rules) {
            const std::string id(r.key());
            int ri = -1;
            for (std::size_t i = 0; i < f.rules.size(); ++i)
                if (f.rules[i].id == id) ri = int(i);
            if (ri < 0) {
                r_.errorAtKey(codes::FrameworkTranslationUnknown, childPointer(rp, id),
                              "the framework has no rule \"" + id + "\" to translate");
                continue;
            }
            if (auto v = r_.string(*rules, rp, id, false)) {
                out.ruleDescriptions[std::size_t(ri)] = *v;
                ruleSeen[std::size_t(ri)] = true;
            }
        }
    }
    for (std::size_t i = 0; i < f.rules.size(); ++i)
        if (!ruleSeen[i] && !f.rules[i].description.empty())
            missing.push_back("rule " + f.rules[i].id);

    if (missing.empty()) return;
    std::string list;
    const std::size_t shown = std::min<std::size_t>(missing.size(), 6);
    for (std::size_t i = 0; i < shown; ++i) list += (i ? ", " : "") + missing[i];
    if (missing.size() > shown) list += ", …";
    r_.warning(codes::FrameworkTranslationMissing, p,
               "the \"" + lang + "\" translation lacks " + std::to_string(missing.size()) +
                   (missing.size() == 1 ? " text" : " texts") + " (" + list + "); readers in \"" +
                   lang + "\" see the source text there");
}

}  // namespace rapport::framework_detail
