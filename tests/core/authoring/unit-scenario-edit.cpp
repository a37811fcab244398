// Editing scenario text in place: values spliced at their spans, new members and elements with
// their siblings' indentation, everything else byte for byte as the author wrote it.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "core/authoring/json_text_edit.hpp"
#include "core/authoring/scenario_edit.hpp"
#include "core/checks/scenario_check.hpp"
#include "core/scenario/expression.hpp"
#include "support/build_paths.hpp"
#include "support/files.hpp"

using namespace rapport;
using ojson = nlohmann::ordered_json;

namespace {

using test::readText;

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);) out.push_back(l);
    return out;
}

// Lines of `before` and `after` that differ, after removing the common head and tail: the hunk a
// line diff would show.
struct Hunk {
    std::vector<std::string> removed, added;
    std::size_t at = 0;  // 0-based line where the hunk starts
};
Hunk diff(const std::string& before, const std::string& after) {
    const auto a = lines(before), b = lines(after);
    std::size_t head = 0;
    while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
    std::size_t tail = 0;
    while (tail < a.size() - head && tail < b.size() - head &&
           a[a.size() - 1 - tail] == b[b.size() - 1 - tail])
        ++tail;
    Hunk h;
    h.at = head;
    h.removed.assign(a.begin() + long(head), a.end() - long(tail));
    h.added.assign(b.begin() + long(head), b.end() - long(tail));
    return h;
}

const std::string kColdCall =
    std::string(RAPPORT_SOURCE_DIR) + "/scenarios/bank-sme-cold-call.json";

}  // namespace

TEST_CASE("json text index: spans of values and keys, comments skipped") {
    const std::string t = "// note\n{ \"a\": [1, {\"b\": \"x\"}], /* c */ \"d\": true }";
    JsonTextIndex idx(t);
    REQUIRE(idx.find("/a/1/b"));
    const auto* b = idx.find("/a/1/b");
    CHECK(t.substr(b->value.begin, b->value.end - b->value.begin) == "\"x\"");
    CHECK(t.substr(b->key.begin, b->key.end - b->key.begin) == "\"b\"");
    const auto* a = idx.find("/a");
    CHECK(t.substr(a->value.begin, a->value.end - a->value.begin) == "[1, {\"b\": \"x\"}]");
    CHECK(a->children == std::vector<std::string>{"/a/0", "/a/1"});
    CHECK(idx.find("")->children == std::vector<std::string>{"/a", "/d"});
    CHECK(idx.find("/x") == nullptr);
}

TEST_CASE("json text edit: set replaces only the value, keeps comments and spelling") {
    const std::string t = "{\n  // why\n  \"n\": 1.0, \"s\": \"old\" /* keep */\n}\n";
    CHECK(jsonTextSet(t, "/s", "new") ==
          "{\n  // why\n  \"n\": 1.0, \"s\": \"new\" /* keep */\n}\n");
    CHECK(jsonTextSet(t, "/n", 1) == t);  // equal value: 1.0 stays as written
    CHECK(jsonTextSet(t, "/s", "quote \" and \\ and ünïcode") ==
          "{\n  // why\n  \"n\": 1.0, \"s\": \"quote \\\" and \\\\ and ünïcode\" /* keep */\n}\n");
    CHECK_THROWS_AS(jsonTextSet(t, "/missing/x", 1), std::logic_error);
}

TEST_CASE("json text edit: new members follow their siblings' layout") {
    SUBCASE("one member per line, after a trailing comment") {
        const std::string t = "{\n    \"a\": 1, // one\n    \"b\": 2 // two\n}";
        CHECK(jsonTextSet(t, "/c", ojson::array({"x", "y"})) ==
              "{\n    \"a\": 1, // one\n    \"b\": 2, // two\n    \"c\": [\"x\", \"y\"]\n}");
    }
    SUBCASE("inline object") {
        CHECK(jsonTextSet("{ \"a\": 1 }", "/b", true) == "{ \"a\": 1, \"b\": true }");
    }
    SUBCASE("empty object and array") {
        CHECK(jsonTextSet("{\"o\": {}}", "/o/k", 1) == "{\"o\": { \"k\": 1 }}");
        CHECK(jsonTextInsert("{\"a\": []}", "/a", 0, 5) == "{\"a\": [5]}");
    }
    SUBCASE("structured values are indented one unit deeper, keys in the given order") {
        const std::string t = "{\n  \"list\": [\n    { \"x\": 1 }\n  ]\n}";
        ojson v = ojson::object();
        v["zeta"] =
            "text that is long enough to put this object on several lines of its own, surely";
        v["alpha"] = ojson::array({ojson{{"k", 1}}});
        CHECK(jsonTextInsert(t, "/list", 1, v) ==
              "{\n  \"list\": [\n    { \"x\": 1 },\n    {\n      \"zeta\": \"text that is long "
              "enough to put this object on "
              "several lines of its own, surely\",\n      \"alpha\": [\n        { \"k\": 1 }\n     "
              " ]\n    }\n  ]\n}");
    }
    SUBCASE("insert before an element") {
        const std::string t = "[\n  1,\n  2\n]";
        CHECK(jsonTextInsert(t, "", 1, 9) == "[\n  1,\n  9,\n  2\n]");
        CHECK(jsonTextInsert("[1, 2]", "", 0, 0) == "[0, 1, 2]");
    }
    SUBCASE("CRLF files get CRLF lines") {
        CHECK(jsonTextSet("{\r\n  \"a\": 1\r\n}", "/b", 2) ==
              "{\r\n  \"a\": 1,\r\n  \"b\": 2\r\n}");
    }
}

TEST_CASE("json text edit: remove takes the member's line and the right comma") {
    const std::string t = "{\n  \"a\": 1,\n  \"b\": 2,\n  \"c\": 3\n}";
    CHECK(jsonTextRemove(t, "/b") == "{\n  \"a\": 1,\n  \"c\": 3\n}");
    CHECK(jsonTextRemove(t, "/c") == "{\n  \"a\": 1,\n  \"b\": 2\n}");
    CHECK(jsonTextRemove(t, "/a") == "{\n  \"b\": 2,\n  \"c\": 3\n}");
    CHECK(jsonTextRemove("[1, 2, 3]", "/1") == "[1, 3]");
    CHECK(jsonTextRemove("[1, 2, 3]", "/2") == "[1, 2]");
    CHECK(jsonTextRemove("{\"only\": [7]}", "/only/0") == "{\"only\": []}");
}

TEST_CASE(
    "scenario document: changing one choice text in a real scenario changes exactly that line") {
    const std::string before = readText(kColdCall);
    REQUIRE(!before.empty());
    ScenarioDocument doc(before, kColdCall);
    REQUIRE(doc.json());
    CHECK_FALSE(doc.dirty());
    REQUIRE(doc.set("/nodes/0/choices/1/text",
                    "Spend five minutes on the register and the procurement portal."));
    CHECK(doc.dirty());
    const Hunk h = diff(before, doc.text());
    REQUIRE(h.removed.size() == 1);
    REQUIRE(h.added.size() == 1);
    CHECK(h.removed[0] ==
          "          \"text\": \"Spend the five minutes on public data: the company register, the "
          "public "
          "procurement portal, their website.\",");
    CHECK(
        h.added[0] ==
        "          \"text\": \"Spend five minutes on the register and the procurement portal.\",");
    CHECK(doc.text().size() == before.size() - h.removed[0].size() + h.added[0].size());
    // The leading comments and everything else survive.
    CHECK(doc.text().starts_with("// Cold call to an SME owner"));
    CHECK(checkScenarioText(doc.text(), "edited.json").playable());
}

TEST_CASE("scenario document: adding a choice changes only that region") {
    const std::string before = readText(kColdCall);
    ScenarioDocument doc(before, kColdCall);
    const auto& choices = (*doc.json())["nodes"][0]["choices"];
    const std::size_t count = choices.size();
    const auto added = doc.addChoice(0, "gatekeeper");
    REQUIRE(added);
    CHECK(*added == int(count));
    const Hunk h = diff(before, doc.text());
    // A line diff shows four added lines and nothing removed: the last choice's closing brace
    // gains a comma, and the new choice follows with its siblings' layout and indentation.
    CHECK(h.removed.empty());
    CHECK(h.added == std::vector<std::string>{"        },", "        {",
                                              "          \"text\": \"What the trainee says.\",",
                                              "          \"next\": \"gatekeeper\""});
    CHECK(lines(doc.text()).size() == lines(before).size() + 4);
    CHECK((*doc.json())["nodes"][0]["choices"].size() == count + 1);
    CHECK(checkScenarioText(doc.text(), "edited.json").playable());

    doc.undo();
    CHECK(doc.text() == before);
    doc.redo();
    CHECK((*doc.json())["nodes"][0]["choices"].size() == count + 1);
}

TEST_CASE("scenario document: typing into one field is one undo step") {
    ScenarioDocument doc(newScenarioTemplate("t", "T"), "t.json");
    const std::string original = doc.text();
    doc.set("/nodes/0/text", "H");
    doc.set("/nodes/0/text", "He");
    doc.set("/nodes/0/text", "Hey");
    doc.set("/title", "New");
    doc.undo();
    CHECK((*doc.json())["nodes"][0]["text"] == "Hey");
    doc.undo();
    CHECK(doc.text() == original);
    CHECK_FALSE(doc.canUndo());
}

TEST_CASE(
    "scenario document: nodes added, renamed with their references, turned into endings, deleted") {
    ScenarioDocument doc(newScenarioTemplate("new-one", "New one"), "new.json");
    REQUIRE(checkScenarioText(doc.text(), "t.json").playable());
    const auto n = doc.addNode();
    REQUIRE(n);
    CHECK(doc.nodeId(*n) == "node");
    CHECK(doc.freshNodeId("node") == "node-2");
    REQUIRE(doc.renameNode(0, "hello"));
    CHECK((*doc.json())["start"] == "hello");
    REQUIRE(doc.renameNode(1, "yes"));
    CHECK((*doc.json())["nodes"][0]["choices"][0]["next"] == "yes");
    REQUIRE(doc.makeTurn(*n, "yes"));
    CHECK_FALSE((*doc.json())["nodes"][std::size_t(*n)].contains("ending"));
    CHECK((*doc.json())["nodes"][std::size_t(*n)]["choices"][0]["next"] == "yes");
    REQUIRE(doc.makeEnding(*n));
    CHECK_FALSE((*doc.json())["nodes"][std::size_t(*n)].contains("choices"));
    REQUIRE(doc.deleteChoice(0, 1));
    REQUIRE(doc.deleteNode(2));  // "declined", now unused
    REQUIRE(doc.deleteNode(2));  // the added node
    const auto check = checkScenarioText(doc.text(), "t.json");
    for (const auto& d : check.diagnostics.items()) MESSAGE(formatDiagnostic(d));
    CHECK(check.playable());
    CHECK(doc.nodeCount() == 2);
}

TEST_CASE("scenario document: the new-scenario template validates without errors or warnings") {
    const auto check =
        checkScenarioText(newScenarioTemplate("my-first", "My \"first\" scenario"), "new.json");
    for (const auto& d : check.diagnostics.items()) MESSAGE(formatDiagnostic(d));
    CHECK(check.playable());
    CHECK(check.diagnostics.empty());
}

TEST_CASE("scenario document: changes on disk reload quietly, or ask when there are edits") {
    const std::string v1 = newScenarioTemplate("a", "A");
    ScenarioDocument doc(v1, "a.json");
    CHECK(doc.diskChanged(v1) == ScenarioDocument::DiskChange::None);
    const std::string v2 = jsonTextSet(v1, "/title", "B");
    const auto rev = doc.revision();
    CHECK(doc.diskChanged(v2) == ScenarioDocument::DiskChange::Reloaded);
    CHECK(doc.text() == v2);
    CHECK(doc.revision() > rev);
    CHECK_FALSE(doc.dirty());

    doc.set("/title", "Mine");
    const std::string v3 = jsonTextSet(v2, "/title", "Theirs");
    CHECK(doc.diskChanged(v3) == ScenarioDocument::DiskChange::Conflict);
    CHECK((*doc.json())["title"] == "Mine");  // nothing is discarded without asking
    CHECK(doc.diskChanged(v3) == ScenarioDocument::DiskChange::Conflict);
    doc.keepEdits(v3);
    CHECK(doc.diskChanged(v3) == ScenarioDocument::DiskChange::None);
    CHECK(doc.dirty());
    doc.takeDiskText(v3);
    CHECK((*doc.json())["title"] == "Theirs");
    CHECK_FALSE(doc.dirty());
    doc.undo();  // reloading by mistake is undoable
    CHECK((*doc.json())["title"] == "Mine");
}

TEST_CASE("scenario document: a text that does not parse refuses edits until fixed") {
    ScenarioDocument doc("{ \"nodes\": [ ", "broken.json");
    CHECK(doc.json() == nullptr);
    CHECK_FALSE(doc.set("/title", "x"));
    CHECK_FALSE(doc.addNode());
    CHECK(doc.nodeCount() == 0);
}

TEST_CASE(
    "scenario document: renaming a node rewrites visited() in conditions and set values, nothing "
    "else") {
    const std::string text = R"JSON({
  "format": "rapport-scenario/1", "id": "rename", "version": "1", "title": "Rename", "language": "en",
  "summary": "s", "sector": "bank", "difficulty": 1, "passScore": 50, "framework": "account-manager",
  "client": {"name": "C", "role": "R", "company": "Co", "description": "D"},
  "variables": {"met": {"type": "boolean", "initial": false}},
  "start": "ask",
  "nodes": [
    {"id": "ask", "speaker": "client", "text": "Hello?",
     "variants": [{"if": "visited( 'ask' )  &&  !visited(\"asking\")", "text": "Again?"}],
     "choices": [
       {"text": "Ask", "next": "ask", "once": true, "set": {"met": "visited(\"ask\") || met"}},
       {"text": "Go", "next": "end", "if": "visited(\"ask\")"}
     ]},
    {"id": "asking", "speaker": "client", "text": "Unused", "choices": [{"text": "x", "next": "end"}]},
    {"id": "end", "speaker": "narrator", "text": "Bye", "ending": {"outcome": "won", "title": "T", "summary": "S"}}
  ]
})JSON";
    ScenarioDocument doc(text, "rename.json");
    REQUIRE(doc.renameNode(0, "opening"));
    const auto& j = *doc.json();
    CHECK(j["start"] == "opening");
    CHECK(j["nodes"][0]["variants"][0]["if"] == "visited( 'opening' )  &&  !visited(\"asking\")");
    CHECK(j["nodes"][0]["choices"][0]["next"] == "opening");
    CHECK(j["nodes"][0]["choices"][0]["set"]["met"] == "visited(\"opening\") || met");
    CHECK(j["nodes"][0]["choices"][1]["if"] == "visited(\"opening\")");
    CHECK(j["nodes"][1]["id"] == "asking");
    const auto check = checkScenarioText(doc.text(), "t.json");
    for (const auto& d : check.diagnostics.items())
        CHECK_MESSAGE(d.severity != Severity::Error, formatDiagnostic(d));
    // One undo step puts every reference back.
    doc.undo();
    CHECK(doc.text() == text);
}

TEST_CASE("visitedNodeMentions finds ids only inside visited( )") {
    const std::string src = "visited(\"a\") && x == 1 || !visited ( 'bc' ) && \"a\" != y";
    const auto m = visitedNodeMentions(src);
    REQUIRE(m.size() == 2);
    CHECK(src.substr(m[0].offset, m[0].length) == "a");
    CHECK(src.substr(m[1].offset, m[1].length) == "bc");
    CHECK(visitedNodeMentions("visited(\"unterminated").empty());
    CHECK(visitedNodeMentions("").empty());
}
