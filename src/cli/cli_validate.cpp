#include "cli_verbs.hpp"
namespace rapport::cli { int runValidate(Args) { return kExitUsage; } }
