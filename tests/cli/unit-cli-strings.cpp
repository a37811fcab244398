// `rapport strings export|import` end to end (issue #16 item 3), with Debian's real msgmerge and
// msgfmt: after the author edits the source, exporting onto the translator's catalogue marks
// exactly the changed entries fuzzy with their previous text, leaves new ones untranslated and
// every other translation as it was; the localised scenario plays like its source.
#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "core/translation/po_file.hpp"
#include "support/build_paths.hpp"
#include "support/files.hpp"
#include "support/run_command.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using rapport::test::readText;
using rapport::test::shellQuoted;
using rapport::test::TempDir;
using rapport::test::writeText;
using namespace rapport;

namespace {

using Run = rapport::test::CommandResult;

Run cli(const std::string& args) {
    return rapport::test::runCommand("timeout 60 " + shellQuoted(RAPPORT_CLI_PATH) + " " + args);
}

const fs::path kFixtures = RAPPORT_FIXTURES_DIR;
const fs::path kHub = kFixtures / "session" / "hub.json";
const fs::path kHubRu = kFixtures / "translation" / "hub.ru.po";

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

void replaceOnce(std::string& text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, from);
    text.replace(at, from.size(), to);
}

const PoEntry* entry(const PoFile& f, const std::string& context) {
    for (const auto& e : f.entries)
        if (e.context == context) return &e;
    return nullptr;
}

PoFile readPo(const std::string& path) {
    PoParse p = parsePo(readText(path), path);
    REQUIRE(!p.diagnostics.hasErrors());
    return std::move(p.file);
}

}  // namespace

TEST_CASE("strings export writes a catalogue msgfmt accepts") {
    TempDir dir;
    const std::string po = dir.file("hub.ja.po");
    const Run r =
        cli("strings export " + shellQuoted(kHub.string()) + " --lang ja -o " + shellQuoted(po));
    REQUIRE(r.exitCode == 0);
    CHECK(contains(r.err, "32 texts of session-hub for ja: 0 translated"));
    const Run check = rapport::test::runCommand("msgfmt --check -o /dev/null " + shellQuoted(po));
    CHECK_MESSAGE(check.exitCode == 0, check.err);
    CHECK(readPo(po).headerField("Language") == "ja");
}

TEST_CASE("exporting onto a translated catalogue after an edit marks exactly the changed texts") {
    TempDir dir;
    const std::string src = dir.file("hub.json"), po = dir.file("hub.ru.po");
    std::string text = readText(kHub);
    // Two edits of the source: one reply reworded, and a new feedback text almost the same as
    // an existing reply (msgmerge would guess that reply's translation for it).
    replaceOnce(text, "\"text\": \"What is your budget?\"",
                "\"text\": \"What budget do you have?\"");
    replaceOnce(text, "\"text\": \"Here is my offer.\"",
                "\"text\": \"Here is my offer.\", \"feedback\": \"Here is my offer!\"");
    REQUIRE(writeText(src, text));
    REQUIRE(writeText(po, readText(kHubRu)));
    const PoFile before = readPo(po);

    const Run r = cli("strings export " + shellQuoted(src) + " --lang ru -o " + shellQuoted(po));
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    CHECK(contains(r.err, "33 texts of session-hub for ru: 31 translated, 1 fuzzy"));
    const PoFile after = readPo(po);

    const PoEntry* changed = entry(after, "node/hub/choice/budget/text");
    REQUIRE(changed);
    CHECK(changed->fuzzy());
    CHECK(changed->id == "What budget do you have?");
    CHECK(changed->previousId == std::optional<std::string>("What is your budget?"));
    CHECK(changed->str == "Каков ваш бюджет?");  // kept for the translator to check

    const PoEntry* added = entry(after, "node/hub/choice/pitch/feedback");
    REQUIRE(added);
    CHECK(!added->fuzzy());
    CHECK(added->str.empty());

    std::size_t fuzzy = 0;
    for (const auto& e : after.entries) {
        if (e.isHeader()) continue;
        fuzzy += e.fuzzy();
        if (!e.context || *e.context == "node/hub/choice/budget/text" ||
            *e.context == "node/hub/choice/pitch/feedback")
            continue;
        const PoEntry* old = entry(before, *e.context);
        REQUIRE_MESSAGE(old, *e.context);
        CHECK(e.str == old->str);
        CHECK(!e.fuzzy());
    }
    CHECK(fuzzy == 1);
    CHECK(after.headerField("Last-Translator") == "Rapport tests");  // the translator's header

    // Exporting again changes nothing: the merge is stable.
    const std::string once = readText(po);
    REQUIRE(
        cli("strings export " + shellQuoted(src) + " --lang ru -o " + shellQuoted(po)).exitCode ==
        0);
    CHECK(readText(po) == once);
}

TEST_CASE("strings import writes a valid localised scenario that plays like its source") {
    TempDir dir;
    const std::string out = dir.file("hub-ru.json");
    const Run r = cli("strings import " + shellQuoted(kHub.string()) + " " +
                      shellQuoted(kHubRu.string()) + " -o " + shellQuoted(out));
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    CHECK(contains(r.err, "32 of 32 texts translated into ru"));
    const Run v = cli("validate " + shellQuoted(out));
    CHECK_MESSAGE(v.exitCode == 0, v.err);
    const Run a = cli("play " + shellQuoted(kHub.string()) + " --choices 1,2,1,3,2 --json");
    const Run b = cli("play " + shellQuoted(out) + " --choices 1,2,1,3,2 --json");
    REQUIRE(a.exitCode == 0);
    REQUIRE(b.exitCode == 0);
    const auto ja = nlohmann::json::parse(a.out), jb = nlohmann::json::parse(b.out);
    CHECK(ja["ending"]["node"] == jb["ending"]["node"]);
    CHECK(ja["ending"]["outcome"] == jb["ending"]["outcome"]);
    CHECK(jb["ending"]["title"] == "Сделка");
    CHECK(ja["variables"] == jb["variables"]);
    CHECK(jb["scenario"]["id"] == "session-hub-ru");
    CHECK(contains(b.out, "Доброе утро!"));
}

TEST_CASE("strings import: incomplete, broken or misdirected input is refused clearly") {
    TempDir dir;
    const std::string out = dir.file("hub-ru.json");
    const std::string hub = shellQuoted(kHub.string());
    const std::string outdated =
        shellQuoted((kFixtures / "translation" / "out-of-date.ru.po").string());

    const Run partial = cli("strings import " + hub + " " + outdated + " -o " + shellQuoted(out));
    CHECK(partial.exitCode == 0);  // written, with what is missing named
    CHECK(contains(partial.err, "[RAP0092]"));
    CHECK(contains(partial.err, "28 of 32 texts translated"));

    fs::remove(out);
    const Run strict =
        cli("strings import " + hub + " " + outdated + " -o " + shellQuoted(out) + " --complete");
    CHECK(strict.exitCode == 1);
    CHECK(!fs::exists(out));

    const Run broken = cli("strings import " + hub + " " +
                           shellQuoted((kFixtures / "translation" / "bad-syntax.po").string()) +
                           " -o " + shellQuoted(out));
    CHECK(broken.exitCode == 1);
    CHECK(contains(broken.err, "bad-syntax.po:9:1: error:"));
    CHECK(!fs::exists(out));

    // -o onto the catalogue or the source would destroy an input: refused, both intact.
    const std::string po = dir.file("hub.ru.po");
    REQUIRE(writeText(po, readText(kHubRu)));
    const Run onto =
        cli("strings import " + hub + " " + shellQuoted(po) + " -o " + shellQuoted(po));
    CHECK(onto.exitCode == 2);
    CHECK(readText(po) == readText(kHubRu));

    const Run wrongLang = cli("strings export " + hub + " --lang ja -o " + shellQuoted(po));
    CHECK(wrongLang.exitCode == 1);
    CHECK(contains(wrongLang.err, "is a catalogue for ru, not ja"));
    CHECK(readText(po) == readText(kHubRu));

    CHECK(cli("strings export " + hub + " --lang en -o -").exitCode == 2);
    CHECK(cli("strings translate " + hub).exitCode == 2);
}

TEST_CASE("bundled translations: each scenario made from po/scenarios is the committed file") {
    // po/scenarios/ID.LANG.po + scenarios/ID.json → scenarios/ID-LANG.json (docs/translation.md).
    // A source edited without re-importing its translations fails here.
    const fs::path root = RAPPORT_SOURCE_DIR;
    std::size_t checked = 0;
    for (const auto& po : rapport::test::filesIn(root / "po" / "scenarios", ".po")) {
        const std::string stem = po.stem().string();  // "bank-card-complaint.ru"
        const std::string id = stem.substr(0, stem.rfind('.'));
        const std::string lang = stem.substr(stem.rfind('.') + 1);
        CAPTURE(stem);
        TempDir dir;
        const std::string out = dir.file("out.json");
        const Run r =
            cli("strings import " + shellQuoted((root / "scenarios" / (id + ".json")).string()) +
                " " + shellQuoted(po.string()) + " -o " + shellQuoted(out) + " --complete");
        CHECK_MESSAGE(r.exitCode == 0, r.err);
        CHECK(readText(out) == readText(root / "scenarios" / (id + "-" + lang + ".json")));
        ++checked;
    }
    CHECK(checked >= 1);
}
