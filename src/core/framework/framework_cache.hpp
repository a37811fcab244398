// Frameworks are loaded once per process: every front end (library, CLI, author workspace,
// recorder) asks for the same few files again and again, and parsing and checking one costs far
// more than reading it. The cache is keyed by path and content hash, so an edited file is loaded
// afresh and an unchanged one is shared.
#pragma once

#include <memory>
#include <string>

#include "core/diagnostics/diagnostic.hpp"
#include "core/framework/framework.hpp"

namespace rapport {

struct CachedFramework {
    std::shared_ptr<const Framework> framework;  // set when the file loaded without errors
    DiagnosticList diagnostics;                  // the file's own problems, located in it
};

// loadFrameworkFile(path), shared: the file is read and hashed on every call, parsed only when
// this (path, content) pair was not loaded before. Safe to call from several threads.
CachedFramework loadFrameworkCached(const std::string& path);

}  // namespace rapport
