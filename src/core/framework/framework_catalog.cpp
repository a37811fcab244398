#include "core/framework/framework_catalog.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "core/diagnostics/diagnostic_codes.hpp"
#include "core/framework/framework_cache.hpp"
#include "core/platform/bundled_data.hpp"

namespace rapport {

namespace fs = std::filesystem;

std::string bundledFrameworkDir() { return bundledData().frameworks.string(); }

std::vector<std::string> frameworkSearchPath(const std::string& scenarioPath) {
    std::vector<std::string> out;
    if (!scenarioPath.empty()) {
        fs::path dir = fs::path(scenarioPath).parent_path();
        out.push_back(dir.empty() ? std::string(".") : dir.string());
    }
    if (const char* env = std::getenv("RAPPORT_FRAMEWORK_PATH")) {
        std::string_view rest(env);
        while (!rest.empty()) {
            const auto colon = rest.find(':');
            const std::string_view item = rest.substr(0, colon);
            if (!item.empty()) out.emplace_back(item);
            if (colon == std::string_view::npos) break;
            rest.remove_prefix(colon + 1);
        }
    }
    if (auto bundled = bundledFrameworkDir(); !bundled.empty()) out.push_back(std::move(bundled));
    return out;
}

std::optional<std::string> findFrameworkFile(const std::string& id,
                                             const std::vector<std::string>& searchPath) {
    // An id with a path separator or ".." could read files outside the search path.
    if (id.empty() || id.find('/') != std::string::npos || id.find('\\') != std::string::npos ||
        id == "." || id == "..")
        return std::nullopt;
    for (const auto& dir : searchPath) {
        std::error_code ec;
        const fs::path candidate = fs::path(dir) / (id + ".json");
        if (fs::is_regular_file(candidate, ec)) return candidate.string();
    }
    return std::nullopt;
}

std::vector<std::string> frameworkIdsOnPath(const std::vector<std::string>& searchPath) {
    std::vector<std::string> out;
    for (const auto& dir : searchPath) {
        std::error_code ec;
        for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
            if (it->path().extension() == ".json") out.push_back(it->path().stem().string());
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

FrameworkLookup lookupFramework(const std::string& id, const std::vector<std::string>& searchPath) {
    FrameworkLookup out;
    auto path = findFrameworkFile(id, searchPath);
    if (!path) return out;
    out.path = *path;
    CachedFramework loaded = loadFrameworkCached(*path);
    out.diagnostics = std::move(loaded.diagnostics);
    if (!loaded.framework) return out;
    if (loaded.framework->id != id) {
        Diagnostic d;
        d.code = codes::UnknownFramework;
        d.file = *path;
        d.position = loaded.framework->sourceMap.valuePosition("/id");
        d.pointer = "/id";
        d.message = "file " + fs::path(*path).filename().string() + " holds framework \"" +
                    loaded.framework->id + "\", not \"" + id +
                    "\": a framework file is named after its id";
        out.diagnostics.add(std::move(d));
        return out;
    }
    out.framework = std::move(loaded.framework);
    return out;
}

FrameworkLookup lookupScenarioFramework(const std::string& id, const std::string& scenarioPath) {
    return lookupFramework(id, frameworkSearchPath(scenarioPath));
}

}  // namespace rapport
