#include "store/central_roles.hpp"

#include "core/access/area_access.hpp"

namespace rapport::store {

std::vector<std::string> heldRapportRoles(PgConnection& c) {
    // Through pg_roles, so a role that does not exist yet is no error (pg_has_role on a missing
    // name would be).
    const PgResult r = c.exec(
        "SELECT rolname FROM pg_roles WHERE rolname IN ($1, $2, $3) "
        "AND pg_has_role(current_user, oid, 'MEMBER') ORDER BY rolname",
        {std::string(kRoleHr), std::string(kRoleTrainer), std::string(kRoleAdmin)});
    std::vector<std::string> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back(r.text(i, 0));
    return out;
}

}  // namespace rapport::store
