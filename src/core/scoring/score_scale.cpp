#include "core/scoring/score_scale.hpp"

#include <algorithm>

#include "core/text/number_format.hpp"

namespace rapport {

double scenarioScore(std::int64_t earned, std::int64_t best, std::int64_t worst) {
    if (best <= worst) return earned >= best ? 100.0 : 0.0;
    return roundToDecimals(
        std::clamp(100.0 * double(earned - worst) / double(best - worst), 0.0, 100.0), 1);
}

}  // namespace rapport
