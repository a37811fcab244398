#include "core/campaign/campaign_shelf.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "core/campaign/campaign_check.hpp"

namespace rapport {

namespace fs = std::filesystem;

std::vector<std::string> campaignFoldersBeside(const std::vector<std::string>& scenarioPaths) {
    std::vector<std::string> out;
    for (const auto& p : scenarioPaths) {
        std::error_code ec;
        if (!fs::is_directory(p, ec)) continue;
        const fs::path beside = fs::path(p).lexically_normal().parent_path() / "campaigns";
        // "scenarios/" normalises to "scenarios/" with an empty filename: step up once more.
        const fs::path folder =
            fs::path(p).lexically_normal().filename().empty()
                ? fs::path(p).lexically_normal().parent_path().parent_path() / "campaigns"
                : beside;
        if (fs::is_directory(folder, ec) &&
            std::find(out.begin(), out.end(), folder.string()) == out.end())
            out.push_back(folder.string());
    }
    return out;
}

CampaignShelf loadCampaignShelf(const std::vector<std::string>& folders,
                                const ScenarioLibrary& library) {
    std::vector<const Scenario*> playable;
    for (const auto& e : library.entries)
        if (e.scenario) playable.push_back(&*e.scenario);
    std::vector<std::string> files;
    for (const auto& folder : folders) {
        std::error_code ec;
        for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec))
            if (it->path().extension() == ".json") files.push_back(it->path().string());
    }
    std::sort(files.begin(), files.end());
    CampaignShelf shelf;
    for (const auto& file : files) {
        CampaignLoad load = loadCampaignFile(file);
        if (load.campaign) checkCampaign(*load.campaign, playable, load.diagnostics);
        if (!load.campaign || load.diagnostics.hasErrors()) {
            for (const auto& d : load.diagnostics.items()) shelf.problems.add(d);
            continue;
        }
        std::vector<int> entries;
        for (const auto& m : load.campaign->meetings)
            for (int i = 0; i < int(library.entries.size()); ++i)
                if (library.entries[std::size_t(i)].scenario &&
                    library.entries[std::size_t(i)].scenario->id == m.scenario) {
                    entries.push_back(i);
                    break;
                }
        shelf.campaigns.push_back(std::move(*load.campaign));
        shelf.entries.push_back(std::move(entries));
    }
    return shelf;
}

bool campaignMatchesFilter(const CampaignShelf& shelf, std::size_t index,
                           const ScenarioLibrary& library, const LibraryFilter& filter) {
    if (filter.sector.empty() && filter.competency.empty() && filter.search.empty()) return true;
    if (index >= shelf.entries.size()) return false;
    for (const int entry : shelf.entries[index])
        if (entry >= 0 && std::size_t(entry) < library.entries.size() &&
            matchesFilter(library.entries[std::size_t(entry)], filter))
            return true;
    return false;
}

}  // namespace rapport
