#include "core/scenario/scenario_loader.hpp"

#include <cmath>
#include <regex>
#include <set>

#include "core/diagnostics/diagnostic_codes.hpp"
#include "core/diagnostics/did_you_mean.hpp"
#include "core/scenario/scenario_loader_detail.hpp"
#include "core/source/json_reader.hpp"
#include "core/source/sha256.hpp"
#include "core/source/utf8.hpp"
#include "core/translation/ui_format.hpp"
#include "core/translation/ui_text.hpp"

namespace rapport {

using scenario_loading::Loader;

namespace scenario_loading {

bool isValidNodeId(std::string_view id) {
    if (id.empty() || id.size() > 128) return false;
    for (char c : id) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.' || c == ':';
        if (!ok) return false;
    }
    return true;
}

namespace {

bool isIdentifier(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    for (std::size_t i = 0; i < id.size(); ++i) {
        const char c = id[i];
        const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        if (!(alpha || (i > 0 && c >= '0' && c <= '9'))) return false;
    }
    // Literal words of the expression language cannot be variable names.
    return id != "true" && id != "false" && id != "visited";
}

bool isScenarioSlug(std::string_view id) {
    static const std::regex re("^[a-z0-9][a-z0-9._-]{0,127}$");
    return std::regex_match(id.begin(), id.end(), re);
}

bool isLanguageTag(std::string_view tag) {
    // BCP 47 in the shape authors use: language, optional script/region/variants.
    static const std::regex re("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$");
    return std::regex_match(tag.begin(), tag.end(), re);
}

}  // namespace

void Loader::run() {
    Scenario s;
    s.sourcePath = r_.file();
    s.contentHash = sha256Hex(*doc_.text);
    const JsonValue& root = doc_.root();
    if (!root.isObject()) {
        r_.error(codes::NotAnObject, "",
                 uiFormat(tr("a scenario file must hold one JSON object, not {kind}"),
                          {{"kind", tr(jsonKindName(root))}}));
        return;
    }
    reportDuplicateKeys();
    if (!readFormat(root)) {
        // A different format (or none) means none of the other keys can be trusted.
        return;
    }
    r_.checkKeys(root, "",
                 {"format", "id",         "version",   "title",     "language",  "summary",
                  "sector", "difficulty", "passScore", "framework", "assesses",  "expectedMinutes",
                  "client", "variables",  "meters",    "speakers",  "documents", "start",
                  "nodes",  "alternates"});
    readMetadata(root, s);
    readClient(root, s);
    readSpeakers(root, s);
    readDocuments(root, s);
    readVariables(root, s);
    readMeters(root, s);
    readNodes(root, s);
    readAlternates(root, s);
    s.sourceMap = doc_.map;
    result_.scenario = std::move(s);
}

void Loader::reportDuplicateKeys() {
    for (const auto& p : doc_.duplicateKeys) {
        const bool variable =
            p.rfind("/variables/", 0) == 0 && p.find('/', 11) == std::string::npos;
        r_.errorAtKey(variable ? codes::DuplicateVariable : codes::DuplicateKey, p,
                      variable
                          ? tr("variable declared twice; only the last declaration would count")
                          : tr("this key appears twice in the same object; only the last would "
                               "count"));
    }
}

bool Loader::readFormat(const JsonValue& root) {
    const auto* f = r_.member(root, "", "format", false);
    if (!f) {
        r_.error(codes::WrongFormat, "",
                 uiFormat(tr("missing \"format\": a scenario file starts with \"format\": "
                             "\"{format}\""),
                          {{"format", kScenarioFormat}}));
        return false;
    }
    if (f->isString() && f->asString() == "rapport-framework/1") {
        // A competence framework given where a scenario is expected: say which verb takes it.
        r_.error(codes::WrongFormat, "/format",
                 tr("this is a competence framework (\"rapport-framework/1\"), not a scenario: "
                    "'rapport validate FILE' checks it and 'rapport score --framework FILE' uses "
                    "it"));
        return false;
    }
    if (!f->isString() || f->asString() != kScenarioFormat) {
        r_.error(codes::WrongFormat, "/format",
                 uiFormat(tr("unsupported format {found}; this version of Rapport reads "
                             "\"{format}\""),
                          {{"found", f->isString() ? "\"" + std::string(f->asString()) + "\""
                                                   : std::string(tr(jsonKindName(*f)))},
                           {"format", kScenarioFormat}}));
        return false;
    }
    return true;
}

void Loader::readMetadata(const JsonValue& root, Scenario& s) {
    if (auto id = r_.string(root, "", "id", true)) {
        if (!isScenarioSlug(*id))
            r_.error(
                codes::BadId, "/id",
                uiFormat(tr("scenario id \"{id}\" must be lowercase letters, digits, '.', '_' or "
                            "'-'"),
                         {{"id", *id}}));
        s.id = *id;
    }
    if (auto v = r_.string(root, "", "version", true)) s.version = *v;
    if (auto v = r_.string(root, "", "title", true)) s.title = *v;
    if (auto v = r_.string(root, "", "language", true)) {
        if (!isLanguageTag(*v))
            r_.error(codes::BadValue, "/language",
                     uiFormat(tr("\"{tag}\" is not a BCP 47 language tag such as \"en\", \"ru\" or "
                                 "\"ja-JP\""),
                              {{"tag", *v}}));
        s.language = *v;
    }
    if (auto v = r_.string(root, "", "summary", true)) s.summary = *v;
    if (auto v = r_.string(root, "", "sector", true)) s.sector = *v;
    if (auto v = r_.integer(root, "", "difficulty", true, 1, 5))
        s.difficulty = static_cast<int>(*v);
    if (auto v = r_.integer(root, "", "passScore", true, 0, 100))
        s.passScore = static_cast<int>(*v);
    if (auto v = r_.string(root, "", "framework", true)) s.framework = *v;
    if (auto v = r_.integer(root, "", "expectedMinutes", false, 1, 600))
        s.expectedMinutes = static_cast<int>(*v);
    if (const auto* a = r_.array(root, "", "assesses", false)) {
        for (std::size_t i = 0; i < a->size(); ++i) {
            const auto p = childPointer("/assesses", i);
            if (!(*a)[i].isString() || (*a)[i].asString().empty())
                r_.error(codes::WrongType, p,
                         tr("each competency in \"assesses\" must be a non-empty string"));
            else
                s.assesses.emplace_back((*a)[i].asString());
        }
    }
}

void Loader::readClient(const JsonValue& root, Scenario& s) {
    const auto* c = r_.object(root, "", "client", true);
    if (!c) return;
    r_.checkKeys(*c, "/client", {"name", "role", "company", "description", "portrait"});
    if (auto v = r_.string(*c, "/client", "name", true)) s.client.name = *v;
    if (auto v = r_.string(*c, "/client", "role", true)) s.client.role = *v;
    if (auto v = r_.string(*c, "/client", "company", true)) s.client.company = *v;
    if (auto v = r_.string(*c, "/client", "description", true)) s.client.description = *v;
    if (auto v = r_.string(*c, "/client", "portrait", false)) s.client.portrait = *v;
}

void Loader::readVariables(const JsonValue& root, Scenario& s) {
    const auto* vars = r_.object(root, "", "variables", false);
    if (!vars) return;
    for (const JsonValue* member : vars->sortedMembers()) {
        const std::string name(member->key());
        const JsonValue& decl = *member;
        const std::string p = childPointer("/variables", name);
        if (!isIdentifier(name)) {
            r_.errorAtKey(codes::BadId, p,
                          uiFormat(tr("variable name \"{name}\" must start with a letter or '_' "
                                      "and hold only letters, digits and '_' (and not be true, "
                                      "false or visited)"),
                                   {{"name", name}}));
            continue;
        }
        if (!decl.isObject()) {
            r_.error(codes::WrongType, p,
                     uiFormat(tr("a variable is declared as {\"type\": …, \"initial\": …}, not "
                                 "{kind}"),
                              {{"kind", tr(jsonKindName(decl))}}));
            continue;
        }
        r_.checkKeys(decl, p,
                     {"type", "initial", "deal", "label", "unit", "authority", "budget", "floor"});
        Variable v;
        v.id = name;
        if (auto t = r_.string(decl, p, "type", true)) {
            if (*t == "integer")
                v.type = ValueType::Integer;
            else if (*t == "boolean")
                v.type = ValueType::Boolean;
            else
                // Still declared (as an integer), so every use of it is not reported again.
                r_.error(codes::BadValue, p + "/type",
                         uiFormat(tr("variable type must be \"integer\" or \"boolean\", not "
                                     "\"{type}\""),
                                  {{"type", *t}}));
        }
        if (const auto* init = r_.member(decl, p, "initial", true)) {
            const std::string ip = p + "/initial";
            if (v.type == ValueType::Boolean) {
                if (init->isBoolean())
                    v.initial = init->asBool() ? 1 : 0;
                else
                    r_.error(codes::WrongType, ip,
                             uiFormat(tr("initial value of boolean \"{name}\" must be true or "
                                         "false, not {kind}"),
                                      {{"name", name}, {"kind", tr(jsonKindName(*init))}}));
            } else {
                if (init->isInteger() && !init->isBigInteger())
                    v.initial = init->asInteger();
                else if (init->isBigInteger() ||
                         (init->isNumber() && std::trunc(init->asNumber()) == init->asNumber() &&
                          std::abs(init->asNumber()) >= 9.2e18))
                    // A whole number, but outside what an integer variable holds (64 bits).
                    r_.error(codes::OutOfRange, ip,
                             init->isBigInteger()
                                 ? uiFormat(tr("initial value of integer \"{name}\" is {value}, "
                                               "outside the range an integer holds "
                                               "(-9223372036854775808 to 9223372036854775807)"),
                                            {{"name", name},
                                             {"value", std::to_string(init->asUnsigned())}})
                                 : uiFormat(tr("initial value of integer \"{name}\" is a whole "
                                               "number outside the range an integer holds "
                                               "(-9223372036854775808 to 9223372036854775807)"),
                                            {{"name", name}}));
                else
                    r_.error(codes::WrongType, ip,
                             uiFormat(tr("initial value of integer \"{name}\" must be a whole "
                                         "number, not {kind}"),
                                      {{"name", name}, {"kind", tr(jsonKindName(*init))}}));
            }
        }
        readDeal(decl, p, v);
        s.variableIndex[v.id] = static_cast<int>(s.variables.size());
        s.variables.push_back(std::move(v));
    }
}

// The deal keys of one variable (docs/scenario-format.md, "Deal state"). Every limit must fit
// the variable's deal kind and agree with the others, so the evidence scoring derives from them
// is never derived from a contradiction.
void Loader::readDeal(const JsonValue& decl, const std::string& p, Variable& v) {
    if (auto d = r_.string(decl, p, "deal", false)) {
        if (auto role = parseDealRole(*d)) {
            v.deal = *role;
            if (v.type != ValueType::Integer) {
                r_.error(codes::BadDealState, p + "/deal",
                         uiFormat(tr("deal variable \"{variable}\" must be an integer, not a "
                                     "boolean"),
                                  {{"variable", v.id}}));
                v.deal = DealRole::None;
            }
        } else {
            r_.error(codes::BadValue, p + "/deal",
                     uiFormat(tr("deal kind must be \"concession\", \"price\", \"counterpart\" "
                                 "or \"value\", not \"{kind}\""),
                              {{"kind", *d}}) +
                         didYouMean(*d, {"concession", "price", "counterpart", "value"}));
        }
    }
    if (auto u = r_.string(decl, p, "unit", false)) v.unit = *u;
    if (auto l = r_.string(decl, p, "label", false)) v.label = *l;
    // A limit is read only where it means something; elsewhere it says which kind takes it.
    auto limit = [&](const char* key, DealRole role, std::optional<std::int64_t>& out) {
        if (!decl.find(key)) return;
        if (v.deal != role) {
            r_.errorAtKey(
                codes::BadDealState, p + "/" + key,
                v.deal == DealRole::None
                    ? uiFormat(tr("\"{key}\" belongs to a variable with \"deal\": \"{role}\"; "
                                  "\"{variable}\" is not a deal variable"),
                               {{"key", key}, {"role", dealRoleName(role)}, {"variable", v.id}})
                    : uiFormat(tr("\"{key}\" belongs to a variable with \"deal\": \"{role}\"; "
                                  "\"{variable}\" is a {actual}"),
                               {{"key", key},
                                {"role", dealRoleName(role)},
                                {"variable", v.id},
                                {"actual", dealRoleName(v.deal)}}));
            return;
        }
        out = r_.integer(decl, p, key, true, INT32_MIN, INT32_MAX);
    };
    limit("authority", DealRole::Concession, v.authority);
    limit("budget", DealRole::Concession, v.budget);
    limit("floor", DealRole::Price, v.floor);
    if (v.authority && v.budget && *v.authority > *v.budget)
        r_.error(codes::BadDealState, p + "/authority",
                 uiFormat(tr("authority {authority} of \"{variable}\" is above its budget "
                             "{budget}: the trainee cannot be allowed more than the company gives "
                             "at all"),
                          {{"authority", std::to_string(*v.authority)},
                           {"variable", v.id},
                           {"budget", std::to_string(*v.budget)}}));
    if (v.authority && v.initial > *v.authority)
        r_.error(codes::BadDealState, p + "/initial",
                 uiFormat(tr("initial value {initial} of \"{variable}\" is already past its "
                             "authority {authority}"),
                          {{"initial", std::to_string(v.initial)},
                           {"variable", v.id},
                           {"authority", std::to_string(*v.authority)}}));
    else if (v.budget && v.initial > *v.budget)
        r_.error(codes::BadDealState, p + "/initial",
                 uiFormat(tr("initial value {initial} of \"{variable}\" is already past its "
                             "budget {budget}"),
                          {{"initial", std::to_string(v.initial)},
                           {"variable", v.id},
                           {"budget", std::to_string(*v.budget)}}));
    if (v.floor && *v.floor >= v.initial)
        r_.error(codes::BadDealState, p + "/floor",
                 uiFormat(tr("floor {floor} of \"{variable}\" must be below its initial price "
                             "{initial}"),
                          {{"floor", std::to_string(*v.floor)},
                           {"variable", v.id},
                           {"initial", std::to_string(v.initial)}}));
}

void Loader::readMeters(const JsonValue& root, Scenario& s) {
    const auto* meters = r_.array(root, "", "meters", false);
    if (!meters) return;
    std::vector<std::string> integerNames;
    for (const auto& v : s.variables)
        if (v.type == ValueType::Integer) integerNames.push_back(v.id);
    for (std::size_t i = 0; i < meters->size(); ++i) {
        const auto& m = (*meters)[i];
        const std::string p = childPointer("/meters", i);
        if (!m.isObject()) {
            r_.error(codes::NotAnObject, p,
                     uiFormat(tr("a meter must be an object, not {kind}"),
                              {{"kind", tr(jsonKindName(m))}}));
            continue;
        }
        r_.checkKeys(m, p, {"variable", "label", "min", "max"});
        Meter meter;
        auto var = r_.string(m, p, "variable", true);
        auto label = r_.string(m, p, "label", true);
        auto min = r_.integer(m, p, "min", true, INT32_MIN, INT32_MAX);
        auto max = r_.integer(m, p, "max", true, INT32_MIN, INT32_MAX);
        if (var) {
            auto idx = s.findVariable(*var);
            if (!idx || s.variables[*idx].type != ValueType::Integer) {
                r_.error(codes::UnknownMeterVariable, p + "/variable",
                         idx ? uiFormat(tr("meter variable \"{variable}\" is boolean; meters "
                                           "show integers"),
                                        {{"variable", *var}})
                             : uiFormat(tr("meter shows undeclared variable \"{variable}\""),
                                        {{"variable", *var}}) +
                                   didYouMean(*var, integerNames));
                var.reset();
            } else {
                meter.variable = *idx;
            }
        }
        if (label) meter.label = *label;
        if (min && max) {
            if (*min >= *max) {
                r_.error(codes::BadMeterRange, p,
                         uiFormat(tr("meter range is empty: min {min} must be below max {max}"),
                                  {{"min", std::to_string(*min)}, {"max", std::to_string(*max)}}));
                continue;
            }
            meter.min = *min;
            meter.max = *max;
            if (var) {
                const auto init = s.variables[meter.variable].initial;
                if (init < *min || init > *max)
                    r_.error(codes::BadMeterRange, p,
                             uiFormat(tr("initial value {initial} of \"{variable}\" lies "
                                         "outside the meter's range {min}..{max}"),
                                      {{"initial", std::to_string(init)},
                                       {"variable", *var},
                                       {"min", std::to_string(*min)},
                                       {"max", std::to_string(*max)}}));
            }
        }
        if (var && label && min && max) s.meters.push_back(std::move(meter));
    }
}

}  // namespace scenario_loading

namespace {

LoadResult finish(std::optional<JsonDocument> doc, const std::string& name, LoadResult result) {
    if (doc) Loader(*doc, name, result).run();
    result.diagnostics.sortByPosition();
    return result;
}

}  // namespace

LoadResult loadScenarioFile(const std::string& path) {
    LoadResult result;
    auto doc = readJsonFile(path, result.diagnostics);
    return finish(std::move(doc), path, std::move(result));
}

LoadResult loadScenarioText(std::string text, const std::string& name) {
    LoadResult result;
    auto doc = parseJsonText(std::move(text), name, result.diagnostics);
    return finish(std::move(doc), name, std::move(result));
}

}  // namespace rapport
