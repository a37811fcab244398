// Where a scenario's client portrait is on disk, by the one rule validation and the app share:
// inside the scenario's folder by its real path, so neither "..", an absolute path nor a symbolic
// link (to a file or to a folder) can lead to a file elsewhere.
#pragma once

#include <string>

namespace rapport {

struct PortraitPath {
    enum class Status {
        None,     // the scenario names no portrait
        Escapes,  // the path, as written or once links are resolved, leaves the scenario's folder
        Missing,  // inside the folder, but no regular file is there
        Found,    // `path` is the portrait's real path (no links left in it)
    };
    Status status = Status::None;
    std::string path;     // Found: the real path to open; Escapes by a link: where it leads
    bool byLink = false;  // Escapes: the path as written stays inside, a symbolic link leaves
};

// Resolves `portrait` (as written in the scenario) against the folder of `scenarioPath`. With
// no `scenarioPath` (a scenario held in memory) only the written path can be checked: Escapes or
// Missing.
PortraitPath resolvePortrait(const std::string& portrait, const std::string& scenarioPath);

}  // namespace rapport
