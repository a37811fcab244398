// The App owns the model (scenario library, trainee, the session being played) and the screens,
// and offers the actions screens call. It holds no training rules: playing is Session's job and
// scoring the scoring module's; the App only sequences screens around them.
// As the shell it holds the current screen (areas move it through Navigator), the theme, fonts
// and glyph needs, the notice line and the top bar (top_bar.hpp); the HR and author areas
// (hr_area.hpp, author_area.hpp) own their screens, which take ScreenContext and an actions
// interface, never App&. Scripts reach it through ScriptTarget only.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/author/author_area.hpp"
#include "app/driver/script_target.hpp"
#include "app/driver/widget_locator.hpp"
#include "app/hr/hr_area.hpp"
#include "app/shell/fonts.hpp"
#include "app/shell/glyph_needs.hpp"
#include "app/shell/navigator.hpp"
#include "app/shell/screen_context.hpp"
#include "app/shell/screen_id.hpp"
#include "app/shell/theme.hpp"
#include "app/trainee/conversation_screen.hpp"
#include "app/trainee/debrief_screen.hpp"
#include "app/trainee/library_screen.hpp"
#include "app/trainee/resume_offer.hpp"
#include "app/trainee/resume_prompt.hpp"
#include "app/trainee/scoring_job.hpp"
#include "app/trainee/sign_in_screen.hpp"
#include "app/trainee/trainee_actions.hpp"
#include "app/trainee/trainee_profile.hpp"
#include "core/framework/framework.hpp"
#include "core/library/scenario_library.hpp"
#include "core/play/attempt_flow.hpp"
#include "core/play/attempt_mode.hpp"
#include "core/play/clock.hpp"
#include "core/play/session.hpp"
#include "core/scoring/score_report.hpp"
#include "core/scoring/scoring.hpp"
#include "core/scoring/step_advice.hpp"
#include "store/attempt_recorder.hpp"
#include "store/results_store.hpp"
#include "store/write_queue.hpp"

namespace rapport::app {

// The core mode: what it shows while playing is decided there (attempt_mode.hpp).
using PlayMode = AttemptMode;

struct AppConfig {
    std::vector<std::string> scenarioPaths;  // folders or files
    std::filesystem::path dataDir;           // where the trainee profile is remembered
    // Results database: every attempt is recorded there and the HR pages read it ("" = none:
    // nothing is recorded).
    std::string hrDatabase = {};
    bool startInHr = false;  // open on the HR table (--hr)
};

// What one decision did, kept per transcript step for practice feedback and the debrief: the
// attempt flow's step effects (core/play/step_effect.hpp).
using StepEcho = StepEffect;

// Journals the attempt flow's decisions through the write queue, on the queue's thread, while
// the App has a recorder for the attempt.
struct QueuedJournal : AttemptJournal {
    const std::shared_ptr<store::AttemptRecorder>* recorder = nullptr;
    store::WriteQueue* writes = nullptr;
    std::size_t captured = 0;  // transcript steps already handed to the write queue
    void record(const Session& session) override;
};

class App final : public TraineeActions, private Navigator {
public:
    App(AppConfig config, const Clock& clock, Theme theme);

    // Per frame, called by the shell.
    void tick();             // applies an expired countdown (Session decides what that means)
    void Draw();             // draws the current screen over the whole viewport
    bool animating() const;  // true while a countdown is visible: the shell wakes ~10×/s

    // Model, read by the screens.
    const ScenarioLibrary& library() const { return library_; }
    const std::optional<TraineeProfile>& trainee() const { return trainee_; }
    const std::optional<TraineeProfile>& rememberedProfile() const { return remembered_; }
    const AppConfig& config() const { return config_; }
    ScreenId screen() const override { return screen_; }
    const Theme& theme() const { return theme_; }
    const FontSet& fonts() const { return fonts_; }
    WidgetLocator& locator() { return locator_; }
    const Session* session() const { return flow_ ? &flow_->session() : nullptr; }
    const LibraryEntry* currentEntry() const;
    PlayMode mode() const { return mode_; }
    const std::vector<StepEcho>& echoes() const {
        static const std::vector<StepEcho> none;
        return flow_ ? flow_->effects() : none;
    }
    const std::string& notice() const { return notice_; }  // last environment problem, if any
    ImTextureID portraitFor(const Scenario& s);
    // The framework's name for a competency id; the id made readable when no loaded framework
    // knows it.
    std::string competencyName(const std::string& id) const;
    // The framework's plain-words description of an indicator; the id when unknown.
    std::string indicatorDescription(const std::string& id) const;
    // The scenario's competence framework, looked up once per id; nullptr when not found.
    const Framework* frameworkFor(const Scenario& s) const;
    // The finished session's score report and per-step advice, or why the attempt could not be
    // scored. Computed on a worker when the conversation ends; scoring() is true until then.
    const std::optional<ScoreReport>& report() const { return report_; }
    const std::vector<StepAdvice>& advice() const { return advice_; }
    const std::string& reportError() const { return reportError_; }
    bool scoring() const { return scoring_.running(); }
    // Best score of the signed-in trainee's finished attempts of the scenario, from the results
    // store (read at sign-in and after each finished attempt); nullopt when none or no store.
    std::optional<int> bestScore(const std::string& scenarioId) const;
    // True when attempts are being recorded in the results store.
    bool recording() const { return store_ != nullptr; }
    // Where the finished attempt's ending and report are: not recorded, queued or being written,
    // on disk (every write queued before it too), or not saved (notice() says why).
    enum class SaveState { None, Saving, Saved, Failed };
    SaveState saveState() const { return saveState_; }

    // An unfinished attempt found when the trainee opened a scenario (resume_offer.hpp).
    using ResumeOffer = app::ResumeOffer;
    const std::optional<ResumeOffer>& resumeOffer() const { return resumeOffer_; }

    // The author workspace ("author" in scripts) and moving in and out of it.
    AuthorArea& author() { return author_; }
    const Clock& clock() const { return *clock_; }

    // What the script driver reads and changes: the screen's name, the last frame's widgets,
    // busy(), the theme.
    ScriptTarget& scriptTarget() { return scriptTarget_; }

    // HR reports: the results they read, their pages, and moving between them.
    HrArea& hr() { return hr_; }
    // True while an HR query runs on its worker: the shell keeps drawing frames to show it.
    // Also true while a finished attempt is being scored, or journal writes are pending.
    bool busy() const {
        return hr_.busy() || scoring_.running() || !writes_.idle() || heldChoice_ >= 0;
    }
    // Changes when loaded data may need glyphs the font atlas lacks.
    std::uint64_t textRevision() const { return hr_.revision() + glyphs_.revision(); }
    // Text about to be drawn that may hold characters no scenario has (a typed name): notes the
    // ones the fonts lack so the shell rebuilds the atlas with them before the next frame.
    void requireGlyphs(std::string_view text) override;

    // Every text the fonts must cover: scenarios, the trainee's name, UI strings.
    std::string glyphText() const;

    // Actions, called by the screens.
    void signIn(
        const TraineeProfile& profile) override;  // remembers it; a save failure sets notice()
    void signOut();
    // Opens the scenario, or first offers to resume the trainee's unfinished attempt of it.
    void openScenario(int entry, PlayMode mode) override;
    void resumeAttempt() override;  // continues the offered attempt from its journaled state
    void startOver() override;      // marks the offered attempt abandoned and starts a new one
    void cancelResume() override;
    // Takes the reply at `position` among session()->choices(). While the previous decision's
    // journal write is still running the reply is held and taken by tick() once it is on disk,
    // so a crash loses at most the decision being written.
    void choose(int position) override;
    void showDebrief() override;
    void tryAgain();
    void nextScenario();
    void backToLibrary() override;
    void setThemeMode(ThemeMode mode);
    void toggleThemeMode();

    // Shell wiring.
    void setFonts(const FontSet& fonts) { fonts_ = fonts; }
    void setScale(float scale);
    std::function<ImTextureID(const std::string& path)> portraitLoader;  // null: initials only

private:
    ScreenContext screenContext() { return {theme_, fonts_, locator_}; }
    // Navigator, for the areas.
    void show(ScreenId screen) override { screen_ = screen; }
    bool signedIn() const override { return trainee_.has_value(); }
    bool playing() const override { return flow_.has_value(); }

    class Scripted final : public ScriptTarget {
    public:
        explicit Scripted(App& app) : app_(app) {}
        std::string screenName() const override { return rapport::app::screenName(app_.screen()); }
        const WidgetLocator& widgets() const override { return app_.locator_; }
        bool busy() const override { return app_.busy(); }
        void setDarkTheme(bool dark) override {
            app_.setThemeMode(dark ? ThemeMode::Dark : ThemeMode::Light);
        }

    private:
        App& app_;
    };
    Scripted scriptTarget_{*this};
    // Starts playing: a new session (recorded when there is a store), or a resumed one.
    void beginPlay(int entry, PlayMode mode);
    void enterConversation(int entry, PlayMode mode);
    void takeChoice(int position);
    void recordProgress();  // starts scoring once the decision ended the conversation
    void startScoring();
    void applyScoring(ScoringResult result);
    void settleScoring();      // waits for a running job (which may still queue a write)
    void settleStore();        // waits for the job and the queued writes: the store is then free
    void pollWrites();         // shows failed writes; notes when the finished attempt is saved
    bool journalBusy() const;  // a decision's journal write is queued or running
    void refreshBestScores();

    AppConfig config_;
    const Clock* clock_;
    Theme theme_;
    bool styleDirty_ = true;  // theme changed: rewrite ImGui's style before the next window
    FontSet fonts_;
    WidgetLocator locator_;
    ScenarioLibrary library_;
    std::optional<TraineeProfile> remembered_;
    std::optional<TraineeProfile> trainee_;
    ScreenId screen_ = ScreenId::SignIn;

    int entry_ = -1;
    PlayMode mode_ = PlayMode::Practice;
    std::optional<AttemptFlow> flow_;  // the attempt being played
    std::string notice_;
    std::map<std::string, std::shared_ptr<const Framework>> frameworks_;  // by framework id
    struct KnownOptimum {
        std::string framework;  // content hash of the framework it was found under
        ScenarioOptimum optimum;
    };
    std::map<int, KnownOptimum> optima_;  // by library entry
    std::optional<ScoreReport> report_;
    std::vector<StepAdvice> advice_;
    std::string reportError_;

    SignInScreen signIn_;
    LibraryScreen libraryScreen_;
    ConversationScreen conversation_;
    DebriefScreen debrief_;
    AuthorArea author_;

    HrArea hr_;

    std::unique_ptr<store::ResultsStore> store_;  // null: attempts are not recorded
    // The attempt being played. Once a write was queued for it, only the write queue's thread
    // uses it (and the scoring job its const score()).
    std::shared_ptr<store::AttemptRecorder> recorder_;
    QueuedJournal journal_;  // what flow_ journals to
    int heldChoice_ = -1;    // a reply waiting for the previous decision's write
    SaveState saveState_ = SaveState::None;
    std::map<std::string, int> bestScores_;  // by scenario id
    std::optional<ResumeOffer> resumeOffer_;
    int scoringEntry_ = -1;  // library entry of the attempt being scored
    ResumePrompt resumePrompt_;
    GlyphNeeds glyphs_;  // characters typed or loaded that no scenario holds
    // Journal and finish writes, in order, on the queue's own thread. After the store, the
    // scenarios and the frameworks: destroyed before them, it first runs what is still queued.
    store::WriteQueue writes_;
    // Last: destroyed first, so a running job finishes (and queues its finish) while the queue,
    // scenarios and frameworks it uses still exist.
    ScoringJob scoring_;
};

}  // namespace rapport::app
