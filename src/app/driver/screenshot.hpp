// PNG screenshots of the window's framebuffer, for scripted tests and the docs.
#pragma once

#include <string>

namespace rapport::app {

// Reads the current GL read buffer (width × height, RGBA) and writes it to `path` as a PNG,
// top row first. False with the reason in `error` when the file cannot be written.
bool writeFramebufferPng(const std::string& path, int width, int height, std::string& error);

}  // namespace rapport::app
