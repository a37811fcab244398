#include "core/diagnostics/did_you_mean.hpp"

#include <algorithm>

#include "core/translation/ui_format.hpp"
#include "core/translation/ui_text.hpp"

namespace rapport {

namespace {

// Optimal string alignment distance (Levenshtein plus adjacent transpositions), which catches
// the commonest typo, two swapped letters, as one edit.
std::size_t editDistance(std::string_view a, std::string_view b) {
    const std::size_t n = a.size(), m = b.size();
    std::vector<std::size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
    for (std::size_t j = 0; j <= m; ++j) prev[j] = j;
    for (std::size_t i = 1; i <= n; ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= m; ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                cur[j] = std::min(cur[j], prev2[j - 2] + 1);
        }
        prev2.swap(prev);
        prev.swap(cur);
    }
    return prev[m];
}

}  // namespace

std::optional<std::string> closestMatch(std::string_view word,
                                        const std::vector<std::string>& candidates) {
    // Long inputs are not typos of short names; bounding the length also bounds the work.
    if (word.empty() || word.size() > 128) return std::nullopt;
    const std::size_t limit = std::max<std::size_t>(1, word.size() / 3);
    std::optional<std::string> best;
    std::size_t bestDistance = limit + 1;
    for (const auto& c : candidates) {
        if (c == word || c.size() > word.size() + limit || c.size() + limit < word.size()) continue;
        const std::size_t d = editDistance(word, c);
        if (d < bestDistance) {
            bestDistance = d;
            best = c;
        }
    }
    return best;
}

std::string didYouMean(std::string_view word, const std::vector<std::string>& candidates) {
    auto m = closestMatch(word, candidates);
    // Appended to a sentence, so the translation brings its own leading space (or none).
    return m ? uiFormat(tr(" (did you mean \"{name}\"?)"), {{"name", *m}}) : std::string();
}

}  // namespace rapport
