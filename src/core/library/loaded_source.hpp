// The text of a library entry's file as the library checked it, for what is made from the text
// rather than the loaded scenario (an alternate form, core/alternates/alternate_scenario.hpp).
#pragma once

#include <optional>
#include <string>

#include "core/library/scenario_library.hpp"

namespace rapport {

// nullopt when the entry is not playable, or its file can no longer be read or has changed since
// it was loaded (its content hash differs): what would be made from it is not what was checked.
std::optional<std::string> loadedSourceText(const LibraryEntry& entry);

}  // namespace rapport
