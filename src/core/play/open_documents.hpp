// Which documents the trainee can read at a point of a session. Derived from the path alone
// (the nodes reached and the replies taken), never kept as state of its own: a resumed attempt,
// a replayed transcript and a live session agree by construction, and documents stay out of
// expressions, so they change neither scoring nor analysis.
#pragma once

#include <vector>

#include "core/play/transcript.hpp"
#include "core/scenario/scenario.hpp"

namespace rapport {

class Session;

// Indices into scenario.documents, in the order they opened: the documents open from the start
// (not hidden) in file order, then each hidden one when a node on the path that reveals it was
// reached or a reply that reveals it was taken. The list only grows as the session goes on.
std::vector<int> openDocuments(const Scenario& scenario, const Transcript& transcript,
                               int currentNode);
std::vector<int> openDocuments(const Session& session);

}  // namespace rapport
