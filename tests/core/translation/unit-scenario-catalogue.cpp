// Translation catalogues (issue #16 item 3): PO files read and written faithfully, every text of a
// scenario with a stable id and notes, and a localised scenario that plays and scores exactly
// like its source. The merge itself is msgmerge's; tests/cli/unit-cli-strings.cpp runs it.
#include <doctest/doctest.h>

#include <filesystem>
#include <set>

#include "core/authoring/json_text_edit.hpp"
#include "core/checks/scenario_check.hpp"
#include "core/translation/po_file.hpp"
#include "core/translation/scenario_catalogue.hpp"
#include "support/build_paths.hpp"
#include "support/files.hpp"
#include "support/golden.hpp"

namespace fs = std::filesystem;
using namespace rapport;

namespace {

const fs::path kFixtures = RAPPORT_FIXTURES_DIR;
const fs::path kHub = kFixtures / "session" / "hub.json";
const fs::path kTranslation = kFixtures / "translation";

PoFile poFixture(const std::string& name) {
    PoParse p = parsePo(test::readText(kTranslation / name), "translation/" + name);
    REQUIRE_MESSAGE(!p.diagnostics.hasErrors(), name);
    return std::move(p.file);
}

std::string formatted(const DiagnosticList& d) {
    std::string out;
    for (const auto& item : d.items()) out += formatDiagnostic(item) + "\n";
    return out;
}

ScenarioCheck hub() {
    ScenarioCheck c = checkScenarioFile(kHub.string());
    REQUIRE(c.playable());
    return c;
}

}  // namespace

TEST_CASE("PO text survives a read and a write unchanged") {
    const std::string text =
        "# translator's remark\n"
        "msgid \"\"\n"
        "msgstr \"\"\n"
        "\"Language: ja\\n\"\n"
        "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
        "\n"
        "#. Spoken by the client\n"
        "#: hub.json:12\n"
        "#, fuzzy\n"
        "#| msgctxt \"node/a/text\"\n"
        "#| msgid \"Old \\\"quoted\\\" text\"\n"
        "msgctxt \"node/a/text\"\n"
        "msgid \"\"\n"
        "\"Two lines,\\n\"\n"
        "\"a tab\\there and a bell \\007.\"\n"
        "msgstr \"二行、\\\\バックスラッシュ\"\n"
        "\n"
        "#~ msgctxt \"node/gone/text\"\n"
        "#~ msgid \"Removed\"\n"
        "#~ msgstr \"削除\"\n";
    const PoParse p = parsePo(text, "t.po");
    REQUIRE(!p.diagnostics.hasErrors());
    REQUIRE(p.file.entries.size() == 2);
    const PoEntry& e = p.file.entries[1];
    CHECK(e.fuzzy());
    CHECK(*e.context == "node/a/text");
    CHECK(*e.previousId == "Old \"quoted\" text");
    CHECK(e.id == "Two lines,\na tab\there and a bell \a.");
    CHECK(e.str == "二行、\\バックスラッシュ");
    CHECK(e.line == 7);
    CHECK(p.file.headerField("Language") == "ja");
    REQUIRE(p.file.obsoleteText.size() == 1);
    CHECK(writePo(p.file) == text);
}

TEST_CASE("a header field is set in place or added") {
    PoFile f =
        parsePo("msgid \"\"\nmsgstr \"\"\n\"Language: ru\\n\"\n\"X-A: 1\\n\"\n", "h.po").file;
    f.setHeaderField("Language", "ja");
    f.setHeaderField("Project-Id-Version", "hub 2.0");
    CHECK(f.header()->str == "Language: ja\nX-A: 1\nProject-Id-Version: hub 2.0\n");
    PoFile empty;
    empty.setHeaderField("Language", "en");
    CHECK(empty.headerField("Language") == "en");
}

TEST_CASE("broken catalogues are refused with every problem located") {
    // RAPPORT_UPDATE_GOLDEN=1 rewrites the .expected files (support/golden.hpp).
    for (const std::string name : {"bad-syntax.po", "not-utf8.po"}) {
        CAPTURE(name);
        const PoParse p = parsePo(test::readText(kTranslation / name), "translation/" + name);
        CHECK(p.diagnostics.hasErrors());
        test::checkGolden(kTranslation / (name + ".expected"), formatted(p.diagnostics));
    }
}

TEST_CASE("every text of a scenario has a unique id and points at its own text in the file") {
    const ScenarioCheck c = hub();
    const auto strings = scenarioStrings(*c.scenario);
    const JsonTextIndex index(test::readText(kHub));
    const auto doc = nlohmann::json::parse(test::readText(kHub), nullptr, true, true);
    std::set<std::string> contexts;
    for (const auto& s : strings) {
        CAPTURE(s.context);
        CHECK(contexts.insert(s.context).second);
        CHECK(doc.at(nlohmann::json::json_pointer(s.pointer)).get<std::string>() == s.text);
        CHECK(s.line > 0);
        CHECK(!s.notes.empty());
    }
    CHECK(strings.size() == 32);
    CHECK(contexts.count("node/hub/choice/budget/text"));
    CHECK(contexts.count("node/lost_end/ending/summary"));
    CHECK(contexts.count("meter/trust/label"));
}

TEST_CASE("translator notes say who speaks, the line before and what a reply evidences") {
    const ScenarioCheck c = hub();
    const PoFile po = scenarioCatalogue(*c.scenario, "ru", "hub.json");
    const auto find = [&](const std::string& ctx) -> const PoEntry& {
        for (const auto& e : po.entries)
            if (e.context == ctx) return e;
        FAIL("no entry " << ctx);
        return po.entries.front();
    };
    const PoEntry& reply = find("node/pressure/choice/discount/text");
    const auto has = [](const PoEntry& e, const std::string& part) {
        for (const auto& n : e.extractedComments)
            if (n.find(part) != std::string::npos) return true;
        return false;
    };
    CHECK(has(reply, "Line before: «Decide now: I have another meeting.»"));
    CHECK(has(reply, "Source length: 15 characters"));
    CHECK(has(find("node/hub/text"), "Spoken by the client, Dana Okafor (Head of Procurement)"));
    CHECK(has(find("node/opening/text"), "Narration"));
    CHECK(find("node/hub/text").references.front().rfind("hub.json:", 0) == 0);
    CHECK(po.headerField("Language") == "ru");
    CHECK(po.headerField("Project-Id-Version") == "session-hub 1.0");
}

TEST_CASE(
    "a localised scenario is valid, in the catalogue's language, and scores like its source") {
    const ScenarioCheck source = hub();
    const std::string text = test::readText(kHub);
    Localisation loc = localiseScenario(*source.scenario, text, poFixture("hub.ru.po"),
                                        LocaliseOptions{"", "hub.ru.po"});
    CHECK(formatted(loc.diagnostics).empty());
    CHECK(loc.counts.translated == 32);
    const ScenarioCheck local = checkScenarioText(loc.text, kHub.string());
    REQUIRE(local.playable());
    const Scenario& s = *local.scenario;
    CHECK(s.id == "session-hub-ru");
    CHECK(s.language == "ru");
    CHECK(s.title == "Хаб сессии");
    CHECK(s.nodes[*s.findNode("hub")].choices[0].text == "Каков ваш бюджет?");
    // Only texts changed: the structure, the keys and therefore every score are the source's.
    REQUIRE(source.optimum);
    REQUIRE(local.optimum);
    CHECK(local.optimum->best == source.optimum->best);
    CHECK(local.optimum->worst == source.optimum->worst);
    CHECK(local.optimum->bestPath == source.optimum->bestPath);
    CHECK(loc.text.find("\"x-translation\"") != std::string::npos);
    CHECK(loc.text.find(source.scenario->contentHash) != std::string::npos);
}

TEST_CASE("a bundled scenario translated throughout keeps its key, its best path and its scores") {
    // A pseudo-translation of every text: what changes is only words, so the exact analysis
    // must find the same best and worst totals and the same best path.
    const fs::path file = fs::path(RAPPORT_SOURCE_DIR) / "scenarios" / "bank-card-complaint.json";
    const ScenarioCheck source = checkScenarioFile(file.string());
    REQUIRE(source.playable());
    PoFile po = scenarioCatalogue(*source.scenario, "ru", "bank-card-complaint.json");
    bool sawEvidenceNote = false;
    for (auto& e : po.entries) {
        if (e.isHeader()) continue;
        e.str = "[ru] " + e.id;
        for (const auto& n : e.extractedComments)
            sawEvidenceNote = sawEvidenceNote || n.rfind("Evidence of: ", 0) == 0;
    }
    CHECK(sawEvidenceNote);
    Localisation loc =
        localiseScenario(*source.scenario, test::readText(file), po, LocaliseOptions{"", "p.po"});
    CHECK(!loc.diagnostics.hasErrors());
    CHECK(loc.counts.translated == loc.counts.entries);
    const ScenarioCheck local = checkScenarioText(loc.text, file.string());
    REQUIRE(local.playable());
    REQUIRE(source.optimum);
    REQUIRE(local.optimum);
    CHECK(local.optimum->best == source.optimum->best);
    CHECK(local.optimum->worst == source.optimum->worst);
    CHECK(local.optimum->bestPath == source.optimum->bestPath);
    for (std::size_t i = 0; i < local.scenario->nodes.size(); ++i)
        CHECK(local.scenario->nodes[i].text.rfind("[ru] ", 0) == 0);
}

TEST_CASE("stale, fuzzy, renamed and missing translations keep the source text and are named") {
    const ScenarioCheck source = hub();
    Localisation loc =
        localiseScenario(*source.scenario, test::readText(kHub), poFixture("out-of-date.ru.po"),
                         LocaliseOptions{"hub-ru", "translation/out-of-date.ru.po"});
    test::checkGolden(kTranslation / "out-of-date.ru.po.expected", formatted(loc.diagnostics));
    CHECK(!loc.diagnostics.hasErrors());
    CHECK(loc.counts.translated == 28);
    CHECK(loc.stale == 1);
    CHECK(loc.counts.fuzzy == 1);
    const ScenarioCheck local = checkScenarioText(loc.text, kHub.string());
    REQUIRE(local.playable());
    const Node& hubNode = local.scenario->nodes[*local.scenario->findNode("hub")];
    CHECK(hubNode.choices[0].text == "What is your budget?");    // stale: source kept
    CHECK(hubNode.choices[1].text == "What do you need most?");  // fuzzy: source kept
    CHECK(hubNode.choices[2].text == "Скажу иначе.");
    CHECK(local.scenario->id == "hub-ru");
}

TEST_CASE("a catalogue without a language, or in the source's, makes no scenario") {
    const ScenarioCheck source = hub();
    Localisation none =
        localiseScenario(*source.scenario, test::readText(kHub), poFixture("no-language.po"),
                         LocaliseOptions{"", "translation/no-language.po"});
    test::checkGolden(kTranslation / "no-language.po.expected", formatted(none.diagnostics));
    CHECK(none.text.empty());
    PoFile en = poFixture("hub.ru.po");
    en.setHeaderField("Language", "en_GB");
    Localisation same =
        localiseScenario(*source.scenario, test::readText(kHub), en, LocaliseOptions{"", "x.po"});
    CHECK(same.diagnostics.hasErrors());
    CHECK(same.text.empty());
}

TEST_CASE("after msgmerge: guesses from other texts dropped, changed texts fuzzy by their id") {
    const PoFile before = parsePo(
                              "msgctxt \"a\"\nmsgid \"Hello there\"\nmsgstr \"Привет\"\n\n"
                              "msgctxt \"c\"\nmsgid \"What is your budget?\"\n"
                              "msgstr \"Каков ваш бюджет?\"\n\n"
                              "msgctxt \"b\"\nmsgid \"Bye\"\nmsgstr \"Пока\"\n",
                              "old.po")
                              .file;
    // What msgmerge makes of it: a guess for new text a2 from a, b similar enough to stay fuzzy,
    // c too different (untranslated, its old entry obsolete).
    PoFile f = parsePo(
                   "msgctxt \"a\"\nmsgid \"Hello there\"\nmsgstr \"Привет\"\n\n"
                   "#, fuzzy\n#| msgctxt \"a\"\n#| msgid \"Hello there\"\nmsgctxt \"a2\"\n"
                   "msgid \"Hello there!\"\nmsgstr \"Привет\"\n\n"
                   "#, fuzzy\n#| msgctxt \"b\"\n#| msgid \"Bye\"\nmsgctxt \"b\"\n"
                   "msgid \"Bye now\"\nmsgstr \"Пока\"\n\n"
                   "msgctxt \"c\"\nmsgid \"What budget do you have?\"\nmsgstr \"\"\n\n"
                   "#~ msgctxt \"c\"\n#~ msgid \"What is your budget?\"\n"
                   "#~ msgstr \"Каков ваш бюджет?\"\n\n"
                   "#~ msgctxt \"gone\"\n#~ msgid \"Removed\"\n#~ msgstr \"Удалено\"\n",
                   "merged.po")
                   .file;
    const Reconciled r = reconcileByContext(f, before);
    CHECK(r.droppedGuesses == 1);
    CHECK(r.recovered == 1);
    CHECK(!f.entries[1].fuzzy());
    CHECK(f.entries[1].str.empty());
    CHECK(!f.entries[1].previousId);
    CHECK(f.entries[2].fuzzy());
    CHECK(f.entries[2].str == "Пока");
    CHECK(f.entries[3].fuzzy());
    CHECK(f.entries[3].str == "Каков ваш бюджет?");
    CHECK(f.entries[3].previousId == std::optional<std::string>("What is your budget?"));
    REQUIRE(f.obsoleteText.size() == 1);  // c's old copy is gone, the removed text stays
    CHECK(f.obsoleteText[0].find("gone") != std::string::npos);
    const CatalogueCounts c = countCatalogue(f);
    CHECK(c.translated == 1);
    CHECK(c.fuzzy == 2);
    CHECK(c.untranslated == 1);
}
