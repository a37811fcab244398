// `rapport admin passphrase`: IT sets and checks the local administrator passphrase from stdin,
// with the documented exit codes; the file holds only the argon2id hash.
#include <doctest/doctest.h>

#include "store/admin_passphrase.hpp"
#include "support/build_paths.hpp"
#include "support/files.hpp"
#include "support/run_command.hpp"
#include "support/temp_dir.hpp"

using namespace rapport;

namespace {

test::CommandResult admin(const std::string& args, const std::string& input) {
    return test::runCommand(test::shellQuoted(RAPPORT_CLI_PATH) + " admin passphrase " + args,
                            input);
}

}  // namespace

TEST_CASE("cli admin passphrase: set from stdin, check right and wrong, exit codes") {
    test::TempDir dir;
    const std::string at = " --data-dir " + test::shellQuoted(dir.path().string());
    CHECK(admin("--check" + at, "anything at all\n").exitCode == 1);  // none set yet
    const auto shortOne = admin("--set" + at, "too short\n");
    CHECK(shortOne.exitCode == 2);
    CHECK(shortOne.err.find("at least 10 characters") != std::string::npos);
    CHECK_FALSE(store::loadAdminPassphraseHash(dir.path()));

    CHECK(admin("--set" + at, "it department secret\n").exitCode == 0);
    const std::string stored = test::readText(store::adminPassphrasePath(dir.path()));
    CHECK(stored.rfind("$argon2id$", 0) == 0);
    CHECK(stored.find("secret") == std::string::npos);

    CHECK(admin("--check" + at, "it department secret\n").exitCode == 0);
    const auto wrong = admin("--check" + at, "it department secreT\n");
    CHECK(wrong.exitCode == 1);
    CHECK(wrong.err.find("does not match") != std::string::npos);

    CHECK(admin("--check" + at, "").exitCode == 2);               // nothing on stdin
    CHECK(admin("--set --check" + at, "x\n").exitCode == 2);      // one of the two
    CHECK(admin("it-department-secret" + at, "").exitCode == 2);  // never from argv
    CHECK(admin("--help", "").exitCode == 0);
}
