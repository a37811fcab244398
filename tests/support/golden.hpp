// The one golden-file convention of the suite. An expected output lives in a file beside its
// input (NAME.json + NAME.expected) or in a golden folder; a test compares what it produced with
// that file. After a deliberate change, RAPPORT_UPDATE_GOLDEN=1 rewrites the files instead: such
// a run writes and never compares, and each rewritten file fails its check with "updated", so an
// update run can never be mistaken for a passing one. Run again without the variable, and read
// the diff before committing it.
#pragma once

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

#include "support/files.hpp"

namespace rapport::test {

// True when RAPPORT_UPDATE_GOLDEN is set (to anything but "" or "0").
inline bool updatingGoldens() {
    const char* v = std::getenv("RAPPORT_UPDATE_GOLDEN");
    return v && *v && std::string_view(v) != "0";
}

// NAME.expected beside NAME.json (any input extension).
inline std::filesystem::path expectedFileFor(const std::filesystem::path& input) {
    std::filesystem::path p = input;
    p.replace_extension(".expected");
    return p;
}

// Update mode only: writes `actual` to `expected` and records that nothing was compared.
inline void updateGolden(const std::filesystem::path& expected, const std::string& actual) {
    REQUIRE_MESSAGE(writeText(expected, actual), "cannot write " << expected.string());
    FAIL_CHECK(
        "updated " << expected.string()
                   << " (RAPPORT_UPDATE_GOLDEN set: nothing compared; run again without it)");
}

// Compares `actual` with the file `expected` byte for byte; in update mode writes it instead.
inline void checkGolden(const std::filesystem::path& expected, const std::string& actual) {
    if (updatingGoldens()) return updateGolden(expected, actual);
    REQUIRE_MESSAGE(std::filesystem::exists(expected),
                    "missing " << expected.string() << " (create it with RAPPORT_UPDATE_GOLDEN=1)");
    CHECK(actual == readText(expected));
}

}  // namespace rapport::test
