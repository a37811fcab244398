#include "app/shell/keyboard_nav.hpp"

#include <GLFW/glfw3.h>

namespace rapport::app {

void enterActivatesFocus(ImGuiIO& io) {
    if (!(io.ConfigFlags & ImGuiConfigFlags_NavEnableKeyboard)) return;
    // io.NavInputs is cleared by EndFrame and filled again by NewFrame from the keys; a value
    // set here is added to what NewFrame maps.
    if (io.KeysDown[GLFW_KEY_ENTER] || io.KeysDown[GLFW_KEY_KP_ENTER])
        io.NavInputs[ImGuiNavInput_Activate] = 1.0f;
}

}  // namespace rapport::app
