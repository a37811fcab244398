// The program's version, defined once by the CMake project() version.
#pragma once

namespace rapport {

// "MAJOR.MINOR.PATCH", as in the top-level CMakeLists.txt: shown by --version, the app's About
// box and carried by the package.
const char* version();

// One line on the licence, as the package's copyright file states it (CMake RAPPORT_LICENSE_*).
const char* licenceSummary();

}  // namespace rapport
