#include "app/shell/app.hpp"

#include <algorithm>
#include <cmath>

#include "app/shell/top_bar.hpp"
#include "app/shell/widgets.hpp"
#include "core/play/best_scores.hpp"
#include "core/play/resume_check.hpp"
#include "core/play/scripted_play.hpp"
#include "store/attempt_recorder.hpp"
#include "store/database_path.hpp"

namespace rapport::app {

App::App(AppConfig config, const Clock& clock, Theme theme)
    : config_(std::move(config)),
      clock_(&clock),
      theme_(theme),
      author_(*this, clock),
      hr_(config_.hrDatabase, *this) {
    journal_.recorder = &recorder_;
    journal_.writes = &writes_;
    library_ = loadScenarioLibrary(config_.scenarioPaths);
    std::string error;
    remembered_ = loadTraineeProfile(config_.dataDir, &error);
    if (!error.empty()) notice_ = error;
    for (const auto& e : library_.entries) {
        if (!e.scenario || frameworks_.count(e.scenario->framework)) continue;
        frameworks_[e.scenario->framework] = e.framework;
    }
    if (!config_.hrDatabase.empty()) {
        try {
            store::ensureParentDirectory(config_.hrDatabase);
            store_ = std::make_unique<store::ResultsStore>(config_.hrDatabase);
        } catch (const store::StoreError& e) {
            notice_ = "Your attempts cannot be saved this time: " + std::string(e.what());
        }
    }
    if (config_.startInHr) hr_.open();
}

const Framework* App::frameworkFor(const Scenario& s) const {
    auto it = frameworks_.find(s.framework);
    return it != frameworks_.end() && it->second ? &*it->second : nullptr;
}

std::string App::indicatorDescription(const std::string& id) const {
    for (const auto& [fid, f] : frameworks_)
        if (f)
            if (auto i = f->findIndicator(id)) return f->indicators[std::size_t(*i)].description;
    return id;
}

const LibraryEntry* App::currentEntry() const {
    if (entry_ < 0 || entry_ >= int(library_.entries.size())) return nullptr;
    return &library_.entries[entry_];
}

ImTextureID App::portraitFor(const Scenario& s) {
    if (s.client.portrait.empty() || !portraitLoader) return nullptr;
    const auto path = std::filesystem::path(s.sourcePath).parent_path() / s.client.portrait;
    return portraitLoader(path.string());
}

std::string App::competencyName(const std::string& id) const {
    for (const auto& [fid, f] : frameworks_)
        if (f)
            if (auto c = f->findCompetency(id)) return f->competencies[std::size_t(*c)].name;
    std::string out = id;
    std::replace(out.begin(), out.end(), '_', ' ');
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = char(out[0] - 'a' + 'A');
    return out;
}

std::optional<int> App::bestScore(const std::string& scenarioId) const {
    auto it = bestScores_.find(scenarioId);
    if (it == bestScores_.end()) return std::nullopt;
    return it->second;
}

void App::refreshBestScores() {
    bestScores_.clear();
    if (!store_ || !trainee_) return;
    settleStore();
    try {
        store::AttemptFilter filter;
        filter.trainee = trainee_->name;
        filter.finishedOnly = true;
        bestScores_ = bestScores(store_->attempts(filter, false));
    } catch (const store::StoreError& e) {
        notice_ = "Your previous scores could not be read: " + std::string(e.what());
    }
}

void App::requireGlyphs(std::string_view text) { glyphs_.require(text, fonts_.body); }

std::string App::glyphText() const {
    std::string out;
    for (const auto& e : library_.entries) {
        if (e.scenario) collectScenarioText(*e.scenario, out);
        out += e.path;
        for (const auto& d : e.diagnostics.items()) out += d.message;
    }
    for (const auto& [fid, f] : frameworks_) {
        if (!f) continue;
        out += f->name;
        for (const auto& l : f->levels) out += l.name + l.description;
        for (const auto& c : f->competencies) {
            out += c.name + c.description;
            for (const auto& a : c.anchors) out += a;
        }
        for (const auto& i : f->indicators) out += i.description;
        for (const auto& r : f->rules) out += r.description;
    }
    if (remembered_) out += remembered_->name + remembered_->group;
    out += author_.glyphText();
    if (trainee_) out += trainee_->name + trainee_->group;
    out += glyphs_.text();
    out += hr_.glyphText();
    out += config_.dataDir.string();
    return out;
}

bool App::animating() const {
    return busy() || (screen_ == ScreenId::Conversation && flow_ && !flow_->finished() &&
                      flow_->session().node().isTimed());
}

void QueuedJournal::record(const Session& session) {
    if (!*recorder) return;
    // Captured here, written on the queue's thread: the frame that took the reply never waits
    // for the disk. The last decision is journaled at once too, not only with the ending after
    // scoring, so it survives a crash while the score is worked out.
    store::JournalBatch batch = store::captureJournal(session, captured);
    captured += batch.steps.size();
    writes->push("reply",
                 [recorder = *recorder, batch = std::move(batch)] { recorder->record(batch); });
}

void App::tick() {
    author_.tick();
    hr_.poll();
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

bool App::journalBusy() const { return recorder_ && !writes_.idle(); }

void App::choose(int position) {
    if (!flow_ || flow_->finished() || heldChoice_ >= 0) return;
    if (journalBusy()) {
        heldChoice_ = position;
        return;
    }
    takeChoice(position);
}

void App::takeChoice(int position) {
    if (!flow_) return;
    switch (flow_->choose(position)) {
        case AttemptFlow::Result::Refused:  // key 7 with three choices shown
            return;
        case AttemptFlow::Result::Failed:
            notice_ = "This reply could not be applied (" + flow_->lastError() +
                      "); the scenario file needs fixing.";
            return;
        case AttemptFlow::Result::Taken:
        case AttemptFlow::Result::TimedOut:
            recordProgress();
    }
}

void App::recordProgress() {
    // The flow journaled the decision already (QueuedJournal).
    if (flow_ && flow_->finished()) startScoring();
}

void App::pollWrites() {
    // Idle first: a failure is recorded before its write stops counting as pending.
    const bool idle = writes_.idle();
    for (auto& f : writes_.takeFailures()) {
        if (f.label == "finish") {
            // Nothing of the finish was written: the attempt stays resumable at its last reply.
            notice_ = "This attempt could not be saved as finished: " + f.message +
                      ". It is kept unfinished and can be resumed from your last reply.";
            saveState_ = SaveState::Failed;
        } else {
            // The recorder journals the missed steps with the next write that succeeds.
            notice_ = "Your last reply could not be saved yet (" + f.message +
                      "); Rapport tries again with the next one.";
        }
    }
    if (idle && saveState_ == SaveState::Saving && !scoring_.running()) {
        saveState_ = SaveState::Saved;
        refreshBestScores();
    }
}

void App::startScoring() {
    settleScoring();
    report_.reset();
    advice_.clear();
    reportError_.clear();
    const Scenario& s = flow_->scenario();
    ScoringInput in;
    in.scenario = &s;
    in.sessionState = flow_->session().save();
    in.framework = frameworkFor(s);
    if (!in.framework)
        in.frameworkMissing = "the competence framework '" + s.framework + "' was not found";
    // The check searched the best path once, when the library loaded; an optimum this app
    // searched itself is known only for an entry the check could not score.
    if (const LibraryEntry* e = currentEntry(); e && e->optimum && e->framework) {
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
    scoringEntry_ = entry_;
    scoring_.start(std::move(in));
}

void App::applyScoring(ScoringResult r) {
    if (r.optimum && scoringEntry_ >= 0)
        optima_.insert_or_assign(scoringEntry_, KnownOptimum{r.optimumFramework, *r.optimum});
    report_ = std::move(r.report);
    advice_ = std::move(r.advice);
    if (!report_ && !r.error.empty()) reportError_ = "This attempt could not be scored: " + r.error;
    // A recorded attempt's best score is read once its finish is on disk (pollWrites).
    if (!r.saving) refreshBestScores();
}

void App::settleScoring() {
    if (!scoring_.running()) return;
    try {
        applyScoring(scoring_.take());
    } catch (const std::exception& e) {
        reportError_ = std::string("This attempt could not be scored: ") + e.what();
        if (saveState_ == SaveState::Saving) saveState_ = SaveState::Failed;
    }
}

void App::settleStore() {
    settleScoring();
    writes_.drain();
    pollWrites();
}

void App::signIn(const TraineeProfile& profile) {
    if (!profile.complete()) return;
    trainee_ = profile;
    std::string error;
    if (saveTraineeProfile(config_.dataDir, profile, &error)) {
        remembered_ = profile;
    } else {
        notice_ = "Signed in, but your details could not be remembered: " + error;
    }
    screen_ = ScreenId::Library;
    refreshBestScores();
}

void App::signOut() {
    // An attempt left mid-way stays in progress in the store, offered for resume next time.
    recorder_.reset();
    heldChoice_ = -1;
    resumeOffer_.reset();
    trainee_.reset();
    flow_.reset();
    bestScores_.clear();
    signIn_ = {};
    screen_ = ScreenId::SignIn;
}

void App::openScenario(int entry, PlayMode mode) {
    if (entry < 0 || entry >= int(library_.entries.size()) || !library_.entries[entry].playable())
        return;
    if (store_ && trainee_) {
        settleStore();
        try {
            const Scenario& s = *library_.entries[entry].scenario;
            if (auto open = store::newestIncomplete(*store_, trainee_->name, s.id)) {
                ResumeOffer offer;
                offer.entry = entry;
                offer.requested = mode;
                offer.attempt = std::move(*open);
                if (resumeRefusal(offer.attempt, s) != ResumeRefusal::None)
                    offer.problem =
                        "The scenario has changed since then, so that attempt cannot "
                        "be continued. Start over to play the current version.";
                resumeOffer_ = std::move(offer);
                return;
            }
        } catch (const store::StoreError& e) {
            notice_ = "Unfinished attempts could not be looked up: " + std::string(e.what());
        }
    }
    beginPlay(entry, mode);
}

void App::beginPlay(int entry, PlayMode mode) {
    recorder_.reset();
    flow_.reset();
    const Scenario& scenario = *library_.entries[entry].scenario;
    if (store_ && trainee_) {
        settleStore();
        try {
            store::TraineeInfo who{trainee_->name, trainee_->employeeId, trainee_->group};
            recorder_ = std::make_shared<store::AttemptRecorder>(
                store::AttemptRecorder::begin(*store_, who, scenario, mode, 0, store::unixNowMs()));
        } catch (const store::StoreError& e) {
            notice_ = "This attempt will not be saved: " + std::string(e.what());
        }
    }
    journal_.captured = 0;
    flow_.emplace(scenario, *clock_, mode, 0, &journal_);
    enterConversation(entry, mode);
}

void App::enterConversation(int entry, PlayMode mode) {
    entry_ = entry;
    mode_ = mode;
    heldChoice_ = -1;
    saveState_ = SaveState::None;
    conversation_ = {};
    screen_ = ScreenId::Conversation;
    if (flow_->finished()) startScoring();  // a scenario whose start is an ending
}

void App::resumeAttempt() {
    if (!resumeOffer_ || !resumeOffer_->problem.empty() || !store_) return;
    const ResumeOffer offer = *resumeOffer_;
    const Scenario& s = *library_.entries[offer.entry].scenario;
    settleStore();
    try {
        auto resumed = store::AttemptRecorder::resume(*store_, offer.attempt.id, s, *clock_);
        recorder_ = std::make_shared<store::AttemptRecorder>(std::move(resumed.recorder));
        journal_.captured = resumed.session.transcript().steps.size();
        // The steps already taken keep their feedback and meter moves as shown when made.
        flow_.emplace(
            AttemptFlow::resumed(std::move(resumed.session), resumed.record.mode, &journal_));
    } catch (const store::ResumeError& e) {
        resumeOffer_->problem = e.what() + std::string(" Start over to play it again.");
        return;
    } catch (const store::StoreError& e) {
        resumeOffer_->problem = "The attempt could not be read: " + std::string(e.what());
        return;
    }
    resumeOffer_.reset();
    enterConversation(offer.entry, flow_->mode());
}

void App::startOver() {
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
            notice_ = "The unfinished attempt could not be set aside: " + std::string(e.what());
        }
    }
    beginPlay(offer.entry, offer.requested);
}

void App::cancelResume() { resumeOffer_.reset(); }

void App::showDebrief() {
    if (!flow_ || !flow_->finished()) return;
    debrief_ = {};
    screen_ = ScreenId::Debrief;
}

void App::tryAgain() { openScenario(entry_, mode_); }

void App::nextScenario() {
    if (auto next = library_.nextAfter(entry_))
        openScenario(*next, mode_);
    else
        backToLibrary();
}

void App::backToLibrary() {
    // An unfinished attempt stays in progress in the store and is offered for resume.
    recorder_.reset();
    heldChoice_ = -1;
    flow_.reset();
    screen_ = trainee_ ? ScreenId::Library : ScreenId::SignIn;
}

void App::setThemeMode(ThemeMode mode) {
    theme_ = makeTheme(mode, theme_.scale);
    styleDirty_ = true;
}

void App::toggleThemeMode() {
    setThemeMode(theme_.mode == ThemeMode::Light ? ThemeMode::Dark : ThemeMode::Light);
}

void App::setScale(float scale) {
    theme_ = makeTheme(theme_.mode, scale);
    styleDirty_ = true;
}

void App::Draw() {
    locator_.beginFrame();
    if (styleDirty_) {
        applyTheme(theme_, ImGui::GetStyle());
        styleDirty_ = false;
    }
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus |
                                   ImGuiWindowFlags_NoScrollWithMouse;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(theme_.px(24), 0));
    ImGui::Begin("##rapport", nullptr, flags);
    ImGui::PopStyleVar();
    if (fonts_.body) ImGui::PushFont(fonts_.body);
    TopBarView bar;
    bar.screen = screen_;
    bar.inHr = hr_.showing();
    if (trainee_) bar.signedIn = true, bar.trainee = trainee_->name, bar.group = trainee_->group;
    drawTopBar(
        screenContext(), bar,
        TopBarActions{[this] { toggleThemeMode(); }, [this] { author_.open(); },
                      [this] { author_.leave(); }, [this] { hr_.open(); }, [this] { signOut(); }});

    if (!notice_.empty()) {
        ui::Callout(theme_, notice_, theme_.palette.warning, false);
        ImGui::SameLine();
        if (ui::Button(locator_, "Dismiss")) notice_.clear();
    }

    const ScreenUi ui{theme_, fonts_, locator_};
    switch (screen_) {
        case ScreenId::SignIn:
            signIn_.Draw(ui, remembered_, config_.dataDir,
                         recording() ? config_.hrDatabase : std::string(), *this);
            break;
        case ScreenId::Library:
            libraryScreen_.Draw(
                ui, library_, [this](const std::string& id) { return competencyName(id); },
                bestScores_, *this);
            break;
        case ScreenId::Conversation:
            conversation_.Draw(ui, flow_ ? &*flow_ : nullptr, currentEntry(),
                               flow_ ? portraitFor(flow_->scenario()) : nullptr, *this);
            break;
        case ScreenId::Debrief:
            debrief_.Draw(*this);
            break;
        case ScreenId::Author:
            author_.Draw(screenContext(), library_);
            break;
        case ScreenId::HrTable:
        case ScreenId::HrTrainee:
        case ScreenId::HrAttempt:
        case ScreenId::HrGroup:
            hr_.Draw(screenContext(),
                     HrSources{library_, [this](const Scenario& s) { return frameworkFor(s); },
                               [this](const DebriefContent& c) { drawDebriefBody(*this, c); }});
            break;
    }
    resumePrompt_.Draw(ui, resumeOffer_, *this);
    if (fonts_.body) ImGui::PopFont();
    ImGui::End();
}

}  // namespace rapport::app
