#include "app/shell/screen_id.hpp"

namespace rapport::app {

const char* screenName(ScreenId id) {
    switch (id) {
        case ScreenId::SignIn:
            return "sign-in";
        case ScreenId::Library:
            return "library";
        case ScreenId::Conversation:
            return "conversation";
        case ScreenId::Debrief:
            return "debrief";
        case ScreenId::Author:
            return "author";
        case ScreenId::HrTable:
            return "hr-table";
        case ScreenId::HrTrainee:
            return "hr-trainee";
        case ScreenId::HrAttempt:
            return "hr-attempt";
        case ScreenId::HrGroup:
            return "hr-group";
        case ScreenId::HrAssign:
            return "hr-assign";
        case ScreenId::HrItems:
            return "hr-items";
    }
    return "sign-in";
}

bool isHrScreen(ScreenId id) {
    return id == ScreenId::HrTable || id == ScreenId::HrTrainee || id == ScreenId::HrAttempt ||
           id == ScreenId::HrGroup || id == ScreenId::HrAssign || id == ScreenId::HrItems;
}

}  // namespace rapport::app
