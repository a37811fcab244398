// The HR table over the central store from the aggregate the server keeps per (trainee,
// competency) (schema v6, table hr_cells; docs/central-store.md, "Version 6"): a row a cell
// instead of every attempt, so the whole company's table is read in milliseconds. The cells and
// totals are those the attempts give (pgCompetencyTableOfAttempts, traineeTotalsOf), bit for bit.
#pragma once

#include <cstddef>
#include <vector>

#include "store/pg_db.hpp"
#include "store/results_reader.hpp"

namespace rapport::store {

// Whether the aggregate answers `filter`: it is kept per mode, group and trainee, so a scenario
// or a date range is read from the attempts instead.
bool hrCellsAnswer(const AttemptFilter& filter);

// One page of the HR table of `filter` (trainees `offset`… in byte-wise name order, at most
// `limit`, 0 = all) with the trainees' totals. From hr_cells when hrCellsAnswer(filter); a
// trainee whose rows span groups or logins (a name two desktops' logins share, a trainee moved
// to another group) is read from their attempts, as is every trainee of any other filter.
// A sort other than name A→Z reads the filter's whole table and sorts it before cutting the
// page (0.3–0.65 s for the whole company over 1M attempts, docs/central-store.md). Throws
// PgError.
TablePage pgTablePage(PgConnection& c, const AttemptFilter& filter, std::size_t offset,
                      std::size_t limit, const TableSort& sort = {});

}  // namespace rapport::store
