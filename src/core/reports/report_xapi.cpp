// Shape follows ../shared/research/competence.md section 7.3: the competency scores travel in one
// result extension keyed by competency IRI, and the framework, content hash and mode in context
// extensions, so a consumer can tell which scenario file and which key produced the numbers.
#include "core/reports/report_xapi.hpp"

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

json verb(const char* name) {
    return {{"id", std::string("http://adlnet.gov/expapi/verbs/") + name},
            {"display", {{"en-US", name}}}};
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
            {base + "/extensions/mode", attemptModeName(a.mode)}}}}},
        {"timestamp", formatTimestampUtc(a.endedAtMs.value_or(a.startedAtMs))}};
    return statement;
}

json renderXapiStatements(const ReportData& data, const XapiOptions& options) {
    json out = json::array();
    for (const auto& a : data.attempts)
        if (a.status == AttemptStatus::Finished) out.push_back(renderXapiStatement(a, options));
    return out;
}

}  // namespace rapport
