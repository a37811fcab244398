// `rapport sync`: uploads the desktop's results database (the outbox) to the central
// PostgreSQL store and pulls the assignments for its trainees back, or with --status says what
// is waiting. docs/central-store.md.
#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>

#include "cli/cli_verbs.hpp"
#include "core/translation/ui_format.hpp"
#include "core/translation/ui_text.hpp"
#include "store/database_path.hpp"
#include "store/pg_target.hpp"
#include "store/results_store.hpp"
#include "store/sync_assignments.hpp"
#include "store/sync_upload.hpp"

namespace rapport::cli {

namespace {

void printUsage(std::FILE* to) {
    std::fputs(
        tr("usage: rapport sync [--db PATH] [--to URI] [--status] [--retries N]\n\n"
           "Uploads every attempt and decision not yet on the central store, then brings the\n"
           "trainers' assignments for this desktop's trainees from it. Safe to run again: an\n"
           "item sent twice changes nothing.\n\n"
           "  --db PATH     the local results database (default as for 'rapport play')\n"
           "  --to URI      the central store, postgresql://USER@HOST/DB?sslmode=verify-full\n"
           "                (default: $RAPPORT_CENTRAL_DB, else 'central = URI' in\n"
           "                $XDG_CONFIG_HOME/rapport/config)\n"
           "  --status      only say what is waiting; contacts no server\n"
           "  --retries N   reconnect attempts after a lost connection (default 6, backoff\n"
           "                0.2 s doubling)\n\n"
           "Exit codes: 0 everything synced, 1 the server refused some items (listed), 2 usage or\n"
           "local database error, 3 the central store cannot be reached (items stay waiting)\n"),
        to);
}

int usage(const std::string& msg) {
    std::fprintf(stderr, tr("rapport sync: %s\n"), msg.c_str());
    printUsage(stderr);
    return kExitUsage;
}

}  // namespace

int runSync(Args args) {
    std::optional<std::string> db, to;
    bool statusOnly = false;
    store::SyncOptions options;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string_view a = args[i];
        if (a == "--help" || a == "-h") {
            printUsage(stdout);
            return kExitOk;
        }
        if (a == "--status") {
            statusOnly = true;
            continue;
        }
        if (a != "--db" && a != "--to" && a != "--retries")
            return usage(
                uiFormat(tr("unknown argument '{argument}'"), {{"argument", std::string(a)}}));
        if (i + 1 >= args.size())
            return usage(
                uiFormat(tr("option {option} needs a value"), {{"option", std::string(a)}}));
        const std::string v(args[++i]);
        if (a == "--db") {
            db = v;
        } else if (a == "--to") {
            to = v;
        } else {
            try {
                std::size_t used = 0;
                options.retries = std::stoi(v, &used);
                if (used != v.size() || options.retries < 0) throw std::invalid_argument(v);
            } catch (const std::exception&) {
                return usage(
                    uiFormat(tr("--retries expects a whole number of at least 0, got '{value}'"),
                             {{"value", v}}));
            }
        }
    }
    const auto path = store::resolveDatabasePath(db);
    if (!path)
        return usage(tr("no results database: give --db PATH or set RAPPORT_DB (HOME is not set)"));
    std::error_code ec;
    if (!std::filesystem::exists(*path, ec)) {
        std::fprintf(stderr, tr("rapport sync: no results database at %s\n"), path->c_str());
        return kExitUsage;
    }
    try {
        store::ResultsStore local(*path);
        const auto before = store::pendingCounts(local.database());
        if (statusOnly) {
            if (before.total() == 0)
                std::printf("%s", tr("synced: nothing waiting\n"));
            else {
                // One sentence per count, so each takes its own plural form.
                std::printf(trn("%lu attempt waiting: %lu in progress, %lu ended\n",
                                "%lu attempts waiting: %lu in progress, %lu ended\n",
                                (unsigned long)before.total()),
                            (unsigned long)before.total(), (unsigned long)before.inProgress,
                            (unsigned long)before.ended);
                std::printf(trn("%lu decision waiting\n", "%lu decisions waiting\n",
                                (unsigned long)before.decisions),
                            (unsigned long)before.decisions);
            }
            return kExitOk;
        }
        const auto uri = store::resolveCentralUri(to);
        if (!uri)
            return usage(
                "no central store: give --to URI, set RAPPORT_CENTRAL_DB or add 'central = URI' "
                "to $XDG_CONFIG_HOME/rapport/config");
        const auto r = store::syncOutbox(local.database(), *uri, options);
        const auto after = store::pendingCounts(local.database());
        for (const auto& f : r.refused)
            std::fprintf(stderr, tr("rapport sync: attempt %s refused: %s\n"), f.attemptUid.c_str(),
                         f.message.c_str());
        std::printf(trn("%lu attempt sent; %lu waiting\n", "%lu attempts sent; %lu waiting\n",
                        (unsigned long)r.confirmed),
                    (unsigned long)r.confirmed, (unsigned long)after.total());
        // Then the other way: the trainers' assignments for this desktop's trainees.
        if (!r.unreachable) {
            const auto pulled = store::pullAssignments(local, *uri);
            if (pulled.failed) {
                std::fprintf(stderr, tr("rapport sync: assignments not pulled: %s\n"),
                             pulled.error.c_str());
                return kExitUnreachable;
            }
            const auto& c = pulled.changes;
            if (c.added || c.updated || c.removed)
                std::printf("%s\n", uiFormat(tr("assignments from the central store: {added} new, "
                                                "{updated} changed, {removed} removed"),
                                             {{"added", std::to_string(c.added)},
                                              {"updated", std::to_string(c.updated)},
                                              {"removed", std::to_string(c.removed)}})
                                        .c_str());
        }
        if (r.unreachable) {
            std::fprintf(
                stderr,
                trn("rapport sync: %s; %lu attempt stays waiting\n",
                    "rapport sync: %s; %lu attempts stay waiting\n", (unsigned long)after.total()),
                r.error.c_str(), (unsigned long)after.total());
            return kExitUnreachable;
        }
        return r.refused.empty() ? kExitOk : kExitProblems;
    } catch (const store::StoreError& e) {
        std::fprintf(stderr, tr("rapport sync: %s\n"), e.what());
        return kExitUsage;
    }
}

}  // namespace rapport::cli
