// The bar over every screen: the name, the signed-in trainee, and the buttons that switch areas
// (author, HR reports), sign out, switch the theme and show the About box (version, licence).
#pragma once

#include <functional>
#include <string>

#include "app/shell/screen_context.hpp"
#include "app/shell/screen_id.hpp"

namespace rapport::app {

// What the bar shows.
struct TopBarView {
    ScreenId screen = ScreenId::SignIn;
    bool inHr = false;
    bool signedIn = false;
    // The access gate offers the area (core/access): no button at all when it would refuse.
    bool offerHr = true, offerAuthor = true;
    std::string trainee, group;  // the signed-in trainee's name and group (may be empty)
};

// What its buttons do.
struct TopBarActions {
    std::function<void()> toggleTheme;
    std::function<void()> openAuthor, leaveAuthor;
    std::function<void()> openHr;
    std::function<void()> signOut;
};

// Draws the bar at the cursor, across the whole window, and moves the cursor below it. Author
// and HR are not offered during a conversation (its countdown would keep running).
void drawTopBar(const ScreenContext& ctx, const TopBarView& view, const TopBarActions& actions);

}  // namespace rapport::app
