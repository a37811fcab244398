#include "app/hr/hr_attempt_screen.hpp"

#include <imgui.h>

#include "app/hr/attempt_conditions.hpp"
#include "app/hr/hr_controls.hpp"
#include "app/shell/ui_label.hpp"
#include "app/shell/widgets.hpp"
#include "app/trainee/debrief_screen.hpp"
#include "core/alternates/alternate_scenario.hpp"
#include "core/alternates/played_form.hpp"
#include "core/alternates/retake_form.hpp"
#include "core/library/loaded_source.hpp"
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
    form_.reset();
    formName_.clear();
    endingTitle_.clear();
    endingSummary_.clear();
    note_.clear();
    const auto& job = hr.attempt();
    if (!job.value()) return;
    const store::StoredAttempt& s = job.value()->stored;
    const AttemptRecord& a = s.record;
    if (!s.report.is_null()) report_ = reportFromJson(s.report);

    const LibraryEntry* loaded = nullptr;  // the scenario of this id as loaded now, any version
    for (const auto& e : sources.library.entries)
        if (e.scenario && e.scenario->id == a.scenarioId) {
            if (!loaded || e.scenario->contentHash == a.contentHash) loaded = &e;
            if (e.scenario->contentHash == a.contentHash) scenario_ = &*e.scenario;
        }
    // An attempt of an alternate form is shown against that form, made from the loaded file.
    if (!scenario_ && loaded && !loaded->scenario->alternates.empty())
        if (const auto text = loadedSourceText(*loaded))
            if (const auto id = attemptForm(*loaded->scenario, *text, a); id && !id->empty()) {
                ScenarioCheck check = checkAlternate(*loaded->scenario, *text, *id);
                if (check.playable()) {
                    form_ = std::make_shared<const Scenario>(std::move(*check.scenario));
                    scenario_ = form_.get();
                }
            }
    // The file was edited or removed since: the version the trainee played, as the store kept it.
    if (!scenario_ && job.value()->played) scenario_ = job.value()->played.get();
    formName_ = playedFormName(report_ ? &*report_ : nullptr, s.transcript,
                               loaded ? &*loaded->scenario : nullptr);
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
    if (!formName_.empty())
        ui::TextWrappedColored(p.textMuted,
                               uiFormat(tr("Form played: {form}"), {{"form", formName_}}));
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
