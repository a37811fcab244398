// The interface language the user picked on the sign-in screen, remembered between runs in the
// app's settings (app_settings.hpp, <data dir>/settings.json), not in the trainee profile, so
// that signing out, which forgets the trainee, keeps the language.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace rapport::app {

struct InterfaceLanguageChoice {
    const char* code;        // "en", "ja", "ru"
    const char* nativeName;  // in its own script: "English", "日本語", "Русский"
};

// The languages the sign-in screen offers, in this order.
const std::vector<InterfaceLanguageChoice>& interfaceLanguageChoices();

std::filesystem::path languageSettingPath(const std::filesystem::path& dataDir);

// The remembered language; nullopt when none was chosen yet, or the file is unreadable or names
// a language not offered (the reason in `error`), so the OS locale decides.
std::optional<std::string> loadLanguageSetting(const std::filesystem::path& dataDir,
                                               std::string* error = nullptr);

// Writes it atomically into the settings, creating the folder, the other settings unchanged;
// false with the reason in `error`.
bool saveLanguageSetting(const std::filesystem::path& dataDir, const std::string& language,
                         std::string* error = nullptr);

}  // namespace rapport::app
