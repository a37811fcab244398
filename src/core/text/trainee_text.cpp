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

// The word to address the trainee by. "Петрова, Анна" (surname first, as HR exports write it)
// gives the part after the comma; a first word that is only an initial ("J. Smith") is no name
// to address anyone by, so the whole name is used.
std::string firstName(const std::string& name) {
    std::string_view given = name;
    if (const auto comma = given.find(','); comma != std::string_view::npos)
        given = given.substr(comma + 1);
    const std::size_t begin = given.find_first_not_of(' ');
    if (begin == std::string_view::npos) return {};
    const std::size_t end = given.find(' ', begin);
    const std::string_view word =
        given.substr(begin, end == std::string_view::npos ? std::string_view::npos : end - begin);
    if (!word.empty() && word.back() == '.' && codePoints(word) <= 3) {
        const std::size_t from = name.find_first_not_of(' ');
        const std::size_t to = name.find_last_not_of(' ');
        return name.substr(from, to - from + 1);
    }
    return std::string(word);
}

bool startsWith(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

// Japanese honorifics written after the name: without a name they go too.
constexpr std::string_view kHonorifics[] = {"\u3055\u3093", "\u69d8", "\u304f\u3093", "\u6bbf"};
// Commas that set off a name ("Елена, добрый день", "山田さん、こんにちは").
constexpr std::string_view kCommas[] = {",", "\u3001", "\uff0c"};

bool endsSentence(std::string_view out) {
    while (!out.empty() && (out.back() == ' ' || out.back() == '\n')) out.remove_suffix(1);
    if (out.empty()) return true;
    const char last = out.back();
    return last == '.' || last == '!' || last == '?' || last == '"' || out.ends_with("\u3002") ||
           out.ends_with("\uff01") || out.ends_with("\uff1f") || out.ends_with("\u00bb") ||
           out.ends_with("\u201c") || out.ends_with("\u2014 ") || out.ends_with("\u2014");
}

// The first letter of `s` in upper case, for Latin and Cyrillic (other scripts have none).
void upperFirstLetter(std::string& s, std::size_t at) {
    while (at < s.size() && s[at] == ' ') ++at;
    if (at >= s.size()) return;
    auto b = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    if (b(at) >= 'a' && b(at) <= 'z') {
        s[at] = char(b(at) - 32);
    } else if (at + 1 < s.size() && b(at) == 0xD0 && b(at + 1) >= 0xB0 && b(at + 1) <= 0xBF) {
        s[at + 1] = char(b(at + 1) - 0x20);  // а-п
    } else if (at + 1 < s.size() && b(at) == 0xD1 && b(at + 1) >= 0x80 && b(at + 1) <= 0x8F) {
        s[at] = char(0xD0);  // р-я
        s[at + 1] = char(b(at + 1) + 0x20);
    } else if (at + 1 < s.size() && b(at) == 0xD1 && b(at + 1) == 0x91) {
        s[at] = char(0xD0);  // ё
        s[at + 1] = char(0x81);
    }
}

// A name variable with no name to put in: the sentence is closed up around it rather than
// left with a stray comma (", добрый день!" -> "Добрый день!", "Hello, {trainee}!" ->
// "Hello!"). Returns how much of `rest` (the text after the variable) was taken with it, and
// sets `capitalise` when the sentence now starts at what follows.
std::size_t dropEmptyName(std::string& out, std::string_view rest, bool& capitalise) {
    std::size_t taken = 0;
    for (const auto h : kHonorifics)
        if (startsWith(rest, h)) {
            taken = h.size();
            break;
        }
    const std::string_view after = rest.substr(taken);
    for (const auto comma : kCommas)
        if (startsWith(after, comma) && endsSentence(out)) {
            taken += comma.size();
            while (taken < rest.size() && rest[taken] == ' ') ++taken;
            capitalise = true;
            return taken;
        }
    // Mid-sentence or at its end: the space and comma before the name go, and what follows
    // (" and welcome", "!", ", please") joins what came before.
    while (!out.empty() && out.back() == ' ') out.pop_back();
    for (const auto comma : kCommas)
        if (out.ends_with(comma)) {
            out.resize(out.size() - comma.size());
            break;
        }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    // The name began a sentence without a comma ("Thanks. {trainee} will call"): the next word
    // begins it now.
    if (endsSentence(out) && (after.empty() || after.front() == ' ')) {
        while (taken < rest.size() && rest[taken] == ' ') ++taken;
        if (!out.empty() && taken < rest.size()) out += ' ';
        capitalise = true;
    }
    return taken;
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
    // Where a sentence now begins after a dropped name; capitalised once the text is complete.
    std::vector<std::size_t> sentenceStarts;
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
        if (inner == "trainee" || inner == "trainee.first") {
            const std::string name = inner == "trainee" ? trainee.name : firstName(trainee.name);
            if (name.find_first_not_of(' ') == std::string::npos) {
                bool capitalise = false;
                i = close + dropEmptyName(out, text.substr(close + 1), capitalise);
                if (capitalise) sentenceStarts.push_back(out.size());
                continue;
            }
            out += name;
        } else if (const auto forms = splitForms(inner); forms.size() >= 2) {
            out += trainee.form == GrammaticalForm::Feminine ? forms[1] : forms[0];
        } else {
            out += text.substr(i, close - i + 1);  // unknown: kept as written
        }
        i = close;
    }
    for (const std::size_t at : sentenceStarts) upperFirstLetter(out, at);
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
