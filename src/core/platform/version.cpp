#include "core/platform/version.hpp"

#ifndef RAPPORT_VERSION
#error "RAPPORT_VERSION must be defined by the build (src/core/CMakeLists.txt)"
#endif
#ifndef RAPPORT_LICENSE_SUMMARY
#error "RAPPORT_LICENSE_SUMMARY must be defined by the build (src/core/CMakeLists.txt)"
#endif

namespace rapport {

const char* version() { return RAPPORT_VERSION; }

const char* licenceSummary() { return RAPPORT_LICENSE_SUMMARY; }

}  // namespace rapport
