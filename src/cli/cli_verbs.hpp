// The `rapport <verb>` commands. Each verb parses its own arguments and calls core; none holds
// rules of its own. Exit codes (documented in docs/cli.md):
//   0 success, 1 the input has problems (invalid scenario, failed scripted play),
//   2 usage error or an unreadable file / environment failure.
#pragma once

#include <span>
#include <string_view>

namespace rapport::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitProblems = 1;
inline constexpr int kExitUsage = 2;
// sync and admin only: the central store could not be reached (or refused the login); what was
// waiting stays waiting, so a script retries later.
inline constexpr int kExitUnreachable = 3;

using Args = std::span<const std::string_view>;  // arguments after the verb

int runValidate(Args args);
int runPlay(Args args);
int runScore(Args args);
int runReport(Args args);
int runRecommend(Args args);  // cli_recommend.cpp
int runAssign(Args args);     // cli_assign.cpp
int runImport(Args args);
int runAnalyze(Args args);
int runStrings(Args args);
int runSync(Args args);
int runAdmin(Args args);
int runCampaign(Args args);         // `campaign validate|play`, cli_campaign.cpp
int runAdminPassphrase(Args args);  // `admin passphrase`, cli_admin_passphrase.cpp

}  // namespace rapport::cli
