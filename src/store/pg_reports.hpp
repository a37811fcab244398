// HR's reads from the central store: the same AttemptRecords as ResultsStore::attempts() gives
// from a desktop's SQLite file, so every report renderer (core/reports) works on either. What a
// login sees is what row-level security lets it read (docs/central-store.md, "Roles and users"):
// an HR login without grants gets an empty report, not an error.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/reports/report_model.hpp"
#include "store/pg_db.hpp"
#include "store/results_store.hpp"
#include "store/scenario_texts.hpp"

namespace rapport::store {

// The attempts matching `filter`, ordered as ResultsStore::attempts() orders them (trainee name
// byte-wise, then start). The competencies (when asked) are the summary sync made from each
// attempt's score report with the same summariseScoreReport the desktop uses when it stores
// them, so both stores give the same figures. `id` numbers the rows 1… in start order (it only
// breaks ties between equal starts). Throws PgError.
std::vector<AttemptRecord> pgAttempts(PgConnection& c, const AttemptFilter& filter,
                                      bool withCompetencies = true);

// The HR table (trainees x competencies) over the finished attempts of `filter`: the cells of
// buildCompetencyTable(pgAttempts(c, filter)), bit for bit. From the server's aggregate when it
// answers the filter (pg_hr_cells.hpp), else as pgCompetencyTableOfAttempts. Throws PgError.
std::vector<CompetencyCell> pgCompetencyTable(PgConnection& c, const AttemptFilter& filter);

// The same cells read from the attempts themselves, only the columns a cell needs: any filter,
// and what the aggregate is checked against. Throws PgError.
std::vector<CompetencyCell> pgCompetencyTableOfAttempts(PgConnection& c,
                                                        const AttemptFilter& filter);

// One attempt with its decisions, as ResultsStore::loadAttempt() gives it (no session state: the
// central store does not keep one). `record.id` is 0. Throws PgError, also when the attempt is
// not there or this login may not read it.
StoredAttempt pgLoadAttempt(PgConnection& c, const std::string& uid);

// The text of the scenario version `contentHash` names, exactly as the trainee played it, if
// the central store holds it and this login may read an attempt of it. Throws PgError.
std::optional<ScenarioText> pgScenarioText(PgConnection& c, const std::string& contentHash);

}  // namespace rapport::store
