// analyzeScenarioFile (scenario_analysis.hpp): the file-level entry, check first, then analyse.
#include "core/analysis/scenario_analysis.hpp"

namespace rapport {

FileAnalysis analyzeScenarioFile(const std::string& path, const AnalysisOptions& options) {
    FileAnalysis out;
    out.check = checkScenarioFile(path);
    if (!out.check.playable()) {
        out.error = out.check.unreadable
                        ? "cannot be read"
                        : "has errors; fix them (rapport validate) before analysing";
        return out;
    }
    const Scenario& s = *out.check.scenario;
    // A playable check has found and loaded the framework (RAP0050 otherwise).
    if (!out.check.framework) {
        out.error = "competence framework \"" + s.framework + "\" not found";
        return out;
    }
    try {
        out.analysis = analyzeScenario(s, *out.check.framework, options);
    } catch (const ScoringError& e) {
        out.error = e.what();
    }
    return out;
}

}  // namespace rapport
