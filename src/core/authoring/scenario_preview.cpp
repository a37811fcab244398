#include "core/authoring/scenario_preview.hpp"

#include <algorithm>
#include <stdexcept>

namespace rapport {

// A modified copy rather than a new way into Session: Session keeps one way to begin, and
// everything it guarantees (visited start, shown choices, transcript) holds for previews too.
Scenario scenarioStartingAt(const Scenario& scenario, int node,
                            const std::vector<std::int64_t>& values) {
    if (node < 0 || node >= int(scenario.nodes.size()))
        throw std::logic_error("scenarioStartingAt: node index out of range");
    if (values.size() != scenario.variables.size())
        throw std::logic_error("scenarioStartingAt: one value per variable is needed");
    Scenario copy = scenario;
    copy.start = node;
    for (std::size_t i = 0; i < values.size(); ++i)
        copy.variables[i].initial =
            copy.variables[i].type == ValueType::Boolean ? (values[i] != 0 ? 1 : 0) : values[i];
    for (const Meter& m : copy.meters) {
        auto& v = copy.variables[std::size_t(m.variable)].initial;
        v = std::clamp(v, m.min, m.max);
    }
    return copy;
}

}  // namespace rapport
