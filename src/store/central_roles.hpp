// Which of Rapport's group roles (core/access/area_access.hpp: rapport_hr, rapport_trainer,
// rapport_admin) the central store's login holds, asked of PostgreSQL itself (pg_has_role, so
// membership through another role counts), because the database is the authority on roles.
#pragma once

#include <string>
#include <vector>

#include "store/pg_db.hpp"

namespace rapport::store {

// The role names the connection's login is a member of; a role not created yet is simply not
// held. Throws PgError.
std::vector<std::string> heldRapportRoles(PgConnection& c);

}  // namespace rapport::store
