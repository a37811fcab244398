#include "app/author/author_area.hpp"

#include <imgui.h>

#include "app/author/author_file.hpp"

namespace rapport::app {

void AuthorArea::open(const std::string& path) {
    if (!showing()) returnTo_ = shell_.screen();
    shell_.show(ScreenId::Author);
    if (path.empty() || !showing()) return;  // the shell refused the route
    if (fileStamp(path).exists)
        workspace_.open(path);
    else
        workspace_.create(path);
}

void AuthorArea::leave() {
    ScreenId to =
        returnTo_ == ScreenId::Conversation && !shell_.playing() ? ScreenId::SignIn : returnTo_;
    if (to == ScreenId::Library && !shell_.signedIn()) to = ScreenId::SignIn;
    shell_.show(to);
}

bool AuthorArea::pollFiles() { return workspace_.poll(clock_.nowMs(), ImGui::IsAnyItemActive()); }

}  // namespace rapport::app
