// What an HR page may do besides drawing: move to another HR page, or leave HR reports.
#pragma once

#include "app/shell/screen_id.hpp"

namespace rapport::app {

class HrActions {
public:
    virtual void openPage(ScreenId page) = 0;  // an Hr* page; others are ignored
    virtual void leave() = 0;                  // back to where HR was opened from

protected:
    ~HrActions() = default;
};

}  // namespace rapport::app
