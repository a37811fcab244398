// The order a node's replies are shown in during an attempt. A stored attempt is replayed and
// re-scored from its seed, so the order is a fixed function of (seed, node id) that must give the
// same permutation on every platform, compiler and release, for ever.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace rapport {

enum class ReplyOrder {
    Authored,  // file order whatever the seed: attempts and transcripts made before shuffling
    Seeded     // shuffled per node from the attempt's seed (seed 0: file order)
};

// "authored" / "seeded", as transcripts and the results store spell them.
const char* replyOrderName(ReplyOrder order);
std::optional<ReplyOrder> parseReplyOrder(std::string_view name);

// The permutation of a node's `count` replies under `seed`: element k is the index (into the
// node's choices, file order) of the reply shown k-th when every reply is shown; a subset keeps
// the relative order of this full permutation, so a hub does not jump about between visits and
// a once-reply already taken just drops out. Seed 0 gives the identity (authored order). Defined
// exactly, never by the standard library's shuffles (their output is implementation-defined):
// the node id is hashed with 64-bit FNV-1a, splitmix64 is seeded with (seed XOR hash), and a
// Fisher–Yates pass from the last element down swaps element i with element
// (next splitmix64 output) mod (i + 1).
std::vector<int> replyPermutation(std::uint64_t seed, std::string_view nodeId, int count);
// The same into `out` (resized to `count`), for callers that keep a buffer.
void replyPermutation(std::uint64_t seed, std::string_view nodeId, int count,
                      std::vector<int>& out);

// The same from the node id's FNV-1a hash (replyOrderHash), which the play table keeps per node
// so play does not read the id's text on every visit.
std::uint64_t replyOrderHash(std::string_view nodeId);
void replyPermutationFromHash(std::uint64_t seed, std::uint64_t nodeIdHash, int count,
                              std::vector<int>& out);
// A seed for a new attempt, drawn from std::random_device: never 0 (which would show the
// authored order) and below 2^53, so every JSON reader keeps it exact.
std::uint64_t freshAttemptSeed();

}  // namespace rapport
