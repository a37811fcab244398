// A combo's preview that does not fit its frame is shortened with "…" (ui::ComboFitted and
// BeginComboFitted, app/shell/fit.hpp): at 200 % text a Dear ImGui combo cut its preview at the
// frame's edge with nothing to say more was there.
#include <doctest/doctest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <string>

#include "app/shell/fit.hpp"

namespace {

// One frame of a 160 px window holding the combo; the text it rendered.
std::string renderCombo(int& current, const char* const options[], int count, float width) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(400, 300);
    io.DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(width + 40, 200));
    ImGui::Begin("combo");
    ImGui::LogToClipboard();
    ImGui::SetNextItemWidth(width);
    rapport::app::ui::ComboFitted("##c", current, options, count);
    ImGui::LogFinish();
    ImGui::End();
    ImGui::Render();
    const char* clip = ImGui::GetClipboardText();
    return clip ? clip : "";
}

}  // namespace

TEST_CASE("fitted combo: a long preview ends in an ellipsis, a short one is whole") {
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    const char* options[] = {"Standard time", "Extended: twice as long, for whoever needs it"};
    int current = 1;
    const std::string narrow = renderCombo(current, options, 2, 120);
    CHECK(narrow.find("\xE2\x80\xA6") != std::string::npos);  // "…"
    CHECK(narrow.find(options[1]) == std::string::npos);
    current = 0;
    const std::string wide = renderCombo(current, options, 2, 300);
    CHECK(wide.find("Standard time") != std::string::npos);
    CHECK(wide.find("\xE2\x80\xA6") == std::string::npos);
    ImGui::DestroyContext();
}
