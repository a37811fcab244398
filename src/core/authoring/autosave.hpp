// The author workspace's recovery copy: unsaved edits of a scenario written beside the user's
// state (not beside the scenario, which may be read-only or shared), so a crash, a killed
// process or a power cut loses at most the last few seconds of an author's work. One file per
// scenario, named by a hash of the scenario's absolute path; it holds the path, the time and
// the whole text, and is removed once the edits are saved or discarded.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace rapport {

struct AutosaveRecovery {
    std::string scenarioPath;    // the scenario the edits belong to, absolute
    std::string text;            // the document's whole text when it was written
    std::int64_t savedAtMs = 0;  // Unix time in milliseconds
};

// `folder`/<16 hex digits>.json for `scenarioPath` (made absolute first, so "a.json" and
// "./a.json" share one file).
std::filesystem::path autosavePath(const std::filesystem::path& folder,
                                   const std::string& scenarioPath);

// Writes the recovery file atomically (core/files/safe_output), creating `folder`. False with
// the reason in `error`.
bool writeAutosave(const std::filesystem::path& folder, const AutosaveRecovery& recovery,
                   std::string& error);

// The recovery for `scenarioPath`, when one exists, is readable and names that scenario (a
// hash collision or a file edited by hand is ignored, never offered as someone else's work).
std::optional<AutosaveRecovery> readAutosave(const std::filesystem::path& folder,
                                             const std::string& scenarioPath);

// Removes the recovery for `scenarioPath`; a missing one is fine.
void removeAutosave(const std::filesystem::path& folder, const std::string& scenarioPath);

}  // namespace rapport
