#include <cmath>

#include "core/diagnostics/diagnostic_codes.hpp"
#include "core/framework/framework_reader.hpp"

namespace rapport::framework_detail {

namespace {

std::string fmtNumber(double x) {
    if (x == std::floor(x) && std::fabs(x) < 1e15) return std::to_string(static_cast<long long>(x));
    std::string s = std::to_string(x);
    s.erase(s.find_last_not_of('0') + 1);
    return s;
}

}  // namespace

void Loader::readLevels(const JsonValue& root, Framework& f) {
    const JsonValue* levels = r_.array(root, "", "levels", true);
    if (!levels) return;
    if (levels->size() < 2 || levels->size() > 10) {
        r_.error(codes::OutOfRange, "/levels",
                 "a framework needs 2 to 10 levels, not " + std::to_string(levels->size()));
        if (levels->size() < 1) return;
    }
    std::unordered_map<std::string, std::string> seen;
    bool rangesOk = true;
    for (std::size_t i = 0; i < levels->size(); ++i) {
        const JsonValue& l = (*levels)[i];
        const std::string p = childPointer("/levels", i);
        if (!l.isObject()) {
            r_.error(codes::NotAnObject, p,
                     std::string("a level must be an object, not ") + jsonKindName(l));
            rangesOk = false;
            continue;
        }
        r_.checkKeys(l, p, {"id", "name", "min", "max", "description"});
        Level level;
        if (auto id = r_.string(l, p, "id", true)) {
            if (!isSnakeId(*id))
                r_.error(
                    codes::BadId, childPointer(p, "id"),
                    "level id \"" + *id +
                        "\" must be lowercase letters, digits and '_', starting with a letter");
            claimId(seen, *id, childPointer(p, "id"), "level");
            level.id = *id;
        }
        if (auto v = r_.string(l, p, "name", true)) level.name = *v;
        if (auto v = r_.string(l, p, "description", false, true)) level.description = *v;
        auto mn = percent(l, p, "min");
        auto mx = percent(l, p, "max");
        if (!mn || !mx) {
            rangesOk = false;
        } else {
            level.min = *mn;
            level.max = *mx;
            if (level.min >= level.max) {
                r_.error(codes::LevelRanges, childPointer(p, "max"),
                         "level \"" + level.id + "\" has an empty range: max " +
                             fmtNumber(level.max) + " must be above min " + fmtNumber(level.min));
                rangesOk = false;
            }
        }
        f.levels.push_back(std::move(level));
    }
    if (!rangesOk || f.levels.empty()) return;
    // Levels are listed lowest first and must tile 0-100: each starts where the previous ends.
    if (f.levels.front().min != 0)
        r_.error(codes::LevelRanges, "/levels/0/min",
                 "the lowest level \"" + f.levels.front().id + "\" must start at 0, not " +
                     fmtNumber(f.levels.front().min) + ": lower scores would have no level");
    for (std::size_t i = 1; i < f.levels.size(); ++i) {
        const Level& prev = f.levels[i - 1];
        const Level& cur = f.levels[i];
        const std::string p = childPointer(childPointer("/levels", i), "min");
        if (cur.min < prev.max)
            r_.error(codes::LevelRanges, p,
                     "level \"" + cur.id + "\" starts at " + fmtNumber(cur.min) + " but level \"" +
                         prev.id + "\" runs to " + fmtNumber(prev.max) + ": the ranges overlap");
        else if (cur.min > prev.max)
            r_.error(codes::LevelRanges, p,
                     "level \"" + cur.id + "\" starts at " + fmtNumber(cur.min) + " but level \"" +
                         prev.id + "\" ends at " + fmtNumber(prev.max) + ": scores from " +
                         fmtNumber(prev.max) + " to " + fmtNumber(cur.min) +
                         " would have no level");
    }
    if (f.levels.back().max != 100)
        r_.error(codes::LevelRanges,
                 childPointer(childPointer("/levels", f.levels.size() - 1), "max"),
                 "the highest level \"" + f.levels.back().id + "\" must end at 100, not " +
                     fmtNumber(f.levels.back().max));
}

}  // namespace rapport::framework_detail
