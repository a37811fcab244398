#include "app/shell/language_setting.hpp"

#include <cerrno>
#include <nlohmann/json.hpp>

#include "core/files/bounded_read.hpp"
#include "core/files/safe_output.hpp"
#include "core/translation/ui_format.hpp"
#include "core/translation/ui_text.hpp"

namespace rapport::app {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kMaxSettingBytes = 64u * 1024u;

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

fs::path languageSettingPath(const fs::path& dataDir) { return dataDir / "interface.json"; }

std::optional<std::string> loadLanguageSetting(const fs::path& dataDir, std::string* error) {
    const fs::path path = languageSettingPath(dataDir);
    const BoundedRead read = readBoundedFile(path.string(), kMaxSettingBytes);
    if (read.systemError == ENOENT) return std::nullopt;  // never chosen: the OS decides
    if (!read) {
        setError(error, read.message);
        return std::nullopt;
    }
    const auto j = nlohmann::json::parse(read.text, nullptr, false);
    const auto it = j.is_object() ? j.find("language") : j.end();
    if (j.is_discarded() || !j.is_object() || it == j.end() || !it->is_string() ||
        !offered(it->get<std::string>())) {
        setError(error, uiFormat(tr("{path}: not an interface language setting; the system "
                                    "language is used"),
                                 {{"path", path.string()}}));
        return std::nullopt;
    }
    return it->get<std::string>();
}

bool saveLanguageSetting(const fs::path& dataDir, const std::string& language, std::string* error) {
    std::error_code ec;
    fs::create_directories(dataDir, ec);
    if (ec) {
        setError(error, uiFormat(tr("cannot create {path}: {error}"),
                                 {{"path", dataDir.string()}, {"error", ec.message()}}));
        return false;
    }
    const nlohmann::json j = {{"format", "rapport-interface/1"}, {"language", language}};
    const fs::path target = languageSettingPath(dataDir);
    if (const OutputWrite w = writeOutputFile(target.string(), j.dump(2) + "\n"); !w) {
        setError(error, uiFormat(tr("cannot save {path}: {error}"),
                                 {{"path", target.string()}, {"error", w.reason}}));
        return false;
    }
    return true;
}

}  // namespace rapport::app
