// The input script that drives the real GUI for tests and screenshots, one command per line:
//   click LABEL [#N]      click the N-th widget labelled LABEL (default 1st; "Save##x" exact)
//   drag LABEL DX DY      press on the widget labelled LABEL, move DX right and DY down
//                         (screen pixels, negative: left, up) and release there
//   type TEXT             type TEXT into the focused field (UTF-8)
//   key NAME              press and release a key: 1-9, A-Z, Enter, Escape, Tab, Backspace, Up,
//                         Down, ...; with modifiers: ctrl+S, ctrl+shift+Z, shift+Tab
//   wait-frames N         render N frames
//   advance-clock MS      move the app's (manual) clock forward, e.g. to expire a countdown
//   screenshot NAME       write DIR/NAME.png of the whole window
//   expect LABEL          fail unless a widget labelled LABEL is on screen
//   expect-screen NAME    fail unless the current screen is NAME (sign-in, library, ...)
//   theme light|dark|high-contrast  switch the theme
//   resize W H            resize the window (screen pixels)
//   text-size PERCENT     the reader's text size, 100 to 200 (as Ctrl+= / Ctrl+- do)
//   close-window          as the window's close button (unsaved author edits are asked about;
//                         the script goes on, so it can answer the question)
//   bench-frames N        render N frames and print frame-time figures on stdout
//   wait-idle             render frames until background queries (HR reports) are done (≤ 60 s)
//   lap NAME              print the time since the previous lap (or the start) and the longest
//                         frame in between, e.g. around a click whose action may be slow
// Blank lines and lines starting with '#' are ignored.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rapport::app {

inline constexpr int kScriptCtrl = 1, kScriptShift = 2, kScriptAlt = 4;

struct ScriptCommand {
    enum class Kind {
        Click,
        Drag,
        Type,
        Key,
        WaitFrames,
        AdvanceClock,
        Screenshot,
        Expect,
        ExpectScreen,
        Theme,
        Resize,
        TextSize,
        CloseWindow,
        BenchFrames,
        WaitIdle,
        Lap
    };
    Kind kind = Kind::WaitFrames;
    std::string text;  // label, typed text, screenshot name, screen or theme name
    int a = 0;         // occurrence, key code, frames, milliseconds, width, a drag's x
    int b = 0;     // height; a key's modifiers (kScriptCtrl | kScriptShift | kScriptAlt); drag's y
    int line = 0;  // 1-based line in the script, for error messages
};

struct ParsedScript {
    std::vector<ScriptCommand> commands;
    std::vector<std::string> errors;  // "LINE: message", one per bad line
};

ParsedScript parseScript(std::string_view text);

// GLFW key code for a script key name; nullopt when unknown.
std::optional<int> scriptKeyCode(std::string_view name);

}  // namespace rapport::app
