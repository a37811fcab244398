#pragma once

// Where the tests find the source tree, their fixtures, the built CLI and the PostgreSQL
// cluster script. The paths are compiled into one file (build_paths.cpp) rather than passed to
// every test file as definitions, so that a test file compiles to the same object in every
// checkout and the compiler cache serves it to each worktree.
namespace rapport::test {
const char* sourceDir();
const char* fixturesDir();
const char* cliPath();
const char* pgClusterScript();
}  // namespace rapport::test

#define RAPPORT_SOURCE_DIR (::rapport::test::sourceDir())
#define RAPPORT_FIXTURES_DIR (::rapport::test::fixturesDir())
#define RAPPORT_CLI_PATH (::rapport::test::cliPath())
#define RAPPORT_PG_CLUSTER_SCRIPT (::rapport::test::pgClusterScript())
