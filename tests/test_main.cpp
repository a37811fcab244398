// One test main shared by every unit-<concept>.cpp suite.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include "core/platform/bundled_data.hpp"
#include "core/translation/interface_language.hpp"
#include "support/build_paths.hpp"

int main(int argc, char** argv) {
    // The tests find the bundled frameworks as build/rapport does: through the marker the build
    // writes beside it (core/platform/bundled_data.hpp).
    if (auto data = rapport::locateBundledData(RAPPORT_CLI_PATH))
        rapport::setBundledData(std::move(*data));
    // The catalogues build/rapport reads, in English whatever the machine's locale, so tests that
    // read interface text see the English literals unless they switch language themselves.
    if (auto dir = rapport::locateLocaleDir(RAPPORT_CLI_PATH))
        rapport::initInterfaceText(*dir, "en");
    doctest::Context context(argc, argv);
    return context.run();
}
