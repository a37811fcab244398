// Yarn Spinner's habit: every diagnostic code is documented and produced by some fixture.
#include <doctest/doctest.h>

#include <filesystem>
#include <set>

#include "core/diagnostics/diagnostic_codes.hpp"
#include "support/build_paths.hpp"
#include "support/fixture_corpus.hpp"

namespace fs = std::filesystem;
using namespace rapport;

namespace {

// Codes that fixtures under tests/fixtures cannot show as files on disk: the unreadable and
// oversized file cases are made at run time by unit-loader.cpp.
const std::set<std::string> kMadeAtRunTime = {"RAP0001", "RAP0002"};

std::set<std::string> codesIn(const std::string& text) {
    std::set<std::string> out;
    for (std::size_t i = text.find("[RAP"); i != std::string::npos; i = text.find("[RAP", i + 1))
        out.insert(text.substr(i + 1, 7));
    return out;
}

}  // namespace

TEST_CASE("every diagnostic code is produced by a fixture") {
    std::set<std::string> seen;
    for (const char* dir : {"invalid", "scoring-invalid", "framework-invalid", "twine",
                            "translation", "campaign-invalid"}) {
        const fs::path d = fs::path(RAPPORT_FIXTURES_DIR) / dir;
        if (!fs::exists(d)) continue;
        for (const auto& f : test::filesIn(d, ".expected")) {
            auto c = codesIn(test::readText(f));
            seen.insert(c.begin(), c.end());
        }
    }
    for (const auto& info : codes::allCodes()) {
        const std::string code(info.code);
        if (kMadeAtRunTime.count(code)) continue;
        CAPTURE(code);
        CHECK(seen.count(code) == 1);
    }
}

TEST_CASE("every diagnostic code is documented in docs/diagnostics.md") {
    const std::string doc =
        test::readText(fs::path(RAPPORT_SOURCE_DIR) / "docs" / "diagnostics.md");
    for (const auto& info : codes::allCodes()) {
        const std::string heading = "## " + std::string(info.code);
        CAPTURE(heading);
        CHECK(doc.find(heading) != std::string::npos);
    }
}

TEST_CASE("codes are unique and in order") {
    std::string last;
    for (const auto& info : codes::allCodes()) {
        CHECK(std::string(info.code) > last);
        last = std::string(info.code);
    }
}
