// Where the program's bundled data is: the competence frameworks, the bundled scenario library
// (with its portraits) and the JSON Schemas. Found from the running executable's location, never
// from a path baked in at build time, so an installed program never reaches the source tree.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace rapport {

struct BundledData {
    std::filesystem::path frameworks;  // <id>.json competence frameworks
    std::filesystem::path scenarios;   // the bundled scenario library
    std::filesystem::path schemas;     // scenario and framework JSON Schemas
};

// The file the build writes beside build/rapport to point it at the source tree's data. It is
// never installed, so it marks a build tree.
inline constexpr const char* kBuildTreeMarker = "rapport-build-data.txt";

// Finds the bundled data of the executable at `exe` (an absolute path, e.g. the target of
// /proc/self/exe), first match wins:
//   1. a build tree: <exe dir>/rapport-build-data.txt, lines "frameworks=DIR", "scenarios=DIR",
//      "schemas=DIR" (written by CMake; unknown lines are ignored);
//   2. an installed prefix: <exe dir>/../share/rapport/{competencies,scenarios,schemas}, when
//      <exe dir>/../share/rapport/competencies is a folder.
// Returns nullopt when neither applies. Only reads; never throws.
std::optional<BundledData> locateBundledData(const std::filesystem::path& exe);

// The process-wide bundled data, set once at start (main, test main) before any lookup. Until
// then every folder is empty and lookups skip the bundled data.
void setBundledData(BundledData data);
const BundledData& bundledData();

}  // namespace rapport
