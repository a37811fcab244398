#include "core/framework/framework_loader.hpp"

#include <cmath>

#include "core/diagnostics/diagnostic_codes.hpp"
#include "core/framework/framework_reader.hpp"
#include "core/source/json_reader.hpp"
#include "core/source/sha256.hpp"

namespace rapport {

namespace framework_detail {

bool isSnakeId(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    if (!(id[0] >= 'a' && id[0] <= 'z')) return false;
    for (char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    return true;
}

namespace {

bool isFrameworkSlug(std::string_view id) {
    if (id.empty() || id.size() > 128) return false;
    if (!((id[0] >= 'a' && id[0] <= 'z') || (id[0] >= '0' && id[0] <= '9'))) return false;
    for (char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.'))
            return false;
    return true;
}

}  // namespace

void Loader::run() {
    Framework f;
    f.sourcePath = r_.file();
    f.contentHash = sha256Hex(*doc_.text);
    const JsonValue& root = doc_.root();
    if (!root.isObject()) {
        r_.error(
            codes::NotAnObject, "",
            std::string("a framework file must hold one JSON object, not ") + jsonKindName(root));
        return;
    }
    for (const auto& p : doc_.duplicateKeys)
        r_.errorAtKey(codes::DuplicateKey, p,
                      "this key appears twice in the same object; only the last would count");
    if (!readFormat(root)) return;
    r_.checkKeys(
        root, "",
        {"format", "id", "version", "name", "language", "description", "levels", "timeoutIndicator",
         "minOpportunities", "competencies", "groups", "rules", "translations"});
    if (auto id = r_.string(root, "", "id", true)) {
        if (!isFrameworkSlug(*id))
            r_.error(
                codes::BadId, "/id",
                "framework id \"" + *id + "\" must be lowercase letters, digits, '.', '_' or '-'");
        f.id = *id;
    }
    if (auto v = r_.string(root, "", "version", true)) f.version = *v;
    if (auto v = r_.string(root, "", "name", true)) f.name = *v;
    if (auto v = r_.string(root, "", "language", false)) f.language = *v;
    if (auto v = r_.string(root, "", "description", false, true)) f.description = *v;
    if (auto m = r_.integer(root, "", "minOpportunities", false, 1, 20))
        f.minOpportunities = int(*m);
    readLevels(root, f);
    readCompetencies(root, f);
    readGroups(root, f);
    readRules(root, f);
    readTranslations(root, f);
    if (const auto* t = r_.member(root, "", "timeoutIndicator", false)) {
        if (auto i = indicatorRef(f, *t, "/timeoutIndicator", "\"timeoutIndicator\"")) {
            if (f.indicators[std::size_t(*i)].polarity != Polarity::Negative)
                r_.error(codes::PointsSign, "/timeoutIndicator",
                         "the timeout indicator \"" + f.indicators[std::size_t(*i)].id +
                             "\" must be a negative indicator: running out of time is evidence "
                             "against");
            f.timeoutIndicator = *i;
        }
    }
    f.sourceMap = doc_.map;
    if (!result_.diagnostics.hasErrors()) result_.framework = std::move(f);
}

bool Loader::readFormat(const JsonValue& root) {
    const auto* f = r_.member(root, "", "format", false);
    if (!f) {
        r_.error(codes::WrongFormat, "",
                 std::string("missing \"format\": a framework file starts with \"format\": \"") +
                     kFrameworkFormat + "\"");
        return false;
    }
    if (!f->isString() || f->asString() != kFrameworkFormat) {
        r_.error(codes::WrongFormat, "/format",
                 std::string("unsupported format ") +
                     (f->isString() ? "\"" + std::string(f->asString()) + "\""
                                    : std::string(jsonKindName(*f))) +
                     "; this version of Rapport reads \"" + kFrameworkFormat + "\"");
        return false;
    }
    return true;
}

std::optional<double> Loader::percent(const JsonValue& obj, const std::string& pointer,
                                      const char* key) {
    const auto* v = r_.member(obj, pointer, key, true);
    if (!v) return std::nullopt;
    const std::string p = childPointer(pointer, key);
    if (!v->isNumber()) {
        r_.error(codes::WrongType, p,
                 std::string("\"") + key + "\" must be a number, not " + jsonKindName(*v));
        return std::nullopt;
    }
    const double d = v->asNumber();
    if (!std::isfinite(d) || d < 0 || d > 100) {
        r_.error(codes::OutOfRange, p, std::string("\"") + key + "\" must be between 0 and 100");
        return std::nullopt;
    }
    return d;
}

// First occurrence of an id within one kind of thing, for "already defined at line N".
bool Loader::claimId(std::unordered_map<std::string, std::string>& seen, const std::string& id,
                     const std::string& pointer, const char* what) {
    auto [it, fresh] = seen.emplace(id, pointer);
    if (fresh) return true;
    const int line = doc_.map.valuePosition(it->second).line;
    r_.error(codes::DuplicateFrameworkId, pointer,
             std::string("duplicate ") + what + " id \"" + id + "\" (first defined at line " +
                 std::to_string(line) + ")");
    return false;
}

}  // namespace framework_detail

namespace {

using framework_detail::Loader;

FrameworkLoadResult load(std::optional<JsonDocument> doc, const std::string& name,
                         FrameworkLoadResult result) {
    if (!doc) return result;
    Loader(*doc, name, result).run();
    result.diagnostics.sortByPosition();
    return result;
}

}  // namespace

FrameworkLoadResult loadFrameworkFile(const std::string& path) {
    FrameworkLoadResult result;
    auto doc = readJsonFile(path, result.diagnostics);
    return load(std::move(doc), path, std::move(result));
}

FrameworkLoadResult loadFrameworkText(std::string text, const std::string& name) {
    FrameworkLoadResult result;
    auto doc = parseJsonText(std::move(text), name, result.diagnostics);
    return load(std::move(doc), name, std::move(result));
}

}  // namespace rapport
