// libFuzzer entry point for the Twine readers: any bytes as a Twee 3 source and as published
// Twine 2 HTML, then, when a scenario comes out, the same check `rapport import` makes on it.
// Traps if a diagnostic has no code or message.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/checks/scenario_check.hpp"
#include "core/twine/twine_import.hpp"

namespace {

void explained(const rapport::DiagnosticList& diags) {
    for (const auto& d : diags.items())
        if (d.code.empty() || d.message.empty()) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    for (const char* name : {"fuzz.twee", "fuzz.html"}) {
        const rapport::TwineImport imported = rapport::importTwineText(text, name, {});
        explained(imported.diagnostics);
        if (!imported.scenario) continue;
        const rapport::ScenarioCheck check =
            rapport::checkScenarioText(rapport::twineScenarioText(*imported.scenario), "fuzz.json");
        explained(check.diagnostics);
    }
    return 0;
}
