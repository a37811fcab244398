// Where an attempt's decisions are kept as they are made, and where a trainee's unfinished
// attempts wait to be resumed or set aside. Core knows no storage: the results store implements
// these (AttemptRecorder, StoreAttemptArchive), and the app adapts the journal to its write queue.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/reports/report_model.hpp"

namespace rapport {

class Session;

class AttemptJournal {
public:
    virtual ~AttemptJournal() = default;
    // Keeps every decision `session` made since the last call (normally exactly one), before the
    // next line is shown. What it throws propagates to the caller of the flow.
    virtual void record(const Session& session) = 0;
};

class AttemptArchive {
public:
    virtual ~AttemptArchive() = default;
    // The trainee's attempts of scenario `scenarioId` still in progress, newest first.
    virtual std::vector<AttemptRecord> incomplete(const std::string& trainee,
                                                  const std::string& scenarioId) = 0;
    // Marks the in-progress attempt `attempt` abandoned at `endedAtMs` (Unix ms UTC).
    virtual void markAbandoned(std::int64_t attempt, std::int64_t endedAtMs) = 0;
};

}  // namespace rapport
