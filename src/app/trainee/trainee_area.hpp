// The trainee area: who is signed in, the attempt being played (through core's AttemptFlow), its
// journal and finish in the results store, scoring on a worker, the resume offer, and the
// sign-in, library, conversation and debrief screens. It holds no training rules: playing is
// AttemptFlow's job and scoring the scoring module's; the area only sequences screens and writes
// around them. The shell owns it and draws its screens; screens take data and TraineeActions.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/shell/framework_shelf.hpp"
#include "app/shell/navigator.hpp"
#include "app/shell/screen_context.hpp"
#include "app/trainee/campaign_track.hpp"
#include "app/trainee/conversation_screen.hpp"
#include "app/trainee/debrief_screen.hpp"
#include "app/trainee/library_screen.hpp"
#include "app/trainee/resume_offer.hpp"
#include "app/trainee/resume_prompt.hpp"
#include "app/trainee/save_state.hpp"
#include "app/trainee/scoring_job.hpp"
#include "app/trainee/sign_in_screen.hpp"
#include "app/trainee/trainee_actions.hpp"
#include "app/trainee/trainee_profile.hpp"
#include "core/alternates/retake_form.hpp"
#include "core/campaign/campaign_shelf.hpp"
#include "core/library/scenario_library.hpp"
#include "core/play/attempt_flow.hpp"
#include "core/play/attempt_mode.hpp"
#include "core/play/attempt_progress.hpp"
#include "core/play/clock.hpp"
#include "core/play/session.hpp"
#include "core/scoring/score_report.hpp"
#include "core/scoring/scoring.hpp"
#include "core/scoring/step_advice.hpp"
#include "store/attempt_recorder.hpp"
#include "store/results_store.hpp"
#include "store/write_queue.hpp"

namespace rapport::app {

// Journals the attempt flow's decisions through the write queue, on the queue's thread, while
// the area has a recorder for the attempt.
struct QueuedJournal : AttemptJournal {
    const std::shared_ptr<store::AttemptRecorder>* recorder = nullptr;
    store::WriteQueue* writes = nullptr;
    std::size_t captured = 0;  // transcript steps already handed to the write queue
    void record(const Session& session) override;
};

struct TraineeSetup {
    std::filesystem::path dataDir;  // where the trainee profile is remembered
    // Results database every attempt is recorded in ("" = none: nothing is recorded).
    std::string database;
    // Every new attempt's seed; unset: a fresh one per attempt, so a retake shows the replies in
    // another order. A resumed attempt keeps its own.
    std::optional<std::uint64_t> attemptSeed = std::nullopt;
};

class TraineeArea final : public TraineeActions {
public:
    // `library` and `frameworks` are the shell's and outlive the area. `requireGlyphs` is the
    // shell's font atlas hook for typed text.
    // `campaigns` is the shell's too, made from the same library.
    TraineeArea(TraineeSetup setup, const Clock& clock, const ScenarioLibrary& library,
                const FrameworkShelf& frameworks, const CampaignShelf& campaigns, Navigator& shell,
                std::function<void(std::string_view)> requireGlyphs);
    ~TraineeArea() override;
    TraineeArea(const TraineeArea&) = delete;
    TraineeArea& operator=(const TraineeArea&) = delete;

    // Per frame: takes a finished scoring job and journal results, a held reply, an expired
    // countdown (AttemptFlow decides what that means).
    void tick();
    // True while a finished attempt is being scored, journal writes are pending or a reply waits.
    bool busy() const;
    // The assignments in the store changed (a sync pulled some, or HR assigned one): the
    // library's "Recommended next" is read again, unless a conversation is under way.
    void assignmentsChanged();
    // True while a countdown is on the conversation screen.
    bool countdownShowing() const;
    // While a countdown shows: milliseconds until its shown number changes (0 otherwise).
    std::int64_t msUntilCountdownChanges() const;

    // What the screens and scripts read.
    const std::optional<TraineeProfile>& profile() const { return trainee_; }
    const std::optional<TraineeProfile>& rememberedProfile() const { return remembered_; }
    const Session* session() const { return flow_ ? &flow_->session() : nullptr; }
    const LibraryEntry* currentEntry() const;
    AttemptMode mode() const { return mode_; }
    const std::vector<StepEffect>& echoes() const;
    // The last environment problem (a profile or store failure), if any.
    const std::string& notice() const { return notice_; }
    void dismissNotice() { notice_.clear(); }
    // The finished session's score report and per-step advice, or why the attempt could not be
    // scored. Computed on a worker when the conversation ends; scoring() is true until then.
    const std::optional<ScoreReport>& report() const { return report_; }
    const std::vector<StepAdvice>& advice() const { return advice_; }
    const std::string& reportError() const { return reportError_; }
    bool scoring() const { return scoring_.running(); }
    // Best score of the signed-in trainee's finished attempts of the scenario, from the results
    // store (read at sign-in and after each finished attempt); nullopt when none or no store.
    std::optional<int> bestScore(const std::string& scenarioId) const;
    bool recording() const { return store_ != nullptr; }
    // Called (on the UI thread) each time a finished attempt is safely in the results store:
    // the shell wakes the background sync with it, so the central store has it within seconds.
    void onAttemptRecorded(std::function<void()> f) { onRecorded_ = std::move(f); }
    SaveState saveState() const { return saveState_; }
    const std::optional<ResumeOffer>& resumeOffer() const { return resumeOffer_; }
    // The trainees' names, for the font atlas.
    std::string glyphText() const;

    // TraineeActions, and what the shell's top bar asks.
    void signIn(const TraineeProfile& profile) override;  // remembers it; failure sets notice()
    void signOut();
    void openScenario(int entry, AttemptMode mode) override;
    void resumeAttempt() override;
    void startOver() override;
    void cancelResume() override;
    // While the previous decision's journal write is still running the reply is held and taken
    // by tick() once it is on disk, so a crash loses at most the decision being written.
    void choose(int position) override;
    void showDebrief() override;
    void tryAgain() override;
    void nextScenario() override;
    void backToLibrary() override;
    void openCampaign(int campaign) override;
    void nextMeeting() override;
    // The library's campaign tracks as last read (sign-in, each saved attempt), and the
    // campaign of the meeting being played or debriefed (null for a lone attempt).
    const std::vector<CampaignCard>& campaignCards() const { return campaignCards_; }
    const CampaignCard* playingCampaign() const;
    // Whether the campaign's state already counts the meeting just played (its finish is read
    // back from the store): only then does the debrief show its progress and "Next meeting".
    bool meetingCounted() const;
    void requireGlyphs(std::string_view text) override { requireGlyphs_(text); }

    // Draws the current trainee screen (sign-in, library, conversation or debrief); `portraits`
    // gives the conversation its speakers' pictures (empty: initials).
    void Draw(const ScreenContext& ctx, ScreenId screen, const PortraitLookup& portraits);
    // Draws the resume modal over whatever screen is showing while an offer is open.
    void DrawResumePrompt(const ScreenContext& ctx);

private:
    void beginPlay(int entry, AttemptMode mode);
    // The scenario of form `id` of the entry ("" = the library's original, returned as null),
    // prepared by the check pipeline from `text`, the file as the library loaded it
    // (core/library/loaded_source.hpp). Null with notice_ set when it cannot be made.
    std::unique_ptr<Scenario> prepareForm(int entry, std::string_view text, const std::string& id);
    // The content hashes of the entry's alternate forms, built on first use and kept.
    const FormHashes& formHashesOf(int entry, std::string_view text);
    void enterConversation(int entry, AttemptMode mode);
    void takeChoice(int position);
    void recordProgress();  // starts scoring once the decision ended the conversation
    void startScoring();
    void applyScoring(ScoringResult result);
    void settleScoring();      // waits for a running job (which may still queue a write)
    void settleStore();        // waits for the job and the queued writes: the store is then free
    void pollWrites();         // shows failed writes; notes when the finished attempt is saved
    bool journalBusy() const;  // a decision's journal write is queued or running
    void refreshBestScores();
    void refreshCampaigns();  // campaignCards_ from the trainee's attempts
    // Starts meeting `index` of campaign `campaign` from the run `state` describes.
    void beginMeeting(int campaign, int index, const CampaignRunState& state);
    void resumeMeeting(int campaign, const AttemptRecord& attempt);

    TraineeSetup setup_;
    const Clock* clock_;
    const ScenarioLibrary& library_;
    const FrameworkShelf& frameworks_;
    const CampaignShelf& campaigns_;
    Navigator& shell_;
    std::function<void(std::string_view)> requireGlyphs_;

    std::optional<TraineeProfile> remembered_;
    std::optional<TraineeProfile> trainee_;
    // The alternate form being played (core/alternates/retake_form.hpp), null for the library's
    // original; and the form of the attempt the resume offer would continue. Declared before
    // the flow, the recorder, the write queue and the scoring job, which all point into it, so
    // it outlives them; replaced only once they are settled.
    std::unique_ptr<Scenario> form_;
    std::unique_ptr<Scenario> offeredForm_;
    // Without a results store: the forms started in this run (trainee, scenario id, content
    // hash), so a retake is not a replay either.
    std::vector<AttemptRecord> unrecordedStarts_;
    std::map<int, FormHashes> formHashes_;  // by library entry (formHashesOf)
    int entry_ = -1;
    AttemptMode mode_ = AttemptMode::Practice;
    // The campaign meeting being played (form_ is then its carried-start copy), if any.
    struct PlayingMeeting {
        int campaign = -1;
        AttemptCampaign link;
    };
    std::optional<PlayingMeeting> meeting_;
    std::vector<CampaignCard> campaignCards_;
    // Without a results store: the meetings finished in this run, so a campaign still goes on.
    std::vector<AttemptRecord> unrecordedMeetings_;
    std::optional<AttemptFlow> flow_;  // the attempt being played
    std::string notice_;
    struct KnownOptimum {
        std::string framework;  // content hash of the framework it was found under
        ScenarioOptimum optimum;
    };
    std::map<int, KnownOptimum> optima_;  // by library entry
    std::optional<ScoreReport> report_;
    // The trainee's previous finished attempt of the scenario being played (read when it
    // starts), and the debrief's comparison with it once the report is in.
    std::optional<AttemptRecord> previous_;
    std::optional<AttemptProgress> progress_;
    std::vector<StepAdvice> advice_;
    std::string reportError_;

    SignInScreen signIn_;
    LibraryScreen libraryScreen_;
    ConversationScreen conversation_;
    DebriefScreen debrief_;
    ResumePrompt resumePrompt_;

    std::unique_ptr<store::ResultsStore> store_;  // null: attempts are not recorded
    // The attempt being played. Once a write was queued for it, only the write queue's thread
    // uses it (and the scoring job its const score()).
    std::shared_ptr<store::AttemptRecorder> recorder_;
    QueuedJournal journal_;  // what flow_ journals to
    int heldChoice_ = -1;    // a reply waiting for the previous decision's write
    SaveState saveState_ = SaveState::None;
    std::map<std::string, int> bestScores_;      // by scenario id
    std::optional<Recommendation> recommended_;  // refreshed with bestScores_
    std::optional<ResumeOffer> resumeOffer_;
    int scoringEntry_ = -1;  // library entry of the attempt being scored
    // Journal and finish writes, in order, on the queue's own thread. After the store: destroyed
    // before it, it first runs what is still queued.
    store::WriteQueue writes_;
    std::function<void()> onRecorded_;
    // Last: destroyed first, so a running job finishes (and queues its finish) while the queue
    // it uses still exists. The shell's scenarios and frameworks outlive the whole area.
    ScoringJob scoring_;
};

}  // namespace rapport::app
