// The App is the shell: it loads the scenario library and its frameworks, holds the current
// screen (areas move it through Navigator), the theme, fonts and glyph needs, the top bar and the
// notice line, and owns the areas: trainee (trainee_area.hpp), author (author_area.hpp) and HR
// (hr_area.hpp). It holds no training rules and no area's state; each area's screens take
// ScreenContext, the data they draw and an actions interface, never App&. Scripts reach it
// through ScriptTarget only.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/author/author_area.hpp"
#include "app/driver/script_target.hpp"
#include "app/driver/widget_locator.hpp"
#include "app/hr/hr_area.hpp"
#include "app/shell/access_gate.hpp"
#include "app/shell/background_sync.hpp"
#include "app/shell/fonts.hpp"
#include "app/shell/framework_shelf.hpp"
#include "app/shell/glyph_needs.hpp"
#include "app/shell/navigator.hpp"
#include "app/shell/screen_context.hpp"
#include "app/shell/screen_id.hpp"
#include "app/shell/theme.hpp"
#include "app/trainee/trainee_area.hpp"
#include "core/library/scenario_library.hpp"
#include "core/play/clock.hpp"

namespace rapport::app {

struct AppConfig {
    std::vector<std::string> scenarioPaths;  // folders or files
    std::filesystem::path dataDir;           // where the trainee profile is remembered
    // Results database: every attempt is recorded there and the HR pages read it ("" = none:
    // nothing is recorded).
    std::string hrDatabase = {};
    bool startInHr = false;  // open on the HR table (--hr)
    // Every new attempt's seed (--seed); unset: a fresh seed per attempt (core/play/reply_order).
    std::optional<std::uint64_t> attemptSeed = std::nullopt;
    // The central store (postgresql://…, store/pg_target.hpp; "" = none): the background sync
    // uploads the results database there and the login's roles open HR and author.
    std::string centralStore = {};
    // Where "Save as…" puts copies of bundled scenarios ("" = $XDG_DATA_HOME/rapport/scenarios).
    std::filesystem::path ownScenarios = {};
    // Where the author workspace keeps recovery copies of unsaved edits
    // ("" = $XDG_STATE_HOME/rapport/autosave).
    std::filesystem::path autosaveDir = {};
    // Where the author graph's node places are kept per scenario
    // ("" = $XDG_STATE_HOME/rapport/graph-layouts).
    std::filesystem::path graphLayoutDir = {};
};

class App final : private Navigator {
public:
    App(AppConfig config, const Clock& clock, Theme theme);

    // Per frame, called by the shell.
    void tick();  // lets each area take finished work and expired countdowns
    void Draw();  // draws the current screen over the whole viewport
    bool animating() const;
    // While animating: how long the shell may sleep before the screen next changes by itself.
    double secondsUntilNextChange()
        const;  // true while a countdown is visible: the shell wakes ~10×/s

    const ScenarioLibrary& library() const { return library_; }
    const FrameworkShelf& frameworks() const { return frameworks_; }
    const AppConfig& config() const { return config_; }
    ScreenId screen() const override { return screen_; }
    const Theme& theme() const { return theme_; }
    const FontSet& fonts() const { return fonts_; }
    WidgetLocator& locator() { return locator_; }
    // A portrait as `s` writes it (the client's or a named speaker's), or null.
    ImTextureID portraitAt(const Scenario& s, const std::string& portrait);

    // The areas.
    TraineeArea& trainee() { return trainee_; }
    const TraineeArea& trainee() const { return trainee_; }
    AuthorArea& author() { return author_; }
    HrArea& hr() { return hr_; }
    // Who may open HR and author (access_gate.hpp): every way in goes through openHr and
    // openAuthor, and show() refuses an HR or author screen the gate does not allow.
    AccessGate& access() { return gate_; }
    void openHr(ScreenId page = ScreenId::HrTable);
    void openAuthor(const std::string& path = "");
    // The window's close button (or a script's close-window): with unsaved author edits the
    // author screen asks save / discard / keep editing first; quitApproved() turns true when the
    // program may end.
    void requestQuit();
    bool quitApproved() const { return quitApproved_; }
    // The background sync's last status; nullopt without a central store.
    std::optional<SyncStatus> syncStatus() const;
    // A central store is configured: the shell wakes now and then to show the sync's status.
    bool syncConfigured() const { return sync_ != nullptr; }
    // The sync finished a pass the last frame did not show.
    bool syncStatusChanged() const;
    // Sync now rather than at the next interval or backoff.
    void syncNow() {
        if (sync_) sync_->wake();
    }

    // What the script driver reads and changes: the screen's name, the last frame's widgets,
    // busy(), the theme.
    ScriptTarget& scriptTarget() { return scriptTarget_; }

    // True while an HR query runs on its worker, a finished attempt is being scored or journal
    // writes are pending: the shell keeps drawing frames to show it.
    bool busy() const { return hr_.busy() || trainee_.busy(); }
    // Changes when loaded data may need glyphs the font atlas lacks.
    std::uint64_t textRevision() const { return hr_.revision() + glyphs_.revision(); }
    // Text about to be drawn that may hold characters no scenario has (a typed name): notes the
    // ones the fonts lack so the shell rebuilds the atlas with them before the next frame.
    void requireGlyphs(std::string_view text);

    // Every text the fonts must cover: scenarios, frameworks, names, UI strings.
    std::string glyphText() const;

    void setThemeMode(ThemeMode mode);
    void toggleThemeMode();

    // Shell wiring.
    void setFonts(const FontSet& fonts) { fonts_ = fonts; }
    void setScale(float scale);  // the monitor's content scale (or --scale)
    // The reader's text size on top of the content scale: 1 (100 %) to 2 (200 %), in steps of
    // 25 %. Ctrl+= / Ctrl+- / Ctrl+0 change it on every screen; the shell remembers it.
    void setTextScale(float textScale);
    float textScale() const { return textScale_; }
    std::function<ImTextureID(const std::string& path)> portraitLoader;  // null: initials only

private:
    ScreenContext screenContext() { return {theme_, fonts_, locator_}; }
    void DrawSyncStatus();
    // Navigator, for the areas.
    void show(ScreenId screen) override;
    bool signedIn() const override { return trainee_.profile().has_value(); }
    bool playing() const override { return trainee_.session() != nullptr; }

    class Scripted final : public ScriptTarget {
    public:
        explicit Scripted(App& app) : app_(app) {}
        std::string screenName() const override { return rapport::app::screenName(app_.screen()); }
        const WidgetLocator& widgets() const override { return app_.locator_; }
        bool busy() const override { return app_.busy(); }
        void setTextScale(float textScale) override { app_.setTextScale(textScale); }
        void requestQuit() override { app_.requestQuit(); }
        void setTheme(const std::string& name) override {
            app_.setThemeMode(themeModeFromName(name).value_or(ThemeMode::Light));
        }

    private:
        App& app_;
    };
    Scripted scriptTarget_{*this};

    AppConfig config_;
    const Clock* clock_;
    Theme theme_;
    float baseScale_ = 1.0f;  // content scale; theme_.scale is this times textScale_
    float textScale_ = 1.0f;
    bool quitApproved_ = false;
    bool styleDirty_ = true;  // theme changed: rewrite ImGui's style before the next window
    FontSet fonts_;
    WidgetLocator locator_;
    ScreenId screen_ = ScreenId::SignIn;
    GlyphNeeds glyphs_;  // characters typed or loaded that no scenario holds
    // The areas below read the library and frameworks: declared before them, destroyed after.
    ScenarioLibrary library_;
    CampaignShelf campaigns_;  // the campaign files beside the scenario folders
    FrameworkShelf frameworks_;
    AccessGate gate_;
    AuthorArea author_;
    HrArea hr_;
    TraineeArea trainee_;
    // Last: it reads the results database the areas write, and stops (joins) first.
    std::unique_ptr<BackgroundSync> sync_;
    SyncStatus shownSync_;  // what the last frame showed
};

}  // namespace rapport::app
