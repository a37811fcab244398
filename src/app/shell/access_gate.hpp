// The door to the HR and author areas. The rule is core's (core/access/area_access.hpp); this
// holds what it is asked about — the central login's roles, whether the local administrator
// passphrase is set and was given — and the dialog that sets it up at first use or asks for it,
// with the growing wait after wrong tries. The passphrase is checked by the store
// (store/admin_passphrase.hpp); only its argon2id hash is ever kept.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "app/shell/screen_context.hpp"
#include "core/access/area_access.hpp"
#include "core/play/clock.hpp"

namespace rapport::app {

class AccessGate {
public:
    // `dataDir`: where the passphrase's hash is kept (store/admin_passphrase.hpp).
    AccessGate(std::filesystem::path dataDir, const Clock& clock);

    // With a central store, the login's roles decide instead of the passphrase; `roles` nullopt
    // when they could not be read, with the reason in `error`.
    void useCentralRoles(std::optional<RoleSet> roles, std::string error = {});

    AccessState state(bool traineeSignedIn) const;
    bool allows(Area area, bool traineeSignedIn) const {
        return decideAccess(area, state(traineeSignedIn)).verdict == AccessVerdict::Open;
    }
    bool offers(Area area, bool traineeSignedIn) const {
        return accessOffered(area, state(traineeSignedIn));
    }

    // Opens the area through `open` now when allowed; else asks for (or sets up) the passphrase
    // and opens it after, or explains the refusal in notice().
    void request(Area area, bool traineeSignedIn, std::function<void()> open);

    // Checks `passphrase` against the stored hash; true unlocks both areas for this run. A wrong
    // one counts towards the wait (core unlockDelayMs); during the wait nothing is checked.
    bool unlock(const std::string& passphrase);
    // Forgets the unlock: a trainee signed in.
    void lock() { unlocked_ = false; }
    bool dialogShowing() const { return mode_ != Mode::Closed; }
    // What the dialog says under its fields: what went wrong, or how long the next try waits.
    std::string dialogMessage() const;

    // Why the last request was refused ("" when it was not).
    const std::string& notice() const { return notice_; }
    void dismissNotice() { notice_.clear(); }

    // The setup or unlock dialog, when one is asked for.
    void Draw(const ScreenContext& ctx);

private:
    enum class Mode { Closed, SetUp, Unlock };
    void close();
    void finish();  // unlocked: runs what was asked for
    void submitSetUp();
    void DrawSetUp(const ScreenContext& ctx);
    void DrawUnlock(const ScreenContext& ctx);

    std::filesystem::path dataDir_;
    const Clock& clock_;
    bool central_ = false;
    std::optional<RoleSet> roles_;
    std::string rolesError_;
    std::optional<std::string> hash_;
    bool brokenFile_ = false;  // the hash file is there but unreadable
    bool unlocked_ = false;
    int failures_ = 0;
    std::int64_t retryAtMs_ = 0;

    Mode mode_ = Mode::Closed;
    std::function<void()> pending_;
    std::string first_, again_;  // the dialog's fields
    std::string message_;        // what the dialog says went wrong
    bool focus_ = false;
    std::string notice_;
};

}  // namespace rapport::app
