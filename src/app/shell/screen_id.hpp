// The screens the shell can show, by the names scripts use for them.
#pragma once

namespace rapport::app {

enum class ScreenId {
    SignIn,
    Library,
    Conversation,
    Debrief,
    Author,
    HrTable,
    HrTrainee,
    HrAttempt,
    HrGroup,
    HrAssign,
    HrItems
};
// "sign-in", "library", "conversation", "debrief", "hr-table", "hr-trainee", "hr-attempt",
// "hr-group", "hr-assign", "hr-items": the names scripts use.
const char* screenName(ScreenId id);
bool isHrScreen(ScreenId id);

}  // namespace rapport::app
