// Who may open the HR and author areas: the one rule, decided here and only asked by the app.
// With a central store the login's PostgreSQL group roles decide (rapport_hr opens HR,
// rapport_trainer the author workspace, rapport_admin both); on a single machine the local
// administrator passphrase does, and never while a trainee is signed in, so a trainee at the
// keyboard has no way in. Verifying the passphrase is the store's job (store/admin_passphrase):
// this file only knows whether it was set and whether it was given.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rapport {

enum class Area { Hr, Author };

// The group roles H-roles creates in the central store (docs/central-store.md).
inline constexpr std::string_view kRoleHr = "rapport_hr";
inline constexpr std::string_view kRoleTrainer = "rapport_trainer";
inline constexpr std::string_view kRoleAdmin = "rapport_admin";

struct RoleSet {
    bool hr = false;
    bool trainer = false;
    bool admin = false;
};

// The roles among `names` (the ones the login holds); other names are ignored.
RoleSet roleSetFromNames(const std::vector<std::string>& names);

struct AccessState {
    // Roles come from the central store's login, not from the passphrase.
    bool centralStore = false;
    // Central store only: the login's roles once read; nullopt while unknown (not read yet, or
    // the server could not be asked).
    std::optional<RoleSet> roles;
    bool passphraseSet = false;       // single machine: an administrator passphrase exists
    bool passphraseUnlocked = false;  // single machine: it was given in this run
    bool traineeSignedIn = false;
};

enum class AccessVerdict {
    Open,             // show the area
    AskPassphrase,    // ask for the administrator passphrase, then decide again
    SetUpPassphrase,  // first use: have the administrator choose one, then open
    Refused,          // not offered, and the route is refused
};

enum class RefusalReason {
    None,
    TraineeSignedIn,  // single machine: a trainee is signed in
    RoleMissing,      // central store: the login lacks the role
    RolesUnknown,     // central store: the roles could not be read
};

struct AccessDecision {
    AccessVerdict verdict = AccessVerdict::Refused;
    RefusalReason reason = RefusalReason::None;
};

AccessDecision decideAccess(Area area, const AccessState& state);

// The area is offered at all (a button in the top bar): anything but Refused.
bool accessOffered(Area area, const AccessState& state);

// Choosing a passphrase: at least this many characters (code points, not bytes).
inline constexpr std::size_t kMinPassphraseLength = 10;

enum class NewPassphraseProblem { None, TooShort, Mismatch };

// `first` and `again` are the two entries of the setup dialog.
NewPassphraseProblem checkNewPassphrase(std::string_view first, std::string_view again);

// How long the next try must wait after `failures` wrong passphrases in a row: none for the
// first two (typing slips), then 1 s doubling to a cap of 60 s, so guessing is slow but a
// person who mistyped is not locked out.
std::int64_t unlockDelayMs(int failures);

}  // namespace rapport
