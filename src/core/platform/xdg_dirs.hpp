// The XDG base directories (XDG Base Directory Specification 0.8), the one place that resolves
// them: every file Rapport writes on its own goes under one of these, in a "rapport" folder.
#pragma once

#include <filesystem>
#include <optional>

namespace rapport {

enum class XdgBase {
    Config,  // $XDG_CONFIG_HOME, default ~/.config: settings (the remembered sign-in)
    Data,    // $XDG_DATA_HOME, default ~/.local/share: results
    State,   // $XDG_STATE_HOME, default ~/.local/state: window state, logs
    Cache,   // $XDG_CACHE_HOME, default ~/.cache: what can be rebuilt
};

// Reads an environment variable; nullptr means std::getenv. Tests pass their own.
using EnvReader = const char* (*)(const char*);

// The base folder: the variable when it holds an absolute path (a relative or empty value is
// invalid and ignored, as the specification says), else $HOME joined with the default. nullopt
// when neither applies (no usable variable and no HOME).
std::optional<std::filesystem::path> xdgBaseDir(XdgBase base, EnvReader env = nullptr);

// xdgBaseDir(base) / "rapport": where Rapport keeps its files of that kind.
std::optional<std::filesystem::path> rapportDir(XdgBase base, EnvReader env = nullptr);

}  // namespace rapport
