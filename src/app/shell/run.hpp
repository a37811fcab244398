// Entry point of the simulator window, called by `rapport` with no verb or with app options.
#pragma once

#include <span>
#include <string_view>

namespace rapport::app {

// True for the options the window understands (--script, --scenarios, ...), so main() can tell
// them from verbs.
bool isAppOption(std::string_view arg);

// Opens the window and runs until it is closed or the script ends. Exit codes: 0 ok, 1 a script
// failed, 2 usage error or no display / OpenGL 3.3 (with a message pointing to `rapport play`).
int run(std::span<const std::string_view> args);

}  // namespace rapport::app
