// The campaigns a library offers: every campaign file found beside its scenario folders whose
// meetings all name playable scenarios of that library and pass checkCampaign. A campaign that
// does not fit is kept out, with its diagnostics, so the library never shows a track that cannot
// be played to the end.
#pragma once

#include <string>
#include <vector>

#include "core/campaign/campaign.hpp"
#include "core/library/scenario_library.hpp"

namespace rapport {

struct CampaignShelf {
    std::vector<Campaign> campaigns;  // sorted by file path, so the order is stable
    // The library entry of each campaign's meetings, in order (parallel to `campaigns`).
    std::vector<std::vector<int>> entries;
    DiagnosticList problems;  // of the campaign files left out
};

// The folders campaigns are looked for in: "campaigns" beside each scenario folder of
// `scenarioPaths` (scenarios/ and campaigns/ side by side, as bundled), when it exists.
std::vector<std::string> campaignFoldersBeside(const std::vector<std::string>& scenarioPaths);

// Loads every *.json directly inside each of `folders` as a campaign and checks it against
// `library`'s playable scenarios. Never throws: an unreadable folder or file is a problem.
CampaignShelf loadCampaignShelf(const std::vector<std::string>& folders,
                                const ScenarioLibrary& library);

// Whether the library shows campaign `index` of `shelf` under `filter`: always without one, else
// when one of its meetings' scenarios passes it (matchesFilter), so a search or a sector narrows
// the tracks as it narrows the cards.
bool campaignMatchesFilter(const CampaignShelf& shelf, std::size_t index,
                           const ScenarioLibrary& library, const LibraryFilter& filter);

}  // namespace rapport
