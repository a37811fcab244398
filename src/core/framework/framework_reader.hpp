// The reader of rapport-framework/1 files behind loadFrameworkText, one file per part of the
// format (framework_loader.cpp: top level; framework_levels.cpp, framework_competencies.cpp,
// framework_rules.cpp). Internal to src/core/framework; not part of the loader interface.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/framework/framework.hpp"
#include "core/framework/framework_loader.hpp"
#include "core/source/json_reader.hpp"

namespace rapport::framework_detail {

// Competency, level, group and rule ids: lowercase snake_case, so indicator ids
// ("<competency>.<behaviour>") stay unambiguous and usable in URLs and xAPI IRIs.
bool isSnakeId(std::string_view id);

class Loader {
public:
    Loader(JsonDocument& doc, const std::string& name, FrameworkLoadResult& result)
        : doc_(doc), r_(name, doc.map, result.diagnostics), result_(result) {}

    void run();

private:
    bool readFormat(const JsonValue& root);
    std::optional<double> percent(const JsonValue& obj, const std::string& pointer,
                                  const char* key);
    // First occurrence of an id within one kind of thing, for "already defined at line N".
    bool claimId(std::unordered_map<std::string, std::string>& seen, const std::string& id,
                 const std::string& pointer, const char* what);
    void readLevels(const JsonValue& root, Framework& f);
    void readCompetencies(const JsonValue& root, Framework& f);
    void readIndicator(const JsonValue& j, const std::string& p, Competency& comp, int compIndex,
                       Framework& f, std::unordered_map<std::string, std::string>& seen);
    void readAnchors(const JsonValue& c, const std::string& p, Competency& comp,
                     const Framework& f);
    std::optional<int> indicatorRef(const Framework& f, const JsonValue& v, const std::string& p,
                                    const std::string& where);
    void readGroups(const JsonValue& root, Framework& f);
    std::optional<int> groupRef(const Framework& f, const JsonValue& rule, const std::string& p,
                                const char* key, const std::string& ruleId);
    void readRules(const JsonValue& root, Framework& f);
    void readTranslations(const JsonValue& root, Framework& f);
    void readTranslation(const JsonValue& t, const std::string& p, Framework& f,
                         FrameworkTranslation& out);

    JsonDocument& doc_;
    JsonReader r_;
    FrameworkLoadResult& result_;
};

}  // namespace rapport::framework_detail
