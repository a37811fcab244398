// Shape follows ../shared/research/competence.md section 7.3: the competency scores travel in one
// result extension keyed by competency IRI, and the framework, content hash and mode in context
// extensions, so a consumer can tell which scenario file and which key produced the numbers.
#include "core/reports/report_xapi.hpp"

#include <functional>
#include <stdexcept>

#include "core/reports/report_time.hpp"
#include "core/reports/report_uuid.hpp"
#include "core/text/number_format.hpp"

namespace rapport {

using nlohmann::json;

std::string iriSegment(std::string_view text) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '.' || c == '_' || c == '~') {
            out += char(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out.empty() ? std::string("-") : out;
}

std::string xapiStatementNamespace() {
    static const std::string ns =
        uuidV5(kUuidNamespaceUrl, "https://rapport.invalid/xapi/statements");
    return ns;
}

std::string xapiStatementId(const AttemptRecord& a) {
    return uuidV5(xapiStatementNamespace(), a.uid);
}

namespace {

double round4(double v) { return roundToDecimals(v, 4); }

double clampScore(double v) { return v < 0 ? 0 : (v > 100 ? 100 : v); }

// The ADL verbs' display in the languages Rapport's framework is read in.
json verb(const char* name) {
    const std::string n = name;
    json display = {{"en-US", n}};
    if (n == "passed") {
        display["ja-JP"] = "合格";
        display["ru-RU"] = "пройдено успешно";
    } else if (n == "failed") {
        display["ja-JP"] = "不合格";
        display["ru-RU"] = "не пройдено";
    } else if (n == "completed") {
        display["ja-JP"] = "完了";
        display["ru-RU"] = "завершено";
    }
    return {{"id", "http://adlnet.gov/expapi/verbs/" + n}, {"display", std::move(display)}};
}

// xAPI language maps are keyed by RFC 5646 tags; Rapport's languages get the region their
// readers use, any other language its bare tag.
std::string languageMapKey(const std::string& lang) {
    if (lang == "en") return "en-US";
    if (lang == "ja") return "ja-JP";
    if (lang == "ru") return "ru-RU";
    return lang;
}

json languageMap(const Framework& f,
                 const std::function<const std::string&(std::string_view)>& text) {
    json out = json::object();
    for (const auto& lang : f.languages()) out[languageMapKey(lang)] = text(lang);
    return out;
}

}  // namespace

json renderXapiStatement(const AttemptRecord& a, const XapiOptions& o) {
    if (a.status != AttemptStatus::Finished)
        throw std::logic_error("renderXapiStatement: attempt " + a.uid + " is not finished");
    const std::string& base = o.activityBase;
    const char* verbName = !a.passed ? "completed" : (*a.passed ? "passed" : "failed");

    json result = {{"completion", true}};
    if (a.score) {
        double s = clampScore(*a.score);
        result["score"] = {
            {"scaled", round4(s / 100.0)}, {"raw", round4(s)}, {"min", 0}, {"max", 100}};
    }
    if (a.passed) result["success"] = *a.passed;
    if (a.endedAtMs) result["duration"] = formatIsoDuration(*a.endedAtMs - a.startedAtMs);
    json comps = json::object();
    for (const auto& c : a.competencies) {
        if (!c.assessed || !c.score) continue;
        json v = {{"scaled", round4(clampScore(*c.score) / 100.0)},
                  {"opportunities", c.opportunities}};
        if (!c.level.empty()) v["level"] = c.level;
        if (!c.confidence.empty()) v["confidence"] = c.confidence;
        if (const Framework* f = o.frameworks ? o.frameworks(a.frameworkId) : nullptr) {
            if (const auto ci = f->findCompetency(c.id)) {
                v["display"] = languageMap(*f, [&](std::string_view l) -> const std::string& {
                    return f->competencyName(*ci, l);
                });
                if (const int li = findLevelByName(*f, c.level); li >= 0)
                    v["levelDisplay"] =
                        languageMap(*f, [&](std::string_view l) -> const std::string& {
                            return f->levelName(li, l);
                        });
            }
        }
        comps[base + "/competencies/" + iriSegment(c.id)] = std::move(v);
    }
    json ext = {{base + "/extensions/competency-scores", std::move(comps)}};
    if (!a.endingNode.empty())
        ext[base + "/extensions/ending"] = {
            {"node", a.endingNode}, {"outcome", a.outcome}, {"decisions", a.steps}};
    result["extensions"] = std::move(ext);

    json account = {{"homePage", o.accountHomePage},
                    {"name", a.employeeId.empty() ? a.trainee : a.employeeId}};
    json statement = {
        {"id", xapiStatementId(a)},
        {"actor", {{"objectType", "Agent"}, {"name", a.trainee}, {"account", std::move(account)}}},
        {"verb", verb(verbName)},
        {"object",
         {{"objectType", "Activity"},
          {"id",
           base + "/scenarios/" + iriSegment(a.scenarioId) + "/" + iriSegment(a.scenarioVersion)},
          {"definition",
           {{"type", "http://adlnet.gov/expapi/activities/simulation"},
            {"name", {{"und", a.scenarioTitle.empty() ? a.scenarioId : a.scenarioTitle}}}}}}},
        {"result", std::move(result)},
        {"context",
         {{"platform", o.platform},
          {"extensions",
           {{base + "/extensions/attempt", a.uid},
            {base + "/extensions/competency-framework", a.frameworkId + "@" + a.frameworkVersion},
            {base + "/extensions/scenario-content-hash", a.contentHash},
            {base + "/extensions/mode", attemptModeName(a.mode)},
            {base + "/extensions/timing", timingName(a.timing)}}}}},
        {"timestamp", formatTimestampUtc(a.endedAtMs.value_or(a.startedAtMs))}};
    return statement;
}

json renderXapiStatements(const ReportData& data, const XapiOptions& options) {
    json out = json::array();
    for (const auto& a : data.attempts)
        if (a.status == AttemptStatus::Finished) out.push_back(renderXapiStatement(a, options));
    return out;
}

bool isAbsoluteIri(std::string_view text) {
    const auto alpha = [](unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; };
    const auto digit = [](unsigned char c) { return c >= '0' && c <= '9'; };
    const auto hex = [&](unsigned char c) {
        return digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
    };
    const std::size_t colon = text.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon + 1 == text.size()) return false;
    if (!alpha(static_cast<unsigned char>(text[0]))) return false;
    for (std::size_t i = 1; i < colon; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (!alpha(c) && !digit(c) && c != '+' && c != '-' && c != '.') return false;
    }
    for (std::size_t i = colon + 1; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c <= 0x20 || c == 0x7f) return false;
        if (std::string_view("<>\"{}|\\^`").find(char(c)) != std::string_view::npos) return false;
        if (c == '%' && (i + 2 >= text.size() || !hex(static_cast<unsigned char>(text[i + 1])) ||
                         !hex(static_cast<unsigned char>(text[i + 2]))))
            return false;
    }
    return true;
}

}  // namespace rapport
