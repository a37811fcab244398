// The local administrator passphrase: only a salted argon2id hash, in a 0600 file.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <fstream>
#include <iterator>

#include "store/admin_passphrase.hpp"
#include "support/temp_dir.hpp"

using namespace rapport;
using namespace rapport::store;

TEST_CASE("admin passphrase: hashed with argon2id and a fresh salt, verified, never stored plain") {
    const std::string a = hashPassphrase("correct horse battery", PassphraseCost::Minimal);
    const std::string b = hashPassphrase("correct horse battery", PassphraseCost::Minimal);
    CHECK(a.rfind("$argon2id$", 0) == 0);
    CHECK(a != b);  // salted
    CHECK(a.find("correct horse") == std::string::npos);
    CHECK(verifyPassphrase(a, "correct horse battery"));
    CHECK(verifyPassphrase(b, "correct horse battery"));
    CHECK_FALSE(verifyPassphrase(a, "correct horse batterY"));
    CHECK_FALSE(verifyPassphrase(a, ""));
    CHECK_FALSE(verifyPassphrase("not a hash", "correct horse battery"));
    // The real limits (what the app and the CLI use) verify the same way.
    const std::string real = hashPassphrase("пароль администратора");
    CHECK(real.find("m=65536") != std::string::npos);
    CHECK(verifyPassphrase(real, "пароль администратора"));
}

TEST_CASE("admin passphrase: the file is the owner's only and replaced atomically") {
    test::TempDir dir;
    const auto data = dir.path() / "nested" / "rapport";
    CHECK_FALSE(loadAdminPassphraseHash(data));
    const std::string h1 = hashPassphrase("first passphrase", PassphraseCost::Minimal);
    std::string error;
    REQUIRE(saveAdminPassphraseHash(data, h1, &error));
    struct stat st {};
    REQUIRE(::stat(adminPassphrasePath(data).c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK(loadAdminPassphraseHash(data) == h1);

    const std::string h2 = hashPassphrase("second passphrase", PassphraseCost::Minimal);
    REQUIRE(saveAdminPassphraseHash(data, h2, &error));
    CHECK(loadAdminPassphraseHash(data) == h2);
    CHECK_FALSE(std::filesystem::exists(adminPassphrasePath(data).string() + ".tmp"));

    std::ifstream in(adminPassphrasePath(data));
    const std::string text((std::istreambuf_iterator<char>(in)), {});
    CHECK(text.find("second passphrase") == std::string::npos);
}

TEST_CASE("admin passphrase: a damaged file is reported, not taken as none") {
    test::TempDir dir;
    { std::ofstream(adminPassphrasePath(dir.path())) << "hunter2\n"; }
    std::string error;
    CHECK_FALSE(loadAdminPassphraseHash(dir.path(), &error));
    CHECK(error.find("no argon2id passphrase hash") != std::string::npos);

    // A folder that cannot be created: a clear reason, no crash.
    CHECK_FALSE(saveAdminPassphraseHash("/proc/rapport-none", "$argon2id$x", &error));
    CHECK(error.find("/proc/rapport-none") != std::string::npos);
}
