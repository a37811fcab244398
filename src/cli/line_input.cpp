#include "cli/line_input.hpp"

#include <poll.h>
#include <unistd.h>

#include <cerrno>

namespace rapport::cli {

bool LineInput::takeLine(std::string& line) {
    auto nl = buffer_.find('\n');
    if (nl == std::string::npos) {
        if (!ended_ || buffer_.empty()) return false;
        nl = buffer_.size();
    }
    line.assign(buffer_, 0, nl);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    buffer_.erase(0, nl == buffer_.size() ? nl : nl + 1);
    return true;
}

LineInput::Status LineInput::readLine(std::string& line, int waitMs) {
    for (;;) {
        if (takeLine(line)) return Status::Line;
        if (ended_) return Status::Ended;
        pollfd p{fd_, POLLIN, 0};
        int r = ::poll(&p, 1, waitMs);
        if (r < 0) {
            if (errno == EINTR) continue;
            ended_ = true;
            continue;
        }
        if (r == 0) return Status::TimedOut;
        char chunk[4096];
        ssize_t n = ::read(fd_, chunk, sizeof chunk);
        if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
        if (n <= 0) {
            ended_ = true;
            continue;
        }
        // A line longer than anyone types is input gone wrong; cap memory rather than grow forever.
        if (buffer_.size() < (1u << 20)) buffer_.append(chunk, std::size_t(n));
    }
}

}  // namespace rapport::cli
