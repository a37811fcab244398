// The remembered sign-in: round trip, atomic replacement, and bad files that only cost a re-entry.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "app/trainee/trainee_profile.hpp"
#include "support/temp_dir.hpp"

using namespace rapport::app;
using rapport::Timing;
namespace fs = std::filesystem;

namespace {

using rapport::test::TempDir;

}  // namespace

TEST_CASE("trainee profile: saved, replaced and loaded back exactly, in a folder it creates") {
    TempDir tmp;
    const fs::path dir = tmp.path() / "nested" / "rapport";
    std::string error;
    CHECK_FALSE(loadTraineeProfile(dir, &error).has_value());
    CHECK(error.empty());  // never signed in: not an error

    TraineeProfile p{"Хироси Танака 田中", "10473", "SME desk"};
    REQUIRE(saveTraineeProfile(dir, p, &error));
    CHECK(loadTraineeProfile(dir, &error)->timing == Timing::Standard);
    p.group = "Key accounts";
    p.timing = Timing::Untimed;  // the trainee's timed-moments choice is remembered too
    REQUIRE(saveTraineeProfile(dir, p, &error));
    auto back = loadTraineeProfile(dir, &error);
    REQUIRE(back.has_value());
    CHECK(back->timing == Timing::Untimed);
    CHECK(back->name == p.name);
    CHECK(back->employeeId == "10473");
    CHECK(back->group == "Key accounts");
    // The temporary file of the atomic write is gone.
    int files = 0;
    for (const auto& e : fs::directory_iterator(dir)) files += e.is_regular_file() ? 1 : 0;
    CHECK(files == 1);
}

TEST_CASE("trainee profile: a corrupt or nameless file gives no profile and says why") {
    TempDir tmp;
    std::string error;
    { std::ofstream(profilePath(tmp.path())) << "{ \"name\": \"Anna\", "; }
    CHECK_FALSE(loadTraineeProfile(tmp.path(), &error).has_value());
    CHECK(error.find("invalid JSON") != std::string::npos);
    { std::ofstream(profilePath(tmp.path())) << R"({"name": "   ", "group": "x"})"; }
    error.clear();
    CHECK_FALSE(loadTraineeProfile(tmp.path(), &error).has_value());
    CHECK(error.find("no name") != std::string::npos);
}

TEST_CASE("trainee profile: a folder that cannot be created is an error, not a crash") {
    TempDir tmp;
    const fs::path blocker = tmp.path() / "file";
    std::ofstream(blocker) << "x";
    std::string error;
    CHECK_FALSE(saveTraineeProfile(blocker / "rapport", {"Anna", "", ""}, &error));
    CHECK(error.find("cannot create") != std::string::npos);
}

TEST_CASE("trainee profile: complete() needs a visible name") {
    CHECK_FALSE(TraineeProfile{}.complete());
    CHECK_FALSE(TraineeProfile{" \t", "1", "g"}.complete());
    CHECK(TraineeProfile{"Anna", "", ""}.complete());
}
