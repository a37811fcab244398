// Alternate forms of a scenario: the alternate's own scenario made by splicing, the retake rule,
// records naming the alternate, and the texts offered to translators.
#include <doctest/doctest.h>

#include <filesystem>

#include "core/alternates/alternate_choice.hpp"
#include "core/alternates/alternate_comparison.hpp"
#include "core/alternates/alternate_scenario.hpp"
#include "core/alternates/played_form.hpp"
#include "core/alternates/retake_form.hpp"
#include "core/checks/scenario_validator.hpp"
#include "core/play/session.hpp"
#include "core/play/transcript.hpp"
#include "core/scenario/scenario_loader.hpp"
#include "core/translation/scenario_catalogue.hpp"
#include "support/build_paths.hpp"
#include "support/files.hpp"

namespace fs = std::filesystem;
using namespace rapport;

namespace {

const fs::path kFile = fs::path(RAPPORT_FIXTURES_DIR) / "valid" / "alternates.json";

Scenario loadFixture() {
    LoadResult r = loadScenarioFile(kFile.string());
    REQUIRE(r.scenario);
    REQUIRE_FALSE(r.diagnostics.hasErrors());
    return std::move(*r.scenario);
}

AttemptRecord attemptOn(const std::string& hash, AttemptStatus status, std::int64_t started,
                        const std::string& scenario = "fixture-alternates") {
    AttemptRecord a;
    a.id = started;
    a.scenarioId = scenario;
    a.contentHash = hash;
    a.status = status;
    a.startedAtMs = started;
    return a;
}

}  // namespace

TEST_CASE("a scenario's alternates load in file order with their texts") {
    const Scenario s = loadFixture();
    REQUIRE(s.alternates.size() == 2);
    CHECK(s.alternates[0].id == "brisk");
    CHECK(s.alternates[0].name == "Brisk, sceptical");
    REQUIRE(s.alternates[0].texts.size() == 3);
    CHECK(s.alternates[0].texts[0].stringId == "node/hub/text");
    CHECK(s.alternates[1].id == "chatty");
    CHECK(s.alternate.empty());
}

TEST_CASE("an alternate is the source file with its texts spliced in, scored by the same key") {
    const Scenario source = loadFixture();
    const std::string text = test::readText(kFile);
    const ScenarioCheck alt = checkAlternate(source, text, "brisk");
    REQUIRE(alt.scenario);
    CHECK_FALSE(alt.diagnostics.hasErrors());
    const Scenario& a = *alt.scenario;
    CHECK(a.alternate == "brisk");
    CHECK(a.alternateName == "Brisk, sceptical");
    CHECK(a.id == source.id);
    CHECK(a.contentHash != source.contentHash);
    CHECK(a.alternates.empty());
    CHECK(a.nodes[0].text == "Five minutes. What do you need, {trainee.first}?");
    CHECK(a.nodes[1].text == "Two hundred thousand a week. Next.");
    CHECK(a.nodes[0].choices[0].feedback ==
          "A question about the problem, even with a client in a hurry.");
    // Everything but the wording is the original's.
    REQUIRE(a.nodes.size() == source.nodes.size());
    for (std::size_t i = 0; i < a.nodes.size(); ++i) {
        CHECK(a.nodes[i].id == source.nodes[i].id);
        REQUIRE(a.nodes[i].choices.size() == source.nodes[i].choices.size());
        for (std::size_t c = 0; c < a.nodes[i].choices.size(); ++c) {
            CHECK(a.nodes[i].choices[c].text == source.nodes[i].choices[c].text);
            CHECK(a.nodes[i].choices[c].next == source.nodes[i].choices[c].next);
        }
    }
    // The comments and layout of the author's file are kept: only the replaced lines differ.
    const std::string made = alternateText(source, text, source.alternates[0]);
    CHECK(made.find("// The hub with a second personality") != std::string::npos);
    CHECK(made.find("\"x-alternate\"") != std::string::npos);
    DiagnosticList diags;
    validateScenario(a, diags);
    CHECK_FALSE(diags.hasErrors());
}

TEST_CASE("an unknown alternate id is an error naming the alternates there are") {
    const Scenario source = loadFixture();
    const ScenarioCheck alt = checkAlternate(source, test::readText(kFile), "brsk");
    CHECK_FALSE(alt.scenario);
    REQUIRE(alt.diagnostics.hasErrors());
    const std::string msg = alt.diagnostics.items().front().message;
    CHECK(msg.find("did you mean \"brisk\"") != std::string::npos);
    CHECK(msg.find("brisk, chatty") != std::string::npos);
}

TEST_CASE("a retake gets the form this trainee has played least, the original first on ties") {
    const Scenario s = loadFixture();
    CHECK(leastPlayedAlternate(s, {}) == "");
    CHECK(leastPlayedAlternate(s, {{"", 1}}) == "brisk");
    CHECK(leastPlayedAlternate(s, {{"", 1}, {"brisk", 1}}) == "chatty");
    CHECK(leastPlayedAlternate(s, {{"", 1}, {"brisk", 1}, {"chatty", 1}}) == "");
    CHECK(leastPlayedAlternate(s, {{"", 2}, {"brisk", 1}, {"chatty", 2}}) == "brisk");
    // An alternate removed from the scenario since is not offered.
    CHECK(leastPlayedAlternate(s, {{"", 3}, {"gone", 0}, {"brisk", 3}, {"chatty", 3}}) == "");
}

TEST_CASE("a trainee's plays per form are told by the attempts' content hashes") {
    const Scenario s = loadFixture();
    const std::string text = test::readText(kFile);
    const auto hashes = formHashes(s, text);
    REQUIRE(hashes.size() == 3);
    const ScenarioCheck brisk = checkAlternate(s, text, "brisk");
    REQUIRE(brisk.scenario);
    CHECK(hashes.at("brisk") == brisk.scenario->contentHash);
    CHECK(hashes.at("") == s.contentHash);
    const auto plays =
        playsByForm(hashes, {s.contentHash, hashes.at("brisk"), "an-older-version", s.contentHash});
    CHECK(plays.at("") == 2);
    CHECK(plays.at("brisk") == 1);
    CHECK_FALSE(plays.count("chatty"));
    CHECK(leastPlayedAlternate(s, plays) == "chatty");
}

TEST_CASE("the transcript of an alternate names it; records without one still load") {
    const Scenario source = loadFixture();
    const ScenarioCheck alt = checkAlternate(source, test::readText(kFile), "chatty");
    REQUIRE(alt.scenario);
    ManualClock clock;
    Session session(*alt.scenario, clock);
    const nlohmann::json j = transcriptToJson(session.transcript());
    CHECK(j.at("alternate") == "chatty");
    CHECK(transcriptFromJson(j).alternate == "chatty");
    Session original(source, clock);
    nlohmann::json old = transcriptToJson(original.transcript());
    CHECK_FALSE(old.contains("alternate"));
    CHECK(transcriptFromJson(old).alternate.empty());
}

TEST_CASE("an alternate's texts are offered to translators with the scenario's") {
    const Scenario s = loadFixture();
    bool name = false, line = false;
    for (const auto& str : scenarioStrings(s)) {
        if (str.context == "alternate/brisk/name") name = str.text == "Brisk, sceptical";
        if (str.context == "alternate/brisk/node/price/text")
            line = str.pointer == "/alternates/0/texts/node~1price~1text";
    }
    CHECK(name);
    CHECK(line);
}

TEST_CASE("analyze puts each form's random and test-wise figures beside the original's") {
    const Scenario s = loadFixture();
    const std::string text = test::readText(kFile);
    const FileAnalysis fa = analyzeScenarioFile(kFile.string(), {200, 1});
    REQUIRE(fa.analysis);
    REQUIRE(fa.check.scenario);
    const FormComparison c = compareForms(*fa.check.scenario, text, *fa.analysis, {200, 1});
    REQUIRE(c.forms.size() == 3);
    CHECK(c.forms[0].id.empty());
    CHECK(c.forms[1].id == "brisk");
    CHECK(c.forms[2].id == "chatty");
    for (const auto& f : c.forms) {
        CAPTURE(f.id);
        CHECK(f.problem.empty());
        REQUIRE(f.random);
        // Only wording differs and random play does not read it: the same distribution.
        CHECK(f.random->median == c.forms[0].random->median);
    }
    CHECK(formComparisonText(c).find("brisk (Brisk, sceptical): random") != std::string::npos);
    CHECK(formComparisonToJson(c).at("forms").size() == 3);
}

TEST_CASE("the next form: the original first, then the least played, whatever became of them") {
    const Scenario s = loadFixture();
    const std::string text = test::readText(kFile);
    const auto hashes = formHashes(s, text);
    using S = AttemptStatus;
    CHECK(nextForm(s, text, {}) == "");
    CHECK(nextForm(s, text, {attemptOn(s.contentHash, S::Finished, 1)}) == "brisk");
    // A form set aside or still open counts as played: starting over moves on.
    CHECK(nextForm(s, text,
                   {attemptOn(s.contentHash, S::Finished, 1),
                    attemptOn(hashes.at("brisk"), S::Abandoned, 2)}) == "chatty");
    // Attempts of an older version and of another scenario are not this file's forms.
    CHECK(nextForm(s, text,
                   {attemptOn("an-older-version", S::Finished, 1),
                    attemptOn(s.contentHash, S::Finished, 2, "another-scenario")}) == "");
    // A scenario without alternates always plays itself.
    Scenario plain = s;
    plain.alternates.clear();
    CHECK(nextForm(plain, text, {attemptOn(s.contentHash, S::Finished, 1)}) == "");
}

TEST_CASE("a resume continues the form the newest open attempt was started on") {
    const Scenario s = loadFixture();
    const std::string text = test::readText(kFile);
    const auto hashes = formHashes(s, text);
    using S = AttemptStatus;
    CHECK_FALSE(resumedForm(s, text, {attemptOn(s.contentHash, S::Finished, 1)}));
    const auto chatty = resumedForm(s, text,
                                    {attemptOn(hashes.at("brisk"), S::InProgress, 1),
                                     attemptOn(hashes.at("chatty"), S::InProgress, 3),
                                     attemptOn(s.contentHash, S::Finished, 5)});
    REQUIRE(chatty);
    CHECK(*chatty == "chatty");
    const auto original = resumedForm(s, text, {attemptOn(s.contentHash, S::InProgress, 1)});
    REQUIRE(original);
    CHECK(original->empty());
    // Started on another version of the file: no form of this one fits.
    CHECK_FALSE(resumedForm(s, text, {attemptOn("an-older-version", S::InProgress, 1)}));
    CHECK(attemptForm(s, text, attemptOn(hashes.at("brisk"), S::Finished, 1)) == "brisk");
    CHECK_FALSE(attemptForm(s, text, attemptOn(hashes.at("brisk"), S::Finished, 1, "other")));
}

TEST_CASE("HR reads the form played: the alternate's name, or the original form") {
    const Scenario s = loadFixture();
    Transcript t;
    CHECK(playedFormName(nullptr, t, &s) == "original form");
    Scenario plain = s;
    plain.alternates.clear();
    CHECK(playedFormName(nullptr, t, &plain).empty());  // no forms: nothing to tell apart
    CHECK(playedFormName(nullptr, t, nullptr).empty());
    t.alternate = "brisk";
    CHECK(playedFormName(nullptr, t, &s) == "Brisk, sceptical");
    CHECK(playedFormName(nullptr, t, nullptr) == "brisk");  // the file is not loaded: its id
    ScoreReport r;
    r.alternate = "brisk";
    r.alternateName = "Brisk, as it was named then";
    CHECK(playedFormName(&r, t, &s) == "Brisk, as it was named then");
}
