#include "support/build_paths.hpp"

#ifndef RAPPORT_PG_CLUSTER_SCRIPT_PATH
#define RAPPORT_PG_CLUSTER_SCRIPT_PATH ""
#endif

namespace rapport::test {
const char* sourceDir() { return RAPPORT_SOURCE_DIR_PATH; }
const char* fixturesDir() { return RAPPORT_FIXTURES_DIR_PATH; }
const char* cliPath() { return RAPPORT_CLI_PATH_PATH; }
const char* pgClusterScript() { return RAPPORT_PG_CLUSTER_SCRIPT_PATH; }
}  // namespace rapport::test
