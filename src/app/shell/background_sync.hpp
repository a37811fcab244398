// The app's automatic sync to the central store: a worker thread runs the same sync as
// `rapport sync` (store/sync_upload.hpp, then the assignments' pull, store/sync_assignments.hpp)
// over the results database, again every little while and
// with a growing wait after a failure, and reads the login's roles (store/central_roles.hpp) on
// the same connection attempt. The frame only ever copies the last status: nothing here blocks
// it. Stopping waits for a connection attempt in progress (at most libpq's connect_timeout).
#pragma once

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "core/access/area_access.hpp"

namespace rapport::app {

struct SyncStatus {
    enum class State {
        Starting,  // the first pass has not finished
        Synced,    // nothing waiting
        Waiting,   // items wait for the next pass (in progress, or the server refused some)
        Error,     // the last pass failed: `error` says why; everything stays waiting
    };
    State state = State::Starting;
    int waiting = 0;    // attempts not yet confirmed by the server
    std::string error;  // why the last pass failed
    // The login's roles, once read (kept when the server later goes away: the login still
    // holds them); `rolesError` when they could not be read yet.
    std::optional<RoleSet> roles;
    std::string rolesError;
    int passes = 0;  // finished passes, for tests and the shell's redraws
    // Assignments added, changed or removed locally by the pulls so far: the library's
    // recommendation is read again when this moves.
    int assignmentsPulled = 0;
};

// What the status line says: "Synced", "3 attempts waiting", "Sync error: …" (rapport::trn).
std::string syncStatusText(const SyncStatus& status);

class BackgroundSync {
public:
    struct Setup {
        std::string localDatabase;  // the outbox: the app's results database
        std::string centralUri;     // postgresql://…
        int intervalMs = 15000;     // between passes that worked
        int firstBackoffMs = 2000;  // after a failed pass; doubled each time
        int maxBackoffMs = 300000;  // cap: a server down for days is tried every 5 min
    };
    explicit BackgroundSync(Setup setup);
    ~BackgroundSync();
    BackgroundSync(const BackgroundSync&) = delete;
    BackgroundSync& operator=(const BackgroundSync&) = delete;

    SyncStatus status() const;
    // Sync soon rather than at the next interval (an attempt was just recorded).
    void wake();

private:
    void run();
    void pass();

    Setup setup_;
    mutable std::mutex mutex_;
    std::condition_variable cv_;
    bool stop_ = false, woken_ = false;
    SyncStatus status_;
    std::thread thread_;  // last: started once everything above exists
};

}  // namespace rapport::app
