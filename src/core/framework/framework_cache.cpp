#include "core/framework/framework_cache.hpp"

#include <map>
#include <mutex>
#include <utility>

#include "core/framework/framework_loader.hpp"
#include "core/source/json_source.hpp"
#include "core/source/sha256.hpp"

namespace rapport {

namespace {

struct Cache {
    std::mutex mutex;
    std::map<std::pair<std::string, std::string>, CachedFramework> byPathAndHash;
};

Cache& cache() {
    static Cache c;
    return c;
}

}  // namespace

CachedFramework loadFrameworkCached(const std::string& path) {
    CachedFramework out;
    std::optional<std::string> text = readSourceFile(path, out.diagnostics);
    if (!text) return out;  // unreadable: not cached, the next call tries again
    auto key = std::make_pair(path, sha256Hex(*text));
    Cache& c = cache();
    {
        std::lock_guard lock(c.mutex);
        if (auto it = c.byPathAndHash.find(key); it != c.byPathAndHash.end()) return it->second;
    }
    // The same steps as loadFrameworkFile, which reads the file and parses it under its path.
    FrameworkLoadResult loaded = loadFrameworkText(std::move(*text), path);
    out.diagnostics = std::move(loaded.diagnostics);
    if (loaded.framework)
        out.framework = std::make_shared<const Framework>(std::move(*loaded.framework));
    std::lock_guard lock(c.mutex);
    return c.byPathAndHash.emplace(std::move(key), std::move(out)).first->second;
}

}  // namespace rapport
