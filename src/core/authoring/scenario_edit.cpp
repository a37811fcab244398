#include "core/authoring/scenario_edit.hpp"

#include <stdexcept>

#include "core/authoring/json_text_edit.hpp"
#include "core/scenario/expression.hpp"
#include "core/source/json_source.hpp"

namespace rapport {

namespace {

using ojson = nlohmann::ordered_json;

std::string nodePointer(int node) { return "/nodes/" + std::to_string(node); }

constexpr std::size_t kMaxUndo = 200;

}  // namespace

ScenarioDocument::ScenarioDocument(std::string text, std::string path)
    : text_(std::move(text)), path_(std::move(path)), diskText_(text_) {
    reparse();
}

void ScenarioDocument::reparse() {
    json_.reset();
    try {
        json_ = nlohmann::json::parse(text_, nullptr, true, /*ignore_comments=*/true);
    } catch (const nlohmann::json::exception&) {
        // Not well-formed: edits wait until the author fixes the text (diagnostics say where).
    }
    ++revision_;
}

bool ScenarioDocument::replaceText(std::string text, std::string mergeKey) {
    if (text == text_) return true;
    // Typing into one field is one undo step, not one per keystroke.
    if (mergeKey.empty() || mergeKey != lastMergeKey_ || undo_.empty()) {
        undo_.push_back(text_);
        if (undo_.size() > kMaxUndo) undo_.erase(undo_.begin());
    }
    lastMergeKey_ = std::move(mergeKey);
    redo_.clear();
    text_ = std::move(text);
    reparse();
    return true;
}

bool ScenarioDocument::set(std::string_view pointer, const ojson& value) {
    if (!json_) return false;
    try {
        return replaceText(jsonTextSet(text_, pointer, value), "set " + std::string(pointer));
    } catch (const std::logic_error&) {
        return false;
    }
}

bool ScenarioDocument::remove(std::string_view pointer) {
    if (!json_) return false;
    try {
        return replaceText(jsonTextRemove(text_, pointer), "");
    } catch (const std::logic_error&) {
        return false;
    }
}

bool ScenarioDocument::insert(std::string_view arrayPointer, std::size_t index,
                              const ojson& value) {
    if (!json_) return false;
    try {
        return replaceText(jsonTextInsert(text_, arrayPointer, index, value), "");
    } catch (const std::logic_error&) {
        return false;
    }
}

int ScenarioDocument::nodeCount() const {
    if (!json_ || !json_->is_object()) return 0;
    const auto it = json_->find("nodes");
    return it != json_->end() && it->is_array() ? int(it->size()) : 0;
}

std::string ScenarioDocument::nodeId(int node) const {
    if (node < 0 || node >= nodeCount()) return {};
    const auto& n = (*json_)["nodes"][std::size_t(node)];
    if (!n.is_object()) return {};
    const auto it = n.find("id");
    return it != n.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string ScenarioDocument::freshNodeId(const std::string& stem) const {
    const int count = nodeCount();
    auto taken = [&](const std::string& id) {
        for (int i = 0; i < count; ++i)
            if (nodeId(i) == id) return true;
        return false;
    };
    if (!taken(stem)) return stem;
    for (int k = 2;; ++k)
        if (std::string id = stem + "-" + std::to_string(k); !taken(id)) return id;
}

std::optional<int> ScenarioDocument::addNode() {
    if (!json_ || !json_->is_object() || !json_->contains("nodes") || !(*json_)["nodes"].is_array())
        return std::nullopt;
    const int index = nodeCount();
    ojson node = ojson::object();
    node["id"] = freshNodeId("node");
    node["speaker"] = "client";
    node["text"] = "What the client says here.";
    node["ending"] = ojson{
        {"outcome", "partial"}, {"title", "New ending"}, {"summary", "What happened and why."}};
    if (!insert("/nodes", std::size_t(index), node)) return std::nullopt;
    return index;
}

std::optional<int> ScenarioDocument::addChoice(int node, const std::string& next) {
    if (node < 0 || node >= nodeCount()) return std::nullopt;
    const auto& n = (*json_)["nodes"][std::size_t(node)];
    if (!n.is_object()) return std::nullopt;
    ojson choice = ojson::object();
    choice["text"] = "What the trainee says.";
    choice["next"] = next;
    const auto it = n.find("choices");
    if (it == n.end() || !it->is_array()) {
        if (!set(nodePointer(node) + "/choices", ojson::array({choice}))) return std::nullopt;
        return 0;
    }
    const int index = int(it->size());
    if (!insert(nodePointer(node) + "/choices", std::size_t(index), choice)) return std::nullopt;
    return index;
}

bool ScenarioDocument::deleteNode(int node) {
    if (node < 0 || node >= nodeCount()) return false;
    return remove(nodePointer(node));
}

bool ScenarioDocument::deleteChoice(int node, int choice) {
    if (node < 0 || node >= nodeCount()) return false;
    return remove(nodePointer(node) + "/choices/" + std::to_string(choice));
}

namespace {

// Rewrites visited("oldId") inside the expression string at obj[key] (spliced at `pointer`);
// other text of the expression is kept as written.
void renameInExpression(std::string& text, const nlohmann::json& obj, const std::string& key,
                        const std::string& pointer, const std::string& oldId,
                        const std::string& newId) {
    const auto it = obj.find(key);
    if (it == obj.end() || !it->is_string()) return;
    const std::string& source = it->get_ref<const std::string&>();
    std::string renamed;
    std::size_t from = 0;
    for (const NodeMention& m : visitedNodeMentions(source)) {
        if (source.compare(m.offset, m.length, oldId) != 0) continue;
        renamed.append(source, from, m.offset - from);
        renamed += newId;
        from = m.offset + m.length;
    }
    if (from == 0) return;
    renamed.append(source, from, std::string::npos);
    text = jsonTextSet(text, pointer, renamed);
}

}  // namespace

bool ScenarioDocument::renameNode(int node, const std::string& newId) {
    if (node < 0 || node >= nodeCount()) return false;
    const std::string oldId = nodeId(node);
    // One text, one undo step: the references move with the id.
    std::string text = text_;
    try {
        text = jsonTextSet(text, nodePointer(node) + "/id", newId);
        const nlohmann::json& root = *json_;
        if (!oldId.empty()) {
            if (root.contains("start") && root["start"] == oldId)
                text = jsonTextSet(text, "/start", newId);
            const auto& nodes = root["nodes"];
            for (std::size_t i = 0; i < nodes.size(); ++i) {
                const auto& n = nodes[i];
                if (!n.is_object()) continue;
                const std::string p = nodePointer(int(i));
                if (n.contains("onTimeout") && n["onTimeout"] == oldId)
                    text = jsonTextSet(text, p + "/onTimeout", newId);
                if (n.contains("variants") && n["variants"].is_array()) {
                    for (std::size_t v = 0; v < n["variants"].size(); ++v)
                        if (n["variants"][v].is_object())
                            renameInExpression(text, n["variants"][v], "if",
                                               p + "/variants/" + std::to_string(v) + "/if", oldId,
                                               newId);
                }
                if (!n.contains("choices") || !n["choices"].is_array()) continue;
                for (std::size_t c = 0; c < n["choices"].size(); ++c) {
                    const auto& ch = n["choices"][c];
                    if (!ch.is_object()) continue;
                    const std::string cp = p + "/choices/" + std::to_string(c);
                    if (ch.contains("next") && ch["next"] == oldId)
                        text = jsonTextSet(text, cp + "/next", newId);
                    renameInExpression(text, ch, "if", cp + "/if", oldId, newId);
                    if (ch.contains("set") && ch["set"].is_object())
                        for (auto it = ch["set"].begin(); it != ch["set"].end(); ++it)
                            renameInExpression(text, ch["set"], it.key(),
                                               cp + "/set/" + pointerToken(it.key()), oldId, newId);
                }
            }
        }
    } catch (const std::logic_error&) {
        return false;
    }
    return replaceText(std::move(text), "");
}

bool ScenarioDocument::makeEnding(int node) {
    if (node < 0 || node >= nodeCount()) return false;
    std::string text = text_;
    try {
        const std::string p = nodePointer(node);
        const auto& n = (*json_)["nodes"][std::size_t(node)];
        for (const char* key : {"choices", "timeLimit", "onTimeout"})
            if (n.contains(key)) text = jsonTextRemove(text, p + "/" + key);
        if (!n.contains("ending"))
            text = jsonTextSet(text, p + "/ending",
                               ojson{{"outcome", "partial"},
                                     {"title", "New ending"},
                                     {"summary", "What happened and why."}});
    } catch (const std::logic_error&) {
        return false;
    }
    return replaceText(std::move(text), "");
}

bool ScenarioDocument::makeTurn(int node, const std::string& next) {
    if (node < 0 || node >= nodeCount()) return false;
    std::string text = text_;
    try {
        const std::string p = nodePointer(node);
        const auto& n = (*json_)["nodes"][std::size_t(node)];
        if (n.contains("ending")) text = jsonTextRemove(text, p + "/ending");
        if (!n.contains("choices"))
            text = jsonTextSet(
                text, p + "/choices",
                ojson::array({ojson{{"text", "What the trainee says."}, {"next", next}}}));
    } catch (const std::logic_error&) {
        return false;
    }
    return replaceText(std::move(text), "");
}

void ScenarioDocument::undo() {
    if (undo_.empty()) return;
    redo_.push_back(std::move(text_));
    text_ = std::move(undo_.back());
    undo_.pop_back();
    lastMergeKey_.clear();
    reparse();
}

void ScenarioDocument::redo() {
    if (redo_.empty()) return;
    undo_.push_back(std::move(text_));
    text_ = std::move(redo_.back());
    redo_.pop_back();
    lastMergeKey_.clear();
    reparse();
}

ScenarioDocument::DiskChange ScenarioDocument::diskChanged(const std::string& diskText) {
    if (diskText == diskText_) return DiskChange::None;
    if (!dirty()) {
        takeDiskText(diskText);
        return DiskChange::Reloaded;
    }
    return DiskChange::Conflict;
}

void ScenarioDocument::takeDiskText(std::string diskText) {
    if (text_ != diskText) {
        // Reloading is undoable too: an author who reloaded by mistake gets the edits back.
        undo_.push_back(std::move(text_));
        redo_.clear();
    }
    text_ = diskText;
    diskText_ = std::move(diskText);
    lastMergeKey_.clear();
    reparse();
}

std::string newScenarioTemplate(const std::string& id, const std::string& title) {
    const std::string q = ojson(id).dump();
    const std::string t = ojson(title).dump();
    return "// A new Rapport scenario. Format: docs/scenario-format.md\n"
           "{\n"
           "  \"format\": \"rapport-scenario/1\",\n"
           "  \"id\": " +
           q +
           ",\n"
           "  \"version\": \"0.1.0\",\n"
           "  \"title\": " +
           t +
           ",\n"
           "  \"language\": \"en\",\n"
           "  \"summary\": \"One or two sentences: the situation and the skill it trains.\",\n"
           "  \"sector\": \"bank\",\n"
           "  \"difficulty\": 1,\n"
           "  \"passScore\": 70,\n"
           "  \"framework\": \"account-manager\",\n"
           "  \"client\": {\n"
           "    \"name\": \"Client Name\",\n"
           "    \"role\": \"Owner\",\n"
           "    \"company\": \"The client's company\",\n"
           "    \"description\": \"What the trainee knows before the conversation.\"\n"
           "  },\n"
           "  \"start\": \"opening\",\n"
           "  \"nodes\": [\n"
           "    {\n"
           "      \"id\": \"opening\",\n"
           "      \"speaker\": \"client\",\n"
           "      \"text\": \"Hello. What is this about?\",\n"
           "      \"choices\": [\n"
           "        {\n"
           "          \"text\": \"May I ask how you handle this today?\",\n"
           "          \"next\": \"agreed\",\n"
           "          \"feedback\": \"Asks about the client's situation before offering "
           "anything.\",\n"
           "          \"evidence\": [ { \"indicator\": \"needs_discovery.situation_questions\" } "
           "]\n"
           "        },\n"
           "        {\n"
           "          \"text\": \"Let me tell you about our offer.\",\n"
           "          \"next\": \"declined\",\n"
           "          \"feedback\": \"Pitches before knowing what matters to the client.\"\n"
           "        }\n"
           "      ]\n"
           "    },\n"
           "    {\n"
           "      \"id\": \"agreed\",\n"
           "      \"speaker\": \"client\",\n"
           "      \"text\": \"Good question. Let's talk next week.\",\n"
           "      \"ending\": { \"outcome\": \"won\", \"title\": \"Meeting agreed\", \"summary\": "
           "\"The client wants to continue.\" }\n"
           "    },\n"
           "    {\n"
           "      \"id\": \"declined\",\n"
           "      \"speaker\": \"client\",\n"
           "      \"text\": \"Not interested, thank you.\",\n"
           "      \"ending\": { \"outcome\": \"lost\", \"title\": \"Call ended\", \"summary\": "
           "\"The pitch came too early.\" }\n"
           "    }\n"
           "  ]\n"
           "}\n";
}

}  // namespace rapport
