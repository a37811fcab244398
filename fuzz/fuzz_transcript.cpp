// libFuzzer entry point for the transcript reader of `rapport score`: any bytes as a saved
// `rapport play --json` document. Traps if a problem goes unexplained (no code, no message, no
// error), or if text the JSON reader accepted is refused by the DOM parse that follows it.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/play/play_document.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    const rapport::PlayDocumentRead read = rapport::parsePlayDocument(std::move(text), "fuzz.json");
    for (const auto& d : read.diagnostics.items())
        if (d.code.empty() || d.message.empty()) __builtin_trap();
    if (read.document) {
        if (!read.diagnostics.empty() || !read.error.empty()) __builtin_trap();
        // What was read back writes out and reads again the same.
        const auto again =
            rapport::transcriptFromJson(rapport::transcriptToJson(read.document->transcript));
        if (rapport::transcriptToJson(again) !=
            rapport::transcriptToJson(read.document->transcript))
            __builtin_trap();
        return 0;
    }
    if (read.diagnostics.empty() && read.error.empty()) __builtin_trap();
    // parseJsonText accepted it, so the DOM must too. The whole message is compared: other
    // errors quote the input (an unknown key), and the input may contain these very words.
    if (read.diagnostics.empty() && read.error == "fuzz.json is not a valid JSON file")
        __builtin_trap();
    return 0;
}
