// Where an attempt's decisions are kept as they are made. Core knows no storage: the results
// store's AttemptRecorder implements this, and the app adapts it to its write queue.
#pragma once

namespace rapport {

class Session;

class AttemptJournal {
public:
    virtual ~AttemptJournal() = default;
    // Keeps every decision `session` made since the last call (normally exactly one), before the
    // next line is shown. What it throws propagates to the caller of the flow.
    virtual void record(const Session& session) = 0;
};

}  // namespace rapport
