// `rapport admin`: what IT does once on the central store. docs/central-store.md.
#include <cstdio>
#include <optional>
#include <string>

#include "cli/cli_verbs.hpp"
#include "core/translation/ui_text.hpp"
#include "store/pg_schema.hpp"
#include "store/pg_target.hpp"
#include "store/sqlite_db.hpp"

namespace rapport::cli {

namespace {

void printUsage(std::FILE* to) {
    std::fprintf(to,
                 "usage: rapport admin init [--to URI]\n\n"
                 "  init        create or upgrade the central store's schema (as the database\n"
                 "              owner); safe to run again\n"
                 "  --to URI    the central store (default as for 'rapport sync')\n\n"
                 "Exit codes: 0 done, 2 usage, 3 the central store cannot be reached or refused\n");
}

int usage(const std::string& msg) {
    std::fprintf(stderr, tr("rapport admin: %s\n"), msg.c_str());
    printUsage(stderr);
    return kExitUsage;
}

}  // namespace

int runAdmin(Args args) {
    if (!args.empty() && (args[0] == "--help" || args[0] == "-h")) {
        printUsage(stdout);
        return kExitOk;
    }
    if (args.empty() || args[0] != "init") return usage("expected 'init'");
    std::optional<std::string> to;
    for (std::size_t i = 1; i < args.size(); ++i) {
        if (args[i] != "--to") return usage("unknown argument '" + std::string(args[i]) + "'");
        if (i + 1 >= args.size()) return usage("option --to needs a value");
        to = std::string(args[++i]);
    }
    try {
        const auto uri = store::resolveCentralUri(to);
        if (!uri) return usage("no central store: give --to URI");
        store::PgConnection c(*uri);
        const int found = store::migratePg(c);
        std::printf(tr("central store schema: version %d (was %d)\n"),
                    store::latestPgSchemaVersion(), found);
        return kExitOk;
    } catch (const store::StoreError& e) {
        return usage(e.what());
    } catch (const store::PgError& e) {
        std::fprintf(stderr, tr("rapport admin: %s\n"), e.what());
        return kExitUnreachable;
    }
}

}  // namespace rapport::cli
