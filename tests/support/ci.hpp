// Whether the suite runs under CI (CI set and not "false", as CI services set it). A test whose
// tool is missing may skip on a developer's machine, never under CI.
#pragma once

#include <cstdlib>
#include <string_view>

namespace rapport::test {

inline bool underCi() {
    const char* ci = std::getenv("CI");
    return ci && *ci && std::string_view(ci) != "false" && std::string_view(ci) != "0";
}

}  // namespace rapport::test
