#include "store/admin_passphrase.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "store/sqlite_db.hpp"

namespace rapport::store {

namespace fs = std::filesystem;

namespace {

void startSodium() {
    // Safe to call again and from several threads: libsodium returns 1 once it is set up.
    if (sodium_init() < 0) throw StoreError("libsodium could not start", 0);
}

bool looksLikeHash(const std::string& s) { return s.rfind("$argon2id$", 0) == 0; }

}  // namespace

std::string hashPassphrase(std::string_view passphrase, PassphraseCost cost) {
    startSodium();
    char out[crypto_pwhash_STRBYTES];
    const bool minimal = cost == PassphraseCost::Minimal;
    const unsigned long long ops =
        minimal ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE;
    const std::size_t mem =
        minimal ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE;
    if (crypto_pwhash_str(out, passphrase.data(), passphrase.size(), ops, mem) != 0)
        throw StoreError("not enough memory to hash the passphrase", 0);
    return out;
}

bool verifyPassphrase(const std::string& hash, std::string_view passphrase) {
    startSodium();
    if (!looksLikeHash(hash)) return false;
    return crypto_pwhash_str_verify(hash.c_str(), passphrase.data(), passphrase.size()) == 0;
}

fs::path adminPassphrasePath(const fs::path& dataDir) { return dataDir / "admin-passphrase"; }

std::optional<std::string> loadAdminPassphraseHash(const fs::path& dataDir, std::string* error) {
    const fs::path path = adminPassphrasePath(dataDir);
    std::error_code ec;
    if (!fs::exists(path, ec)) return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    std::string line;
    if (!in || !std::getline(in, line)) {
        if (error) *error = path.string() + " cannot be read";
        return std::nullopt;
    }
    if (!looksLikeHash(line) || line.size() >= crypto_pwhash_STRBYTES) {
        if (error) *error = path.string() + " holds no argon2id passphrase hash";
        return std::nullopt;
    }
    return line;
}

bool saveAdminPassphraseHash(const fs::path& dataDir, const std::string& hash, std::string* error) {
    auto fail = [&](const std::string& what) {
        if (error) *error = what;
        return false;
    };
    std::error_code ec;
    fs::create_directories(dataDir, ec);
    if (ec) return fail("cannot create " + dataDir.string() + ": " + ec.message());
    const fs::path path = adminPassphrasePath(dataDir);
    const fs::path tmp = path.string() + ".tmp";
    ::unlink(tmp.c_str());  // a leftover of a crash; O_EXCL below then makes it ours, 0600
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return fail("cannot write " + tmp.string() + ": " + std::strerror(errno));
    const std::string text = hash + "\n";
    const bool ok = ::write(fd, text.data(), text.size()) == ssize_t(text.size()) &&
                    ::fchmod(fd, 0600) == 0 && ::fsync(fd) == 0;
    const int saved = errno;
    ::close(fd);
    if (!ok || ::rename(tmp.c_str(), path.c_str()) != 0) {
        const std::string why = std::strerror(ok ? errno : saved);
        ::unlink(tmp.c_str());
        return fail("cannot write " + path.string() + ": " + why);
    }
    if (const int dir = ::open(dataDir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
    return true;
}

}  // namespace rapport::store
