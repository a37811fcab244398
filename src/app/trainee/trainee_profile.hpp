// Who is training: entered on the sign-in screen and remembered between runs in a small JSON
// file in the app's data folder (by default $XDG_CONFIG_HOME/rapport, else ~/.config/rapport).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "core/play/timing.hpp"
#include "core/text/trainee_text.hpp"

namespace rapport::app {

struct TraineeProfile {
    std::string name;        // required
    std::string employeeId;  // optional
    std::string group;       // optional, e.g. "SME desk, spring intake"
    // How lines and replies address the trainee: {masculine|feminine} words
    // (core/text/trainee_text.hpp); neutral until the trainee chooses.
    GrammaticalForm form = GrammaticalForm::Neutral;
    // How timed moments run for this trainee (core/play/timing.hpp): standard, twice as long or
    // untimed. Recorded with each attempt, since it changes the conditions.
    Timing timing = Timing::Standard;

    // A profile can be signed in with when its name has a non-space character.
    bool complete() const;
};

// Where the sign-in is remembered: $XDG_CONFIG_HOME/rapport, else ~/.config/rapport
// (core/platform/xdg_dirs.hpp); ./.rapport only when neither can be found (no HOME).
std::filesystem::path defaultDataDir();
std::filesystem::path profilePath(const std::filesystem::path& dataDir);

// The remembered profile; nullopt when there is none yet. A file that is unreadable or not a
// profile also gives nullopt, with the reason in `error` (the trainee simply signs in again).
std::optional<TraineeProfile> loadTraineeProfile(const std::filesystem::path& dataDir,
                                                 std::string* error = nullptr);

// Writes the profile atomically (temporary file, fsync, rename), creating the folder if needed,
// so a crash never leaves a half-written file. False with the reason in `error` on failure.
bool saveTraineeProfile(const std::filesystem::path& dataDir, const TraineeProfile& profile,
                        std::string* error = nullptr);

}  // namespace rapport::app
