// Running GNU gettext's programs (Debian's `gettext` package) for the translator workflow:
// merging a catalogue with a changed source is msgmerge's job, done the way every translator's
// tool expects, rather than re-written here.
#pragma once

#include <string>

namespace rapport::cli {

struct ToolRun {
    bool ok = false;
    std::string output;  // what the program wrote (the merged catalogue)
    std::string error;   // why it failed, in words: not installed, its own message, a signal
};

// `msgmerge --quiet --previous --no-wrap DEFINITIONS REFERENCE` (definitions: the translator's
// existing catalogue; reference: the fresh template). Both are passed as text, written to a
// private temporary folder, so msgmerge only ever reads regular files Rapport wrote.
// `definitionsName` replaces the temporary file's name in msgmerge's messages.
ToolRun runMsgmerge(const std::string& definitions, const std::string& reference,
                    const std::string& definitionsName);

}  // namespace rapport::cli
