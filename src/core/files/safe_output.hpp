// The one way Rapport writes a file a user named (every verb's -o, the app's exports, saved
// scenarios and settings), so that no command reports success while it destroys data.
//
// The rules, the same everywhere (docs/cli.md "Output files"):
// - Writing onto a file the same command reads is refused: the target is compared by device and
//   inode (so another name, a hard link or a symlink to it is caught) with every input the caller
//   names, including a results database and its -wal and -shm companions.
// - A regular file is replaced atomically: the text goes to a temporary file in the same folder,
//   is fsynced, renamed over the target and the folder is fsynced. A failure leaves the old file
//   as it was. An existing file keeps its permissions.
// - A symbolic link is followed: the file it points to is replaced, the link stays a link. A link
//   to nothing is refused.
// - A FIFO or a character device (a pipe, /dev/null, a terminal) is written in place, never
//   replaced: a FIFO waits for its reader as a shell redirection would.
// - A directory, a block device or a socket is refused.
// Every failure message names the file and gives the OS reason (strerror).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace rapport {

struct OutputWrite {
    enum class Problem {
        None,
        Refused,  // the target is an input of the command, or a kind of file never written
        Failed,   // the system could not write it (no folder, no permission, disk full, ...)
    };
    Problem problem = Problem::None;
    std::string message;  // "cannot write PATH: REASON"; empty on success
    std::string reason;   // REASON alone: "No space left on device", "it is a directory; …"
    explicit operator bool() const { return problem == Problem::None; }
};

// Writes `text` to `path` under the rules above. `inputs` are the files this command reads
// (missing ones are ignored). Success means every byte reached the file (and, for a regular
// file, the disk).
OutputWrite writeOutputFile(const std::string& path, std::string_view text,
                            const std::vector<std::string>& inputs = {});

// The files SQLite keeps for the database at `path`: the file itself, PATH-wal and PATH-shm.
// Callers writing from a database pass these as inputs.
std::vector<std::string> databaseFiles(const std::string& path);

}  // namespace rapport
