#include "app/trainee/trainee_area.hpp"

#include <algorithm>
#include <limits>

#include "app/trainee/countdown_display.hpp"
#include "core/alternates/alternate_scenario.hpp"
#include "core/alternates/retake_form.hpp"
#include "core/campaign/campaign_progress.hpp"
#include "core/campaign/campaign_run.hpp"
#include "core/library/loaded_source.hpp"
#include "core/play/best_scores.hpp"
#include "core/play/resume_check.hpp"
#include "core/recommendation/assignment_status.hpp"
#include "core/recommendation/practice_evidence.hpp"
#include "core/recommendation/scenario_options.hpp"
#include "core/scoring/score_report_language.hpp"
#include "core/translation/interface_language.hpp"
#include "core/translation/ui_format.hpp"
#include "core/translation/ui_text.hpp"
#include "store/assignments.hpp"
#include "store/attempt_recorder.hpp"
#include "store/database_path.hpp"

namespace rapport::app {

namespace {

// Whom lines and replies address: the signed-in trainee, or nobody in particular.
TraineeForms formsOf(const std::optional<TraineeProfile>& trainee) {
    return trainee ? TraineeForms{trainee->name, trainee->form} : TraineeForms{};
}

}  // namespace

void QueuedJournal::record(const Session& session) {
    if (!*recorder) return;
    // Captured here, written on the queue's thread: the frame that took the reply never waits
    // for the disk. The decision that reaches the ending is not journaled here: the finish
    // writes it with the score, in one transaction (AttemptFlow).
    store::JournalBatch batch = store::captureJournal(session, captured);
    captured += batch.steps.size();
    writes->push("reply",
                 [recorder = *recorder, batch = std::move(batch)] { recorder->record(batch); });
}

TraineeArea::TraineeArea(TraineeSetup setup, const Clock& clock, const ScenarioLibrary& library,
                         const FrameworkShelf& frameworks, const CampaignShelf& campaigns,
                         Navigator& shell, std::function<void(std::string_view)> requireGlyphs)
    : setup_(std::move(setup)),
      clock_(&clock),
      library_(library),
      frameworks_(frameworks),
      campaigns_(campaigns),
      shell_(shell),
      requireGlyphs_(std::move(requireGlyphs)) {
    journal_.recorder = &recorder_;
    journal_.writes = &writes_;
    std::string error;
    remembered_ = loadTraineeProfile(setup_.dataDir, &error);
    if (!error.empty()) notice_ = error;
    if (!setup_.database.empty()) {
        try {
            store::ensureParentDirectory(setup_.database);
            store_ = std::make_unique<store::ResultsStore>(setup_.database);
        } catch (const store::StoreError& e) {
            notice_ = uiFormat(tr("Your attempts cannot be saved this time: {error}"),
                               {{"error", e.what()}});
        }
    }
}

// Out of line: the members' destruction order (scoring job, then writes, then the store) is
// the header's, and the job's and queue's types are complete here.
TraineeArea::~TraineeArea() = default;

const LibraryEntry* TraineeArea::currentEntry() const {
    if (entry_ < 0 || entry_ >= int(library_.entries.size())) return nullptr;
    return &library_.entries[std::size_t(entry_)];
}

const std::vector<StepEffect>& TraineeArea::echoes() const {
    static const std::vector<StepEffect> none;
    return flow_ ? flow_->effects() : none;
}

std::optional<int> TraineeArea::bestScore(const std::string& scenarioId) const {
    auto it = bestScores_.find(scenarioId);
    if (it == bestScores_.end()) return std::nullopt;
    return it->second;
}

void TraineeArea::assignmentsChanged() {
    if (!flow_ && !busy()) refreshBestScores();
}

void TraineeArea::refreshCampaigns() {
    campaignCards_.clear();
    const auto scenarioOf = [this](const std::string& id) -> const Scenario* {
        for (const auto& e : library_.entries)
            if (e.scenario && e.scenario->id == id) return &*e.scenario;
        return nullptr;
    };
    for (std::size_t k = 0; k < campaigns_.campaigns.size(); ++k) {
        const Campaign& c = campaigns_.campaigns[k];
        std::vector<AttemptRecord> attempts;
        if (store_ && trainee_) {
            try {
                attempts = store_->campaignAttempts(trainee_->name, c.id);
            } catch (const store::StoreError& e) {
                notice_ = uiFormat(tr("Your campaign progress could not be read: {error}"),
                                   {{"error", e.what()}});
            }
        } else {
            const std::string who = trainee_ ? trainee_->name : std::string();
            for (const auto& a : unrecordedMeetings_)
                if (a.trainee == who) attempts.push_back(a);
        }
        CampaignCard card;
        card.campaign = &c;
        card.index = int(k);
        card.state = currentCampaignRun(c, attempts, scenarioOf);
        for (const auto& m : c.meetings) {
            const Scenario* s = scenarioOf(m.scenario);
            card.titles.push_back(s ? s->title : m.scenario);
        }
        campaignCards_.push_back(std::move(card));
    }
    // The campaigns in the interface's language first: the trainee's own come into view.
    const std::string language = interfaceLanguage();
    std::stable_partition(campaignCards_.begin(), campaignCards_.end(), [&](const CampaignCard& c) {
        return c.campaign->language.rfind(language, 0) == 0;
    });
}

const CampaignCard* TraineeArea::playingCampaign() const {
    if (!meeting_) return nullptr;
    for (const auto& card : campaignCards_)
        if (card.index == meeting_->campaign) return &card;
    return nullptr;
}

bool TraineeArea::meetingCounted() const {
    const CampaignCard* card = playingCampaign();
    return card && card->state.run == meeting_->link.run &&
           card->state.score.played > meeting_->link.meeting;
}

void TraineeArea::openCampaign(int campaign) {
    if (campaign < 0 || campaign >= int(campaigns_.campaigns.size()) || !trainee_) return;
    settleStore();
    refreshCampaigns();
    const CampaignCard* card = nullptr;
    for (const auto& c : campaignCards_)
        if (c.index == campaign) card = &c;
    if (!card) return;
    const CampaignRunState state = card->state;
    if (!state.problem.empty()) return;  // the track says why; nothing can be played
    if (campaignStep(state) == CampaignStep::Resume)
        return resumeMeeting(campaign, *state.interrupted);
    const int index =
        campaignStep(state) == CampaignStep::Again ? 0 : state.score.nextMeeting.value_or(0);
    beginMeeting(campaign, index, state);
}

void TraineeArea::nextMeeting() {
    if (meeting_) openCampaign(meeting_->campaign);
}

void TraineeArea::beginMeeting(int campaign, int index, const CampaignRunState& state) {
    const Campaign& c = campaigns_.campaigns[std::size_t(campaign)];
    const auto& entries = campaigns_.entries[std::size_t(campaign)];
    if (!mayPlayMeeting(state, index) || index >= int(entries.size())) return;
    const int entry = entries[std::size_t(index)];
    recorder_.reset();
    flow_.reset();
    settleStore();
    form_.reset();
    meeting_.reset();
    const LibraryEntry& e = library_.entries[std::size_t(entry)];
    PlayingMeeting playing;
    playing.campaign = campaign;
    playing.link = meetingLink(c, state, index, *e.scenario, store::randomUuid());
    // The carried-start copy is what is played, journaled, resumed and scored: its best path is
    // searched from this start, not the file's (core/campaign/campaign_run.hpp).
    form_ = std::make_unique<Scenario>(
        startingFrom(*e.scenario, carriedStartFromJson(*e.scenario, playing.link.carriedStart)));
    const std::uint64_t seed = setup_.attemptSeed.value_or(freshAttemptSeed());
    const AttemptMode mode = AttemptMode::Practice;
    if (store_) {
        try {
            store::TraineeInfo who{trainee_->name, trainee_->employeeId, trainee_->group};
            recorder_ = std::make_shared<store::AttemptRecorder>(store::AttemptRecorder::begin(
                *store_, who, *form_, scenarioFramework(*form_, e.framework), mode, seed,
                store::unixNowMs(), trainee_->timing, playing.link));
        } catch (const store::StoreError& err) {
            notice_ =
                uiFormat(tr("This attempt will not be saved: {error}"), {{"error", err.what()}});
        }
    }
    meeting_ = std::move(playing);
    journal_.captured = 0;
    flow_.emplace(*form_, *clock_, mode, seed, &journal_, trainee_->timing);
    enterConversation(entry, mode);
}

void TraineeArea::resumeMeeting(int campaign, const AttemptRecord& attempt) {
    const auto& entries = campaigns_.entries[std::size_t(campaign)];
    const int index = attempt.campaign ? attempt.campaign->meeting : -1;
    if (!store_ || index < 0 || index >= int(entries.size())) return;
    const int entry = entries[std::size_t(index)];
    const LibraryEntry& e = library_.entries[std::size_t(entry)];
    recorder_.reset();
    flow_.reset();
    settleStore();
    std::unique_ptr<Scenario> form;
    try {
        // On the copy it was started on: the recorded carried start, not today's.
        form = std::make_unique<Scenario>(meetingScenario(*e.scenario, attempt));
        auto resumed = store::AttemptRecorder::resume(
            *store_, attempt.id, *form, scenarioFramework(*form, e.framework), *clock_);
        recorder_ = std::make_shared<store::AttemptRecorder>(std::move(resumed.recorder));
        journal_.captured = resumed.session.transcript().steps.size();
        flow_.emplace(
            AttemptFlow::resumed(std::move(resumed.session), resumed.record.mode, &journal_));
    } catch (const std::exception& err) {
        // ResumeError, StoreError, or a recorded start that no longer fits the scenario.
        recorder_.reset();
        flow_.reset();
        notice_ = uiFormat(tr("The interrupted meeting cannot be continued: {error}"),
                           {{"error", err.what()}});
        return;
    }
    form_ = std::move(form);
    meeting_ = PlayingMeeting{campaign, *attempt.campaign};
    enterConversation(entry, flow_->mode());
}

void TraineeArea::refreshBestScores() {
    bestScores_.clear();
    recommended_.reset();
    refreshCampaigns();
    if (!store_ || !trainee_) return;
    settleStore();
    try {
        store::AttemptFilter filter;
        filter.trainee = trainee_->name;
        filter.finishedOnly = true;
        bestScores_ = bestScores(store_->attempts(filter, false));
        // Every trainee's results calibrate the scenarios' difficulty (docs/recommendation.md).
        store::AttemptFilter everyone;
        everyone.finishedOnly = true;
        SkillModel model;
        const auto attempts = store_->attempts(everyone);
        model.learn(practiceEvidence(attempts));
        // A trainer's assignments to this trainee or their group come first until done.
        // The group given at sign-in counts before the trainee's first attempt stores it.
        const std::string group = trainee_->group.empty()
                                      ? store::traineeGroup(*store_, trainee_->name)
                                      : trainee_->group;
        const auto assigned =
            openAssignments(store::listAssignments(*store_), trainee_->name, group, attempts);
        const auto ranked = recommendScenarios(model, trainee_->name, scenarioOptions(library_),
                                               assigned, store::unixNowMs());
        if (!ranked.empty()) recommended_ = ranked.front();
    } catch (const store::StoreError& e) {
        notice_ =
            uiFormat(tr("Your previous scores could not be read: {error}"), {{"error", e.what()}});
    }
}

std::string TraineeArea::glyphText() const {
    std::string out;
    if (remembered_) out += remembered_->name + remembered_->group;
    if (trainee_) out += trainee_->name + trainee_->group;
    out += setup_.dataDir.string();
    return out;
}

bool TraineeArea::busy() const { return scoring_.running() || !writes_.idle() || heldChoice_ >= 0; }

bool TraineeArea::countdownShowing() const {
    return shell_.screen() == ScreenId::Conversation && flow_ && !flow_->finished() &&
           flow_->session().timed();
}

std::int64_t TraineeArea::msUntilCountdownChanges() const {
    if (!countdownShowing()) return 0;
    return rapport::app::msUntilCountdownChanges(flow_->session().timeLeftMs());
}

void TraineeArea::tick() {
    if (scoring_.ready()) settleScoring();
    pollWrites();
    if (!flow_ || flow_->finished()) return;
    if (heldChoice_ >= 0) {
        // Taken once the previous decision is on disk; a countdown waits for it too.
        if (journalBusy()) return;
        const int position = heldChoice_;
        heldChoice_ = -1;
        takeChoice(position);
        return;
    }
    if (journalBusy()) return;
    if (flow_->expireIfDue()) recordProgress();
}

bool TraineeArea::journalBusy() const { return recorder_ && !writes_.idle(); }

void TraineeArea::choose(int position) {
    if (!flow_ || flow_->finished() || heldChoice_ >= 0) return;
    if (journalBusy()) {
        heldChoice_ = position;
        return;
    }
    takeChoice(position);
}

void TraineeArea::takeChoice(int position) {
    if (!flow_) return;
    switch (flow_->choose(position)) {
        case AttemptFlow::Result::Refused:  // key 7 with three choices shown
            return;
        case AttemptFlow::Result::Failed:
            notice_ = uiFormat(tr("This reply could not be applied ({error}); the scenario file "
                                  "needs fixing."),
                               {{"error", flow_->lastError()}});
            return;
        case AttemptFlow::Result::Taken:
        case AttemptFlow::Result::TimedOut:
            recordProgress();
    }
}

void TraineeArea::recordProgress() {
    // The flow journaled the decision already (QueuedJournal).
    if (flow_ && flow_->finished()) startScoring();
}

void TraineeArea::pollWrites() {
    // Idle first: a failure is recorded before its write stops counting as pending.
    const bool idle = writes_.idle();
    for (auto& f : writes_.takeFailures()) {
        if (f.label == "finish") {
            // Nothing of the finish was written: the attempt stays resumable at its last reply.
            notice_ = uiFormat(tr("This attempt could not be saved as finished: {error}. It is "
                                  "kept unfinished and can be resumed from your last reply."),
                               {{"error", f.message}});
            saveState_ = SaveState::Failed;
        } else {
            // The recorder journals the missed steps with the next write that succeeds.
            notice_ = uiFormat(tr("Your last reply could not be saved yet ({error}); Rapport tries "
                                  "again with the next one."),
                               {{"error", f.message}});
        }
    }
    if (idle && saveState_ == SaveState::Saving && !scoring_.running()) {
        saveState_ = SaveState::Saved;
        refreshBestScores();
        if (onRecorded_) onRecorded_();
    }
}

void TraineeArea::startScoring() {
    settleScoring();
    report_.reset();
    advice_.clear();
    reportError_.clear();
    const Scenario& s = flow_->scenario();
    ScoringInput in;
    in.scenario = &s;
    in.sessionState = flow_->session().save();
    in.framework = frameworks_.frameworkFor(s);
    if (!in.framework)
        in.frameworkMissing = uiFormat(tr("the competence framework '{framework}' was not found"),
                                       {{"framework", s.framework}});
    // The check searched the best path once, when the library loaded; an optimum this area
    // searched itself is known only for an entry the check could not score.
    // A campaign meeting's carried start has its own best path: the job searches it.
    if (meeting_) {
    } else if (const LibraryEntry* e = currentEntry(); e && e->optimum && e->framework) {
        in.optimum = e->optimum;
        in.optimumFramework = e->framework->contentHash;
    } else if (auto opt = optima_.find(entry_); opt != optima_.end()) {
        in.optimum = opt->second.optimum;
        in.optimumFramework = opt->second.framework;
    }
    in.recorder = std::move(recorder_);
    in.writes = &writes_;
    in.endedAtMs = store::unixNowMs();
    saveState_ = in.recorder ? SaveState::Saving : SaveState::None;
    scoringEntry_ = meeting_ ? -1 : entry_;  // a carried start's optimum is not the entry's
    scoring_.start(std::move(in));
}

void TraineeArea::applyScoring(ScoringResult r) {
    if (r.optimum && scoringEntry_ >= 0)
        optima_.insert_or_assign(scoringEntry_, KnownOptimum{r.optimumFramework, *r.optimum});
    report_ = std::move(r.report);
    // The stored report keeps the framework's own words; the trainee reads theirs.
    if (report_)
        if (const Framework* f = frameworks_.byId(report_->frameworkId))
            localiseScoreReport(*report_, *f, interfaceLanguage());
    advice_ = std::move(r.advice);
    progress_.reset();
    if (report_ && previous_) progress_ = progressSince(*previous_, *report_);
    if (!report_ && !r.error.empty())
        reportError_ =
            uiFormat(tr("This attempt could not be scored: {error}"), {{"error", r.error}});
    // Without a store the campaign still goes on: the finished meeting is kept for this run.
    if (report_ && meeting_ && !r.saving && flow_) {
        AttemptRecord a;
        a.id = std::int64_t(unrecordedMeetings_.size()) + 1;
        a.trainee = trainee_ ? trainee_->name : std::string();
        a.scenarioId = flow_->scenario().id;
        a.status = AttemptStatus::Finished;
        a.startedAtMs = store::unixNowMs();
        a.score = report_->score;
        a.passed = report_->passed;
        a.campaign = meeting_->link;
        a.finalState = variablesToJson(flow_->scenario(), flow_->session().variables());
        unrecordedMeetings_.push_back(std::move(a));
    }
    // A recorded attempt's best score is read once its finish is on disk (pollWrites).
    if (!r.saving) refreshBestScores();
}

void TraineeArea::settleScoring() {
    if (!scoring_.running()) return;
    try {
        applyScoring(scoring_.take());
    } catch (const std::exception& e) {
        reportError_ =
            uiFormat(tr("This attempt could not be scored: {error}"), {{"error", e.what()}});
        if (saveState_ == SaveState::Saving) saveState_ = SaveState::Failed;
    }
}

void TraineeArea::settleStore() {
    settleScoring();
    writes_.drain();
    pollWrites();
}

void TraineeArea::signIn(const TraineeProfile& profile) {
    if (!profile.complete()) return;
    trainee_ = profile;
    std::string error;
    if (saveTraineeProfile(setup_.dataDir, profile, &error)) {
        remembered_ = profile;
    } else {
        notice_ = uiFormat(tr("Signed in, but your details could not be remembered: {error}"),
                           {{"error", error}});
    }
    shell_.show(ScreenId::Library);
    refreshBestScores();
}

void TraineeArea::signOut() {
    // An attempt left mid-way stays in progress in the store, offered for resume next time.
    recorder_.reset();
    heldChoice_ = -1;
    resumeOffer_.reset();
    trainee_.reset();
    flow_.reset();
    bestScores_.clear();
    signIn_ = {};
    shell_.show(ScreenId::SignIn);
}

void TraineeArea::openScenario(int entry, AttemptMode mode) {
    if (entry < 0 || entry >= int(library_.entries.size()) ||
        !library_.entries[std::size_t(entry)].playable())
        return;
    if (store_ && trainee_) {
        settleStore();
        try {
            const Scenario& s = *library_.entries[std::size_t(entry)].scenario;
            if (auto open = store::newestIncomplete(*store_, trainee_->name, s.id)) {
                ResumeOffer offer;
                offer.entry = entry;
                offer.requested = mode;
                offer.attempt = std::move(*open);
                // An attempt of an alternate form continues on that form.
                offeredForm_.reset();
                if (!s.alternates.empty())
                    if (auto text = loadedSourceText(library_.entries[std::size_t(entry)]))
                        if (auto form = attemptForm(s, formHashesOf(entry, *text), offer.attempt);
                            form && !form->empty())
                            offeredForm_ = prepareForm(entry, *text, *form);
                if (resumeRefusal(offer.attempt, offeredForm_ ? *offeredForm_ : s) !=
                    ResumeRefusal::None)
                    offer.problem =
                        tr("The scenario has changed since then, so that attempt cannot "
                           "be continued. Start over to play the current version.");
                resumeOffer_ = std::move(offer);
                return;
            }
        } catch (const store::StoreError& e) {
            notice_ = uiFormat(tr("Unfinished attempts could not be looked up: {error}"),
                               {{"error", e.what()}});
        }
    }
    beginPlay(entry, mode);
}

const FormHashes& TraineeArea::formHashesOf(int entry, std::string_view text) {
    // `text` is the file as the library loaded it (loadedSourceText checked), which does not
    // change while the app runs: its forms' hashes are built once, not at every start.
    auto it = formHashes_.find(entry);
    if (it == formHashes_.end())
        it = formHashes_
                 .emplace(entry, formHashes(*library_.entries[std::size_t(entry)].scenario, text))
                 .first;
    return it->second;
}

std::unique_ptr<Scenario> TraineeArea::prepareForm(int entry, std::string_view text,
                                                   const std::string& id) {
    if (id.empty()) return nullptr;
    ScenarioCheck check = checkAlternate(*library_.entries[std::size_t(entry)].scenario, text, id);
    if (!check.playable()) {
        notice_ = uiFormat(tr("The form '{form}' of this scenario cannot be played, so the "
                              "original form is played this time."),
                           {{"form", id}});
        return nullptr;
    }
    return std::make_unique<Scenario>(std::move(*check.scenario));
}

void TraineeArea::beginPlay(int entry, AttemptMode mode) {
    recorder_.reset();
    flow_.reset();
    meeting_.reset();
    // The scoring job and the queued writes may still read the form being replaced.
    settleStore();
    form_.reset();
    const LibraryEntry& e = library_.entries[std::size_t(entry)];
    const std::string who = trainee_ ? trainee_->name : std::string();
    if (!e.scenario->alternates.empty()) {
        // A retake plays the form this trainee has played least (core/alternates/retake_form):
        // from the store, or without one from this run's starts.
        try {
            std::vector<AttemptRecord> attempts;
            if (store_ && trainee_) {
                store::AttemptFilter filter;
                filter.trainee = who;
                filter.scenario = e.scenario->id;
                attempts = store_->attempts(filter, false);
            } else {
                for (const auto& a : unrecordedStarts_)
                    if (a.trainee == who) attempts.push_back(a);
            }
            if (auto text = loadedSourceText(e))
                form_ = prepareForm(entry, *text,
                                    nextForm(*e.scenario, formHashesOf(entry, *text), attempts));
            else
                notice_ = uiFormat(tr("{file} changed since the library was loaded, so the "
                                      "original form is played this time."),
                                   {{"file", e.path}});
        } catch (const store::StoreError& err) {
            notice_ = uiFormat(tr("Your earlier attempts could not be read, so the original form "
                                  "is played: {error}"),
                               {{"error", err.what()}});
        }
    }
    const Scenario& scenario = form_ ? *form_ : *e.scenario;
    if (!store_ || !trainee_) {
        AttemptRecord start;
        start.trainee = who;
        start.scenarioId = scenario.id;
        start.contentHash = scenario.contentHash;
        unrecordedStarts_.push_back(std::move(start));
    }
    const std::uint64_t seed = setup_.attemptSeed.value_or(freshAttemptSeed());
    if (store_ && trainee_) {
        try {
            store::TraineeInfo who{trainee_->name, trainee_->employeeId, trainee_->group};
            recorder_ = std::make_shared<store::AttemptRecorder>(store::AttemptRecorder::begin(
                *store_, who, scenario,
                scenarioFramework(scenario, library_.entries[std::size_t(entry)].framework), mode,
                seed, store::unixNowMs(), trainee_->timing));
        } catch (const store::StoreError& e) {
            notice_ =
                uiFormat(tr("This attempt will not be saved: {error}"), {{"error", e.what()}});
        }
    }
    journal_.captured = 0;
    flow_.emplace(scenario, *clock_, mode, seed, &journal_,
                  trainee_ ? trainee_->timing : Timing::Standard);
    enterConversation(entry, mode);
}

void TraineeArea::enterConversation(int entry, AttemptMode mode) {
    entry_ = entry;
    mode_ = mode;
    previous_.reset();
    progress_.reset();
    // A meeting's start is carried, so a lone attempt of its scenario is no fair comparison.
    if (store_ && trainee_ && !meeting_) {
        try {
            store::AttemptFilter filter;
            filter.trainee = trainee_->name;
            filter.scenario = flow_->scenario().id;
            filter.finishedOnly = true;
            const auto history = store_->attempts(filter);
            if (const AttemptRecord* p = previousAttempt(history, filter.scenario,
                                                         std::numeric_limits<std::int64_t>::max()))
                previous_ = *p;
        } catch (const store::StoreError&) {
            // Without the history the debrief only leaves out the comparison.
        }
    }
    heldChoice_ = -1;
    saveState_ = SaveState::None;
    conversation_ = {};
    shell_.show(ScreenId::Conversation);
    if (flow_->finished()) startScoring();  // a scenario whose start is an ending
}

void TraineeArea::resumeAttempt() {
    if (!resumeOffer_ || !resumeOffer_->problem.empty() || !store_) return;
    const ResumeOffer offer = *resumeOffer_;
    settleStore();
    // The flow and recorder being replaced may point into form_: it is swapped only once they
    // are gone.
    std::unique_ptr<Scenario> form = std::move(offeredForm_);
    const Scenario& s = form ? *form : *library_.entries[std::size_t(offer.entry)].scenario;
    try {
        auto resumed = store::AttemptRecorder::resume(
            *store_, offer.attempt.id, s,
            scenarioFramework(s, library_.entries[std::size_t(offer.entry)].framework), *clock_);
        recorder_ = std::make_shared<store::AttemptRecorder>(std::move(resumed.recorder));
        journal_.captured = resumed.session.transcript().steps.size();
        // The steps already taken keep their feedback and meter moves as shown when made.
        flow_.emplace(
            AttemptFlow::resumed(std::move(resumed.session), resumed.record.mode, &journal_));
        form_ = std::move(form);
    } catch (const store::ResumeError& e) {
        offeredForm_ = std::move(form);  // a recorder made before the throw may point into it
        resumeOffer_->problem =
            uiFormat(tr("{error} Start over to play it again."), {{"error", e.what()}});
        return;
    } catch (const store::StoreError& e) {
        offeredForm_ = std::move(form);
        resumeOffer_->problem =
            uiFormat(tr("The attempt could not be read: {error}"), {{"error", e.what()}});
        return;
    }
    resumeOffer_.reset();
    meeting_.reset();
    enterConversation(offer.entry, flow_->mode());
}

void TraineeArea::startOver() {
    if (!resumeOffer_) return;
    const ResumeOffer offer = *resumeOffer_;
    resumeOffer_.reset();
    if (store_) {
        settleStore();
        try {
            store::StoreAttemptArchive archive(*store_);
            abandonUnfinished(archive, trainee_ ? trainee_->name : offer.attempt.trainee,
                              offer.attempt.scenarioId, store::unixNowMs());
        } catch (const store::StoreError& e) {
            notice_ = uiFormat(tr("The unfinished attempt could not be set aside: {error}"),
                               {{"error", e.what()}});
        }
    }
    beginPlay(offer.entry, offer.requested);
}

void TraineeArea::cancelResume() { resumeOffer_.reset(); }

void TraineeArea::showDebrief() {
    if (!flow_ || !flow_->finished()) return;
    debrief_ = {};
    shell_.show(ScreenId::Debrief);
}

void TraineeArea::tryAgain() { openScenario(entry_, mode_); }

void TraineeArea::nextScenario() {
    if (auto next = library_.nextAfter(entry_))
        openScenario(*next, mode_);
    else
        backToLibrary();
}

void TraineeArea::backToLibrary() {
    // An unfinished attempt stays in progress in the store and is offered for resume.
    recorder_.reset();
    heldChoice_ = -1;
    flow_.reset();
    // The tracks show a meeting just left as interrupted, one just finished as played.
    if (!campaigns_.campaigns.empty()) {
        settleStore();
        refreshCampaigns();
    }
    shell_.show(trainee_ ? ScreenId::Library : ScreenId::SignIn);
}

void TraineeArea::Draw(const ScreenContext& ctx, ScreenId screen, const PortraitLookup& portraits) {
    switch (screen) {
        case ScreenId::SignIn:
            signIn_.Draw(ctx, remembered_, setup_.dataDir,
                         recording() ? setup_.database : std::string(), *this);
            break;
        case ScreenId::Library:
            libraryScreen_.campaigns = &campaignCards_;
            libraryScreen_.shelf = &campaigns_;
            libraryScreen_.Draw(
                ctx, library_,
                [this](const std::string& id) {
                    return frameworks_.competencyName(id, interfaceLanguage());
                },
                bestScores_, recommended_, *this);
            break;
        case ScreenId::Conversation:
            conversation_.trainee = formsOf(trainee_);
            conversation_.Draw(ctx, flow_ ? &*flow_ : nullptr, currentEntry(), portraits, *this);
            break;
        case ScreenId::Debrief: {
            DebriefView view;
            view.session = session();
            view.saveState = saveState_;
            view.trainee = formsOf(trainee_);
            view.report = report_ ? &*report_ : nullptr;
            view.advice = &advice_;
            view.progress = progress_ ? &*progress_ : nullptr;
            view.reportError = reportError_;
            view.pending = scoring();
            view.campaign = playingCampaign();
            view.campaignCounted = meetingCounted();
            debrief_.Draw(ctx, view, frameworks_, *this);
            break;
        }
        default:
            break;
    }
}

void TraineeArea::DrawResumePrompt(const ScreenContext& ctx) {
    resumePrompt_.Draw(ctx, resumeOffer_, *this);
}

}  // namespace rapport::app
