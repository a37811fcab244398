#include "app/shell/input_queue.hpp"

#include <utility>

namespace rapport::app {

void InputQueue::pushKey(int key, int scancode, int action, int mods) {
    events_.push_back({Event::Kind::Key, key, scancode, action, mods});
}

void InputQueue::pushChar(unsigned int codepoint) {
    events_.push_back({Event::Kind::Char, static_cast<int>(codepoint), 0, 0, 0});
}

void InputQueue::pushMouseButton(int button, int action, int mods) {
    events_.push_back({Event::Kind::MouseButton, button, 0, action, mods});
}

void InputQueue::deliver(GLFWwindow* window) {
    std::set<int> keys, buttons;  // changed this frame
    while (!events_.empty()) {
        const Event e = events_.front();
        if (e.kind == Event::Kind::Key && e.action != GLFW_REPEAT) {
            if (!keys.insert(e.code).second) break;
        } else if (e.kind == Event::Kind::MouseButton) {
            if (!buttons.insert(e.code).second) break;
        }
        events_.pop_front();
        switch (e.kind) {
            case Event::Kind::Key:
                if (nextKey_) nextKey_(window, e.code, e.scancode, e.action, e.mods);
                break;
            case Event::Kind::Char:
                if (nextChar_) nextChar_(window, static_cast<unsigned int>(e.code));
                break;
            case Event::Kind::MouseButton:
                if (nextMouse_) nextMouse_(window, e.code, e.action, e.mods);
                break;
        }
    }
}

}  // namespace rapport::app
