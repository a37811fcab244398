// The live conversation: client card and meters on the left, the chat transcript and the
// trainee's numbered choices (keys 1–9) on the right, a countdown bar on timed nodes.
#pragma once

#include <cstddef>

namespace rapport::app {

class App;

struct ConversationScreen {
    std::size_t linesSeen = 0;  // transcript length last frame: scroll to the end when it grows
    int scrollFrames = 0;       // keep scrolling for a few frames while new lines lay out

    void Draw(App& app);
};

}  // namespace rapport::app
