// Keyboard and mouse-button events queued between frames, so that every press counts however
// slow a frame is. Dear ImGui 1.86 samples key state once per frame: a key pressed and released
// within one frame (a 10 ms tap while a frame takes 100–160 ms on a loaded machine) was never
// seen. Events are handed to ImGui's GLFW backend in order at the start of each frame, at most
// one change per key or button per frame; the rest wait for the next frame, which the loop then
// draws at once. Characters are queued with them so typing and Backspace keep their order.
#pragma once

#include <GLFW/glfw3.h>

#include <deque>
#include <set>

namespace rapport::app {

class InputQueue {
public:
    // Where events go when delivered: the callbacks the queue's own replaced (ImGui's backend,
    // which chains to the shell's wake-up callbacks).
    void forwardTo(GLFWkeyfun key, GLFWcharfun chr, GLFWmousebuttonfun mouse) {
        nextKey_ = key;
        nextChar_ = chr;
        nextMouse_ = mouse;
    }

    void pushKey(int key, int scancode, int action, int mods);
    void pushChar(unsigned int codepoint);
    void pushMouseButton(int button, int action, int mods);

    // Hands on the events of this frame, in order: stops before the second change of the same
    // key or button (and keeps everything after it, so order is never broken).
    void deliver(GLFWwindow* window);
    bool pending() const { return !events_.empty(); }

private:
    struct Event {
        enum class Kind { Key, Char, MouseButton } kind = Kind::Key;
        int code = 0;  // key, button or code point
        int scancode = 0;
        int action = 0;
        int mods = 0;
    };
    std::deque<Event> events_;
    GLFWkeyfun nextKey_ = nullptr;
    GLFWcharfun nextChar_ = nullptr;
    GLFWmousebuttonfun nextMouse_ = nullptr;
};

}  // namespace rapport::app
