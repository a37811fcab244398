// The set of scenarios a trainee can choose from: every scenario file found in some folders,
// loaded and validated, plus the filters the library screen offers (sector, competency, search).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics/diagnostic.hpp"
#include "core/framework/framework.hpp"
#include "core/scenario/scenario.hpp"
#include "core/scoring/optimum.hpp"

namespace rapport {

// One file as the check pipeline (core/checks/scenario_check.hpp) prepared it: the app plays
// exactly what `rapport play` plays.
struct LibraryEntry {
    std::string path;
    std::optional<Scenario> scenario;  // set only when the file passed the whole check
    DiagnosticList diagnostics;  // why it is not playable (errors) or what to look at (warnings)
    std::shared_ptr<const Framework> framework;  // the scenario's framework, when it loaded
    std::optional<ScenarioOptimum> optimum;      // its best path, when it can be scored
    bool playable() const { return scenario.has_value(); }
};

struct ScenarioLibrary {
    std::vector<LibraryEntry> entries;  // sorted by path, so the order is stable between runs

    // Indices of the playable entries, in library order.
    std::vector<int> playable() const;
    // Distinct sectors and assessed competency ids of the playable entries, sorted.
    std::vector<std::string> sectors() const;
    std::vector<std::string> competencies() const;
    // The playable entry after `index` in library order, wrapping around; nullopt if none.
    std::optional<int> nextAfter(int index) const;
};

// Prepares every *.json file directly inside each folder (not recursive); a path that is a file is
// loaded as one scenario. A folder that cannot be read adds an entry with an error diagnostic.
ScenarioLibrary loadScenarioLibrary(const std::vector<std::string>& folders);

struct LibraryFilter {
    std::string sector;      // empty = any
    std::string competency;  // empty = any
    std::string search;      // case-insensitive (ASCII folding) substring of title, summary,
                             // sector, client name or company; empty = any
};

// True when the entry is playable and passes every set criterion of the filter.
bool matchesFilter(const LibraryEntry& entry, const LibraryFilter& filter);

}  // namespace rapport
