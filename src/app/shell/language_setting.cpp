#include "app/shell/language_setting.hpp"

#include "app/shell/app_settings.hpp"
#include "core/translation/ui_format.hpp"
#include "core/translation/ui_text.hpp"

namespace rapport::app {

namespace fs = std::filesystem;

namespace {

void setError(std::string* error, std::string why) {
    if (error) *error = std::move(why);
}

bool offered(const std::string& code) {
    for (const auto& c : interfaceLanguageChoices())
        if (code == c.code) return true;
    return false;
}

}  // namespace

const std::vector<InterfaceLanguageChoice>& interfaceLanguageChoices() {
    static const std::vector<InterfaceLanguageChoice> choices = {
        {"en", "English"}, {"ja", "日本語"}, {"ru", "Русский"}};
    return choices;
}

fs::path languageSettingPath(const fs::path& dataDir) { return settingsPath(dataDir); }

std::optional<std::string> loadLanguageSetting(const fs::path& dataDir, std::string* error) {
    std::string why;
    const AppSettings settings = loadAppSettings(dataDir, &why);
    if (!why.empty()) {
        setError(error, std::move(why));
        return std::nullopt;
    }
    if (!settings.language) return std::nullopt;  // never chosen: the OS decides
    if (!offered(*settings.language)) {
        setError(error, uiFormat(tr("{path}: not an interface language setting; the system "
                                    "language is used"),
                                 {{"path", languageSettingPath(dataDir).string()}}));
        return std::nullopt;
    }
    return settings.language;
}

// The rest of the settings stay as they are in the file: only the language changes.
bool saveLanguageSetting(const fs::path& dataDir, const std::string& language, std::string* error) {
    std::string ignored;  // an unreadable file is replaced: the choice just made matters more
    AppSettings settings = loadAppSettings(dataDir, &ignored);
    settings.language = language;
    return saveAppSettings(dataDir, settings, error);
}

}  // namespace rapport::app
