// Reading and listing test files: the one copy every suite uses.
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace rapport::test {

// The whole file, byte for byte; empty when it cannot be read (the comparison then fails).
inline std::string readText(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Writes `text` byte for byte, replacing the file; false when it cannot be written.
inline bool writeText(const std::filesystem::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << text;
    return bool(out);
}

// The files directly in `dir` whose extension is `ext` (".json"), sorted by path.
inline std::vector<std::filesystem::path> filesIn(const std::filesystem::path& dir,
                                                  const std::string& ext) {
    std::vector<std::filesystem::path> out;
    for (const auto& e : std::filesystem::directory_iterator(dir))
        if (e.is_regular_file() && e.path().extension() == ext) out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace rapport::test
