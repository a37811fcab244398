// `rapport admin`: what IT does once on the central store. docs/central-store.md.
#include <cstdarg>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "cli/cli_verbs.hpp"
#include "core/translation/ui_text.hpp"
#include "store/pg_roles.hpp"
#include "store/pg_schema.hpp"
#include "store/pg_target.hpp"
#include "store/sqlite_db.hpp"

namespace rapport::cli {

namespace {

void printUsage(std::FILE* to) {
    std::fputs(
        tr("usage: rapport admin init [--to URI]\n"
           "       rapport admin add-user LOGIN --role ROLE [--group G] [--password-file F]\n"
           "                              [--to URI]\n"
           "       rapport admin set-password LOGIN --password-file F [--to URI]\n"
           "       rapport admin remove-user LOGIN [--to URI]\n"
           "       rapport admin grant LOGIN GROUP [--to URI]\n"
           "       rapport admin revoke LOGIN GROUP [--to URI]\n"
           "       rapport admin passphrase --set|--check   (rapport admin passphrase --help)\n\n"
           "  init        create or upgrade the central store's schema (as the database\n"
           "              owner, with the right to create roles); safe to run again\n"
           "  add-user    create a database login; ROLE is trainee, trainer, hr or admin;\n"
           "              a trainee's attempts must then carry group G when G is given\n"
           "  --password-file F  the login's password, the first line of F ('-' reads\n"
           "              standard input); sent as a SCRAM-SHA-256 verifier. Without it the\n"
           "              login has no password (for client certificates)\n"
           "  set-password  give a login a new password (from --password-file F)\n"
           "  remove-user   remove a login and its grants; its attempts stay\n"
           "  grant       let an hr or trainer login read GROUP's attempts with names\n"
           "  revoke      take that back\n"
           "  passphrase  set or check this machine's administrator passphrase, which\n"
           "              opens the HR and author areas on a desktop without a central store\n"
           "  --to URI    the central store (default as for 'rapport sync')\n\n"
           "Exit codes: 0 done, 1 refused (the login exists or is missing, not allowed, no\n"
           "such grant), 2 usage, 3 the central store cannot be reached\n"),
        to);
}

int usage(const std::string& msg) {
    std::fprintf(stderr, tr("rapport admin: %s\n"), msg.c_str());
    printUsage(stderr);
    return kExitUsage;
}

// A translated printf pattern filled in: sentences are translated whole, with placeholders.
std::string format(const char* pattern, ...) {
    va_list ap, again;
    va_start(ap, pattern);
    va_copy(again, ap);
    const int n = std::vsnprintf(nullptr, 0, pattern, ap);
    va_end(ap);
    std::string out(std::size_t(n > 0 ? n : 0), '\0');
    std::vsnprintf(out.data(), out.size() + 1, pattern, again);
    va_end(again);
    return out;
}

// The first line of `path` ("-": standard input), without its line end.
std::optional<std::string> readPassword(const std::string& path, std::string& error) {
    std::string line;
    if (path == "-") {
        std::getline(std::cin, line);
    } else {
        std::ifstream in(path);
        if (!in) {
            error = format(tr("cannot read the password file %s"), path.c_str());
            return std::nullopt;
        }
        std::getline(in, line);
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
        error = format(tr("the password file %s is empty"), path.c_str());
        return std::nullopt;
    }
    return line;
}

}  // namespace

int runAdmin(Args args) {
    if (!args.empty() && (args[0] == "--help" || args[0] == "-h")) {
        printUsage(stdout);
        return kExitOk;
    }
    if (!args.empty() && args[0] == "passphrase") return runAdminPassphrase(args.subspan(1));
    const std::string_view verb = args.empty() ? "" : args[0];
    const bool oneLogin = verb == "add-user" || verb == "set-password" || verb == "remove-user";
    if (verb != "init" && !oneLogin && verb != "grant" && verb != "revoke")
        return usage(
            tr("expected init, add-user, set-password, remove-user, grant, revoke or passphrase"));
    std::optional<std::string> to, role, group, passwordFile;
    std::vector<std::string> positional;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string_view a = args[i];
        std::optional<std::string>* option = a == "--to"              ? &to
                                             : a == "--role"          ? &role
                                             : a == "--group"         ? &group
                                             : a == "--password-file" ? &passwordFile
                                                                      : nullptr;
        if (!option) {
            if (a.starts_with("--"))
                return usage(format(tr("unknown argument '%s'"), std::string(a).c_str()));
            positional.emplace_back(a);
            continue;
        }
        if (i + 1 >= args.size())
            return usage(format(tr("option %s needs a value"), std::string(a).c_str()));
        *option = std::string(args[++i]);
    }
    const std::size_t wantPositional = verb == "init" ? 0 : oneLogin ? 1 : 2;
    if (positional.size() != wantPositional)
        return usage(verb == "init" ? tr("init takes no LOGIN")
                     : oneLogin     ? format(tr("%s needs one LOGIN"), std::string(verb).c_str())
                                    : tr("grant and revoke need a LOGIN and a GROUP"));
    if (verb != "add-user" && (role || group))
        return usage(tr("--role and --group go with add-user"));
    if (verb != "add-user" && verb != "set-password" && passwordFile)
        return usage(tr("--password-file goes with add-user and set-password"));
    if (verb == "set-password" && !passwordFile)
        return usage(tr("set-password needs --password-file F"));
    store::NewLogin login;
    if (verb == "set-password") {
        std::string error;
        const auto pw = readPassword(*passwordFile, error);
        if (!pw) return usage(error);
        login.login = positional[0];
        login.password = *pw;
    }
    if (verb == "add-user") {
        if (!role) return usage(tr("add-user needs --role trainee|trainer|hr|admin"));
        const auto r = store::parseCentralRole(*role);
        if (!r)
            return usage(
                format(tr("unknown role '%s': trainee, trainer, hr or admin"), role->c_str()));
        login.login = positional[0];
        login.role = *r;
        login.group = group.value_or("");
        if (passwordFile) {
            std::string error;
            const auto pw = readPassword(*passwordFile, error);
            if (!pw) return usage(error);
            login.password = *pw;
        }
    }
    try {
        const auto uri = store::resolveCentralUri(to);
        if (!uri) return usage(tr("no central store: give --to URI"));
        store::PgConnection c(*uri);
        if (verb == "init") {
            const int found = store::migratePg(c);
            std::printf(tr("central store schema: version %d (was %d)\n"),
                        store::latestPgSchemaVersion(), found);
        } else if (verb == "add-user") {
            store::addLogin(c, login);
            std::printf(tr("login %s added as %s\n"), login.login.c_str(),
                        store::centralRoleName(login.role));
        } else if (verb == "set-password") {
            store::setPassword(c, login.login, login.password);
            std::printf(tr("login %s has a new password\n"), login.login.c_str());
        } else if (verb == "remove-user") {
            store::removeLogin(c, positional[0]);
            std::printf(tr("login %s removed; its attempts stay in the central store\n"),
                        positional[0].c_str());
        } else if (verb == "grant") {
            const bool added = store::grantGroup(c, positional[0], positional[1]);
            std::printf(
                added ? tr("%s may now read group %s\n") : tr("%s could already read group %s\n"),
                positional[0].c_str(), positional[1].c_str());
        } else {
            if (!store::revokeGroup(c, positional[0], positional[1])) {
                std::fprintf(stderr, tr("rapport admin: %s had no grant for group %s\n"),
                             positional[0].c_str(), positional[1].c_str());
                return kExitProblems;
            }
            std::printf(tr("%s may no longer read group %s\n"), positional[0].c_str(),
                        positional[1].c_str());
        }
        return kExitOk;
    } catch (const store::StoreError& e) {
        return usage(e.what());
    } catch (const store::RoleError& e) {
        std::fprintf(stderr, "rapport admin: %s\n", e.what());
        return kExitProblems;
    } catch (const store::PgError& e) {
        std::fprintf(stderr, tr("rapport admin: %s\n"), e.what());
        return e.connectionLost() ? kExitUnreachable : kExitProblems;
    }
}

}  // namespace rapport::cli
