#include "store/pg_roles.hpp"

namespace rapport::store {

namespace {

constexpr std::string_view kRoleNames[] = {"trainee", "trainer", "hr", "admin"};
constexpr const char* kGroupRoles[] = {"rapport_trainee", "rapport_trainer", "rapport_hr",
                                       "rapport_admin"};

void checkLoginName(std::string_view login) {
    // PostgreSQL silently truncates longer identifiers, which would make two logins one.
    if (login.empty() || login.size() > 63) throw RoleError("a login is 1 to 63 bytes long");
    if (login.find('\0') != std::string_view::npos)
        throw RoleError("a login cannot hold a NUL character");
    if (login.starts_with("pg_") || login.starts_with("rapport_"))
        throw RoleError("logins starting with pg_ or rapport_ are reserved");
}

}  // namespace

std::optional<CentralRole> parseCentralRole(std::string_view name) {
    for (std::size_t i = 0; i < std::size(kRoleNames); ++i)
        if (kRoleNames[i] == name) return CentralRole(i);
    return std::nullopt;
}

const char* centralRoleName(CentralRole r) { return kRoleNames[int(r)].data(); }
const char* centralGroupRole(CentralRole r) { return kGroupRoles[int(r)]; }

void addLogin(PgConnection& c, const NewLogin& n) {
    checkLoginName(n.login);
    PgTransaction tx(c);
    if (c.exec("SELECT 1 FROM pg_roles WHERE rolname = $1", {n.login}).rows())
        throw RoleError("login '" + n.login + "' exists already");
    // CREATE ROLE takes no parameters: the name and the verifier are quoted by libpq.
    std::string sql = "CREATE ROLE " + c.quoteIdentifier(n.login) + " LOGIN";
    if (n.role == CentralRole::Admin) sql += " CREATEROLE";
    if (!n.password.empty())
        sql += " PASSWORD " + c.quoteLiteral(c.scramVerifier(n.login, n.password));
    sql += " IN ROLE ";
    sql += centralGroupRole(n.role);
    c.exec(sql);
    c.exec("INSERT INTO logins (login, role, group_name) VALUES ($1, $2, $3)",
           {n.login, std::string(centralRoleName(n.role)),
            n.group.empty() ? PgParam() : PgParam(n.group)});
    tx.commit();
}

namespace {

void requireRapportLogin(PgConnection& c, const std::string& login) {
    if (!c.exec("SELECT 1 FROM logins WHERE login = $1", {login}).rows())
        throw RoleError("no login '" + login + "' (rapport admin add-user)");
}

}  // namespace

void setPassword(PgConnection& c, const std::string& login, const std::string& password) {
    checkLoginName(login);
    if (password.empty()) throw RoleError("the new password is empty");
    PgTransaction tx(c);
    requireRapportLogin(c, login);
    // ALTER ROLE takes no parameters: the name and the verifier are quoted by libpq.
    c.exec("ALTER ROLE " + c.quoteIdentifier(login) + " PASSWORD " +
           c.quoteLiteral(c.scramVerifier(login, password)));
    tx.commit();
}

void removeLogin(PgConnection& c, const std::string& login) {
    checkLoginName(login);
    if (login == c.user()) throw RoleError("a login cannot remove itself");
    PgTransaction tx(c);
    requireRapportLogin(c, login);
    c.exec("DELETE FROM group_grants WHERE login = $1", {login});
    c.exec("DELETE FROM logins WHERE login = $1", {login});
    c.exec("DROP ROLE " + c.quoteIdentifier(login));
    tx.commit();
}

bool grantGroup(PgConnection& c, const std::string& login, const std::string& group) {
    PgTransaction tx(c);
    auto who = c.exec("SELECT role FROM logins WHERE login = $1", {login});
    if (!who.rows()) throw RoleError("no login '" + login + "' (rapport admin add-user)");
    const std::string role = who.text(0, 0);
    if (role != "hr" && role != "trainer")
        throw RoleError("login '" + login + "' is a " + role +
                        "; groups are granted to hr and trainer logins");
    const bool added = c.exec(
                            "INSERT INTO group_grants (login, group_name) VALUES ($1, $2) "
                            "ON CONFLICT DO NOTHING",
                            {login, group})
                           .affected() == 1;
    tx.commit();
    return added;
}

bool revokeGroup(PgConnection& c, const std::string& login, const std::string& group) {
    return c.exec("DELETE FROM group_grants WHERE login = $1 AND group_name = $2", {login, group})
               .affected() == 1;
}

}  // namespace rapport::store
