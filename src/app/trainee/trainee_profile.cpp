#include "app/trainee/trainee_profile.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/platform/xdg_dirs.hpp"

namespace rapport::app {
namespace fs = std::filesystem;

namespace {

void setError(std::string* error, std::string why) {
    if (error) *error = std::move(why);
}

bool writeAll(int fd, const std::string& data) {
    const char* p = data.data();
    std::size_t left = data.size();
    while (left > 0) {
        ssize_t n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        p += n;
        left -= std::size_t(n);
    }
    return true;
}

}  // namespace

bool TraineeProfile::complete() const {
    return name.find_first_not_of(" \t\r\n") != std::string::npos;
}

fs::path defaultDataDir() {
    if (auto dir = rapportDir(XdgBase::Config)) return *dir;
    return fs::path(".rapport");
}

fs::path profilePath(const fs::path& dataDir) { return dataDir / "trainee.json"; }

std::optional<TraineeProfile> loadTraineeProfile(const fs::path& dataDir, std::string* error) {
    const fs::path path = profilePath(dataDir);
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;  // not signed in before: not an error
    std::stringstream buf;
    buf << in.rdbuf();
    auto j = nlohmann::json::parse(buf.str(), nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        setError(error, path.string() + ": not a trainee profile (invalid JSON)");
        return std::nullopt;
    }
    TraineeProfile p;
    auto str = [&](const char* key) {
        auto it = j.find(key);
        return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    p.name = str("name");
    p.employeeId = str("employeeId");
    p.group = str("group");
    if (!p.complete()) {
        setError(error, path.string() + ": trainee profile has no name");
        return std::nullopt;
    }
    return p;
}

bool saveTraineeProfile(const fs::path& dataDir, const TraineeProfile& profile,
                        std::string* error) {
    std::error_code ec;
    fs::create_directories(dataDir, ec);
    if (ec) {
        setError(error, "cannot create " + dataDir.string() + ": " + ec.message());
        return false;
    }
    const nlohmann::json j = {{"format", "rapport-trainee/1"},
                              {"name", profile.name},
                              {"employeeId", profile.employeeId},
                              {"group", profile.group}};
    const std::string data = j.dump(2) + "\n";
    const fs::path target = profilePath(dataDir);
    const fs::path tmp = target.string() + ".tmp-" + std::to_string(::getpid());

    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        setError(error, "cannot write " + tmp.string() + ": " + std::strerror(errno));
        return false;
    }
    const bool ok = writeAll(fd, data) && ::fsync(fd) == 0;
    const int savedErrno = errno;
    ::close(fd);
    if (!ok || ::rename(tmp.c_str(), target.c_str()) != 0) {
        const int why = ok ? errno : savedErrno;
        ::unlink(tmp.c_str());
        setError(error, "cannot save " + target.string() + ": " + std::strerror(why));
        return false;
    }
    // Make the rename itself durable.
    if (int dfd = ::open(dataDir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    return true;
}

}  // namespace rapport::app
