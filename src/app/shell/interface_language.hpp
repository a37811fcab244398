// The language the interface speaks, for content that carries its own translations (the
// competence framework's names, level anchors and indicators). Passed down to core as a plain
// language tag, so core never reads the interface's state.
#pragma once

#include <string>

namespace rapport::app {

// Base language tag ("en", "ja", "ru") of the interface's current translation.
std::string interfaceLanguage();

}  // namespace rapport::app
