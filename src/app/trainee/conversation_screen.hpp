// The live conversation: client card and meters on the left, the chat transcript and the
// trainee's numbered choices (keys 1–9) on the right, a countdown bar on timed nodes.
#pragma once

#include <imgui.h>

#include <cstddef>
#include <functional>
#include <string>

#include "app/shell/screen_context.hpp"
#include "app/trainee/documents_panel.hpp"
#include "app/trainee/trainee_actions.hpp"
#include "core/library/scenario_library.hpp"
#include "core/play/attempt_flow.hpp"
#include "core/text/trainee_text.hpp"

namespace rapport::app {

// The texture of a portrait as the scenario writes it (client's or a named speaker's), or null
// when there is none or it cannot be shown (the screen draws initials).
using PortraitLookup = std::function<ImTextureID(const std::string& portrait)>;

struct ConversationScreen {
    std::size_t linesSeen = 0;   // transcript length last frame: scroll to the end when it grows
    int scrollFrames = 0;        // keep scrolling for a few frames while new lines lay out
    DocumentsPanel documents;    // which documents the trainee has read, the one open to read
    bool briefed = false;        // the briefing step was passed ("Start the conversation")
    float liveFiguresH = 0;      // height of the client card's pinned deal terms and meters
    bool endingFocused = false;  // the keyboard focus was put on "See debrief"

    // The attempt `flow` of library entry `entry` (back to the library when either is null),
    // with each speaker's picture from `portraits` (may be empty: initials only). Replies call
    // choose, the ending's button showDebrief, "Leave conversation" backToLibrary.
    // Whom lines and replies address (core/text/trainee_text.hpp); set by the trainee area.
    TraineeForms trainee;
    void Draw(const ScreenContext& ui, const AttemptFlow* flow, const LibraryEntry* entry,
              const PortraitLookup& portraits, TraineeActions& actions);
};

}  // namespace rapport::app
