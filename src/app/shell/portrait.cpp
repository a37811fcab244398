#include "app/shell/portrait.hpp"

#include <GL/gl.h>
#include <stb_image.h>

#include <cstdint>
#include <cstdio>

#include "core/files/bounded_read.hpp"
#include "core/text/terminal_text.hpp"

namespace rapport::app {

namespace {

// A portrait is a small picture; a larger file is a mistake (or worse) and is not decoded.
constexpr std::size_t kMaxPortraitBytes = 16u * 1024u * 1024u;

}  // namespace

PortraitCache::~PortraitCache() {
    for (auto& [path, tex] : textures_)
        if (tex) glDeleteTextures(1, &tex);
}

ImTextureID PortraitCache::get(const std::string& path) {
    auto it = textures_.find(path);
    if (it == textures_.end()) {
        unsigned int tex = 0;
        int w = 0, h = 0, n = 0;
        // Read like every other file (bounded, regular files only, never blocking), then decoded.
        const BoundedRead file = readBoundedFile(path, kMaxPortraitBytes);
        unsigned char* data =
            file ? stbi_load_from_memory(reinterpret_cast<const unsigned char*>(file.text.data()),
                                         int(file.text.size()), &w, &h, &n, 4)
                 : nullptr;
        if (data) {
            glGenTextures(1, &tex);
            glBindTexture(GL_TEXTURE_2D, tex);
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
            glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
            glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, data);
            stbi_image_free(data);
        } else {
            std::fprintf(stderr, "rapport: warning: cannot read portrait %s: %s\n",
                         terminalSafe(path, TerminalLines::Escape).c_str(),
                         file ? stbi_failure_reason() : file.reason.c_str());
        }
        it = textures_.emplace(path, tex).first;
    }
    return it->second ? reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(it->second))
                      : nullptr;
}

}  // namespace rapport::app
