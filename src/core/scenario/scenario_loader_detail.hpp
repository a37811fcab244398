// The loader of rapport-scenario/1 files, internal to loadScenarioFile/loadScenarioText: one
// Loader walks a parsed document once and builds the Scenario, reporting every problem it meets.
// Its work is split by job: scenario_loader.cpp reads the scenario's own fields (format,
// metadata, client, variables, meters), scenario_node_loader.cpp the nodes and their choices.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/scenario/scenario_loader.hpp"
#include "core/source/json_reader.hpp"
#include "core/source/json_source.hpp"

namespace rapport::scenario_loading {

// Ids appear in CLI arguments, JSON pointers, transcripts and URLs, so they stay ASCII.
bool isValidNodeId(std::string_view id);

class Loader {
public:
    Loader(JsonDocument& doc, const std::string& name, LoadResult& result)
        : doc_(doc), r_(name, doc.map, result.diagnostics), result_(result) {}

    // Builds result.scenario from the document (unless the root is not an object or the format
    // is not rapport-scenario/1) and adds every problem found to result.diagnostics.
    void run();

private:
    void reportDuplicateKeys();
    bool readFormat(const JsonValue& root);
    void readMetadata(const JsonValue& root, Scenario& s);
    void readClient(const JsonValue& root, Scenario& s);
    void readVariables(const JsonValue& root, Scenario& s);
    void readDeal(const JsonValue& decl, const std::string& pointer, Variable& v);
    void readMeters(const JsonValue& root, Scenario& s);
    void collectNodeIds(const JsonValue& nodes, Scenario& s);
    std::optional<int> resolveNode(const std::string& pointer, const std::string& id,
                                   const Scenario& s);
    std::optional<Expression> compile(const JsonValue& value, const std::string& pointer,
                                      const Scenario& s, ValueType expected, std::string_view what);
    void readNodes(const JsonValue& root, Scenario& s);
    void readNode(const JsonValue& n, Scenario& s, int index);
    void readVariants(const JsonValue& n, const Scenario& s, Node& node);
    void readEnding(const JsonValue& n, Node& node);
    void readChoices(const JsonValue& n, const Scenario& s, Node& node);
    bool readSet(const JsonValue& c, const Scenario& s, const std::string& p, Choice& choice);
    void readEvidence(const JsonValue& c, const std::string& p, Choice& choice);

    JsonDocument& doc_;
    JsonReader r_;
    LoadResult& result_;
    std::string startId_;
};

}  // namespace rapport::scenario_loading
