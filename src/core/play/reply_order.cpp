#include "core/play/reply_order.hpp"

#include <numeric>
#include <random>
#include <utility>

namespace rapport {

namespace {

std::uint64_t fnv1a64(std::string_view text) {
    std::uint64_t h = 0xcbf29ce484222325ull;
    for (const char c : text) {
        h ^= std::uint64_t(static_cast<unsigned char>(c));
        h *= 0x100000001b3ull;
    }
    return h;
}

// splitmix64 (Steele, Lea and Flood): every step and constant fixed, so stored seeds replay.
std::uint64_t splitmix64(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

}  // namespace

const char* replyOrderName(ReplyOrder order) {
    return order == ReplyOrder::Seeded ? "seeded" : "authored";
}

std::optional<ReplyOrder> parseReplyOrder(std::string_view name) {
    if (name == "seeded") return ReplyOrder::Seeded;
    if (name == "authored") return ReplyOrder::Authored;
    return std::nullopt;
}

std::uint64_t replyOrderHash(std::string_view nodeId) { return fnv1a64(nodeId); }

void replyPermutation(std::uint64_t seed, std::string_view nodeId, int count,
                      std::vector<int>& out) {
    replyPermutationFromHash(seed, fnv1a64(nodeId), count, out);
}

void replyPermutationFromHash(std::uint64_t seed, std::uint64_t nodeIdHash, int count,
                              std::vector<int>& out) {
    out.resize(std::size_t(count < 0 ? 0 : count));
    std::iota(out.begin(), out.end(), 0);
    if (seed == 0 || count < 2) return;
    std::uint64_t state = seed ^ nodeIdHash;
    for (int i = count - 1; i > 0; --i) {
        // Plain modulo: its bias is below 2^-58 for the handful of replies a node has, and it
        // is the one reduction every platform computes alike.
        const auto j = std::size_t(splitmix64(state) % std::uint64_t(i + 1));
        std::swap(out[std::size_t(i)], out[j]);
    }
}

std::vector<int> replyPermutation(std::uint64_t seed, std::string_view nodeId, int count) {
    std::vector<int> out;
    replyPermutation(seed, nodeId, count, out);
    return out;
}

std::uint64_t freshAttemptSeed() {
    std::random_device device;
    for (;;) {
        // 53 bits: every JSON reader (a JavaScript bot's included) keeps the seed exact.
        const std::uint64_t seed =
            (std::uint64_t(device()) << 32 | std::uint64_t(device())) & ((1ull << 53) - 1);
        if (seed != 0) return seed;
    }
}

}  // namespace rapport
