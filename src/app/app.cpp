#include "app.hpp"

#include <algorithm>

#include "framework_catalog.hpp"
#include "widgets.hpp"

namespace rapport::app {

const char* screenName(ScreenId id) {
    switch (id) {
        case ScreenId::SignIn: return "sign-in";
        case ScreenId::Library: return "library";
        case ScreenId::Conversation: return "conversation";
        case ScreenId::Debrief: return "debrief";
        case ScreenId::Author: return "author";
        case ScreenId::HrTable: return "hr-table";
        case ScreenId::HrTrainee: return "hr-trainee";
        case ScreenId::HrAttempt: return "hr-attempt";
        case ScreenId::HrGroup: return "hr-group";
    }
    return "sign-in";
}

bool isHrScreen(ScreenId id) {
    return id == ScreenId::HrTable || id == ScreenId::HrTrainee || id == ScreenId::HrAttempt ||
           id == ScreenId::HrGroup;
}

App::App(AppConfig config, const Clock& clock, Theme theme)
    : config_(std::move(config)), clock_(&clock), theme_(theme), hr_(config_.hrDatabase) {
    library_ = loadScenarioLibrary(config_.scenarioPaths);
    std::string error;
    remembered_ = loadTraineeProfile(config_.dataDir, &error);
    if (!error.empty()) notice_ = error;
    for (const auto& e : library_.entries) {
        if (!e.scenario || frameworks_.count(e.scenario->framework)) continue;
        auto found = lookupFramework(e.scenario->framework, frameworkSearchPath(e.path));
        frameworks_[e.scenario->framework] = std::move(found.framework);
    }
    if (config_.startInHr) openHr();
}

void App::openHr(ScreenId page) {
    if (!isHrScreen(page)) return;
    if (!inHr()) hrReturn_ = screen_;
    screen_ = page;
}

void App::leaveHr() {
    if (!inHr()) return;
    screen_ = hrReturn_ == ScreenId::SignIn || trainee_ ? hrReturn_ : ScreenId::SignIn;
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

std::optional<int> App::bestScore(const std::string& /*scenarioId*/) const {
    // Results store hook: no store yet, so no previous attempts are known.
    return std::nullopt;
}

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
    out += hr_.glyphText();
    out += config_.dataDir.string();
    return out;
}

bool App::animating() const {
    return busy() || (screen_ == ScreenId::Conversation && session_ && !session_->finished() &&
                      session_->node().isTimed());
}

namespace {

std::vector<MeterChange> meterChanges(const Scenario& s, const std::vector<std::int64_t>& before,
                                      const Session& after) {
    std::vector<MeterChange> out;
    for (const auto& m : s.meters) {
        const auto b = before[m.variable], a = after.variable(m.variable);
        if (a != b) out.push_back({m.label, b, a});
    }
    return out;
}

}  // namespace

void App::tick() {
    if (screen_ == ScreenId::Author) author_.poll(clock_->nowMs(), ImGui::IsAnyItemActive());
    hr_.poll();
    if (!session_ || session_->finished() || !session_->node().isTimed() ||
        !session_->timeExpired())
        return;
    const auto before = session_->variables();
    session_->timeout();
    echoes_.push_back({"Time ran out before you answered; the client moved on without you.",
                       meterChanges(session_->scenario(), before, *session_)});
}

void App::choose(int position) {
    if (!session_ || session_->finished()) return;
    const auto& shown = session_->choices();
    if (position < 0 || position >= int(shown.size())) return;  // key 7 with three choices shown
    const Choice& c = session_->node().choices[shown[position]];
    const auto before = session_->variables();
    if (!session_->choose(position)) {
        notice_ = "This reply could not be applied (" + session_->lastError() +
                  "); the scenario file needs fixing.";
        return;
    }
    echoes_.push_back({c.feedback, meterChanges(session_->scenario(), before, *session_)});
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
}

void App::signOut() {
    trainee_.reset();
    session_.reset();
    signIn_ = {};
    screen_ = ScreenId::SignIn;
}

void App::openScenario(int entry, PlayMode mode) {
    if (entry < 0 || entry >= int(library_.entries.size()) || !library_.entries[entry].playable())
        return;
    entry_ = entry;
    mode_ = mode;
    echoes_.clear();
    session_.emplace(*library_.entries[entry].scenario, *clock_, 0);
    conversation_ = {};
    screen_ = ScreenId::Conversation;
}

void App::showDebrief() {
    if (!session_ || !session_->finished()) return;
    report_.reset();
    advice_.clear();
    reportError_.clear();
    const Scenario& s = session_->scenario();
    if (const Framework* f = frameworkFor(s)) {
        try {
            // The optimum depends only on scenario and framework: search it once per scenario.
            auto opt = optima_.find(entry_);
            if (opt == optima_.end()) {
                OptimumOutcome o = computeOptimum(s, *f);
                if (o.optimum) opt = optima_.emplace(entry_, *o.optimum).first;
            }
            report_ = scoreTranscript(s, *f, session_->transcript(),
                                      opt != optima_.end() ? &opt->second : nullptr);
            advice_ = adviseSteps(s, *f, session_->transcript());
        } catch (const ScoringError& e) {
            reportError_ = std::string("This attempt could not be scored: ") + e.what();
        }
    } else {
        reportError_ = "The competence framework '" + s.framework +
                       "' was not found, so this attempt cannot be scored.";
    }
    debrief_ = {};
    screen_ = ScreenId::Debrief;
}

void App::tryAgain() { openScenario(entry_, mode_); }

void App::nextScenario() {
    if (auto next = library_.nextAfter(entry_)) openScenario(*next, mode_);
    else backToLibrary();
}

void App::backToLibrary() {
    session_.reset();
    echoes_.clear();
    screen_ = trainee_ ? ScreenId::Library : ScreenId::SignIn;
}

void App::openAuthor(const std::string& path) {
    if (screen_ != ScreenId::Author) authorReturn_ = screen_;
    screen_ = ScreenId::Author;
    if (path.empty()) return;
    if (fileStamp(path).exists) author_.open(path);
    else author_.create(path);
}

void App::leaveAuthor() {
    screen_ = authorReturn_ == ScreenId::Conversation && !session_ ? ScreenId::SignIn : authorReturn_;
    if (screen_ == ScreenId::Library && !trainee_) screen_ = ScreenId::SignIn;
}

bool App::pollFiles() { return author_.poll(clock_->nowMs(), ImGui::IsAnyItemActive()); }

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

void App::drawTopBar() {
    const Palette& p = theme_.palette;
    const float height = theme_.px(56);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 vp = ImGui::GetMainViewport()->Pos;
    const ImVec2 vs = ImGui::GetMainViewport()->Size;
    // The bar spans the whole window, beyond the padding the window clips its content to.
    ImGui::PushClipRect(vp, ImVec2(vp.x + vs.x, vp.y + vs.y), false);
    dl->AddRectFilled(vp, ImVec2(vp.x + vs.x, pos.y + height), toU32(p.surface));
    dl->AddLine(ImVec2(vp.x, pos.y + height), ImVec2(vp.x + vs.x, pos.y + height), toU32(p.border));
    ImGui::PopClipRect();

    ImGui::BeginGroup();
    ImGui::PushFont(fonts_.heading);
    const float lineH = ImGui::GetTextLineHeight();
    ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + (height - lineH) * 0.5f));
    ImGui::PushStyleColor(ImGuiCol_Text, p.accent);
    ImGui::TextUnformatted("Rapport");
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
    const float bodyH = ImGui::GetTextLineHeight();
    ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, pos.y + (height - bodyH) * 0.5f));
    ImGui::TextUnformatted("client conversation trainer");
    ImGui::PopStyleColor();

    // Right side, laid out from the right edge.
    const float buttonH = ImGui::GetFrameHeight();
    const char* themeLabel = theme_.mode == ThemeMode::Light ? "Dark theme" : "Light theme";
    float x = pos.x + width;
    auto placeRight = [&](float w) {
        x -= w;
        ImGui::SetCursorScreenPos(ImVec2(x, pos.y + (height - buttonH) * 0.5f));
        x -= theme_.px(10);
    };
    const ImGuiStyle& st = ImGui::GetStyle();
    placeRight(ImGui::CalcTextSize(themeLabel).x + st.FramePadding.x * 2);
    if (ui::Button(locator_, themeLabel)) toggleThemeMode();
    if (screen_ != ScreenId::Conversation) {
        const char* authorLabel = screen_ == ScreenId::Author ? "Leave author" : "Author";
        placeRight(ImGui::CalcTextSize(authorLabel).x + st.FramePadding.x * 2);
        if (ui::Button(locator_, authorLabel)) screen_ == ScreenId::Author ? leaveAuthor() : openAuthor();
    }
    // HR reports from anywhere but a running conversation (its countdown would keep going).
    if (!inHr() && screen_ != ScreenId::Conversation) {
        placeRight(ImGui::CalcTextSize("HR reports").x + st.FramePadding.x * 2);
        if (ui::Button(locator_, "HR reports")) openHr();
    }
    if (trainee_) {
        placeRight(ImGui::CalcTextSize("Sign out").x + st.FramePadding.x * 2);
        if (ui::Button(locator_, "Sign out")) signOut();
        std::string who = trainee_->name;
        if (!trainee_->group.empty()) who += "  ·  " + trainee_->group;
        const float tw = ImGui::CalcTextSize(who.c_str()).x;
        x -= tw;
        ImGui::SetCursorScreenPos(ImVec2(x, pos.y + (height - bodyH) * 0.5f));
        ImGui::TextUnformatted(who.c_str());
    }
    ImGui::EndGroup();
    ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + height + theme_.px(14)));
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
    drawTopBar();

    if (!notice_.empty()) {
        ui::Callout(theme_, notice_, theme_.palette.warning, false);
        ImGui::SameLine();
        if (ui::Button(locator_, "Dismiss")) notice_.clear();
    }

    switch (screen_) {
        case ScreenId::SignIn: signIn_.Draw(*this); break;
        case ScreenId::Library: libraryScreen_.Draw(*this); break;
        case ScreenId::Conversation: conversation_.Draw(*this); break;
        case ScreenId::Debrief: debrief_.Draw(*this); break;
        case ScreenId::Author: author_.Draw(*this); break;
        case ScreenId::HrTable: hrTable_.Draw(*this); break;
        case ScreenId::HrTrainee: hrTrainee_.Draw(*this); break;
        case ScreenId::HrAttempt: hrAttempt_.Draw(*this); break;
        case ScreenId::HrGroup: hrGroup_.Draw(*this); break;
    }
    if (fonts_.body) ImGui::PopFont();
    ImGui::End();
}

}  // namespace rapport::app
