#include "app/shell/access_gate.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>
#include <utility>

#include "app/shell/ui_label.hpp"
#include "app/shell/widgets.hpp"
#include "core/translation/ui_text.hpp"
#include "store/admin_passphrase.hpp"
#include "store/sqlite_db.hpp"

namespace rapport::app {

namespace {

constexpr const char* kDialogId = "##admin-passphrase";

std::string format(const char* pattern, long value) {
    char buf[512];
    std::snprintf(buf, sizeof buf, pattern, value);
    return buf;
}

std::string formatText(const char* pattern, const std::string& value) {
    std::string out(std::char_traits<char>::length(pattern) + value.size() + 1, '\0');
    out.resize(std::size_t(std::snprintf(out.data(), out.size(), pattern, value.c_str())));
    return out;
}

}  // namespace

AccessGate::AccessGate(std::filesystem::path dataDir, const Clock& clock)
    : dataDir_(std::move(dataDir)), clock_(clock) {
    std::string error;
    hash_ = store::loadAdminPassphraseHash(dataDir_, &error);
    // A damaged file must not fall back to "first use", where anyone could choose a new one.
    if (!hash_ && !error.empty()) notice_ = error;
    brokenFile_ = !error.empty();
}

void AccessGate::useCentralRoles(std::optional<RoleSet> roles, std::string error) {
    central_ = true;
    roles_ = roles;
    rolesError_ = std::move(error);
}

AccessState AccessGate::state(bool traineeSignedIn) const {
    AccessState s;
    s.centralStore = central_;
    s.roles = roles_;
    // A file that is there but unreadable counts as set: nobody can pass, nobody can replace it.
    s.passphraseSet = hash_.has_value() || brokenFile_;
    s.passphraseUnlocked = unlocked_;
    s.traineeSignedIn = traineeSignedIn;
    return s;
}

void AccessGate::request(Area area, bool traineeSignedIn, std::function<void()> open) {
    const AccessDecision d = decideAccess(area, state(traineeSignedIn));
    switch (d.verdict) {
        case AccessVerdict::Open:
            notice_.clear();
            open();
            return;
        case AccessVerdict::SetUpPassphrase:
        case AccessVerdict::AskPassphrase:
            pending_ = std::move(open);
            mode_ = d.verdict == AccessVerdict::SetUpPassphrase ? Mode::SetUp : Mode::Unlock;
            first_.clear();
            again_.clear();
            message_.clear();
            focus_ = true;
            return;
        case AccessVerdict::Refused:
            break;
    }
    switch (d.reason) {
        case RefusalReason::TraineeSignedIn:
            notice_ =
                tr("HR reports and the author workspace are closed while a trainee is "
                   "signed in. Sign out first.");
            break;
        case RefusalReason::RoleMissing:
            notice_ = area == Area::Hr
                          ? tr("Your central store login does not hold the HR role (rapport_hr).")
                          : tr("Your central store login does not hold the trainer role "
                               "(rapport_trainer).");
            break;
        case RefusalReason::RolesUnknown:
        case RefusalReason::None:
            notice_ = rolesError_.empty()
                          ? std::string(tr("Your roles in the central store are not known yet."))
                          : formatText(tr("Your roles in the central store could not be read: %s"),
                                       rolesError_);
            break;
    }
}

bool AccessGate::unlock(const std::string& passphrase) {
    if (!hash_ || clock_.nowMs() < retryAtMs_) return false;
    if (store::verifyPassphrase(*hash_, passphrase)) {
        unlocked_ = true;
        failures_ = 0;
        retryAtMs_ = 0;
        return true;
    }
    ++failures_;
    retryAtMs_ = clock_.nowMs() + unlockDelayMs(failures_);
    return false;
}

void AccessGate::close() {
    mode_ = Mode::Closed;
    pending_ = nullptr;
    first_.clear();
    again_.clear();
    message_.clear();
}

void AccessGate::finish() {
    auto open = std::move(pending_);
    close();
    notice_.clear();
    if (open) open();
}

void AccessGate::submitSetUp() {
    switch (checkNewPassphrase(first_, again_)) {
        case NewPassphraseProblem::TooShort:
            message_ = format(tr("Choose at least %ld characters."), long(kMinPassphraseLength));
            return;
        case NewPassphraseProblem::Mismatch:
            message_ = tr("The two entries differ. Type the same passphrase twice.");
            again_.clear();
            return;
        case NewPassphraseProblem::None:
            break;
    }
    try {
        const std::string hash = store::hashPassphrase(first_);
        std::string error;
        if (!store::saveAdminPassphraseHash(dataDir_, hash, &error)) {
            message_ = formatText(tr("The passphrase could not be saved: %s"), error);
            return;
        }
        hash_ = hash;
        unlocked_ = true;
        finish();
    } catch (const store::StoreError& e) {
        message_ = formatText(tr("The passphrase could not be saved: %s"), e.what());
    }
}

void AccessGate::Draw(const ScreenContext& ctx) {
    if (mode_ == Mode::Closed) return;
    const Theme& t = ctx.theme;
    if (!ImGui::IsPopupOpen(kDialogId)) ImGui::OpenPopup(kDialogId);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(
        ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.42f),
        ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(vp->WorkSize.x - t.px(40), t.px(480)), 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(t.px(24), t.px(20)));
    ImGui::PushStyleColor(ImGuiCol_PopupBg, t.palette.surface);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_AlwaysAutoResize;
    if (ImGui::BeginPopupModal(kDialogId, nullptr, flags)) {
        if (mode_ == Mode::SetUp)
            DrawSetUp(ctx);
        else
            DrawUnlock(ctx);
        if (mode_ == Mode::Closed) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
}

namespace {

// A masked field with its caption above, shown in the interface language and recorded for
// scripts under the English caption (as trLabel does for buttons).
bool passphraseField(const ScreenContext& ctx, const char* caption, const char* id,
                     std::string* value, bool focus) {
    ImGui::PushStyleColor(ImGuiCol_Text, ctx.theme.palette.textMuted);
    ImGui::TextUnformatted(tr(caption));
    ImGui::PopStyleColor();
    ImGui::SetNextItemWidth(-1);
    if (focus) ImGui::SetKeyboardFocusHere();
    const bool enter = ImGui::InputText(
        id, value, ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
    ctx.locator.recordLastItem(caption);
    return enter;
}

}  // namespace

void AccessGate::DrawSetUp(const ScreenContext& ctx) {
    const Theme& t = ctx.theme;
    const Palette& p = t.palette;
    ui::TextInFont(ctx.fonts.heading, p.text, tr("Set the administrator passphrase"));
    ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
    ui::TextWrapped(format(tr("HR reports and the author workspace open only with this "
                              "passphrase. Choose at least %ld characters and keep it from "
                              "trainees. Rapport stores only a salted hash of it."),
                           long(kMinPassphraseLength)));
    ImGui::PopStyleColor();
    ImGui::Dummy(ImVec2(0, t.px(6)));
    bool submit = passphraseField(ctx, trNoop("New passphrase"), "##pass-new", &first_, focus_);
    submit |=
        passphraseField(ctx, trNoop("The same passphrase again"), "##pass-again", &again_, false);
    focus_ = false;
    if (!message_.empty()) ui::TextWrappedColored(p.danger, message_);
    ImGui::Dummy(ImVec2(0, t.px(6)));
    if (ui::PrimaryButton(ctx.locator, t, trLabel("Set passphrase").c_str())) submit = true;
    ImGui::SameLine();
    if (ui::Button(ctx.locator, (std::string(tr("Cancel")) + "###Cancel##passphrase").c_str()) ||
        ImGui::IsKeyPressed(ImGuiKey_Escape)) {
        close();
        return;
    }
    if (submit) submitSetUp();
}

std::string AccessGate::dialogMessage() const {
    const std::int64_t waitMs = retryAtMs_ - clock_.nowMs();
    if (mode_ != Mode::Unlock || waitMs <= 0) return message_;
    const unsigned long seconds = static_cast<unsigned long>((waitMs + 999) / 1000);
    return format(
        trn("That is not the administrator passphrase. Try again in %ld second.",
            "That is not the administrator passphrase. Try again in %ld seconds.", seconds),
        long(seconds));
}

void AccessGate::DrawUnlock(const ScreenContext& ctx) {
    const Theme& t = ctx.theme;
    const Palette& p = t.palette;
    ui::TextInFont(ctx.fonts.heading, p.text, tr("Administrator passphrase"));
    ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
    ui::TextWrapped(
        tr("HR reports and the author workspace are for administrators. Enter the "
           "passphrase set on this computer."));
    ImGui::PopStyleColor();
    ImGui::Dummy(ImVec2(0, t.px(6)));
    bool submit = passphraseField(ctx, trNoop("Passphrase"), "##pass", &first_, focus_);
    focus_ = false;
    const std::int64_t waitMs = retryAtMs_ - clock_.nowMs();
    if (const std::string said = dialogMessage(); !said.empty())
        ui::TextWrappedColored(p.danger, said);
    ImGui::Dummy(ImVec2(0, t.px(6)));
    const bool waiting = waitMs > 0;
    if (ui::PrimaryButton(ctx.locator, t, trLabel("Unlock").c_str(), ImVec2(0, 0), !waiting))
        submit = true;
    ImGui::SameLine();
    if (ui::Button(ctx.locator, (std::string(tr("Cancel")) + "###Cancel##passphrase").c_str()) ||
        ImGui::IsKeyPressed(ImGuiKey_Escape)) {
        close();
        return;
    }
    if (!submit || waiting) return;
    if (unlock(first_)) {
        finish();
        return;
    }
    first_.clear();
    focus_ = true;
    message_ = tr("That is not the administrator passphrase.");
}

}  // namespace rapport::app
