// Twine import: Twee 3 and Twine 2 HTML readers, link and code extraction, the mapping to a
// scenario, hostile input, the `rapport import` verb, and fixtures made with the npm `extwee`
// package (tests/fixtures/twine/README.md), which a test regenerates when extwee is installed.
#include <doctest/doctest.h>
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "core/checks/scenario_check.hpp"
#include "core/diagnostics/diagnostic_codes.hpp"
#include "core/twine/twine_html.hpp"
#include "core/twine/twine_import.hpp"
#include "core/twine/twine_passage_text.hpp"
#include "core/twine/twine_twee.hpp"
#include "support/build_paths.hpp"
#include "support/ci.hpp"
#include "support/fixture_corpus.hpp"
#include "support/run_command.hpp"
#include "support/store_test_support.hpp"

namespace fs = std::filesystem;
using namespace rapport;
using nlohmann::ordered_json;

namespace {

const fs::path kFixtures = RAPPORT_FIXTURES_DIR;
const fs::path kTwine = kFixtures / "twine";

std::string relative(std::string file) {
    const std::string prefix = kFixtures.string() + "/";
    return file.rfind(prefix, 0) == 0 ? file.substr(prefix.size()) : file;
}

// What importing a fixture reports: the importer's diagnostics, then those of validating the
// scenario it produced (named NAME.scenario.json), all with paths relative to the fixtures.
std::string importReport(const fs::path& file) {
    TwineImport r = importTwineFile(file.string(), {});
    std::string out;
    for (auto d : r.diagnostics.items()) {
        d.file = relative(d.file);
        out += formatDiagnostic(d) + "\n";
    }
    if (r.scenario) {
        const ScenarioCheck check =
            checkScenarioText(r.scenario->dump(2), relative(file.string()) + ".scenario.json");
        for (const auto& d : check.diagnostics.items()) out += formatDiagnostic(d) + "\n";
    } else {
        out += "(no scenario)\n";
    }
    return out;
}

std::vector<fs::path> twineInputs() {
    std::vector<fs::path> out;
    for (const char* ext : {".twee", ".html"})
        for (const auto& f : test::filesIn(kTwine, ext))
            if (f.filename().string().find(".decompiled.") == std::string::npos) out.push_back(f);
    return out;
}

struct Run {
    int exitCode = -1;
    std::string output;  // stdout and stderr together
};

Run shell(const std::string& cmd) {
    const auto r = test::runCommand(cmd + " 2>&1");
    return {r.exitCode, r.out};
}

const auto& quote = test::shellQuoted;

ordered_json withoutSource(ordered_json s) {
    s["x-twine"].erase("source");
    return s;
}

}  // namespace

TEST_SUITE_BEGIN("twine import");

TEST_CASE("twine fixtures import with exactly the expected diagnostics") {
    // RAPPORT_UPDATE_GOLDEN=1 rewrites the .expected files (support/golden.hpp).
    const auto inputs = twineInputs();
    REQUIRE(inputs.size() >= 6);
    for (const auto& f : inputs) {
        CAPTURE(f.filename().string());
        const fs::path expected = f.string() + ".expected";
        const std::string actual = importReport(f);
        test::checkGolden(expected, actual);
        // Whatever the importer made must load and validate: warnings only.
        const auto validated = actual.find(".scenario.json:");
        const bool scenarioHasErrors = validated != std::string::npos &&
                                       actual.find(": error:", validated) != std::string::npos;
        CHECK_FALSE(scenarioHasErrors);
    }
}

TEST_CASE(
    "twine card-fee story: Twee, extwee's HTML and its decompiled Twee give the same scenario") {
    TwineImport twee = importTwineFile((kTwine / "card-fee.twee").string(), {});
    TwineImport html = importTwineFile((kTwine / "card-fee.html").string(), {});
    TwineImport back = importTwineFile((kTwine / "card-fee.decompiled.twee").string(), {});
    REQUIRE(twee.scenario);
    REQUIRE(html.scenario);
    REQUIRE(back.scenario);
    CHECK(withoutSource(*twee.scenario) == withoutSource(*html.scenario));
    CHECK(withoutSource(*twee.scenario) == withoutSource(*back.scenario));
    // The committed golden file shows trainers what an import looks like.
    const auto golden = ordered_json::parse(test::readText(kTwine / "card-fee.scenario.json"));
    CHECK(*twee.scenario == golden);

    const ordered_json& s = *html.scenario;
    // Key order as in docs/scenario-format.md's example.
    std::vector<std::string> keys;
    for (const auto& [k, v] : s.items()) keys.push_back(k);
    CHECK(keys == std::vector<std::string>{"format", "id", "version", "title", "language",
                                           "summary", "sector", "difficulty", "passScore",
                                           "framework", "client", "start", "nodes", "x-twine"});
    CHECK(s["id"] == "the-card-fee-complaint");
    CHECK(s["start"] == "opening-call");
    CHECK(s["nodes"].size() == 8);
    CHECK(html.passages == 8);
    CHECK(html.choices == 8);
    CHECK(html.endings == 4);
    const auto& open = s["nodes"][0];
    CHECK(open["tags"] == ordered_json::array({"complaint:fees"}));
    CHECK(open["text"] ==
          "Good morning. You've charged me 40 euros for a card I never asked for, and I want it "
          "gone today.");
    REQUIRE(open["choices"].size() == 3);
    CHECK(open["choices"][0]["text"] == "I'm sorry about that. When did the charge first appear?");
    CHECK(open["choices"][0]["next"] == "ask-when");
    CHECK(open["choices"][1]["next"] == "quote-the-terms");
    CHECK(open["choices"][2]["text"] ==
          "Let me tell you about our gold card instead; the fee pays for itself.");
    CHECK(open["choices"][2]["next"] == "offer-gold-card");
    CHECK(open["x-twine"]["position"] == ordered_json::array({100, 100}));
    CHECK(s["nodes"][1]["text"] ==
          "Last month. I only use my old debit card & I've never activated this \"premium\" one.");
    CHECK(s["nodes"][1]["choices"][0]["next"] == "waive-fee-once");
    CHECK(s["nodes"][4]["ending"]["outcome"] == "won");
    CHECK(s["nodes"][5]["ending"]["outcome"] == "partial");  // untagged: guessed, with RAP0074
    CHECK(s["nodes"][6]["speaker"] == "narrator");
    CHECK(s["nodes"][6]["ending"]["outcome"] == "escalated");
    CHECK(s["nodes"][7]["ending"]["outcome"] == "lost");
    CHECK(s["nodes"][7]["ending"]["title"] == "Lost her");
    CHECK(s["x-twine"]["ifid"] == "D4A4C0A5-3B7E-4B0E-9E55-2B6F0D1C7A11");
}

TEST_CASE("twine links: every Twine 2 form, setters, inline links and link-only lines") {
    const auto t = readPassageText(
        "Hello.\n[[A]]\n[[Say hi|B]]\n- [[Wave->C->D]]\n[[E<-Go <- back]]\n"
        "Or [[just leave->F]] now.\n[[Pay|G][$paid to true]]\n[[|H]]\n[[->]]");
    REQUIRE(t.links.size() == 7);
    CHECK(t.links[0].text == "A");
    CHECK(t.links[0].target == "A");
    CHECK(t.links[1].text == "Say hi");
    CHECK(t.links[1].target == "B");
    CHECK(t.links[2].text == "Wave->C");  // the rightmost "->" divides
    CHECK(t.links[2].target == "D");
    CHECK(t.links[3].text == "Go <- back");  // the leftmost "<-" divides
    CHECK(t.links[3].target == "E");
    CHECK(t.links[4].text == "just leave");
    CHECK(t.links[5].target == "G");
    CHECK(t.links[6].text == "H");  // no text: the target is shown
    CHECK(t.text == "Hello.\nOr just leave now.");
    REQUIRE(t.code.size() == 1);
    CHECK(t.code[0].what == "SugarCube link setter [$paid to true]");
    REQUIRE(t.broken.size() == 1);
    CHECK(t.broken[0].what == "link \"[[->]]\" names no passage");

    const auto unclosed = readPassageText("Before [[never closed");
    CHECK(unclosed.links.empty());
    REQUIRE(unclosed.broken.size() == 1);
    CHECK(unclosed.broken[0].offset == 7);
}

TEST_CASE("twine story-format code is found, removed from the text and located") {
    const auto s = readPassageText("<<set $a to 1>>Hi $name, <<if $a>>yes<</if>>.\n<<goto \"X\">>");
    CHECK(s.text == "Hi $name, yes.");
    REQUIRE(s.code.size() == 5);
    CHECK(s.code[0].what == "SugarCube macro <<set>>");
    CHECK(s.code[0].offset == 0);
    CHECK(s.code[1].what == "variable $name");
    CHECK(s.code[2].what == "SugarCube macro <<if>>");
    CHECK(s.code[3].what == "SugarCube macro <</if>>");
    CHECK(s.code[4].what == "SugarCube macro <<goto>>");

    const auto h = readPassageText(
        "(if: $x is \"a)\")[Kept [[Go->B]] words](else:)[Other]\n<i>Soft</i><br>line");
    CHECK(h.text == "Kept Go wordsOther\nSoft\nline");
    REQUIRE(h.links.size() == 1);
    CHECK(h.links[0].target == "B");
    CHECK(h.code.size() == 4);  // (if:), (else:), <i>, </i>; $x is inside the macro
    CHECK(h.code[0].what == "Harlowe macro (if:)");

    const auto c =
        readPassageText("[if trust > 2]\nA {back link} here.\n<% s.x = 1 %><script>x()</script>");
    CHECK(c.text == "A here.");
    REQUIRE(c.code.size() == 4);
    CHECK(c.code[0].what == "Chapbook modifier [if trust > 2]");
    CHECK(c.code[1].what == "Chapbook insert {back link}");
    CHECK(c.code[3].what == "<script> element");
}

TEST_CASE("twine Twee headers: escapes, tags, metadata, StoryTitle and StoryData") {
    DiagnosticList d;
    const auto story = parseTwee(
        "junk before the first passage\n"
        ":: StoryTitle\nMy  story \n\n"
        ":: StoryData\n{\"start\": \"A \\\\ b\", \"ifid\": \"X\"}\n\n"
        "::A \\\\ b\\[1\\] \\{2\\} [t1  t2] {\"position\":\"5.5,6\"}\nline 1\n\\:: not a "
        "header\n\n\n"
        ":: Other\r\nwindows\r\n",
        "s.twee", d);
    REQUIRE(story);
    CHECK(d.empty());
    CHECK(story->title == "My  story");
    CHECK(story->start == "A \\ b");
    CHECK(story->ifid == "X");
    REQUIRE(story->passages.size() == 2);
    const auto& a = story->passages[0];
    CHECK(a.name == "A \\ b[1] {2}");
    CHECK(a.tags == std::vector<std::string>{"t1", "t2"});
    REQUIRE(a.mapPosition);
    CHECK(a.mapPosition->first == 5.5);
    CHECK(a.text == "line 1\n:: not a header");
    CHECK(a.header.line == 8);
    CHECK(a.positionOf(a.text.find("not")).line == 10);
    CHECK(a.positionOf(a.text.find("not")).column == 5);  // after the escaping backslash
    CHECK(story->passages[1].text == "windows");

    DiagnosticList none;
    CHECK_FALSE(parseTwee("no headers here\n:not one either\n", "x.twee", none));
    REQUIRE(none.items().size() == 1);
    CHECK(none.items()[0].code == codes::TwineNotAStory);
}

TEST_CASE("twine HTML: entities, attributes, skipped scripts and comments, positions") {
    DiagnosticList d;
    const auto story = parseTwineHtml(
        "<script>var s = '<tw-storydata name=\"decoy\">';</script><!-- <tw-storydata name='c'> "
        "-->\n"
        "<TW-STORYDATA name='Caf&eacute; &amp; co' startnode=2 ifid=\"I\">\n"
        "<tw-tag name=\"x\" color=\"red\"></tw-tag>\n"
        "<tw-passagedata pid=\"1\" name=\"One\" tags=\"a  b\" position=\"10,20\">x &lt; y "
        "&#x41;&#66;&#0;&bogus;\nsecond</tw-passagedata>\n"
        "<tw-passagedata pid=\"2\" name=\"T&quot;wo\">[[go-&gt;One]]</tw-passagedata>\n"
        "</tw-storydata>",
        "s.html", d);
    REQUIRE(story);
    CHECK(d.empty());
    CHECK(story->title == "Caf&eacute; & co");  // only common named references are known
    CHECK(story->start == "T\"wo");
    REQUIRE(story->passages.size() == 2);
    CHECK(story->passages[0].text == "x < y AB\xEF\xBF\xBD&bogus;\nsecond");
    CHECK(story->passages[0].tags == std::vector<std::string>{"a", "b"});
    CHECK(story->passages[0].header.line == 4);
    CHECK(story->passages[0].positionOf(story->passages[0].text.find("second")).line == 5);
    CHECK(story->passages[1].text == "[[go->One]]");
    CHECK(decodeHtmlEntities("&#x1F600;&hellip;&#55296;&#;&") ==
          "\xF0\x9F\x98\x80\xE2\x80\xA6\xEF\xBF\xBD&#;&");
}

TEST_CASE("twine slugs are stable, ASCII and unique within a story") {
    CHECK(twineSlug("Opening call") == "opening-call");
    CHECK(twineSlug("  Waive fee [once]!  ") == "waive-fee-once");
    CHECK(twineSlug("Звонок") == twineSlug("Звонок"));
    CHECK(twineSlug("Звонок").rfind("passage-", 0) == 0);
    CHECK(twineSlug("Звонок") != twineSlug("Письмо"));
    CHECK(twineSlug(std::string(500, 'a')).size() == 120);
    CHECK(isValidScenarioId("card-fee.v2"));
    CHECK_FALSE(isValidScenarioId("Card"));
    CHECK_FALSE(isValidScenarioId("-card"));

    DiagnosticList d;
    const auto r =
        importTwineText(":: A b\n[[A-b]]\n:: A-b\n[[A  b!]]\n:: A  b!\nend", "s.twee", {});
    REQUIRE(r.scenario);
    const auto& nodes = (*r.scenario)["nodes"];
    CHECK(nodes[0]["id"] == "a-b");
    CHECK(nodes[1]["id"] == "a-b-2");
    CHECK(nodes[2]["id"] == "a-b-3");
    CHECK(nodes[0]["choices"][0]["next"] == "a-b-2");
    CHECK(twineScenarioText(*r.scenario) == r.scenario->dump(2) + "\n");  // small: indented
}

TEST_CASE("twine hostile input: clear errors, no crash, no hang") {
    const auto codesOf = [](const TwineImport& r) {
        std::vector<std::string> out;
        for (const auto& d : r.diagnostics.items()) out.push_back(d.code);
        return out;
    };
    SUBCASE("binary junk") {
        std::string junk =
            "\x7F"
            "ELF";
        junk += std::string(5, '\0') + "\xFF\xFE";
        const auto r = importTwineText(junk, "junk.twee", {});
        CHECK_FALSE(r.scenario);
        CHECK(codesOf(r) == std::vector<std::string>{codes::TwineNotAStory});
    }
    SUBCASE("invalid UTF-8") {
        const auto r = importTwineText(":: A\nbad \xC3 byte", "bad.twee", {});
        CHECK_FALSE(r.scenario);
        REQUIRE(r.diagnostics.items().size() == 1);
        CHECK(r.diagnostics.items()[0].code == codes::BadUtf8);
        CHECK(r.diagnostics.items()[0].position.line == 2);
        CHECK(r.diagnostics.items()[0].position.column == 5);
    }
    SUBCASE("too large") {
        const auto r = importTwineText(std::string(16u * 1024u * 1024u + 1u, 'a'), "big.twee", {});
        // A problem of the file (exit 1, as in validate), not an unreadable one (exit 2).
        CHECK_FALSE(r.unreadable);
        CHECK(codesOf(r) == std::vector<std::string>{codes::TooLarge});
    }
    SUBCASE("deep nesting and unclosed everything") {
        std::string deep = ":: A\n" + std::string(200000, '[') + "\n:: B\n";
        for (int i = 0; i < 50000; ++i) deep += "(a:";
        deep += "\n:: C\n";
        for (int i = 0; i < 20000; ++i) deep += "(if:$a)[";
        deep += "\n:: D\n";
        for (int i = 0; i < 20000; ++i) deep += "<<x ";
        deep += "\n:: E\n";
        for (int i = 0; i < 100000; ++i) deep += "{a<a&#";
        deep +=
            "\n:: F {" + std::string(100000, '[') + "\n:: G [" + std::string(100000, '{') + "\n";
        const auto r = importTwineText(deep, "deep.twee", {});
        REQUIRE(r.scenario);
        CHECK(r.diagnostics.items().size() < 20);
        const auto check = checkScenarioText(r.scenario->dump(), "deep.json");
        CHECK_FALSE(check.diagnostics.hasErrors());
    }
    SUBCASE("many problems are capped") {
        std::string many;
        for (int i = 0; i < 3000; ++i)
            many += ":: P" + std::to_string(i) + " {bad\n[[Nowhere" + std::to_string(i) + "]]\n";
        const auto r = importTwineText(many, "many.twee", {});
        REQUIRE(r.scenario);
        CHECK(r.diagnostics.items().size() == 500);
        CHECK(r.diagnostics.items().back().message ==
              "more than 499 problems; the rest are not shown");
    }
    SUBCASE("unclosed HTML") {
        for (const char* html : {"<tw-storydata name=\"x", "<tw-storydata name=x startnode=1",
                                 "<tw-storydata name=x><tw-passagedata name=\"a\">text",
                                 "<tw-storydata><tw-passagedata pid=1 "
                                 "name=a>t</tw-passagedata><tw-passagedata name='b",
                                 "<html><script>never closed <tw-storydata name=x>"}) {
            CAPTURE(html);
            const auto r = importTwineText(html, "u.html", {});
            CHECK(r.diagnostics.hasErrors());
        }
        const auto partial = importTwineText(
            "<tw-storydata startnode=1><tw-passagedata pid=1 "
            "name=a>t</tw-passagedata><tw-passagedata name='b'>",
            "p.html", {});
        REQUIRE(partial.scenario);  // the passages read before the break are kept
        CHECK((*partial.scenario)["nodes"].size() == 1);
    }
    SUBCASE("odd Unicode") {
        const std::string text =
            ":: \xE2\x80\xAE\xF0\x9F\x98\x80 [\xE2\x80\x8B]\n\xEF\xBB\xBF\xCC\x81\xF4\x8F\xBF\xBF "
            "[[\xF0\x9F\x98\x80 ->\xF0\x9F\x98\x80]]\n"
            ":: \xF0\x9F\x98\x80 [won]\n";
        const auto r = importTwineText("\xEF\xBB\xBF" + text, "u.twee", {});
        REQUIRE(r.scenario);
        CHECK((*r.scenario)["nodes"].size() == 2);
        CHECK((*r.scenario)["nodes"][0]["id"] != (*r.scenario)["nodes"][1]["id"]);
        CHECK(r.diagnostics.items().at(0).position.column == 1);  // the BOM takes no column
        CHECK_FALSE(checkScenarioText(r.scenario->dump(), "u.json").diagnostics.hasErrors());
    }
}

TEST_CASE("twine import verb: writes a valid scenario, refuses bad use") {
    test::TempDir dir;
    const std::string cli = RAPPORT_CLI_PATH;
    const std::string out = dir.file("card.json");
    Run r = shell(quote(cli) + " import " + quote((kTwine / "card-fee.html").string()) + " -o " +
                  quote(out) + " --id card-fee --framework account-manager");
    INFO(r.output);
    CHECK(r.exitCode == 0);
    CHECK(r.output.find("8 passages -> 8 nodes, 8 choices, 4 endings; 1 warning;") !=
          std::string::npos);
    CHECK(r.output.find("[RAP0074]") != std::string::npos);
    const auto s = ordered_json::parse(test::readText(out));
    CHECK(s["id"] == "card-fee");
    CHECK_FALSE(fs::exists(out + ".tmp"));
    Run v = shell(quote(cli) + " validate " + quote(out));
    INFO(v.output);
    CHECK(v.exitCode == 0);

    Run none = shell(quote(cli) + " import " + quote((kTwine / "not-a-story.html").string()) +
                     " -o " + quote(dir.file("n.json")));
    CHECK(none.exitCode == 1);
    CHECK(none.output.find("[RAP0070]") != std::string::npos);
    CHECK_FALSE(fs::exists(dir.file("n.json")));

    CHECK(shell(quote(cli) + " import " + quote((kTwine / "card-fee.twee").string())).exitCode ==
          2);
    CHECK(shell(quote(cli) + " import " + quote(dir.file("missing.twee")) + " -o " +
                quote(dir.file("m.json")))
              .exitCode == 2);
    CHECK(shell(quote(cli) + " import a.twee -o b.json --id 'Not An Id'").exitCode == 2);
    CHECK(shell(quote(cli) + " import a.twee -o b.json --bogus").exitCode == 2);
    CHECK(shell(quote(cli) + " import " + quote((kTwine / "card-fee.twee").string()) + " -o " +
                quote(dir.file("no-such-folder/x.json")))
              .exitCode == 2);
    Run stdoutRun = shell(quote(cli) + " import " + quote((kTwine / "card-fee.twee").string()) +
                          " -o - 2>/dev/null | cat");
    CHECK(stdoutRun.exitCode == 0);
    CHECK(ordered_json::parse(stdoutRun.output)["start"] == "opening-call");
}

// The fixtures are extwee's output: with extwee installed beside the build (.ci/setup does it),
// regenerate them and check they are what is committed, and that the fresh HTML imports the same.
TEST_CASE("twine fixtures regenerate with extwee and import the same") {
    const fs::path extwee =
        fs::path(RAPPORT_CLI_PATH).parent_path() / "extwee" / "node_modules" / ".bin" / "extwee";
    if (!fs::exists(extwee) || std::system("command -v node > /dev/null 2>&1") != 0) {
        // CI installs it, so there its absence is a failure; a developer build may skip it.
        REQUIRE_MESSAGE(!test::underCi(),
                        "extwee is missing in "
                            << extwee.parent_path().parent_path()
                            << "; run: npm install --prefix build/extwee --no-save --no-audit "
                               "--no-fund extwee@2.3.18");
        MESSAGE(
            "extwee not installed beside the build; fixture regeneration skipped (see "
            "tests/fixtures/twine/README.md)");
        return;
    }
    test::TempDir dir;
    for (const char* name : {"card-fee", "harlowe-hooks"}) {
        CAPTURE(name);
        const fs::path twee = kTwine / (std::string(name) + ".twee");
        const std::string html = dir.file(std::string(name) + ".html");
        const std::string back = dir.file(std::string(name) + ".decompiled.twee");
        Run c = shell(quote(extwee.string()) + " -c -i " + quote(twee.string()) + " -o " +
                      quote(html) + " -s " + quote((kTwine / "format.js").string()));
        INFO(c.output);
        REQUIRE(c.exitCode == 0);
        CHECK(test::readText(html) == test::readText(kTwine / (std::string(name) + ".html")));
        Run d = shell(quote(extwee.string()) + " -d -i " + quote(html) + " -o " + quote(back));
        REQUIRE(d.exitCode == 0);
        CHECK(test::readText(back) ==
              test::readText(kTwine / (std::string(name) + ".decompiled.twee")));

        TwineImport fresh = importTwineFile(html, {});
        TwineImport committed =
            importTwineFile((kTwine / (std::string(name) + ".html")).string(), {});
        REQUIRE(fresh.scenario);
        REQUIRE(committed.scenario);
        CHECK(*fresh.scenario == *committed.scenario);
        CHECK_FALSE(checkScenarioText(fresh.scenario->dump(), html).diagnostics.hasErrors());
    }
}

TEST_SUITE_END();

// Quotes in messages and the imported summary are shortened to about 80 bytes; cutting inside a
// Cyrillic letter made the summary invalid UTF-8, and writing the scenario aborted the import
// (found by fuzz_twine; tests/fixtures/fuzz/twine keeps the input).
TEST_CASE("twine: long non-ASCII titles are shortened on a character boundary") {
    // "A" and 41 two-byte letters: byte 80 is the second byte of the 40th letter.
    std::string letters;
    for (int i = 0; i < 41; ++i) letters += "\u0416";
    const std::string title = "A" + letters;
    const std::string twee = ":: StoryTitle\n" + title + "\n\n:: Start [won]\nThe end.\n";
    TwineImport r = importTwineText(twee, "title.twee", {});
    REQUIRE(r.scenario);
    const std::string summary = (*r.scenario)["summary"].get<std::string>();
    CHECK(summary.find("\"A" + letters.substr(0, 78) + "\u2026\"") != std::string::npos);
    std::string text;
    CHECK_NOTHROW(text = twineScenarioText(*r.scenario));
    CHECK(nlohmann::json::parse(text)["summary"] == summary);
}
