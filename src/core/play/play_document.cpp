#include "core/play/play_document.hpp"

#include <exception>

#include "core/diagnostics/diagnostic_codes.hpp"
#include "core/source/json_source.hpp"

namespace rapport {

namespace {

using nlohmann::json;

std::string stringField(const json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

PlayDocumentRead parsePlayDocument(std::string text, const std::string& name) {
    PlayDocumentRead r;
    // The positions and words of every JSON problem are the scenario reader's.
    if (!parseJsonText(text, name, r.diagnostics)) return r;
    // Accepted above, so this parse succeeds; comments are allowed as everywhere else.
    json doc = json::parse(text, nullptr, false, true);
    if (doc.is_discarded()) {
        r.error = name + " is not a valid JSON file";
        return r;
    }
    if (!doc.is_object() || !doc.contains("scenario") || !doc["scenario"].is_object() ||
        !doc.contains("transcript")) {
        r.error = name +
                  " is not the output of 'rapport play … --json' (no \"scenario\" and "
                  "\"transcript\")";
        return r;
    }
    const json& sc = doc["scenario"];
    PlayDocument d;
    try {
        json t = {{"scenario", stringField(sc, "id")},
                  {"version", stringField(sc, "version")},
                  {"contentHash", stringField(sc, "contentHash")},
                  {"seed", doc.value("seed", json(0))},
                  {"steps", doc["transcript"]},
                  {"endingNode", doc.contains("ending") && doc["ending"].is_object()
                                     ? doc["ending"].value("node", json(nullptr))
                                     : json(nullptr)}};
        if (doc.contains("replyOrder")) t["replyOrder"] = doc["replyOrder"];
        d.transcript = transcriptFromJson(t);
    } catch (const std::exception& e) {
        r.error = name + ": " + e.what();
        return r;
    }
    d.json = std::move(doc);
    r.document = std::move(d);
    return r;
}

PlayDocumentRead readPlayDocumentFile(const std::string& path) {
    PlayDocumentRead r;
    std::optional<std::string> text = readSourceFile(path, r.diagnostics);
    if (!text) {
        r.unreadable = !r.diagnostics.empty() && r.diagnostics.items()[0].code == codes::Unreadable;
        return r;
    }
    return parsePlayDocument(std::move(*text), path);
}

}  // namespace rapport
