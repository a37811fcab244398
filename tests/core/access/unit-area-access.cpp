// The one rule for who opens HR and author: central roles, or the local passphrase, and never a
// trainee at the keyboard of a single machine.
#include <doctest/doctest.h>

#include "core/access/area_access.hpp"

using namespace rapport;

TEST_CASE(
    "area access: a single machine asks for the passphrase, sets it up first, refuses a trainee") {
    AccessState s;
    CHECK(decideAccess(Area::Hr, s).verdict == AccessVerdict::SetUpPassphrase);
    s.passphraseSet = true;
    CHECK(decideAccess(Area::Hr, s).verdict == AccessVerdict::AskPassphrase);
    CHECK(decideAccess(Area::Author, s).verdict == AccessVerdict::AskPassphrase);
    s.passphraseUnlocked = true;
    CHECK(decideAccess(Area::Hr, s).verdict == AccessVerdict::Open);
    CHECK(decideAccess(Area::Author, s).verdict == AccessVerdict::Open);

    // Even unlocked, a signed-in trainee is refused and not offered the way in.
    s.traineeSignedIn = true;
    for (Area a : {Area::Hr, Area::Author}) {
        const AccessDecision d = decideAccess(a, s);
        CHECK(d.verdict == AccessVerdict::Refused);
        CHECK(d.reason == RefusalReason::TraineeSignedIn);
        CHECK_FALSE(accessOffered(a, s));
    }
    s.passphraseSet = false;
    CHECK(decideAccess(Area::Hr, s).verdict == AccessVerdict::Refused);
}

TEST_CASE("area access: with a central store the login's roles decide, not the passphrase") {
    AccessState s;
    s.centralStore = true;
    s.passphraseSet = true;
    s.passphraseUnlocked = true;  // ignored: the database's roles are the authority
    CHECK(decideAccess(Area::Hr, s).reason == RefusalReason::RolesUnknown);
    CHECK_FALSE(accessOffered(Area::Author, s));

    s.roles = roleSetFromNames({"rapport_trainee_ignored", std::string(kRoleHr)});
    CHECK(decideAccess(Area::Hr, s).verdict == AccessVerdict::Open);
    CHECK(decideAccess(Area::Author, s).reason == RefusalReason::RoleMissing);

    s.roles = roleSetFromNames({"rapport_trainer"});
    CHECK(decideAccess(Area::Hr, s).verdict == AccessVerdict::Refused);
    CHECK(decideAccess(Area::Author, s).verdict == AccessVerdict::Open);

    s.roles = roleSetFromNames({"rapport_admin"});
    s.traineeSignedIn = true;  // the login is the person: a signed-in name changes nothing
    CHECK(decideAccess(Area::Hr, s).verdict == AccessVerdict::Open);
    CHECK(decideAccess(Area::Author, s).verdict == AccessVerdict::Open);

    s.roles = roleSetFromNames({});
    CHECK(decideAccess(Area::Hr, s).reason == RefusalReason::RoleMissing);
    CHECK(decideAccess(Area::Author, s).reason == RefusalReason::RoleMissing);
}

TEST_CASE("area access: a new passphrase needs the minimum length and the same text twice") {
    CHECK(checkNewPassphrase("short", "short") == NewPassphraseProblem::TooShort);
    CHECK(checkNewPassphrase("123456789", "123456789") == NewPassphraseProblem::TooShort);
    CHECK(checkNewPassphrase("1234567890", "1234567890") == NewPassphraseProblem::None);
    CHECK(checkNewPassphrase("1234567890", "1234567891") == NewPassphraseProblem::Mismatch);
    // Counted in characters: nine Cyrillic letters are 18 bytes and still too short.
    CHECK(checkNewPassphrase("пароль123", "пароль123") == NewPassphraseProblem::TooShort);
    CHECK(checkNewPassphrase("пароль1234", "пароль1234") == NewPassphraseProblem::None);
}

TEST_CASE("area access: the wait after wrong passphrases grows and is capped") {
    CHECK(unlockDelayMs(0) == 0);
    CHECK(unlockDelayMs(2) == 0);
    CHECK(unlockDelayMs(3) == 1000);
    CHECK(unlockDelayMs(4) == 2000);
    CHECK(unlockDelayMs(5) == 4000);
    CHECK(unlockDelayMs(9) == 60000);
    CHECK(unlockDelayMs(1000) == 60000);
    for (int n = 1; n < 50; ++n) CHECK(unlockDelayMs(n) >= unlockDelayMs(n - 1));
}
