#include "core/authoring/json_text_splice.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/authoring/json_text_edit.hpp"

namespace rapport {

std::string spliceJsonStrings(std::string_view text,
                              const std::vector<JsonStringReplacement>& replacements) {
    struct Edit {
        JsonSpan span;
        std::string json;
    };
    std::vector<Edit> edits;
    const JsonTextIndex index(text);
    for (const auto& r : replacements)
        if (const JsonTextValue* v = index.find(r.pointer))
            edits.push_back(
                {v->value, nlohmann::json(r.text).dump(-1, ' ', false,
                                                       nlohmann::json::error_handler_t::replace)});
    // From the end backwards, so the spans of the edits still to make stay where they were.
    std::sort(edits.begin(), edits.end(),
              [](const Edit& a, const Edit& b) { return a.span.begin > b.span.begin; });
    std::string out(text);
    for (const auto& e : edits) out.replace(e.span.begin, e.span.end - e.span.begin, e.json);
    return out;
}

}  // namespace rapport
