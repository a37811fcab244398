#include "app/trainee/trainee_profile.hpp"

#include <cerrno>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "core/files/bounded_read.hpp"
#include "core/files/safe_output.hpp"
#include "core/platform/xdg_dirs.hpp"

namespace rapport::app {
namespace fs = std::filesystem;

namespace {

void setError(std::string* error, std::string why) {
    if (error) *error = std::move(why);
}

// A profile is a few names; anything larger is not one.
constexpr std::size_t kMaxProfileBytes = 1024u * 1024u;

}  // namespace

bool TraineeProfile::complete() const {
    return name.find_first_not_of(" \t\r\n") != std::string::npos;
}

fs::path defaultDataDir() {
    if (auto dir = rapportDir(XdgBase::Config)) return *dir;
    return fs::path(".rapport");
}

fs::path profilePath(const fs::path& dataDir) { return dataDir / "trainee.json"; }

std::optional<TraineeProfile> loadTraineeProfile(const fs::path& dataDir, std::string* error) {
    const fs::path path = profilePath(dataDir);
    const BoundedRead read = readBoundedFile(path.string(), kMaxProfileBytes);
    if (read.systemError == ENOENT) return std::nullopt;  // not signed in before: not an error
    if (!read) {
        setError(error, read.message);
        return std::nullopt;
    }
    auto j = nlohmann::json::parse(read.text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        setError(error, path.string() + ": not a trainee profile (invalid JSON)");
        return std::nullopt;
    }
    TraineeProfile p;
    auto str = [&](const char* key) {
        auto it = j.find(key);
        return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    p.name = str("name");
    p.employeeId = str("employeeId");
    p.group = str("group");
    // Profiles from before the setting existed, or with a value this version does not know,
    // read as neutral.
    p.form = parseGrammaticalForm(str("form")).value_or(GrammaticalForm::Neutral);
    p.timing = parseTiming(str("timing")).value_or(Timing::Standard);
    if (!p.complete()) {
        setError(error, path.string() + ": trainee profile has no name");
        return std::nullopt;
    }
    return p;
}

bool saveTraineeProfile(const fs::path& dataDir, const TraineeProfile& profile,
                        std::string* error) {
    std::error_code ec;
    fs::create_directories(dataDir, ec);
    if (ec) {
        setError(error, "cannot create " + dataDir.string() + ": " + ec.message());
        return false;
    }
    const nlohmann::json j = {{"format", "rapport-trainee/1"},
                              {"name", profile.name},
                              {"employeeId", profile.employeeId},
                              {"group", profile.group},
                              {"form", grammaticalFormName(profile.form)},
                              {"timing", timingName(profile.timing)}};
    const std::string data = j.dump(2) + "\n";
    const fs::path target = profilePath(dataDir);
    if (const OutputWrite w = writeOutputFile(target.string(), data); !w) {
        setError(error, "cannot save " + target.string() + ": " + w.reason);
        return false;
    }
    return true;
}

}  // namespace rapport::app
