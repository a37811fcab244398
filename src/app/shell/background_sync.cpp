#include "app/shell/background_sync.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>

#include "core/translation/ui_text.hpp"
#include "store/central_roles.hpp"
#include "store/pg_db.hpp"
#include "store/results_store.hpp"
#include "store/sync_assignments.hpp"
#include "store/sync_outbox.hpp"
#include "store/sync_upload.hpp"

namespace rapport::app {

namespace {

// libpq's messages span lines (a hint on the second); the status line shows one.
std::string oneLine(const std::string& text) {
    std::string out;
    for (char c : text) {
        const bool space = c == '\n' || c == '\r' || c == '\t' || c == ' ';
        if (space && (out.empty() || out.back() == ' ')) continue;
        out += space ? ' ' : c;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

}  // namespace

std::string syncStatusText(const SyncStatus& s) {
    char buf[1024];
    switch (s.state) {
        case SyncStatus::State::Starting:
            return tr("Central store: connecting…");
        case SyncStatus::State::Synced:
            return tr("Central store: synced");
        case SyncStatus::State::Waiting:
            std::snprintf(
                buf, sizeof buf,
                trn("Central store: %lu attempt waiting", "Central store: %lu attempts waiting",
                    static_cast<unsigned long>(s.waiting)),
                static_cast<unsigned long>(s.waiting));
            return buf;
        case SyncStatus::State::Error:
            std::snprintf(buf, sizeof buf,
                          trn("Central store: %lu attempt waiting; sync error: %s",
                              "Central store: %lu attempts waiting; sync error: %s",
                              static_cast<unsigned long>(s.waiting)),
                          static_cast<unsigned long>(s.waiting), s.error.c_str());
            return buf;
    }
    return {};
}

BackgroundSync::BackgroundSync(Setup setup)
    : setup_(std::move(setup)), thread_([this] { run(); }) {}

BackgroundSync::~BackgroundSync() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    cv_.notify_all();
    thread_.join();
}

SyncStatus BackgroundSync::status() const {
    std::lock_guard lock(mutex_);
    return status_;
}

void BackgroundSync::wake() {
    {
        std::lock_guard lock(mutex_);
        woken_ = true;
    }
    cv_.notify_all();
}

void BackgroundSync::run() {
    int backoff = setup_.firstBackoffMs;
    std::unique_lock lock(mutex_);
    while (!stop_) {
        // Cleared before the pass, not after it: a wake() while the pass runs (an attempt
        // recorded meanwhile) asks for one more pass at once instead of being lost.
        woken_ = false;
        lock.unlock();
        pass();
        lock.lock();
        const bool failed = status_.state == SyncStatus::State::Error;
        const int waitMs = failed ? backoff : setup_.intervalMs;
        backoff = failed ? std::min(backoff * 2, setup_.maxBackoffMs) : setup_.firstBackoffMs;
        cv_.wait_for(lock, std::chrono::milliseconds(waitMs), [this] { return stop_ || woken_; });
    }
}

void BackgroundSync::pass() {
    SyncStatus next;
    {
        std::lock_guard lock(mutex_);
        next = status_;
    }
    ++next.passes;
    try {
        // Roles first, on a connection of their own: they open HR and author even while the
        // outbox is empty.
        try {
            store::PgConnection c(setup_.centralUri);
            next.roles = roleSetFromNames(store::heldRapportRoles(c));
            next.rolesError.clear();
        } catch (const store::PgError& e) {
            if (!next.roles) next.rolesError = oneLine(e.what());
        }
        std::error_code ec;
        if (!std::filesystem::exists(setup_.localDatabase, ec)) {
            // Nothing recorded yet on this desktop: nothing to send.
            next.waiting = 0;
            next.state =
                next.rolesError.empty() ? SyncStatus::State::Synced : SyncStatus::State::Error;
            next.error = next.rolesError;
        } else {
            store::ResultsStore local(setup_.localDatabase);
            store::SyncOptions options;
            options.retries = 1;  // this loop backs off itself, for days if need be
            const store::SyncResult r =
                store::syncOutbox(local.database(), setup_.centralUri, options);
            next.waiting = store::pendingCounts(local.database()).total();
            // The trainers' assignments for this desktop's trainees, for the library's
            // recommendation while offline (store/sync_assignments.hpp).
            store::PullResult pulled;
            if (!r.unreachable) pulled = store::pullAssignments(local, setup_.centralUri);
            next.assignmentsPulled +=
                pulled.changes.added + pulled.changes.updated + pulled.changes.removed;
            if (r.unreachable) {
                next.state = SyncStatus::State::Error;
                next.error = oneLine(r.error);
            } else if (!r.refused.empty()) {
                next.state = SyncStatus::State::Error;
                next.error = oneLine(r.refused.front().message);
            } else if (pulled.failed) {
                next.state = SyncStatus::State::Error;
                next.error = oneLine(pulled.error);
            } else {
                next.state = next.waiting ? SyncStatus::State::Waiting : SyncStatus::State::Synced;
                next.error.clear();
            }
        }
    } catch (const std::exception& e) {
        // A local database failure: reported, retried with the same backoff.
        next.state = SyncStatus::State::Error;
        next.error = oneLine(e.what());
    }
    std::lock_guard lock(mutex_);
    status_ = std::move(next);
}

}  // namespace rapport::app
