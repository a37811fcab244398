#include "app/shell/app.hpp"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <cfloat>

#include "app/shell/keyboard_nav.hpp"
#include "app/shell/top_bar.hpp"
#include "app/shell/ui_label.hpp"
#include "app/shell/widgets.hpp"
#include "core/platform/bundled_data.hpp"
#include "core/platform/xdg_dirs.hpp"
#include "core/play/scripted_play.hpp"
#include "core/scenario/portrait_path.hpp"
#include "core/translation/interface_language.hpp"
#include "core/translation/ui_text.hpp"

namespace rapport::app {

App::App(AppConfig config, const Clock& clock, Theme theme)
    : config_(std::move(config)),
      clock_(&clock),
      theme_(theme),
      library_(loadScenarioLibrary(config_.scenarioPaths)),
      campaigns_(loadCampaignShelf(campaignFoldersBeside(config_.scenarioPaths), library_)),
      frameworks_(library_),
      gate_(config_.dataDir, clock),
      author_(*this, clock),
      // With a central store HR reads it, as the desktop's login: every desktop's synced
      // attempts that the login's grants cover (the gate opens HR only for a login holding HR).
      hr_(config_.centralStore.empty() ? config_.hrDatabase : config_.centralStore, *this),
      trainee_(TraineeSetup{config_.dataDir, config_.hrDatabase, config_.attemptSeed}, clock,
               library_, frameworks_, campaigns_, *this,
               [this](std::string_view text) { requireGlyphs(text); }) {
    // An assignment made in HR is first in the signed-in trainee's "Recommended next" at once.
    hr_.onAssignmentsChanged = [this] { trainee_.assignmentsChanged(); };
    // The bundled library is read-only in the author workspace; copies go to the trainer's own
    // folder ($XDG_DATA_HOME/rapport/scenarios).
    std::filesystem::path own = config_.ownScenarios;
    if (own.empty())
        if (const auto data = rapportDir(XdgBase::Data)) own = *data / "scenarios";
    author_.workspace().setScenarioFolders(bundledData().scenarios, own);
    std::filesystem::path autosave = config_.autosaveDir;
    if (autosave.empty())
        if (const auto state = rapportDir(XdgBase::State)) autosave = *state / "autosave";
    author_.workspace().setAutosaveFolder(autosave);
    std::filesystem::path layouts = config_.graphLayoutDir;
    if (layouts.empty())
        if (const auto state = rapportDir(XdgBase::State)) layouts = *state / "graph-layouts";
    author_.workspace().setLayoutFolder(layouts);
    if (!config_.centralStore.empty()) {
        gate_.useCentralRoles(std::nullopt);  // until the first pass has read them
        sync_ = std::make_unique<BackgroundSync>(
            BackgroundSync::Setup{config_.hrDatabase, config_.centralStore});
        trainee_.onAttemptRecorded([this] { sync_->wake(); });
    }
    baseScale_ = theme_.scale;
    if (config_.startInHr) openHr();
}

std::optional<SyncStatus> App::syncStatus() const {
    if (!sync_) return std::nullopt;
    return sync_->status();
}

bool App::syncStatusChanged() const { return sync_ && sync_->status().passes != shownSync_.passes; }

void App::show(ScreenId screen) {
    // The route itself is refused, not only the button: a script, --hr or --author, or an area
    // moving between its pages all come through here.
    if (isHrScreen(screen) && !gate_.allows(Area::Hr, signedIn())) return;
    if (screen == ScreenId::Author && !gate_.allows(Area::Author, signedIn())) return;
    // Leaving the author screen by any way (Leave author, HR, sign-out) never drops unsaved
    // edits: the workspace asks first and comes back here once they are saved or discarded.
    if (screen_ == ScreenId::Author && screen != ScreenId::Author &&
        author_.workspace().hasUnsavedEdits()) {
        author_.workspace().whenSaved([this, screen] { show(screen); });
        return;
    }
    screen_ = screen;
}

void App::requestQuit() {
    if (!author_.workspace().hasUnsavedEdits()) {
        quitApproved_ = true;
        return;
    }
    // The question is asked where the edits are.
    screen_ = ScreenId::Author;
    author_.workspace().whenSaved([this] { quitApproved_ = true; });
}

void App::openHr(ScreenId page) {
    gate_.request(Area::Hr, signedIn(), [this, page] { hr_.open(page); });
}

void App::openAuthor(const std::string& path) {
    gate_.request(Area::Author, signedIn(), [this, path] { author_.open(path); });
}

ImTextureID App::portraitAt(const Scenario& s, const std::string& portrait) {
    if (portrait.empty() || !portraitLoader) return nullptr;
    // Resolved again now, by its real path: a link made after validation still cannot lead out.
    const PortraitPath found = resolvePortrait(portrait, s.sourcePath);
    if (found.status != PortraitPath::Status::Found) return nullptr;
    return portraitLoader(found.path);
}

void App::requireGlyphs(std::string_view text) { glyphs_.require(text, fonts_.body); }

std::string App::glyphText() const {
    std::string out;
    for (const auto& e : library_.entries) {
        if (e.scenario) collectScenarioText(*e.scenario, out);
        out += e.path;
        for (const auto& d : e.diagnostics.items()) out += d.message;
    }
    out += frameworks_.glyphText();
    out += author_.glyphText();
    out += trainee_.glyphText();
    out += glyphs_.text();
    out += hr_.glyphText();
    out += interfaceLanguageText();
    return out;
}

bool App::animating() const { return busy() || trainee_.countdownShowing(); }

double App::secondsUntilNextChange() const {
    // Background work (scoring, writes, HR queries) is looked at ten times a second; a countdown
    // alone only when its shown second changes.
    if (busy()) return 0.1;
    const std::int64_t ms = trainee_.msUntilCountdownChanges();
    return ms > 0 ? double(ms) / 1000.0 : 0.1;
}

void App::tick() {
    enterActivatesFocus(ImGui::GetIO());
    // The administrator walked away and a trainee signed in: the next one must unlock again.
    if (signedIn()) gate_.lock();
    if (sync_) {
        const int pulledBefore = shownSync_.assignmentsPulled;
        shownSync_ = sync_->status();
        if (shownSync_.assignmentsPulled != pulledBefore) trainee_.assignmentsChanged();
        gate_.useCentralRoles(shownSync_.roles, shownSync_.rolesError);
    }
    author_.tick();
    hr_.poll();
    trainee_.tick();
}

void App::setThemeMode(ThemeMode mode) {
    theme_ = makeTheme(mode, baseScale_ * textScale_);
    styleDirty_ = true;
}

void App::toggleThemeMode() { setThemeMode(nextThemeMode(theme_.mode)); }

void App::setScale(float scale) {
    baseScale_ = scale;
    theme_ = makeTheme(theme_.mode, baseScale_ * textScale_);
    styleDirty_ = true;
}

void App::setTextScale(float textScale) {
    textScale_ = std::clamp(textScale, 1.0f, 2.0f);
    theme_ = makeTheme(theme_.mode, baseScale_ * textScale_);
    styleDirty_ = true;
}

void App::Draw() {
    locator_.beginFrame();
    // Text size, as in a browser: Ctrl+= larger, Ctrl+- smaller, Ctrl+0 back to 100 %.
    const ImGuiIO& io = ImGui::GetIO();
    if (io.KeyCtrl && !io.KeyAlt) {
        if (ImGui::IsKeyPressed(GLFW_KEY_EQUAL, false) ||
            ImGui::IsKeyPressed(GLFW_KEY_KP_ADD, false))
            setTextScale(textScale_ + 0.25f);
        if (ImGui::IsKeyPressed(GLFW_KEY_MINUS, false) ||
            ImGui::IsKeyPressed(GLFW_KEY_KP_SUBTRACT, false))
            setTextScale(textScale_ - 0.25f);
        if (ImGui::IsKeyPressed(GLFW_KEY_0, false)) setTextScale(1.0f);
    }
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
    bar.offerHr = gate_.offers(Area::Hr, signedIn());
    bar.offerAuthor = gate_.offers(Area::Author, signedIn());
    if (const auto& who = trainee_.profile())
        bar.signedIn = true, bar.trainee = who->name, bar.group = who->group;
    drawTopBar(screenContext(), bar,
               TopBarActions{[this] { toggleThemeMode(); }, [this] { openAuthor(); },
                             [this] { author_.leave(); }, [this] { openHr(); },
                             [this] { trainee_.signOut(); }});

    if (!trainee_.notice().empty()) {
        ui::Callout(theme_, trainee_.notice(), theme_.palette.warning, false);
        ImGui::SameLine();
        if (ui::Button(locator_, trLabel("Dismiss").c_str())) trainee_.dismissNotice();
    }
    if (!gate_.notice().empty()) {
        ui::Callout(theme_, gate_.notice(), theme_.palette.warning, false);
        ImGui::SameLine();
        if (ui::Button(locator_, tr("Dismiss##access"))) gate_.dismissNotice();
    }

    const ScreenContext ctx = screenContext();
    switch (screen_) {
        case ScreenId::SignIn:
        case ScreenId::Library:
        case ScreenId::Debrief:
            trainee_.Draw(ctx, screen_, {});
            break;
        case ScreenId::Conversation: {
            const Session* s = trainee_.session();
            PortraitLookup portraits;
            if (s)
                portraits = [this, &sc = s->scenario()](const std::string& portrait) {
                    return portraitAt(sc, portrait);
                };
            trainee_.Draw(ctx, screen_, portraits);
            break;
        }
        case ScreenId::Author:
            author_.Draw(ctx, library_);
            break;
        case ScreenId::HrTable:
        case ScreenId::HrTrainee:
        case ScreenId::HrAttempt:
        case ScreenId::HrGroup:
        case ScreenId::HrAssign:
        case ScreenId::HrItems:
            hr_.Draw(ctx,
                     HrSources{library_,
                               [this](const Scenario& s) { return frameworks_.frameworkFor(s); },
                               [this](const DebriefContent& c) {
                                   drawDebriefBody(screenContext(), c, frameworks_);
                               },
                               frameworks_.all(), &campaigns_.campaigns});
            break;
    }
    trainee_.DrawResumePrompt(ctx);
    gate_.Draw(ctx);
    if (fonts_.body) ImGui::PopFont();
    ImGui::End();
    DrawSyncStatus();
}

void App::DrawSyncStatus() {
    if (!sync_) return;
    // A small line of its own in the bottom-left corner, over every screen, taking no input.
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(
        ImVec2(vp->WorkPos.x + theme_.px(8), vp->WorkPos.y + vp->WorkSize.y - theme_.px(8)),
        ImGuiCond_Always, ImVec2(0, 1));
    ImGui::SetNextWindowBgAlpha(0.92f);
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0),
                                        ImVec2(vp->WorkSize.x - theme_.px(16), FLT_MAX));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoInputs |
                                   ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav |
                                   ImGuiWindowFlags_AlwaysAutoResize;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(theme_.px(10), theme_.px(4)));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, theme_.palette.surface);
    if (ImGui::Begin("##sync-status", nullptr, flags)) {
        if (fonts_.small) ImGui::PushFont(fonts_.small);
        const Palette& p = theme_.palette;
        const ImVec4 colour = shownSync_.state == SyncStatus::State::Error    ? p.danger
                              : shownSync_.state == SyncStatus::State::Synced ? p.success
                                                                              : p.textMuted;
        const std::string text = syncStatusText(shownSync_);
        requireGlyphs(text);
        ImGui::PushStyleColor(ImGuiCol_Text, colour);
        ImGui::TextUnformatted(ui::Elide(text, vp->WorkSize.x - theme_.px(40)).c_str());
        locator_.recordLastItem("Sync status");
        ImGui::PopStyleColor();
        if (fonts_.small) ImGui::PopFont();
    }
    ImGui::End();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
}

}  // namespace rapport::app
