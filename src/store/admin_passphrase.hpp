// The local administrator passphrase of a single machine (core/access/area_access.hpp decides
// what it opens): kept only as a salted argon2id hash from libsodium (crypto_pwhash_str), in a
// file of its own beside the remembered sign-in, readable by its owner only (0600). The
// passphrase itself is never written anywhere.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace rapport::store {

enum class PassphraseCost {
    Interactive,  // libsodium's interactive limits (64 MiB, a fraction of a second): real use
    Minimal,      // libsodium's minimum: tests only, where hundreds of hashes must be quick
};

// The argon2id string (algorithm, limits, salt and hash). Throws StoreError when libsodium
// cannot start or runs out of memory.
std::string hashPassphrase(std::string_view passphrase,
                           PassphraseCost cost = PassphraseCost::Interactive);
// True when `passphrase` matches `hash` (whatever limits the hash was made with).
bool verifyPassphrase(const std::string& hash, std::string_view passphrase);

// dataDir / "admin-passphrase".
std::filesystem::path adminPassphrasePath(const std::filesystem::path& dataDir);

// The stored hash; nullopt when none was set. A file that is unreadable or holds no argon2id
// hash also gives nullopt, with the reason in `error` when given.
std::optional<std::string> loadAdminPassphraseHash(const std::filesystem::path& dataDir,
                                                   std::string* error = nullptr);

// Replaces the stored hash atomically (a 0600 temporary file, fsync, rename), creating the
// folder if needed. False with the reason in `error` on failure.
bool saveAdminPassphraseHash(const std::filesystem::path& dataDir, const std::string& hash,
                             std::string* error = nullptr);

}  // namespace rapport::store
