// "Did you mean …?" hints for misspelled node ids, variables, keys and indicators.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rapport {

// The candidate closest to `word` by edit distance, if it is close enough to be a likely typo
// (distance at most max(1, len/3)). Ties go to the first candidate.
std::optional<std::string> closestMatch(std::string_view word,
                                        const std::vector<std::string>& candidates);

// " (did you mean \"x\"?)" or "" — ready to append to a message.
std::string didYouMean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace rapport
