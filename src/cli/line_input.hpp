// Line input from a file descriptor with an optional wait limit, so a terminal front end can
// redraw a countdown while the trainee types. Reads the descriptor directly (not through stdio),
// because poll() cannot see what stdio has already buffered.
#pragma once

#include <string>

namespace rapport::cli {

class LineInput {
public:
    explicit LineInput(int fd) : fd_(fd) {}

    enum class Status { Line, TimedOut, Ended };
    // Waits at most `waitMs` (negative = forever) for a complete line; on Line, `line` holds it
    // without the newline. A last line without a newline is returned before Ended.
    Status readLine(std::string& line, int waitMs);

private:
    bool takeLine(std::string& line);
    int fd_;
    std::string buffer_;
    bool ended_ = false;
};

}  // namespace rapport::cli
