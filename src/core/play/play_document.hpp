// The document `rapport play --json` prints, read back (by `rapport score`): {"scenario": {id,
// version, contentHash}, "seed", "transcript": [steps], "ending", "report"?}. Read like every
// author file: bounded, never blocking, located diagnostics for what is not JSON.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/diagnostics/diagnostic.hpp"
#include "core/play/transcript.hpp"

namespace rapport {

struct PlayDocument {
    nlohmann::json json;    // the whole document, e.g. for its stored "report"
    Transcript transcript;  // its steps, checked as transcriptFromJson checks them
};

struct PlayDocumentRead {
    std::optional<PlayDocument> document;  // set when the text is a play document
    // The file could not be read, or is not JSON (RAP0001..RAP0005, located).
    DiagnosticList diagnostics;
    bool unreadable = false;  // RAP0001: nothing could be read
    // JSON, but not a play document: why (empty when diagnostics say it or all is well).
    std::string error;
};

// Reads and parses the file at `path` (at most kMaxSourceBytes; FIFOs and devices refused).
PlayDocumentRead readPlayDocumentFile(const std::string& path);
// The same for text in memory, `name` naming it in diagnostics and errors.
PlayDocumentRead parsePlayDocument(std::string text, const std::string& name);

}  // namespace rapport
