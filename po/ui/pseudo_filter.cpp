// The msgfilter filter that makes the pseudo-language "qps" (docs/translation.md, "Pseudo-
// language"): every Latin letter accented, the text 40 % longer and in brackets, so a test can
// tell a translated string from one that bypassed the catalogue and see which layouts break when
// a translation runs long. Placeholders ({name}, printf and strftime conversions), line breaks
// and ImGui ids ("##…", "###…") are kept exactly, or the program would misbehave in qps.
// Reads one msgstr on stdin, writes it transformed on stdout.
#include <cstdio>
#include <iostream>
#include <iterator>
#include <string>
#include <string_view>

namespace {

// Latin-1 look-alikes only: the default font ranges hold them, and they stay readable.
std::string_view accented(char c) {
    switch (c) {
        case 'a':
            return "á";
        case 'e':
            return "é";
        case 'i':
            return "î";
        case 'o':
            return "ö";
        case 'u':
            return "ü";
        case 'c':
            return "ç";
        case 'n':
            return "ñ";
        case 'y':
            return "ý";
        case 'A':
            return "Å";
        case 'E':
            return "É";
        case 'I':
            return "Î";
        case 'O':
            return "Ö";
        case 'U':
            return "Û";
        case 'C':
            return "Ç";
        case 'N':
            return "Ñ";
        case 'Y':
            return "Ý";
        default:
            return {};
    }
}

// Length of a printf or strftime conversion at `text[i]` == '%', or 0.
std::size_t conversion(std::string_view text, std::size_t i) {
    std::size_t j = i + 1;
    while (j < text.size() &&
           std::string_view("-+ #0123456789.*'hlLqjzt").find(text[j]) != std::string_view::npos)
        ++j;
    if (j < text.size() && ((text[j] >= 'a' && text[j] <= 'z') ||
                            (text[j] >= 'A' && text[j] <= 'Z') || text[j] == '%'))
        return j + 1 - i;
    return 0;
}

}  // namespace

int main() {
    const std::string in((std::istreambuf_iterator<char>(std::cin)),
                         std::istreambuf_iterator<char>());
    std::string_view text(in);
    // The ImGui id part is not shown and must not change.
    std::string_view tail;
    if (const auto id = text.find("##"); id != std::string_view::npos) {
        tail = text.substr(id);
        text = text.substr(0, id);
    }
    std::string out;
    std::size_t shown = 0;  // characters a reader sees, for the 40 %
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        if (c == '{') {
            if (const auto close = text.find('}', i); close != std::string_view::npos) {
                out.append(text.substr(i, close + 1 - i));
                shown += 4;  // a name or number will stand there
                i = close + 1;
                continue;
            }
        }
        if (c == '%') {
            if (const auto n = conversion(text, i)) {
                out.append(text.substr(i, n));
                shown += 4;
                i += n;
                continue;
            }
        }
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++shown;
        if (const auto a = accented(c); !a.empty())
            out.append(a);
        else
            out.push_back(c);
        ++i;
    }
    // Leading and trailing newlines stay outside the brackets, so printf output keeps its lines
    // (and msgfmt --check its rule that both begin and end alike).
    std::size_t lead = 0;
    while (lead < out.size() && out[lead] == '\n') ++lead;
    const std::string start = out.substr(0, lead);
    out.erase(0, lead);
    std::string end;
    while (!out.empty() && out.back() == '\n') {
        end.push_back('\n');
        out.pop_back();
    }
    const std::size_t pad = (shown * 4 + 9) / 10;
    std::string padded = start + "[" + out + " " + std::string(pad > 1 ? pad - 1 : 0, '~') + "]";
    std::fwrite(padded.data(), 1, padded.size(), stdout);
    std::fwrite(end.data(), 1, end.size(), stdout);
    std::fwrite(tail.data(), 1, tail.size(), stdout);
    return 0;
}
