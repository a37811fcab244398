// The bundled scenario library is read-only for authors: a scenario under the bundled folder is
// never written in place (an update of the program would silently undo the edit, and every
// trainee of the machine would play it). Editing one saves a copy into the trainer's own folder
// ($XDG_DATA_HOME/rapport/scenarios unless configured otherwise) instead.
#pragma once

#include <filesystem>

namespace rapport {

// True when `file` is inside `bundledFolder` (compared by their real paths, so a symlink or
// "a/../b" into the folder counts). An empty folder holds nothing.
bool isBundledScenario(const std::filesystem::path& file,
                       const std::filesystem::path& bundledFolder);

// Where "Save as…" puts the copy of `file`: `ownFolder` / its name, or NAME-2.json, NAME-3.json …
// when that name is taken, so an earlier copy is never overwritten.
std::filesystem::path ownCopyPath(const std::filesystem::path& file,
                                  const std::filesystem::path& ownFolder);

}  // namespace rapport
