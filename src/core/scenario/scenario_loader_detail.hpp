// The loader of rapport-scenario/1 files, internal to loadScenarioFile/loadScenarioText: one
// Loader walks a parsed document once and builds the Scenario, reporting every problem it meets.
// Its work is split by job: scenario_loader.cpp reads the scenario's own fields (format,
// metadata, client, variables, meters), scenario_node_loader.cpp the nodes and their choices,
// scenario_cast_loader.cpp the named speakers.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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
    // scenario_cast_loader.cpp
    void readSpeakers(const JsonValue& root, Scenario& s);
    void readNodeSpeaker(const JsonValue& n, const Scenario& s, Node& node);
    // scenario_document_loader.cpp
    void readDocuments(const JsonValue& root, Scenario& s);
    std::vector<int> readReveals(const JsonValue& obj, const std::string& p, const Scenario& s);
    // scenario_alternate_loader.cpp
    void readAlternates(const JsonValue& root, Scenario& s);
    // scenario_compose_loader.cpp
    void collectComposeParts(const JsonValue& nodes, Scenario& s);
    void readCompose(const JsonValue& n, Scenario& s, int index);
    void collectNodeIds(const JsonValue& nodes, Scenario& s);
    std::optional<int> resolveNode(const std::string& pointer, const std::string& id,
                                   const Scenario& s);
    std::optional<Expression> compile(const JsonValue& value, const std::string& pointer,
                                      const Scenario& s, ValueType expected, std::string_view what);
    void readNodes(const JsonValue& root, Scenario& s);
    void readNode(const JsonValue& n, Scenario& s, int index);
    void readVariants(const JsonValue& n, const Scenario& s, Node& node);
    void readEnding(const JsonValue& n, Node& node);
    // The "choices" of `holder` (a node, or a part of a compose node at `holderPointer`). With
    // `fixedNext` (a compose part) a choice has no "next" of its own and goes there.
    void readChoices(const JsonValue& holder, const std::string& holderPointer, const Scenario& s,
                     Node& node, int fixedNext = -1);
    bool readSet(const JsonValue& c, const Scenario& s, const std::string& p, Choice& choice);
    void readEvidence(const JsonValue& c, const std::string& p, Choice& choice);

    JsonDocument& doc_;
    JsonReader r_;
    LoadResult& result_;
    std::string startId_;
    std::map<int, std::vector<int>> composeParts_;  // compose node -> its parts after the first
};

}  // namespace rapport::scenario_loading
