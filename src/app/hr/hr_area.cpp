#include "app/hr/hr_area.hpp"

#include <imgui.h>

#include <utility>

#include "app/shell/ui_label.hpp"
#include "app/shell/widgets.hpp"
#include "core/translation/interface_language.hpp"

namespace rapport::app {

HrArea::HrArea(std::string database, Navigator& shell)
    : shell_(shell), target_(database), data_(std::move(database)) {}

void HrArea::open(ScreenId page) {
    if (!isHrScreen(page)) return;
    if (!showing()) returnTo_ = shell_.screen();
    if (page == ScreenId::HrAssign) assign_.invalidate();  // others may have assigned since
    shell_.show(page);
}

void HrArea::leave() {
    if (!showing()) return;
    shell_.show(returnTo_ == ScreenId::SignIn || shell_.signedIn() ? returnTo_ : ScreenId::SignIn);
}

void HrArea::Draw(const ScreenContext& ctx, const HrSources& sources) {
    data_.setLanguage(sources.frameworks, interfaceLanguage());
    switch (shell_.screen()) {
        case ScreenId::HrTable:
            // The table is HR's start page: the other areas of HR are reached from here.
            if (ui::Button(ctx.locator, trLabel("Assignments").c_str())) {
                open(ScreenId::HrAssign);
                break;
            }
            ImGui::SameLine();
            if (ui::Button(ctx.locator, trLabel("Item analysis").c_str())) {
                open(ScreenId::HrItems);
                break;
            }
            table_.Draw(ctx, data_, *this, sources.library);
            break;
        case ScreenId::HrItems:
            items_.Draw(ctx, target_, data_, *this, sources.library);
            break;
        case ScreenId::HrAssign:
            assign_.Draw(ctx, target_, *this, sources.library, onAssignmentsChanged);
            break;
        case ScreenId::HrTrainee:
            trainee_.Draw(ctx, data_, *this, sources.campaigns);
            break;
        case ScreenId::HrAttempt:
            attempt_.Draw(ctx, data_, *this, sources);
            break;
        case ScreenId::HrGroup:
            group_.Draw(ctx, data_, *this);
            break;
        default:
            break;
    }
}

}  // namespace rapport::app
