// Loads a rapport-framework/1 file into a Framework, reporting every problem at once with the
// same located diagnostics as scenarios (FILE:LINE:COL, JSON pointer, stable code).
#pragma once

#include <optional>
#include <string>

#include "core/diagnostics/diagnostic.hpp"
#include "core/framework/framework.hpp"

namespace rapport {

struct FrameworkLoadResult {
    std::optional<Framework> framework;  // set only when the file loaded without errors
    DiagnosticList diagnostics;
};

// Checks keys (unknown keys are errors except "x-…"), types, ids (unique; an indicator's id
// starts with its competency's id and a dot), points against polarity, level ranges (they must
// tile 0–100 without gaps or overlaps), anchors for every level, and every indicator and group
// a group, rule or the timeout indicator names. Unlike scenarios, a framework with errors is
// not returned: scores must never be computed from a half-read framework.
FrameworkLoadResult loadFrameworkFile(const std::string& path);
FrameworkLoadResult loadFrameworkText(std::string text, const std::string& name);

}  // namespace rapport
