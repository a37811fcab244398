// The central side of `rapport sync`: uploads the outbox (sync_outbox.hpp) to PostgreSQL. A
// batch of attempts goes in one transaction, keyed by UUID (INSERT … ON CONFLICT), so a re-sent
// attempt or decision changes nothing and an attempt is never half there. A lost connection is
// retried with exponential backoff; an item the server refuses is reported and the others still go.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "store/pg_db.hpp"
#include "store/sqlite_db.hpp"
#include "store/sync_outbox.hpp"

namespace rapport::store {

struct SyncOptions {
    int retries = 6;           // reconnect attempts after a lost connection, per item
    int firstBackoffMs = 200;  // wait before the first retry; doubled each time
    int maxBackoffMs = 30000;  // cap on one wait
    // Attempts per server transaction (and per local confirmation). Each batch costs a few
    // round trips and two commits whatever its size (bench/bench_sync.cpp).
    int batchSize = 500;
    // Called after each attempt the server confirmed (tests cut the server mid-sync with it).
    std::function<void(int confirmed)> onConfirmed;
};

struct SyncFailure {
    std::string attemptUid;
    std::string message;
};

struct SyncResult {
    int confirmed = 0;                  // attempts the server confirmed in this run
    int reconnects = 0;                 // connections lost and made again
    std::vector<SyncFailure> refused;   // items the server (or the NUL check) refused
    int scenarioTextsSent = 0;          // scenario versions the server did not have yet
    std::size_t scenarioTextBytes = 0;  // their size: a version goes once, never again
    bool unreachable = false;           // gave up: the server could not be reached
    std::string error;                  // why, when unreachable
};

struct UploadStats {
    bool scenarioTextSent = false;  // the played version's text went with it
    std::size_t scenarioTextBytes = 0;
};

// Uploads one attempt, its new decisions and (when the server lacks it) the text of the version
// played, in one transaction. Throws PgError.
UploadStats uploadAttempt(PgConnection& c, const OutboxAttempt& a);

// Uploads every pending attempt of `local` to the server at `uri`, `batchSize` attempts per
// transaction (a batch the server refuses is retried one attempt at a time). Never throws PgError:
// a server that stays unreachable ends the run with `unreachable` set and the rest still pending.
// Throws StoreError for a local database failure.
SyncResult syncOutbox(Database& local, const std::string& uri, const SyncOptions& options = {});

}  // namespace rapport::store
