#include "app/hr/hr_attempt_screen.hpp"

#include <imgui.h>

#include "app/hr/attempt_conditions.hpp"
#include "app/hr/hr_controls.hpp"
#include "app/shell/ui_label.hpp"
#include "app/shell/widgets.hpp"
#include "app/trainee/debrief_screen.hpp"
#include "core/reports/report_time.hpp"
#include "core/scoring/score_report_language.hpp"
#include "core/scoring/scoring.hpp"
#include "core/translation/interface_language.hpp"
#include "core/translation/ui_format.hpp"

namespace rapport::app {

void HrAttemptScreen::rebuild(const HrData& hr, const HrSources& sources) {
    builtRevision_ = hr.revision();
    report_.reset();
    advice_.clear();
    scenario_ = nullptr;
    endingTitle_.clear();
    endingSummary_.clear();
    note_.clear();
    const auto& job = hr.attempt();
    if (!job.value()) return;
    const store::StoredAttempt& s = job.value()->stored;
    const AttemptRecord& a = s.record;
    if (!s.report.is_null()) report_ = reportFromJson(s.report);

    for (const auto& e : sources.library.entries)
        if (e.scenario && e.scenario->id == a.scenarioId &&
            e.scenario->contentHash == a.contentHash)
            scenario_ = &*e.scenario;
    // The file was edited or removed since: the version the trainee played, as the store kept it.
    if (!scenario_ && job.value()->played) scenario_ = job.value()->played.get();
    if (scenario_) {
        if (auto n = scenario_->findNode(a.endingNode);
            n && scenario_->nodes[std::size_t(*n)].ending) {
            endingTitle_ = scenario_->nodes[std::size_t(*n)].ending->title;
            endingSummary_ = scenario_->nodes[std::size_t(*n)].ending->summary;
        }
        if (const Framework* f = sources.frameworkFor(*scenario_)) {
            if (report_) localiseScoreReport(*report_, *f, interfaceLanguage());
            try {
                advice_ = adviseSteps(*scenario_, *f, s.transcript);
            } catch (const std::exception&) {
                advice_.clear();  // advice is a help, not the record: show the attempt without it
            }
        }
    } else {
        note_ =
            uiFormat(tr("The scenario file of this attempt ({scenario} {version}) is not loaded "
                        "in this version, so feedback and stronger replies are not shown; the "
                        "scores are those stored with the attempt."),
                     {{"scenario", a.scenarioId}, {"version", a.scenarioVersion}});
    }
    if (endingTitle_.empty()) {
        if (a.status == AttemptStatus::Finished)
            endingTitle_ = uiFormat(tr("Ending: {ending}"),
                                    {{"ending", a.outcome.empty() ? a.endingNode : a.outcome}});
        else
            endingTitle_ = a.status == AttemptStatus::InProgress ? tr("Incomplete attempt")
                                                                 : tr("Abandoned attempt");
    }
}

void HrAttemptScreen::Draw(const ScreenContext& ctx, HrData& hr, HrActions& actions,
                           const HrSources& sources) {
    const Palette& p = ctx.theme.palette;
    const auto& job = hr.attempt();
    if (builtRevision_ != hr.revision()) rebuild(hr, sources);

    std::string title = tr("Attempt"), subtitle;
    if (job.value()) {
        const AttemptRecord& a = job.value()->stored.record;
        title = uiFormat(tr("Attempt · {scenario}"),
                         {{"scenario", a.scenarioTitle.empty() ? a.scenarioId : a.scenarioTitle}});
        subtitle = uiFormat(tr("{trainee} · {time} UTC · {mode} · {status} · scenario {scenario} "
                               "{version}"),
                            {{"trainee", a.trainee},
                             {"time", formatDateTimeShort(a.startedAtMs)},
                             {"mode", attemptConditions(a.mode, a.timing)},
                             {"status", attemptStatusName(a.status)},
                             {"scenario", a.scenarioId},
                             {"version", a.scenarioVersion}});
    }
    if (drawHrHeader(ctx, title, subtitle, trNoop("Back to trainee"))) {
        actions.openPage(hr.trainee().empty() ? ScreenId::HrTable : ScreenId::HrTrainee);
        return;
    }
    if (!drawHrStatus(ctx.theme, job.running(), job.error(), job.value().has_value(), "")) return;
    if (!note_.empty()) ui::TextWrappedColored(p.textMuted, note_);

    const store::StoredAttempt& s = job.value()->stored;
    DebriefContent content;
    content.report = report_ ? &*report_ : nullptr;
    content.scenario = scenario_;
    content.transcript = &s.transcript;
    content.advice = &advice_;
    content.endingTitle = endingTitle_;
    content.endingSummary = endingSummary_;
    if (!report_)
        content.reportError = s.record.status == AttemptStatus::Finished
                                  ? tr("No score report was stored with this attempt.")
                                  : tr("The attempt was not finished, so it has no score report.");
    content.clientName = trc("speaker", "Client");
    content.traineeCaption = s.record.trainee;
    content.transcriptHeading = tr("The conversation, annotated");
    sources.drawDebrief(content);
}

}  // namespace rapport::app
