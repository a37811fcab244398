#include "app/driver/screenshot.hpp"

#include <GL/gl.h>
#include <stb_image_write.h>

#include <vector>

namespace rapport::app {

bool writeFramebufferPng(const std::string& path, int width, int height, std::string& error) {
    if (width <= 0 || height <= 0) {
        error = "window has no pixels to capture";
        return false;
    }
    std::vector<unsigned char> pixels(std::size_t(width) * std::size_t(height) * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    // GL's origin is bottom-left, PNG's top-left: flip rows. Force opaque alpha, since the
    // framebuffer's alpha is whatever the blending left there.
    const std::size_t stride = std::size_t(width) * 4;
    std::vector<unsigned char> flipped(pixels.size());
    for (int y = 0; y < height; ++y) {
        const unsigned char* src = pixels.data() + std::size_t(height - 1 - y) * stride;
        unsigned char* dst = flipped.data() + std::size_t(y) * stride;
        for (std::size_t i = 0; i < stride; i += 4) {
            dst[i] = src[i];
            dst[i + 1] = src[i + 1];
            dst[i + 2] = src[i + 2];
            dst[i + 3] = 255;
        }
    }
    if (!stbi_write_png(path.c_str(), width, height, 4, flipped.data(), int(stride))) {
        error = "cannot write " + path;
        return false;
    }
    return true;
}

}  // namespace rapport::app
