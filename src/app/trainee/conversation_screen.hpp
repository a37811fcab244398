// The live conversation: client card and meters on the left, the chat transcript and the
// trainee's numbered choices (keys 1–9) on the right, a countdown bar on timed nodes.
#pragma once

#include <imgui.h>

#include <cstddef>

#include "app/shell/screen_context.hpp"
#include "app/trainee/trainee_actions.hpp"
#include "core/library/scenario_library.hpp"
#include "core/play/attempt_flow.hpp"

namespace rapport::app {

struct ConversationScreen {
    std::size_t linesSeen = 0;  // transcript length last frame: scroll to the end when it grows
    int scrollFrames = 0;       // keep scrolling for a few frames while new lines lay out

    // The attempt `flow` of library entry `entry` (back to the library when either is null),
    // with the client's `portrait` (null: initials). Replies call choose, the ending's button
    // showDebrief, "Leave conversation" backToLibrary.
    void Draw(const ScreenContext& ui, const AttemptFlow* flow, const LibraryEntry* entry,
              ImTextureID portrait, TraineeActions& actions);
};

}  // namespace rapport::app
