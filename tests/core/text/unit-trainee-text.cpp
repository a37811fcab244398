// Text variables: the trainee's name and grammatical form in lines and replies.
#include <doctest/doctest.h>

#include "core/text/trainee_text.hpp"

using namespace rapport;

TEST_CASE("gendered words follow the trainee's form; neutral reads the first form") {
    const std::string line = "Я {понял|поняла}, {trainee.first}: вы {согласны|согласны}.";
    CHECK(renderTraineeText(line, {"Елена Смирнова", GrammaticalForm::Feminine}) ==
          "Я поняла, Елена: вы согласны.");
    CHECK(renderTraineeText(line, {"Иван Петров", GrammaticalForm::Masculine}) ==
          "Я понял, Иван: вы согласны.");
    CHECK(renderTraineeText(line, {"Alex", GrammaticalForm::Neutral}) ==
          "Я понял, Alex: вы согласны.");
    CHECK(renderTraineeText("{trainee}, здравствуйте", {"Елена Смирнова", {}}) ==
          "Елена Смирнова, здравствуйте");
    CHECK(renderTraineeText("{trainee.first}", {"  Кэндзи  Сато", {}}) == "Кэндзи");
    CHECK(renderTraineeText("код {{A}} и }}", {}) == "код {A} и }");
    // Broken text is shown as written rather than lost.
    CHECK(renderTraineeText("{рад|рада помочь", {"", GrammaticalForm::Feminine}) ==
          "{рад|рада помочь");
    CHECK(renderTraineeText("{client}", {}) == "{client}");
    CHECK(renderTraineeText("no variables", {}) == "no variables");
}

TEST_CASE("form names round-trip") {
    for (auto f : {GrammaticalForm::Neutral, GrammaticalForm::Masculine, GrammaticalForm::Feminine})
        CHECK(parseGrammaticalForm(grammaticalFormName(f)) == f);
    CHECK_FALSE(parseGrammaticalForm("female"));
}

TEST_CASE("the syntax check names each broken variable with its place") {
    CHECK(checkTraineeText("Я {понял|поняла}, {trainee} {{x}}").empty());
    const auto p = checkTraineeText("Я {готов|готова|готово}, {имя} и {рад");
    REQUIRE(p.size() == 3);
    CHECK(p[0].kind == TraineeTextProblem::Kind::FormCount);
    CHECK(p[0].codePoint == 2);
    CHECK(p[1].kind == TraineeTextProblem::Kind::UnknownVariable);
    CHECK(p[2].kind == TraineeTextProblem::Kind::Unbalanced);
    CHECK(checkTraineeText("a } b").size() == 1);
    CHECK(checkTraineeText("{a|}")[0].kind == TraineeTextProblem::Kind::FormCount);
}

TEST_CASE("escaped text renders exactly as it was before escaping") {
    const TraineeForms anna{"Анна Петрова", GrammaticalForm::Feminine};
    for (const std::string_view raw :
         {"plain", "{trainee}", "{понял|поняла}", "{{", "}", "a{b}c}}{", "(if:$a)[{x}]", ""}) {
        CAPTURE(raw);
        const std::string escaped = escapeTraineeText(raw);
        CHECK(checkTraineeText(escaped).empty());
        CHECK(renderTraineeText(escaped, anna) == raw);
    }
}

// No name to address (rapport play without --trainee, a profile without a name): the sentence
// closes up around the variable instead of keeping a stray comma.
TEST_CASE("a name variable without a name drops out with its comma") {
    const TraineeForms none{};
    CHECK(renderTraineeText("{trainee.first}, добрый день!", none) == "Добрый день!");
    CHECK(renderTraineeText("Добрый день, {trainee.first}!", none) == "Добрый день!");
    CHECK(renderTraineeText("Спасибо, {trainee.first}, что пришли.", none) ==
          "Спасибо, что пришли.");
    CHECK(renderTraineeText("Я {понял|поняла}, {trainee.first}: вы согласны.", none) ==
          "Я понял: вы согласны.");
    CHECK(renderTraineeText("Five minutes. What do you need, {trainee.first}?", none) ==
          "Five minutes. What do you need?");
    CHECK(renderTraineeText("Thanks. {trainee} will call you.", none) == "Thanks. Will call you.");
    CHECK(renderTraineeText("Hello {trainee}, how are you?", none) == "Hello, how are you?");
    CHECK(renderTraineeText("{trainee}さん、こんにちは。", none) == "こんにちは。");
    CHECK(renderTraineeText("こんにちは、{trainee}様。", none) == "こんにちは。");
    CHECK(renderTraineeText("{trainee.first}, ёмко и ясно.", {"  ", {}}) == "Ёмко и ясно.");
}

TEST_CASE("the first name is the given name, not an initial or a surname before a comma") {
    CHECK(renderTraineeText("{trainee.first}", {"Петрова, Анна", {}}) == "Анна");
    CHECK(renderTraineeText("{trainee.first}", {"J. Smith", {}}) == "J. Smith");
    CHECK(renderTraineeText("{trainee.first}", {"Анна", {}}) == "Анна");
}
