#include "core/scenario/portrait_path.hpp"

#include <filesystem>

namespace rapport {

namespace {

namespace fs = std::filesystem;

// `inner` is `folder` or below it, component by component (both are real paths).
bool isInside(const fs::path& inner, const fs::path& folder) {
    auto i = inner.begin();
    for (auto f = folder.begin(); f != folder.end(); ++f, ++i)
        if (i == inner.end() || *i != *f) return false;
    return true;
}

}  // namespace

PortraitPath resolvePortrait(const std::string& portrait, const std::string& scenarioPath) {
    using S = PortraitPath::Status;
    PortraitPath r;
    if (portrait.empty()) return r;
    const fs::path rel(portrait);
    const fs::path normal = rel.lexically_normal();
    if (rel.is_absolute() || rel.has_root_name() || rel.has_root_directory() ||
        (!normal.empty() && *normal.begin() == "..")) {
        r.status = S::Escapes;
        return r;
    }
    r.status = S::Missing;
    if (scenarioPath.empty()) return r;
    std::error_code ec;
    fs::path folder = fs::path(scenarioPath).parent_path();
    if (folder.empty()) folder = ".";
    const fs::path realFolder = fs::canonical(folder, ec);
    if (ec) return r;
    const fs::path real = fs::canonical(realFolder / normal, ec);
    if (ec) return r;  // nothing there, or a link to nothing
    if (!isInside(real, realFolder)) {
        r.status = S::Escapes;
        r.byLink = true;
        r.path = real.string();
        return r;
    }
    if (!fs::is_regular_file(real, ec)) return r;
    r.status = S::Found;
    r.path = real.string();
    return r;
}

}  // namespace rapport
