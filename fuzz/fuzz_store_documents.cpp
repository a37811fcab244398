// libFuzzer entry point for the documents the results store reads back from its file, which
// anyone with the file can edit: a saved session state (resumed directly, and through the
// journal replay that decides whether an attempt may be continued) and a score report (the HR
// summary and the debrief's report). Any bytes must give a SessionError or a value, never a
// crash, a hang or another exception.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "core/play/clock.hpp"
#include "core/play/resume_check.hpp"
#include "core/play/session.hpp"
#include "core/reports/report_model.hpp"
#include "core/scenario/scenario_loader.hpp"
#include "core/scoring/score_report.hpp"

namespace {

// A scenario with variables, meters, once-choices and a timed node, loaded once.
const rapport::Scenario& scenario() {
    static const rapport::LoadResult loaded = rapport::loadScenarioFile(RAPPORT_FUZZ_SCENARIO);
    if (!loaded.scenario) __builtin_trap();
    return *loaded.scenario;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const nlohmann::json j =
        nlohmann::json::parse(data, data + size, nullptr, false);  // as parseStoredJson reads
    if (j.is_discarded()) return 0;

    // The report column.
    (void)rapport::summariseScoreReport(j);
    (void)rapport::reportFromJson(j);

    // The session_state column.
    const rapport::Scenario& s = scenario();
    rapport::ManualClock clock;
    try {
        rapport::Session resumed = rapport::Session::resume(s, clock, j);
        (void)resumed.save();
    } catch (const rapport::SessionError&) {
    }
    // The journal replay, with the transcript the state itself carries as the journal.
    if (j.is_object() && j.contains("transcript")) {
        rapport::Transcript journal;
        try {
            journal = rapport::transcriptFromJson(j["transcript"]);
        } catch (const rapport::SessionError&) {
            return 0;
        }
        journal.scenarioId = s.id;
        journal.contentHash = s.contentHash;
        try {
            rapport::Session resumed = rapport::resumeFromJournal(s, clock, journal, j);
            (void)resumed.save();
        } catch (const rapport::SessionError&) {
        }
    }
    return 0;
}
