// The author area: the workspace and moving in and out of it. Opening it remembers the screen it
// was opened from; leaving goes back there, or to sign-in when that screen is gone (a
// conversation no longer played, the library of a trainee who signed out).
#pragma once

#include <string>

#include "app/author/author_workspace.hpp"
#include "app/shell/navigator.hpp"
#include "app/shell/screen_context.hpp"
#include "core/library/scenario_library.hpp"
#include "core/play/clock.hpp"

namespace rapport::app {

class AuthorArea {
public:
    AuthorArea(Navigator& shell, const Clock& clock) : shell_(shell), clock_(clock) {}

    AuthorWorkspace& workspace() { return workspace_; }
    const AuthorWorkspace& workspace() const { return workspace_; }

    bool showing() const { return shell_.screen() == ScreenId::Author; }
    // Shows the workspace, on `path` when given: opened, or created from the template when it
    // does not exist.
    void open(const std::string& path = "");
    void leave();

    // True while the workspace shows an open file: the shell wakes twice a second to let
    // pollFiles() notice edits saved from a text editor.
    bool watchingFiles() const { return showing() && workspace_.isOpen(); }
    // The debounced re-check and the file's stamp; true when something changed to draw.
    bool pollFiles();
    // Per frame: polls only while the workspace is the screen.
    void tick() {
        if (showing()) pollFiles();
    }
    std::string glyphText() const { return workspace_.glyphText(); }

    // `library`: the loaded scenarios, offered for opening.
    void Draw(const ScreenContext& ctx, const ScenarioLibrary& library) {
        workspace_.Draw(ctx, library, clock_);
    }

private:
    Navigator& shell_;
    const Clock& clock_;
    ScreenId returnTo_ = ScreenId::SignIn;
    AuthorWorkspace workspace_;
};

}  // namespace rapport::app
