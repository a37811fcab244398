#include "app/shell/app.hpp"

#include "app/shell/top_bar.hpp"
#include "app/shell/ui_label.hpp"
#include "app/shell/widgets.hpp"
#include "core/play/scripted_play.hpp"
#include "core/scenario/portrait_path.hpp"
#include "core/translation/interface_language.hpp"

namespace rapport::app {

App::App(AppConfig config, const Clock& clock, Theme theme)
    : config_(std::move(config)),
      clock_(&clock),
      theme_(theme),
      library_(loadScenarioLibrary(config_.scenarioPaths)),
      frameworks_(library_),
      author_(*this, clock),
      hr_(config_.hrDatabase, *this),
      trainee_(TraineeSetup{config_.dataDir, config_.hrDatabase, config_.attemptSeed}, clock,
               library_, frameworks_, *this,
               [this](std::string_view text) { requireGlyphs(text); }) {
    if (config_.startInHr) hr_.open();
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

void App::tick() {
    author_.tick();
    hr_.poll();
    trainee_.tick();
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
    if (const auto& who = trainee_.profile())
        bar.signedIn = true, bar.trainee = who->name, bar.group = who->group;
    drawTopBar(screenContext(), bar,
               TopBarActions{[this] { toggleThemeMode(); }, [this] { author_.open(); },
                             [this] { author_.leave(); }, [this] { hr_.open(); },
                             [this] { trainee_.signOut(); }});

    if (!trainee_.notice().empty()) {
        ui::Callout(theme_, trainee_.notice(), theme_.palette.warning, false);
        ImGui::SameLine();
        if (ui::Button(locator_, trLabel("Dismiss").c_str())) trainee_.dismissNotice();
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
            hr_.Draw(ctx,
                     HrSources{library_,
                               [this](const Scenario& s) { return frameworks_.frameworkFor(s); },
                               [this](const DebriefContent& c) {
                                   drawDebriefBody(screenContext(), c, frameworks_);
                               }});
            break;
    }
    trainee_.DrawResumePrompt(ctx);
    if (fonts_.body) ImGui::PopFont();
    ImGui::End();
}

}  // namespace rapport::app
