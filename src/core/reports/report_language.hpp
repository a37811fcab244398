// HR reports in the reader's language. Attempts are stored in the words of the framework that
// scored them; the renderers (html, csv, json) print what the attempt records hold, so a report
// for a Japanese or Russian reader is the same data with the framework's translated names put
// in first. xAPI carries every language at once (report_xapi.hpp, XapiOptions::frameworks).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/framework/framework.hpp"
#include "core/reports/report_model.hpp"

namespace rapport {

// The framework an attempt was scored with, by framework id; nullptr when it is not at hand
// (then that attempt's names stay as stored).
using FrameworkResolver = std::function<const Framework*(const std::string& frameworkId)>;

// The level a stored result names: stored results keep the level's name (in the language the
// scorer wrote), so it is matched against the level ids and the names in every language the
// framework reads. -1 when none matches.
int findLevelByName(const Framework& f, std::string_view stored);

// Rewrites the competency and level names of every attempt into `lang` (docs/scoring.md,
// "Languages"). Competencies and levels the framework does not know keep their stored words.
void localiseReportData(ReportData& data, const FrameworkResolver& frameworks,
                        std::string_view lang);
void localiseAttempts(std::vector<AttemptRecord>& attempts, const FrameworkResolver& frameworks,
                      std::string_view lang);

// The HR table's competency names in `lang`: a cell does not say which framework scored it, so
// its name comes from the first of `frameworks` that defines the competency id.
void localiseCompetencyTable(std::vector<CompetencyCell>& cells,
                             const std::vector<const Framework*>& frameworks,
                             std::string_view lang);

}  // namespace rapport
