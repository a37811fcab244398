// xAPI 1.0.3 statements for an LRS: one per finished attempt (in-progress and abandoned attempts
// produce none, so an LRS never sees competency scores of an unfinished attempt).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "core/reports/report_language.hpp"
#include "core/reports/report_model.hpp"

namespace rapport {

struct XapiOptions {
    // Prefix of the IRIs Rapport mints: scenarios, competencies, extensions. The default is a
    // reserved placeholder (.invalid); an organisation sets its own namespace.
    std::string activityBase = "https://rapport.invalid/xapi";
    // actor.account.homePage: the system that knows the trainee's account (the LMS).
    std::string accountHomePage = "https://rapport.invalid";
    std::string platform = "Rapport";
    // When set, each competency score carries "display" (its name) and, when rated,
    // "levelDisplay": xAPI language maps in every language the framework reads (en-US, ja-JP,
    // ru-RU for the bundled one), so an LRS shows them in its reader's language.
    FrameworkResolver frameworks;
};

// Namespace of statement ids: uuidV5(kUuidNamespaceUrl, "https://rapport.invalid/xapi/statements").
std::string xapiStatementNamespace();

// Statement id of an attempt: uuidV5(xapiStatementNamespace(), attempt uid). Stable: the same
// attempt always exports with the same id, so an LRS drops a re-sent duplicate.
std::string xapiStatementId(const AttemptRecord& attempt);

// The statement of one finished attempt (verb passed / failed, or completed when unscored).
// Throws std::logic_error for an attempt that is not finished.
nlohmann::json renderXapiStatement(const AttemptRecord& attempt, const XapiOptions& options);

// A JSON array with the statement of every finished attempt, in report order.
nlohmann::json renderXapiStatements(const ReportData& data, const XapiOptions& options);

// Whether `text` has the shape of an absolute IRI (RFC 3987): a scheme (a letter, then letters,
// digits, "+", "-", "."), ":", and something after it; no spaces, control characters or
// characters IRIs never hold (<>"{}|\^`), every "%" followed by two hex digits. What the xAPI
// options must be, so no statement is written with an id an LRS rejects.
bool isAbsoluteIri(std::string_view text);

// Percent-encodes everything outside RFC 3986 "unreserved", so any id becomes one IRI segment.
std::string iriSegment(std::string_view text);

}  // namespace rapport
