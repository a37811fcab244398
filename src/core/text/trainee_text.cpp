#include "core/text/trainee_text.hpp"

namespace rapport {

namespace {

std::size_t codePoints(std::string_view s) {
    std::size_t n = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

std::vector<std::string_view> splitForms(std::string_view inner) {
    std::vector<std::string_view> out;
    std::size_t from = 0;
    for (std::size_t i = 0; i <= inner.size(); ++i)
        if (i == inner.size() || inner[i] == '|') {
            out.push_back(inner.substr(from, i - from));
            from = i + 1;
        }
    return out;
}

std::string firstName(const std::string& name) {
    const std::size_t begin = name.find_first_not_of(' ');
    if (begin == std::string::npos) return {};
    const std::size_t end = name.find(' ', begin);
    return name.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
}

}  // namespace

const char* grammaticalFormName(GrammaticalForm form) {
    switch (form) {
        case GrammaticalForm::Masculine:
            return "masculine";
        case GrammaticalForm::Feminine:
            return "feminine";
        case GrammaticalForm::Neutral:
            break;
    }
    return "neutral";
}

std::optional<GrammaticalForm> parseGrammaticalForm(std::string_view name) {
    if (name == "neutral") return GrammaticalForm::Neutral;
    if (name == "masculine") return GrammaticalForm::Masculine;
    if (name == "feminine") return GrammaticalForm::Feminine;
    return std::nullopt;
}

bool hasTraineeVariables(std::string_view text) {
    return text.find('{') != std::string_view::npos || text.find('}') != std::string_view::npos;
}

std::string renderTraineeText(std::string_view text, const TraineeForms& trainee) {
    if (!hasTraineeVariables(text)) return std::string(text);
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
            out += c;
            ++i;
            continue;
        }
        if (c != '{') {
            out += c;
            continue;
        }
        const std::size_t close = text.find('}', i + 1);
        const std::size_t reopen = text.find('{', i + 1);
        if (close == std::string_view::npos ||
            (reopen != std::string_view::npos && reopen < close)) {
            out += c;  // unbalanced: kept as written
            continue;
        }
        const std::string_view inner = text.substr(i + 1, close - i - 1);
        if (inner == "trainee") {
            out += trainee.name;
        } else if (inner == "trainee.first") {
            out += firstName(trainee.name);
        } else if (const auto forms = splitForms(inner); forms.size() >= 2) {
            out += trainee.form == GrammaticalForm::Feminine ? forms[1] : forms[0];
        } else {
            out += text.substr(i, close - i + 1);  // unknown: kept as written
        }
        i = close;
    }
    return out;
}

std::vector<TraineeTextProblem> checkTraineeText(std::string_view text) {
    std::vector<TraineeTextProblem> out;
    if (!hasTraineeVariables(text)) return out;
    using Kind = TraineeTextProblem::Kind;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
            ++i;
            continue;
        }
        const std::size_t at = codePoints(text.substr(0, i));
        if (c == '}') {
            out.push_back({Kind::Unbalanced, at,
                           "'}' closes nothing: a text variable opens with '{' (write }} for a "
                           "literal brace)"});
            continue;
        }
        if (c != '{') continue;
        const std::size_t close = text.find('}', i + 1);
        const std::size_t reopen = text.find('{', i + 1);
        if (close == std::string_view::npos ||
            (reopen != std::string_view::npos && reopen < close)) {
            out.push_back({Kind::Unbalanced, at,
                           "'{' is not closed: a text variable ends with '}' (write {{ for a "
                           "literal brace)"});
            continue;
        }
        const std::string_view inner = text.substr(i + 1, close - i - 1);
        const auto forms = splitForms(inner);
        if (forms.size() == 1) {
            if (inner != "trainee" && inner != "trainee.first")
                out.push_back({Kind::UnknownVariable, at,
                               "unknown text variable {" + std::string(inner) +
                                   "}: the variables are {trainee}, {trainee.first} and "
                                   "{masculine|feminine} forms"});
        } else if (forms.size() != 2) {
            out.push_back({Kind::FormCount, at,
                           "{" + std::string(inner) + "} gives " + std::to_string(forms.size()) +
                               " forms: a gendered word has exactly two, {masculine|feminine}"});
        } else if (forms[0].empty() || forms[1].empty()) {
            out.push_back({Kind::FormCount, at,
                           "{" + std::string(inner) +
                               "} leaves a form empty: write both, {masculine|feminine}"});
        }
        i = close;
    }
    return out;
}

std::string escapeTraineeText(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        out += c;
        if (c == '{' || c == '}') out += c;
    }
    return out;
}

}  // namespace rapport
