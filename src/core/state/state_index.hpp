// A hash index from keys to dense ids 0, 1, 2, ... for searches that store their keys
// themselves (the state-space search keeps every state in one flat array). The index holds only
// each key's hash and id, so a lookup that finds a known key allocates nothing and touches one
// slot plus the stored key it is compared with.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace rapport {

// Hash of a run of 64-bit words: cheap per word (keys are a handful of words), with a full
// avalanche at the end so the low bits that pick a slot depend on every word.
inline std::uint64_t hashWords(std::uint64_t seed, std::span<const std::int64_t> words) {
    std::uint64_t h = seed * 0x9E3779B97F4A7C15ull;
    for (const std::int64_t w : words) {
        h = (h ^ static_cast<std::uint64_t>(w)) * 0xBF58476D1CE4E5B9ull;
        h ^= h >> 31;
    }
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDull;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53ull;
    h ^= h >> 33;
    return h;
}

class StateIndex {
public:
    // The id of the key with this hash for which `sameAs(id)` holds; when there is none, records
    // `fresh` under the hash and returns it (the caller then stores the key as id `fresh`).
    template <class SameAs>
    int findOrInsert(std::uint64_t hash, int fresh, SameAs&& sameAs) {
        if ((count_ + 1) * 2 > slots_.size()) grow();
        const std::uint64_t tag = hash >> 32;
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t i = std::size_t(tag) & mask;; i = (i + 1) & mask) {
            const std::uint64_t slot = slots_[i];
            if (slot == 0) {
                slots_[i] = (tag << 32) | (std::uint64_t(fresh) + 1);
                ++count_;
                return fresh;
            }
            // The stored tag rules out nearly every other key before its words are read.
            if ((slot >> 32) == tag && sameAs(int((slot & 0xFFFFFFFFu) - 1)))
                return int((slot & 0xFFFFFFFFu) - 1);
        }
    }

    // Starts loading the slot a lookup of `hash` will read first, so that several lookups'
    // cache misses overlap. Only a hint: the table may grow before the lookup.
    void prefetch(std::uint64_t hash) const {
        if (!slots_.empty())
            __builtin_prefetch(&slots_[std::size_t(hash >> 32) & (slots_.size() - 1)]);
    }

private:
    // Slot = hash tag (high 32 bits) | id + 1 (low 32 bits); 0 = empty. Linear probing at most
    // half full; the tag also places the slot, so growing needs no key.
    void grow() {
        std::vector<std::uint64_t> old(slots_.empty() ? 1024 : slots_.size() * 2, 0);
        old.swap(slots_);
        const std::size_t mask = slots_.size() - 1;
        for (const std::uint64_t slot : old) {
            if (slot == 0) continue;
            std::size_t i = std::size_t(slot >> 32) & mask;
            while (slots_[i] != 0) i = (i + 1) & mask;
            slots_[i] = slot;
        }
    }

    std::vector<std::uint64_t> slots_;
    std::size_t count_ = 0;
};

}  // namespace rapport
