// Reading JSON with positions: every value and key located, every kind of bad input rejected with
// one located diagnostic and no crash.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "core/diagnostics/diagnostic_codes.hpp"
#include "core/source/json_source.hpp"
#include "support/build_paths.hpp"
#include "support/temp_dir.hpp"

using namespace rapport;

namespace {

const std::string kDir = std::string(RAPPORT_FIXTURES_DIR) + "/json/";

struct Failure {
    std::string code;
    int line = 0;
    int column = 0;
    std::string message;
};

// Parses text that must fail and returns its one diagnostic.
Failure failText(const std::string& text) {
    DiagnosticList diags;
    const auto doc = parseJsonText(text, "t.json", diags);
    CHECK_FALSE(doc.has_value());
    REQUIRE(diags.items().size() == 1);
    const Diagnostic& d = diags.items().front();
    CHECK(d.severity == Severity::Error);
    CHECK(d.file == "t.json");
    return {d.code, d.position.line, d.position.column, d.message};
}

Failure failFile(const std::string& name) {
    DiagnosticList diags;
    const std::string path = kDir + name;
    const auto doc = readJsonFile(path, diags);
    CHECK_FALSE(doc.has_value());
    REQUIRE(diags.items().size() == 1);
    const Diagnostic& d = diags.items().front();
    CHECK(d.file == path);
    return {d.code, d.position.line, d.position.column, d.message};
}

void checkFailure(const Failure& f, const char* code, int line, int column,
                  const std::string& message) {
    CHECK(f.code == code);
    CHECK(f.line == line);
    CHECK(f.column == column);
    CHECK(f.message == message);
}

JsonDocument parseOk(const std::string& text) {
    DiagnosticList diags;
    auto doc = parseJsonText(text, "t.json", diags);
    for (const auto& d : diags.items()) INFO(formatDiagnostic(d));
    REQUIRE(doc.has_value());
    CHECK(diags.empty());
    return std::move(*doc);
}

bool at(SourcePosition p, int line, int column) { return p.line == line && p.column == column; }

using test::TempDir;

}  // namespace

TEST_CASE("positionAt counts lines from 1 and columns in code points") {
    const std::string text = "ab\nЖ日x\r\n\tz";
    CHECK(at(positionAt(text, 0), 1, 1));
    CHECK(at(positionAt(text, 2), 1, 3));             // the newline itself ends line 1
    CHECK(at(positionAt(text, 3), 2, 1));             // Ж (2 bytes)
    CHECK(at(positionAt(text, 5), 2, 2));             // 日 (3 bytes)
    CHECK(at(positionAt(text, 8), 2, 3));             // x
    CHECK(at(positionAt(text, 11), 3, 1));            // after \r\n: one line break, not two
    CHECK(at(positionAt(text, 12), 3, 2));            // a tab is one column
    CHECK(at(positionAt(text, 999), 3, 3));           // clamped to the end
    CHECK(at(positionAt("\xEF\xBB\xBFx", 3), 1, 1));  // a BOM takes no column
}

TEST_CASE("pointerToken escapes ~ and /") {
    CHECK(pointerToken("plain") == "plain");
    CHECK(pointerToken("a/b~c") == "a~1b~0c");
    CHECK(pointerToken("~/") == "~0~1");
    CHECK(pointerToken("") == "");
}

TEST_CASE("every value and key in a commented file with multibyte text is located") {
    DiagnosticList diags;
    const auto doc = readJsonFile(kDir + "positions.json", diags);
    REQUIRE(doc.has_value());
    CHECK(diags.empty());
    const SourceMap& m = doc->map;
    CHECK(at(m.valuePosition(""), 2, 1));
    CHECK(at(m.keyPosition("/title"), 3, 3));
    CHECK(at(m.valuePosition("/title"), 3, 12));
    CHECK(at(m.keyPosition("/lang"), 3, 48));  // after Cyrillic text and a block comment
    CHECK(at(m.valuePosition("/lang"), 3, 56));
    CHECK(at(m.valuePosition("/nodes"), 4, 12));
    CHECK(at(m.valuePosition("/nodes/0"), 5, 5));
    CHECK(at(m.keyPosition("/nodes/0/id"), 5, 6));
    CHECK(at(m.valuePosition("/nodes/0/id"), 5, 12));
    CHECK(at(m.valuePosition("/nodes/0/text"), 5, 29));
    CHECK(at(m.keyPosition("/nodes/0/n"), 5, 38));  // after Japanese text
    CHECK(at(m.valuePosition("/nodes/0/n"), 5, 43));
    CHECK(at(m.valuePosition("/nodes/1"), 7, 5));  // a line comment with [ and " skipped
    CHECK(at(m.keyPosition("/nodes/1/a~1b~0c"), 8, 7));
    CHECK(at(m.valuePosition("/nodes/1/a~1b~0c"), 8, 16));
    CHECK(at(m.valuePosition("/nodes/1/choices"), 9, 18));
    CHECK(at(m.valuePosition("/nodes/1/choices/0"), 9, 20));
    CHECK(at(m.valuePosition("/nodes/1/choices/1"), 9, 24));
    CHECK(at(m.valuePosition("/nodes/1/choices/2"), 9, 28));
    CHECK(at(m.valuePosition("/nodes/1/choices/3"), 9, 34));
    CHECK(at(m.valuePosition("/nodes/1/choices/4"), 9, 40));
    // Escapes in keys are decoded, so pointers match the keys nlohmann stores.
    CHECK(doc->root().contains("escaped"));
    CHECK(at(m.keyPosition("/escaped"), 12, 3));
    CHECK(at(m.valuePosition("/escaped"), 12, 19));
    CHECK(doc->root().find("nodes")->operator[](1).contains("a/b~c"));
    CHECK(m.size() == 17);
    CHECK(doc->duplicateKeys.empty());
}

TEST_CASE("lookups fall back to the nearest known ancestor") {
    const JsonDocument doc = parseOk("{\n  \"a\": {\"b\": [1, 2]}\n}");
    CHECK(at(doc.map.valuePosition("/a/b/1"), 2, 18));
    CHECK(at(doc.map.valuePosition("/a/b/7/x"), 2, 14));  // -> /a/b
    CHECK(at(doc.map.valuePosition("/a/zz"), 2, 8));      // -> /a
    CHECK(at(doc.map.valuePosition("/nope"), 1, 1));      // -> root
    CHECK(at(doc.map.keyPosition("/a/b"), 2, 9));
    CHECK(at(doc.map.keyPosition("/a/b/0"), 2, 15));     // array elements have no key: their value
    CHECK(at(doc.map.keyPosition("/a/missing"), 2, 8));  // -> value of /a
    CHECK(doc.map.hasValue("/a/b/0"));
    CHECK_FALSE(doc.map.hasValue("/a/b/2"));
    CHECK(doc.map.hasKey("/a"));
    CHECK_FALSE(doc.map.hasKey("/a/b/0"));
    CHECK(at(SourceMap{}.valuePosition("/x"), 0, 0));
}

TEST_CASE("CRLF line ends and tabs") {
    const JsonDocument doc = parseOk("{\r\n  \"a\": 1,\r\n\t\"b\": [true]\r\n}\r\n");
    CHECK(at(doc.map.keyPosition("/a"), 2, 3));
    CHECK(at(doc.map.valuePosition("/a"), 2, 8));
    CHECK(at(doc.map.keyPosition("/b"), 3, 2));
    CHECK(at(doc.map.valuePosition("/b"), 3, 7));
    CHECK(at(doc.map.valuePosition("/b/0"), 3, 8));
}

TEST_CASE("a root scalar and empty containers are located") {
    CHECK(at(parseOk("  // lead\n  42 ").map.valuePosition(""), 2, 3));
    const JsonDocument doc = parseOk("[[], {}, [[]], {\"e\": {}}]");
    CHECK(at(doc.map.valuePosition("/2/0"), 1, 11));
    CHECK(at(doc.map.valuePosition("/3/e"), 1, 22));
    CHECK(doc.map.size() == 7);
}

TEST_CASE("duplicate keys: lookups see the last value, the map and the list keep track") {
    const JsonDocument doc = parseOk(R"({"a": {"x": 1}, "b": 2, "a": {"y": 3}, "a": 4})");
    REQUIRE(doc.root().find("a"));
    CHECK(doc.root().find("a")->asInteger() == 4);
    REQUIRE(doc.duplicateKeys.size() == 2);
    CHECK(doc.duplicateKeys[0] == "/a");
    CHECK(doc.duplicateKeys[1] == "/a");
    REQUIRE(doc.duplicateKeyPositions.size() == 2);
    CHECK(at(doc.duplicateKeyPositions[0], 1, 25));
    CHECK(at(doc.duplicateKeyPositions[1], 1, 40));
    CHECK(at(doc.map.keyPosition("/a"), 1, 2));  // the first occurrence
    CHECK(at(doc.map.valuePosition("/a"), 1, 7));
    CHECK(at(doc.map.valuePosition("/a/x"), 1, 13));
    CHECK(at(doc.map.valuePosition("/a/y"), 1, 36));  // only in the later copy: still located

    const JsonDocument nested = parseOk(R"({"n": [{"id": 1, "id": 2}]})");
    REQUIRE(nested.duplicateKeys.size() == 1);
    CHECK(nested.duplicateKeys[0] == "/n/0/id");
    CHECK(at(nested.duplicateKeyPositions[0], 1, 18));
}

TEST_CASE("a UTF-8 byte order mark is skipped and takes no column") {
    DiagnosticList diags;
    const auto doc = readJsonFile(kDir + "bom.json", diags);
    REQUIRE(doc.has_value());
    REQUIRE(doc->root().find("a"));
    CHECK(doc->root().find("a")->asInteger() == 1);
    CHECK(doc->text->starts_with("\xEF\xBB\xBF"));  // kept as read, for hashing
    CHECK(at(doc->map.valuePosition(""), 1, 1));
    CHECK(at(doc->map.keyPosition("/a"), 1, 2));
    CHECK(at(doc->map.valuePosition("/a"), 1, 7));
    // After a BOM, errors are located the same way.
    checkFailure(failText("\xEF\xBB\xBF[1,]"), codes::Syntax, 1, 3,
                 "syntax error: trailing comma before ']' is not allowed");
}

TEST_CASE("syntax errors point at the offending character, in plain words") {
    SUBCASE("missing comma") {
        checkFailure(failFile("missing-comma.json"), codes::Syntax, 3, 3,
                     "syntax error: unexpected string; expected ',' or '}' (missing comma?)");
        checkFailure(failText("[1 2]"), codes::Syntax, 1, 4,
                     "syntax error: unexpected number; expected ',' or ']' (missing comma?)");
    }
    SUBCASE("trailing comma") {
        checkFailure(failFile("trailing-comma.json"), codes::Syntax, 2, 20,
                     "syntax error: trailing comma before ']' is not allowed");
        checkFailure(failText("{\"a\": 1, /* c */ }"), codes::Syntax, 1, 8,
                     "syntax error: trailing comma before '}' is not allowed");
    }
    SUBCASE("unterminated string") {
        checkFailure(failFile("unterminated-string.json"), codes::Syntax, 2, 18,
                     "syntax error: line break inside a string; close the string before the end of "
                     "the line (write \\n for a line break in the text)");
        checkFailure(failText("{\"a\": \"xyz"), codes::Syntax, 1, 7,
                     "syntax error: string is missing its closing quote");
    }
    SUBCASE("truncated file: reported just after the last character") {
        checkFailure(failFile("truncated.json"), codes::Syntax, 4, 15,
                     "syntax error: unexpected end of input; expected ',' or '}'");
        checkFailure(failText("[1, 2"), codes::Syntax, 1, 6,
                     "syntax error: unexpected end of input; expected ',' or ']'");
        checkFailure(failText("{\"a\":"), codes::Syntax, 1, 6,
                     "syntax error: unexpected end of input; expected a value");
    }
    SUBCASE("not JSON at all") {
        checkFailure(failFile("not-json.txt"), codes::Syntax, 1, 1,
                     "syntax error: unexpected 'Subject'; expected a value");
        checkFailure(failText("{\"k\": yes}"), codes::Syntax, 1, 7,
                     "syntax error: unexpected 'yes'; expected a value");
        checkFailure(failText("{\"k\": tru}"), codes::Syntax, 1, 7,
                     "syntax error: unexpected 'tru'; expected a value");
        checkFailure(failText("[1] x"), codes::Syntax, 1, 5,
                     "syntax error: unexpected 'x'; expected end of input");
        checkFailure(failText("[1]]"), codes::Syntax, 1, 4,
                     "syntax error: unexpected ']'; expected end of input");
    }
    SUBCASE("keys") {
        checkFailure(failText("{\n  title: 1}"), codes::Syntax, 2, 3,
                     "syntax error: unexpected 'title'; object keys must be in double quotes");
        checkFailure(failText("{'a': 1}"), codes::Syntax, 1, 2,
                     "syntax error: strings and keys must be in double quotes, not single quotes");
        checkFailure(failText("{\"a\" 1}"), codes::Syntax, 1, 6,
                     "syntax error: unexpected number; expected ':'");
        checkFailure(failText("{\"a\": 1 ]"), codes::Syntax, 1, 9,
                     "syntax error: unexpected ']'; expected ',' or '}'");
    }
    SUBCASE("inside strings and numbers") {
        checkFailure(
            failText("[\"a\\qb\"]"), codes::Syntax, 1, 4,
            "syntax error: invalid escape '\\q' in a string; allowed are \\\" \\\\ \\/ \\b \\f "
            "\\n \\r \\t \\uXXXX");
        checkFailure(
            failText("[\"a\tb\"]"), codes::Syntax, 1, 4,
            "syntax error: invalid string: control character U+0009 (HT) must be escaped to "
            "\\u0009 or \\t");
        checkFailure(failText("[-x]"), codes::Syntax, 1, 3,
                     "syntax error: invalid number; expected digit after '-'");
        checkFailure(failText("[1e999]"), codes::Syntax, 1, 2,
                     "syntax error: number 1e999 is too large");
    }
    SUBCASE("comments") {
        checkFailure(failText("{\"a\": 1}\n/* never closed"), codes::Syntax, 2, 1,
                     "syntax error: comment is missing its closing '*/'");
        checkFailure(failText("[1 / 2]"), codes::Syntax, 1, 4,
                     "syntax error: '/' must start a comment (// or /* */)");
    }
    SUBCASE("multibyte text before the error counts in code points") {
        checkFailure(failText("{\"имя\": \"Пётр\" \"x\": 1}"), codes::Syntax, 1, 16,
                     "syntax error: unexpected string; expected ',' or '}' (missing comma?)");
    }
}

TEST_CASE("a raw NUL byte is refused, not taken for the end of the file") {
    const std::string nul("{\"a\": 1}\0{\"lost\": 2}", 20);
    checkFailure(failText(nul), codes::Syntax, 1, 9,
                 "syntax error: unexpected NUL byte (0x00); JSON text cannot contain one (is this "
                 "a binary file?)");
    checkFailure(failText(std::string("[\"a\0b\"]", 7)), codes::Syntax, 1, 4,
                 "syntax error: unexpected NUL byte (0x00); JSON text cannot contain one (is this "
                 "a binary file?)");
}

TEST_CASE("an empty file or one with only comments is a syntax error at 1:1") {
    checkFailure(failFile("empty.json"), codes::Syntax, 1, 1,
                 "syntax error: empty file; expected a JSON value");
    checkFailure(failText("  // nothing\n  /* here */\n"), codes::Syntax, 1, 1,
                 "syntax error: empty file; expected a JSON value");
}

TEST_CASE("invalid UTF-8 is reported at the first bad byte") {
    checkFailure(
        failFile("latin1.json"), codes::BadUtf8, 2, 16,
        "invalid UTF-8 byte 0xE9 (incomplete multi-byte sequence); save the file as UTF-8");
    const std::string tail = "; save the file as UTF-8";
    checkFailure(failText("[\"ok Ж\", \"\xC3\"]"), codes::BadUtf8, 1, 11,
                 "invalid UTF-8 byte 0xC3 (incomplete multi-byte sequence)" + tail);
    checkFailure(failText("[\"\xC3"), codes::BadUtf8, 1, 3,  // cut off at the end of the file
                 "invalid UTF-8 byte 0xC3 (incomplete multi-byte sequence)" + tail);
    checkFailure(failText("\"\xC0\xAF\""), codes::BadUtf8, 1, 2,
                 "invalid UTF-8 byte 0xC0 (overlong encoding)" + tail);
    checkFailure(failText("\"\xE0\x80\xAF\""), codes::BadUtf8, 1, 2,
                 "invalid UTF-8 byte 0xE0 (overlong encoding)" + tail);
    checkFailure(failText("\"\xF0\x80\x80\xAF\""), codes::BadUtf8, 1, 2,
                 "invalid UTF-8 byte 0xF0 (overlong encoding)" + tail);
    checkFailure(failText("\n\"\xED\xA0\x80\""), codes::BadUtf8, 2, 2,
                 "invalid UTF-8 byte 0xED (encodes a UTF-16 surrogate)" + tail);
    checkFailure(failText("\"\xF4\x90\x80\x80\""), codes::BadUtf8, 1, 2,
                 "invalid UTF-8 byte 0xF4 (code point above U+10FFFF)" + tail);
    checkFailure(failText("\"\xF5\x80\x80\x80\""), codes::BadUtf8, 1, 2,
                 "invalid UTF-8 byte 0xF5 (never valid in UTF-8)" + tail);
    checkFailure(failText("\"\xFF\""), codes::BadUtf8, 1, 2,
                 "invalid UTF-8 byte 0xFF (never valid in UTF-8)" + tail);
    checkFailure(failText("\"a\x80\""), codes::BadUtf8, 1, 3,
                 "invalid UTF-8 byte 0x80 (continuation byte without a lead byte)" + tail);
    // Outside strings and in comments too: the whole file must be UTF-8.
    checkFailure(failText("// caf\xE9\n{}"), codes::BadUtf8, 1, 7,
                 "invalid UTF-8 byte 0xE9 (incomplete multi-byte sequence)" + tail);
    // The largest valid code points and the edges of the surrogate gap are accepted.
    const JsonDocument ok =
        parseOk("[\"\xF4\x8F\xBF\xBF\", \"\xED\x9F\xBF\", \"\xEE\x80\x80\", \"\xC2\x80\"]");
    CHECK(ok.root().size() == 4);
}

TEST_CASE("nesting deeper than 64 levels is rejected before parsing") {
    checkFailure(failFile("deep-65.json"), codes::TooDeep, 1, 65,
                 "nesting too deep: more than 64 levels of '[' and '{'");

    const JsonDocument ok = parseOk(std::string(64, '[') + std::string(64, ']'));
    CHECK(ok.map.size() == 64);

    // 10,000 levels (and unbalanced): rejected by the scan, nothing recursive sees it.
    std::string deep;
    for (int i = 0; i < 10000; ++i) deep += i % 2 ? "[" : "{\"k\":";
    checkFailure(failText(deep), codes::TooDeep, 1, 1 + 32 * 5 + 32,
                 "nesting too deep: more than 64 levels of '[' and '{'");

    // Brackets in strings and comments do not count.
    const JsonDocument quoted = parseOk("[\"" + std::string(100, '[') + "\", // " +
                                        std::string(100, '{') + "\n /* [[[[ */ 1]");
    CHECK(quoted.root().size() == 2);

    // Mixed objects and arrays, reported on the line of the 65th bracket.
    std::string mixed;
    for (int i = 0; i < 70; ++i) mixed += i % 2 ? "[\n" : "{\"k\": ";
    checkFailure(failText(mixed), codes::TooDeep, 33, 1,
                 "nesting too deep: more than 64 levels of '[' and '{'");
}

TEST_CASE("files over the size limit are rejected before being read") {
    TempDir dir;
    const auto big = dir.path() / "big.json";
    { std::ofstream(big) << "{}"; }
    std::filesystem::resize_file(big, 17u * 1024u * 1024u);  // sparse: no 17 MiB actually written
    DiagnosticList diags;
    CHECK_FALSE(readJsonFile(big.string(), diags).has_value());
    REQUIRE(diags.items().size() == 1);
    const Diagnostic& d = diags.items().front();
    CHECK(d.code == std::string(codes::TooLarge));
    CHECK(d.file == big.string());
    CHECK(at(d.position, 0, 0));
    CHECK(d.message ==
          "file is too large: 17 MiB (17,825,792 bytes); the limit is 16 MiB (16,777,216 bytes)");

    // Exactly at the limit is read, and then fails only because of the zero bytes the sparse
    // file is filled with (which nlohmann alone would take for the end of input).
    std::filesystem::resize_file(big, kMaxSourceBytes);
    DiagnosticList atLimit;
    CHECK_FALSE(readJsonFile(big.string(), atLimit).has_value());
    REQUIRE(atLimit.items().size() == 1);
    CHECK(atLimit.items().front().code == std::string(codes::Syntax));
    CHECK(at(atLimit.items().front().position, 1, 3));

    DiagnosticList inMemory;
    CHECK_FALSE(parseJsonText(std::string(kMaxSourceBytes + 1, ' '), "mem", inMemory).has_value());
    REQUIRE(inMemory.items().size() == 1);
    CHECK(inMemory.items().front().code == std::string(codes::TooLarge));
    CHECK(inMemory.items().front().message ==
          "file is too large: 16.0 MiB (16,777,217 bytes); the limit is 16 MiB (16,777,216 bytes)");
}

TEST_CASE("unreadable paths give RAP0001 with the reason") {
    DiagnosticList diags;
    const std::string missing = kDir + "no-such-file.json";
    CHECK_FALSE(readJsonFile(missing, diags).has_value());
    REQUIRE(diags.items().size() == 1);
    CHECK(diags.items()[0].code == std::string(codes::Unreadable));
    CHECK(at(diags.items()[0].position, 0, 0));
    CHECK(diags.items()[0].message == "cannot read " + missing + ": No such file or directory");

    DiagnosticList dirDiags;
    CHECK_FALSE(readJsonFile(kDir, dirDiags).has_value());
    REQUIRE(dirDiags.items().size() == 1);
    CHECK(dirDiags.items()[0].code == std::string(codes::Unreadable));
    CHECK(dirDiags.items()[0].message ==
          "cannot read " + kDir + ": it is a directory, not a regular file");
}

TEST_CASE("a document keeps the exact bytes it was parsed from") {
    const std::string text = "// c\n{\"a\": [1, 2.5, \"x\"]}\n";
    const JsonDocument doc = parseOk(text);
    CHECK(*doc.text == text);
    const JsonValue* a = doc.root().find("a");
    REQUIRE(a);
    REQUIRE(a->size() == 3);
    CHECK((*a)[0].asInteger() == 1);
    CHECK((*a)[1].asNumber() == 2.5);
    CHECK((*a)[2].asString() == "x");
}

namespace {

void allPointers(const nlohmann::json& j, const std::string& at, std::vector<std::string>& out) {
    out.push_back(at);
    if (j.is_object())
        for (auto it = j.begin(); it != j.end(); ++it)
            allPointers(it.value(), at + "/" + pointerToken(it.key()), out);
    else if (j.is_array())
        for (std::size_t i = 0; i < j.size(); ++i)
            allPointers(j[i], at + "/" + std::to_string(i), out);
}

}  // namespace

TEST_CASE("a lookup before the map is built scans for its pointer and agrees with the built map") {
    std::vector<std::string> files = {kDir + "positions.json", kDir + "bom.json"};
    for (const auto& e :
         std::filesystem::directory_iterator(std::string(RAPPORT_SOURCE_DIR) + "/scenarios"))
        if (e.path().extension() == ".json") files.push_back(e.path().string());
    for (const auto& file : files) {
        DiagnosticList diags;
        const auto doc = readJsonFile(file, diags);
        REQUIRE(doc.has_value());
        REQUIRE(doc->duplicateKeys.empty());
        std::vector<std::string> pointers;
        allPointers(nlohmann::json::parse(*doc->text, nullptr, true, true), "", pointers);
        // Missing members and elements fall back to the nearest ancestor either way.
        const std::size_t present = pointers.size();
        for (std::size_t k = 0; k < present; k += 7) {
            pointers.push_back(pointers[k] + "/missing");
            pointers.push_back(pointers[k] + "/99999");
            pointers.push_back(pointers[k] + "/01");
        }
        SourceMap table(doc->text);
        (void)table.size();  // builds the tables: every lookup after this reads them
        for (const auto& p : pointers) {
            INFO(file << " " << p);
            const SourceMap direct(doc->text);  // fresh, so the lookup scans
            const SourcePosition v = direct.valuePosition(p), tv = table.valuePosition(p);
            CHECK(v.line == tv.line);
            CHECK(v.column == tv.column);
            const SourceMap directKey(doc->text);
            const SourcePosition k = directKey.keyPosition(p), tk = table.keyPosition(p);
            CHECK(k.line == tk.line);
            CHECK(k.column == tk.column);
            CHECK_FALSE(direct.built());
        }
    }
}
