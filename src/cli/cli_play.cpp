#include "cli_verbs.hpp"
namespace rapport::cli { int runPlay(Args) { return kExitUsage; } }
