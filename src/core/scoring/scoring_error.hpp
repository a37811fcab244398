// The one error scoring throws: a transcript that does not fit the scenario, or a scenario that
// cannot be scored (evidence naming unknown indicators, a state space over the bound). Messages
// say which step or why.
#pragma once

#include <stdexcept>

namespace rapport {

class ScoringError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace rapport
