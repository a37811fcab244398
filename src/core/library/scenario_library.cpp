#include "core/library/scenario_library.hpp"

#include <algorithm>
#include <filesystem>
#include <set>
#include <system_error>

#include "core/checks/scenario_check.hpp"

namespace rapport {
namespace {

LibraryEntry loadEntry(const std::string& path) {
    LibraryEntry e;
    e.path = path;
    ScenarioCheck check = checkScenarioFile(path);
    const bool playable = check.playable();
    e.diagnostics = std::move(check.diagnostics);
    e.framework = std::move(check.framework);
    e.optimum = std::move(check.optimum);
    if (playable) e.scenario = std::move(check.scenario);
    return e;
}

LibraryEntry unreadable(const std::string& path, const std::string& why) {
    LibraryEntry e;
    e.path = path;
    Diagnostic d;
    d.file = path;
    d.message = why;
    e.diagnostics.add(std::move(d));
    return e;
}

// ASCII-only folding: enough for Latin search terms, and leaves UTF-8 sequences byte-identical,
// so Cyrillic and Japanese still match exactly as typed.
std::string fold(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    return out;
}

bool contains(std::string_view haystack, const std::string& foldedNeedle) {
    return fold(haystack).find(foldedNeedle) != std::string::npos;
}

}  // namespace

std::vector<int> ScenarioLibrary::playable() const {
    std::vector<int> out;
    for (int i = 0; i < int(entries.size()); ++i)
        if (entries[i].playable()) out.push_back(i);
    return out;
}

std::vector<std::string> ScenarioLibrary::sectors() const {
    std::set<std::string> s;
    for (const auto& e : entries)
        if (e.playable()) s.insert(e.scenario->sector);
    return {s.begin(), s.end()};
}

std::vector<std::string> ScenarioLibrary::competencies() const {
    std::set<std::string> s;
    for (const auto& e : entries)
        if (e.playable()) s.insert(e.scenario->assesses.begin(), e.scenario->assesses.end());
    return {s.begin(), s.end()};
}

std::optional<int> ScenarioLibrary::nextAfter(int index) const {
    const int n = int(entries.size());
    for (int k = 1; k <= n; ++k) {
        int i = ((index + k) % n + n) % n;
        if (i != index && entries[i].playable()) return i;
    }
    return std::nullopt;
}

ScenarioLibrary loadScenarioLibrary(const std::vector<std::string>& folders) {
    namespace fs = std::filesystem;
    ScenarioLibrary lib;
    std::vector<std::string> files;
    for (const auto& folder : folders) {
        std::error_code ec;
        if (fs::is_regular_file(folder, ec)) {
            files.push_back(folder);
            continue;
        }
        fs::directory_iterator it(folder, ec);
        if (ec) {
            lib.entries.push_back(
                unreadable(folder, "cannot read scenario folder: " + ec.message()));
            continue;
        }
        for (const auto& de : it) {
            std::error_code fec;
            if (de.is_regular_file(fec) && de.path().extension() == ".json")
                files.push_back(de.path().string());
        }
    }
    std::sort(files.begin(), files.end());
    files.erase(std::unique(files.begin(), files.end()), files.end());
    for (const auto& f : files) lib.entries.push_back(loadEntry(f));
    return lib;
}

bool matchesFilter(const LibraryEntry& entry, const LibraryFilter& filter) {
    if (!entry.playable()) return false;
    const Scenario& s = *entry.scenario;
    if (!filter.sector.empty() && s.sector != filter.sector) return false;
    if (!filter.competency.empty() &&
        std::find(s.assesses.begin(), s.assesses.end(), filter.competency) == s.assesses.end())
        return false;
    if (!filter.search.empty()) {
        const std::string needle = fold(filter.search);
        if (!contains(s.title, needle) && !contains(s.summary, needle) &&
            !contains(s.sector, needle) && !contains(s.client.name, needle) &&
            !contains(s.client.company, needle))
            return false;
    }
    return true;
}

}  // namespace rapport
