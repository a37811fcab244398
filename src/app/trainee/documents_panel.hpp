// The trainee's documents during a conversation (briefing, client file, CRM notes, authority
// limits): a list in the client card with an unread marker on each document that has opened
// since the trainee last looked, and a reader that shows one. Shown in practice AND exam mode:
// what a document says is a fact the trainee learned, not feedback.
#pragma once

#include <imgui.h>

#include <vector>

#include "app/shell/screen_context.hpp"
#include "core/play/session.hpp"

namespace rapport::app {

struct DocumentsPanel {
    std::vector<int> read;  // documents the trainee has opened in the reader this attempt
    int reading = -1;       // the document shown in the reader; -1 = none

    // The list of open documents (nothing when the scenario has none); a click opens the
    // reader. Recorded in the locator as "Document TITLE".
    void DrawList(const ScreenContext& ui, const Session& session);
    // The reader, a modal over the conversation, while a document is open in it.
    void DrawReader(const ScreenContext& ui, const Session& session);

    bool isRead(int document) const;
    void open(int document);
};

// The briefing step before the first line: the client card and the documents of kind
// "briefing". True when the trainee pressed "Start the conversation" (recorded under that
// label).
bool DrawBriefing(const ScreenContext& ui, const Session& session, ImTextureID portrait);

// Whether a scenario has a briefing step (a document of kind "briefing").
bool hasBriefing(const Scenario& s);

}  // namespace rapport::app
