#include "core/access/area_access.hpp"

#include <algorithm>

namespace rapport {

RoleSet roleSetFromNames(const std::vector<std::string>& names) {
    RoleSet r;
    for (const auto& n : names) {
        if (n == kRoleHr) r.hr = true;
        if (n == kRoleTrainer) r.trainer = true;
        if (n == kRoleAdmin) r.admin = true;
    }
    return r;
}

AccessDecision decideAccess(Area area, const AccessState& state) {
    if (state.centralStore) {
        if (!state.roles) return {AccessVerdict::Refused, RefusalReason::RolesUnknown};
        const RoleSet& r = *state.roles;
        const bool holds = r.admin || (area == Area::Hr ? r.hr : r.trainer);
        if (!holds) return {AccessVerdict::Refused, RefusalReason::RoleMissing};
        return {AccessVerdict::Open, RefusalReason::None};
    }
    if (state.traineeSignedIn) return {AccessVerdict::Refused, RefusalReason::TraineeSignedIn};
    if (!state.passphraseSet) return {AccessVerdict::SetUpPassphrase, RefusalReason::None};
    if (!state.passphraseUnlocked) return {AccessVerdict::AskPassphrase, RefusalReason::None};
    return {AccessVerdict::Open, RefusalReason::None};
}

bool accessOffered(Area area, const AccessState& state) {
    return decideAccess(area, state).verdict != AccessVerdict::Refused;
}

namespace {

std::size_t codePoints(std::string_view s) {
    return std::size_t(std::count_if(
        s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

}  // namespace

NewPassphraseProblem checkNewPassphrase(std::string_view first, std::string_view again) {
    if (codePoints(first) < kMinPassphraseLength) return NewPassphraseProblem::TooShort;
    if (first != again) return NewPassphraseProblem::Mismatch;
    return NewPassphraseProblem::None;
}

std::int64_t unlockDelayMs(int failures) {
    if (failures < 3) return 0;
    const int doublings = std::min(failures - 3, 6);  // 1, 2, 4 … 64 s, capped below
    return std::min<std::int64_t>(std::int64_t(1000) << doublings, 60000);
}

}  // namespace rapport
