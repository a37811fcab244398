// Client portraits as GL textures, loaded once per image file with stb_image.
#pragma once

#include <imgui.h>

#include <map>
#include <string>

namespace rapport::app {

class PortraitCache {
public:
    PortraitCache() = default;
    PortraitCache(const PortraitCache&) = delete;
    PortraitCache& operator=(const PortraitCache&) = delete;
    ~PortraitCache();

    // The texture for the image at `path`, or nullptr when it cannot be read (the screen then
    // draws an initials avatar). A failed path is not retried every frame.
    ImTextureID get(const std::string& path);

private:
    std::map<std::string, unsigned int> textures_;  // path -> GL texture name, 0 = failed
};

}  // namespace rapport::app
