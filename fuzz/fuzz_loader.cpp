// libFuzzer entry point for the whole scenario check: JSON reading with positions, the loader,
// expressions, the state-space validator and, when the input is playable, a short play.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/checks/scenario_check.hpp"
#include "core/play/clock.hpp"
#include "core/play/session.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    rapport::ScenarioCheck check = rapport::checkScenarioText(std::move(text), "fuzz.json");
    for (const auto& d : check.diagnostics.items())
        if (d.code.empty() || d.message.empty())
            __builtin_trap();  // every problem must be explained
    if (!check.playable()) return 0;
    rapport::ManualClock clock;
    rapport::Session session(*check.scenario, clock, 1);
    for (int step = 0; step < 64 && !session.finished(); ++step) {
        if (!session.choices().empty()) {
            session.choose(step % int(session.choices().size()));
        } else if (session.node().isTimed()) {
            session.timeout();
        } else {
            __builtin_trap();  // the validator promised no dead end
        }
    }
    rapport::Session resumed = rapport::Session::resume(*check.scenario, clock, session.save());
    if (resumed.currentNode() != session.currentNode()) __builtin_trap();
    return 0;
}
