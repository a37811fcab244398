// Who may read what in the central store: logins in one of the four group roles of schema v2
// (trainee, trainer, hr, admin) and the groups granted to HR and trainer logins. The policies
// themselves live in pg_schema.cpp; this is what `rapport admin
// add-user|set-password|remove-user|grant|revoke` does.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "store/pg_db.hpp"

namespace rapport::store {

// A request the central store's rules refuse (unknown role, a login that exists, a grant to a
// trainee). Distinct from PgError: nothing went wrong talking to the server.
class RoleError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

enum class CentralRole { Trainee, Trainer, Hr, Admin };

// "trainee", "trainer", "hr", "admin"; nullopt for anything else.
std::optional<CentralRole> parseCentralRole(std::string_view name);
const char* centralRoleName(CentralRole r);
// The NOLOGIN group role a login of `r` is a member of ("rapport_trainee", …).
const char* centralGroupRole(CentralRole r);

struct NewLogin {
    std::string login;
    CentralRole role = CentralRole::Trainee;
    // A trainee's attempts must carry this group; empty = any group the desktop sends.
    std::string group;
    // Empty = no password (the login then needs another method, e.g. a client certificate).
    std::string password;
};

// Creates the login (a member of its group role; an admin also gets CREATEROLE, to add users)
// and records it in `logins`. The password is sent as a SCRAM verifier, never in clear.
// Throws RoleError (bad name, exists already) or PgError.
void addLogin(PgConnection& c, const NewLogin& n);

// Gives a Rapport login (one addLogin made) a new password, sent as a SCRAM verifier like
// addLogin's. Throws RoleError (no such login) or PgError.
void setPassword(PgConnection& c, const std::string& login, const std::string& password);

// Removes a Rapport login: its grants, its row in `logins` and the database role itself, in one
// transaction. The attempts it uploaded stay (they are the company's results). Refuses the
// login `c` is connected as. Throws RoleError (no such login, oneself) or PgError.
void removeLogin(PgConnection& c, const std::string& login);

// Lets an HR or trainer login read `group` with names. Returns false when it already could.
bool grantGroup(PgConnection& c, const std::string& login, const std::string& group);
// Returns false when there was no such grant.
bool revokeGroup(PgConnection& c, const std::string& login, const std::string& group);

}  // namespace rapport::store
