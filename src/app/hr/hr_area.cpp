#include "app/hr/hr_area.hpp"

#include <utility>

#include "core/translation/interface_language.hpp"

namespace rapport::app {

HrArea::HrArea(std::string database, Navigator& shell)
    : shell_(shell), data_(std::move(database)) {}

void HrArea::open(ScreenId page) {
    if (!isHrScreen(page)) return;
    if (!showing()) returnTo_ = shell_.screen();
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
            table_.Draw(ctx, data_, *this, sources.library);
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
