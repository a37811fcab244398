// Text variables in scenario lines and replies (docs/scenario-format.md, "The trainee's name and
// grammatical form"): {trainee} and {trainee.first} for the trainee's name, {masculine|feminine}
// for words that agree with the trainee's grammatical gender ("{понял|поняла}"), {{ and }} for
// literal braces. One renderer for every front end, so the app, `rapport play` and transcripts
// show the same words.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rapport {

// Neutral: the trainee chose no form; a {a|b} then reads its first form, which the author
// writes as the one that reads best without knowing the trainee (docs/scenario-format.md).
enum class GrammaticalForm { Neutral, Masculine, Feminine };

const char* grammaticalFormName(GrammaticalForm form);  // "neutral" | "masculine" | "feminine"
std::optional<GrammaticalForm> parseGrammaticalForm(std::string_view name);

struct TraineeForms {
    std::string name;  // as the trainee signed in; "" renders {trainee} as nothing
    GrammaticalForm form = GrammaticalForm::Neutral;
};

// `text` with its variables replaced. Text that breaks the syntax (checkTraineeText) is
// rendered as far as it can be: a stray brace stays as written, so a line is never lost.
std::string renderTraineeText(std::string_view text, const TraineeForms& trainee);

// True when `text` uses a variable or an escaped brace, i.e. rendering can change it.
bool hasTraineeVariables(std::string_view text);

// `text` with every brace doubled, so it renders as written: what an importer writes when its
// source's braces are not Rapport's variables (a Twine passage's "{", Harlowe's collapsing).
std::string escapeTraineeText(std::string_view text);

struct TraineeTextProblem {
    enum class Kind { Unbalanced, UnknownVariable, FormCount };
    Kind kind = Kind::Unbalanced;
    std::size_t codePoint = 0;  // where in the text, counted in code points
    std::string message;
};

// Every syntax problem of `text`: a '{' without its '}' (or the reverse), a {name} that is not
// a known variable, a {a|b} with other than two forms.
std::vector<TraineeTextProblem> checkTraineeText(std::string_view text);

}  // namespace rapport
