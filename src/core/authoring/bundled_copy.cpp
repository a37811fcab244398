#include "core/authoring/bundled_copy.hpp"

#include <string>

namespace rapport {

namespace fs = std::filesystem;

bool isBundledScenario(const fs::path& file, const fs::path& bundledFolder) {
    if (bundledFolder.empty() || file.empty()) return false;
    std::error_code ec;
    const fs::path folder = fs::weakly_canonical(bundledFolder, ec);
    if (ec) return false;
    const fs::path real = fs::weakly_canonical(fs::absolute(file, ec), ec);
    if (ec) return false;
    auto f = folder.begin();
    auto r = real.begin();
    for (; f != folder.end(); ++f, ++r) {
        if (f->empty()) continue;  // the trailing "" of "dir/"
        if (r == real.end() || *f != *r) return false;
    }
    return r != real.end();
}

fs::path ownCopyPath(const fs::path& file, const fs::path& ownFolder) {
    const std::string stem = file.stem().string();
    const std::string ext = file.extension().string();
    fs::path candidate = ownFolder / file.filename();
    std::error_code ec;
    for (int n = 2; fs::exists(candidate, ec) && n < 10000; ++n)
        candidate = ownFolder / (stem + "-" + std::to_string(n) + ext);
    return candidate;
}

}  // namespace rapport
