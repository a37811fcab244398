// The HR area of the app, driven headless through the same App and script driver as the real
// window: the table sorts and filters like the store says, trainee / attempt / group pages open,
// exports write the core renderers' files or show why they could not, and hostile trainee names
// are drawn as the text they are. The databases are written through the public store API from
// real play-throughs of the bundled scenarios, scored by core.
#include <doctest/doctest.h>
#include <imgui.h>
#include <imgui_internal.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>

#include "app/driver/script.hpp"
#include "app/driver/script_driver.hpp"
#include "app/hr/hr_controls.hpp"
#include "app/hr/hr_export.hpp"
#include "app/hr/hr_table_model.hpp"
#include "app/shell/app.hpp"
#include "core/checks/scenario_check.hpp"
#include "core/framework/framework_catalog.hpp"
#include "core/framework/scenario_framework.hpp"
#include "core/library/scenario_library.hpp"
#include "core/reports/report_items.hpp"
#include "core/scoring/scoring.hpp"
#include "core/scoring/step_advice.hpp"
#include "store/attempt_recorder.hpp"
#include "store/attempt_responses.hpp"
#include "store/results_store.hpp"
#include "support/build_paths.hpp"
#include "support/files.hpp"
#include "support/headless_app.hpp"
#include "support/store_test_support.hpp"

using namespace rapport;
using namespace rapport::app;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const std::string kScenarios = std::string(RAPPORT_SOURCE_DIR) + "/scenarios";
constexpr std::int64_t kDayMs = 24 * 3600 * 1000;
constexpr std::int64_t kBaseMs = 1'788'220'800'000;  // 2026-09-01T00:00:00Z

struct DemoTrainee {
    std::string name, employeeId, group;
};

// A believable company: four groups, trainees who improve with practice.
std::vector<DemoTrainee> demoTrainees() {
    return {{"Anna Petrova", "E-1042", "Sales North"},
            {"Jonas Weber", "E-1043", "Sales North"},
            {"Lucía Fernández", "E-1051", "Sales North"},
            {"Tomasz Nowak", "E-1057", "Sales North"},
            {"Aiko Tanaka", "E-2010", "Key Accounts"},
            {"Mohammed Al-Sayed", "E-2011", "Key Accounts"},
            {"Chloé Martin", "E-2015", "Key Accounts"},
            {"Ingrid Solberg", "E-2019", "Key Accounts"},
            {"Ravi Iyer", "E-3101", "Onboarding Q3"},
            {"Olga Smirnova", "E-3102", "Onboarding Q3"},
            {"Sam O'Connor", "E-3107", "Onboarding Q3"},
            {"Fatima Zahra", "E-3110", "Onboarding Q3"},
            {"Pieter de Vries", "E-4001", "Service Desk"},
            {"Marta Rossi", "E-4002", "Service Desk"},
            {"Kenji Mori", "E-4005", "Service Desk"},
            {"Grace Mensah", "E-4009", "Service Desk"}};
}

struct Playable {
    const Scenario* scenario = nullptr;
    Framework framework;
    std::optional<ScenarioOptimum> optimum;
};

std::vector<Playable> playables(const ScenarioLibrary& lib) {
    std::vector<Playable> out;
    for (const auto& e : lib.entries) {
        if (!e.scenario) continue;
        auto found = lookupFramework(e.scenario->framework, frameworkSearchPath(e.path));
        if (!found.framework) continue;
        Playable p{&*e.scenario, *found.framework, std::nullopt};
        auto o = computeOptimum(*e.scenario, p.framework);
        if (!o.optimum) continue;  // not scorable: no use for an HR demo
        p.optimum = o.optimum;
        out.push_back(std::move(p));
    }
    return out;
}

// Plays one attempt: with probability `skill` the reply with the most evidence points, else a
// random one; journals every step and finishes with the score report, as the trainee app does.
void recordAttempt(store::ResultsStore& db, std::int64_t traineeId, const Playable& p, double skill,
                   std::int64_t startMs, AttemptMode mode, std::mt19937& rng, bool finish = true) {
    const Scenario& s = *p.scenario;
    ManualClock clock(startMs);
    Session session(s, clock, rng());
    store::AttemptStart start;
    start.traineeId = traineeId;
    start.scenarioId = s.id;
    start.scenarioVersion = s.version;
    start.scenarioTitle = s.title;
    start.contentHash = s.contentHash;
    start.frameworkId = p.framework.id;
    start.frameworkVersion = p.framework.version;
    start.mode = mode;
    start.startedAtMs = startMs;
    const std::int64_t id = db.beginAttempt(start);
    std::uniform_real_distribution<double> coin(0, 1);
    std::uniform_int_distribution<int> think(3000, 16000);
    int steps = 0;
    while (!session.finished() && steps < 60) {
        const auto& shown = session.choices();
        if (shown.empty()) break;
        int pick = int(std::uniform_int_distribution<std::size_t>(0, shown.size() - 1)(rng));
        if (coin(rng) < skill) {
            std::int64_t best = INT64_MIN;
            for (std::size_t i = 0; i < shown.size(); ++i) {
                const auto pts =
                    weightedPoints(session.node().choices[std::size_t(shown[i])], p.framework);
                if (pts > best) best = pts, pick = int(i);
            }
        }
        std::int64_t wait = think(rng);
        if (session.node().isTimed())
            wait = std::min<std::int64_t>(wait, session.timeLeftMs() - 500);
        clock.advance(std::max<std::int64_t>(wait, 500));
        if (!session.choose(pick)) break;
        ++steps;
        const auto& step = session.transcript().steps.back();
        db.appendStep(id, step, json::array(), session.save());
        if (!finish && steps == 2) return;  // left in progress, as a closed window would
    }
    if (!session.finished()) return;
    const ScoreReport r = scoreTranscript(s, p.framework, session.transcript(), &*p.optimum);
    db.finishAttempt(id, {s.nodes[std::size_t(session.currentNode())].id, r.outcome, clock.nowMs(),
                          reportToJson(r)});
}

// Writes a demo database: every trainee plays `perTrainee` attempts over twelve weeks.
void makeDemoDatabase(const std::string& path, const std::vector<DemoTrainee>& trainees,
                      int perTrainee, unsigned seed = 7) {
    const ScenarioLibrary lib = loadScenarioLibrary({kScenarios});
    const auto plays = playables(lib);
    REQUIRE(!plays.empty());
    store::ResultsStore db(path);
    std::mt19937 rng(seed);
    for (std::size_t t = 0; t < trainees.size(); ++t) {
        const auto& d = trainees[t];
        const std::int64_t tid = db.upsertTrainee({d.name, d.employeeId, d.group});
        const double talent = 0.25 + 0.5 * std::uniform_real_distribution<double>(0, 1)(rng);
        for (int k = 0; k < perTrainee; ++k) {
            const double skill = std::min(0.95, talent + 0.05 * k);
            const auto& p = plays[std::size_t(k + int(t)) % plays.size()];
            const std::int64_t start = kBaseMs + (k * 84 / std::max(1, perTrainee)) * kDayMs +
                                       std::int64_t(t) * 3'600'000 + 9 * 3'600'000;
            recordAttempt(db, tid, p, skill, start,
                          k % 3 == 2 ? AttemptMode::Exam : AttemptMode::Practice, rng);
        }
    }
    // One attempt left unfinished, so the history shows "incomplete".
    const std::int64_t tid = db.upsertTrainee({trainees.front().name, "", ""});
    recordAttempt(db, tid, plays.front(), 0.5, kBaseMs + 85 * kDayMs, AttemptMode::Practice, rng,
                  false);
}

struct Headless : test::HeadlessApp {
    Headless(const std::string& db, bool startInHr,
             const std::vector<std::string>& scenarios = {kScenarios})
        : HeadlessApp(AppConfig{scenarios, {}, db, startInHr}) {}

    // Waits for the worker queries, then draws a frame capturing its text.
    const std::string& settle() {
        frame();  // a page starts its query when first drawn
        app->hr().data().waitIdle();
        frame();
        frame(true);
        return log;
    }
};

CompetencyCell cell(const std::string& trainee, const std::string& group, const std::string& id,
                    double mean) {
    CompetencyCell c;
    c.trainee = trainee;
    c.group = group;
    c.competencyId = id;
    c.competencyName = id + " name";
    c.assessedAttempts = 1;
    c.mean = c.best = c.last = mean;
    return c;
}

std::vector<std::string> names(const HrTable& t) {
    std::vector<std::string> out;
    for (const auto& r : t.rows) out.push_back(r.trainee);
    return out;
}

}  // namespace

TEST_CASE("hr table model: one row per trainee, one column per competency, sorted by any column") {
    HrTable t = pivotCompetencyTable({cell("Bea", "B", "x", 50), cell("Bea", "B", "y", 90),
                                      cell("Al", "A", "x", 70), cell("Cy", "A", "y", 10)});
    REQUIRE(t.columns.size() == 2);
    CHECK(t.columns[0].id == "x");
    CHECK(names(t) == std::vector<std::string>{"Al", "Bea", "Cy"});
    CHECK(!t.rows[0].cells[1]);  // Al never assessed in y

    sortHrRows(t.rows, {HrSort::Key::Competency, 0, true});  // x, highest first; Cy has none: last
    CHECK(names(t) == std::vector<std::string>{"Al", "Bea", "Cy"});
    sortHrRows(t.rows, {HrSort::Key::Competency, 0, false});
    CHECK(names(t) == std::vector<std::string>{"Bea", "Al", "Cy"});
    sortHrRows(t.rows, {HrSort::Key::Competency, 1, true});  // y: Bea 90, Cy 10, Al none
    CHECK(names(t) == std::vector<std::string>{"Bea", "Cy", "Al"});
    sortHrRows(t.rows, {HrSort::Key::Group, 0, false});  // ties in name order
    CHECK(names(t) == std::vector<std::string>{"Al", "Cy", "Bea"});
    sortHrRows(t.rows, {HrSort::Key::Trainee, 0, true});
    CHECK(names(t) == std::vector<std::string>{"Cy", "Bea", "Al"});
}

TEST_CASE("hr export: file names are safe, writes are atomic, failures are messages") {
    ReportScope scope;
    scope.trainee = "../../etc/passwd <b>Zoë</b>";
    const std::string name = exportFileName(scope, ExportFormat::Csv, kBaseMs);
    CHECK(name == "rapport-etc-passwd-b-Zo-b-2026-09-01-000000.csv");
    CHECK(exportFileName({}, ExportFormat::Xapi, kBaseMs) ==
          "rapport-all-2026-09-01-000000.xapi.json");

    test::TempDir dir;
    CHECK(writeFileAtomically(dir.path() / "a.csv", "x,y\r\n") == "");
    std::ifstream in(dir.path() / "a.csv");
    CHECK(std::string(std::istreambuf_iterator<char>(in), {}) == "x,y\r\n");
    CHECK(!fs::exists(dir.path() / "a.csv.tmp"));
    // /proc takes no new files, even for root.
    const std::string err = writeFileAtomically("/proc/rapport-export.csv", "x");
    CHECK(err.find("Could not write /proc/rapport-export.csv: ") == 0);
    CHECK(writeFileAtomically(dir.path() / "missing" / "a.csv", "x")
              .find("No such file or directory") != std::string::npos);
}

TEST_CASE(
    "hr screens: open from the top bar, sort by clicking headers, filter by group and dates") {
    test::TempDir dbDir;
    const std::string db = dbDir.file("results.db");
    makeDemoDatabase(db, demoTrainees(), 6);
    Headless h(db, false);
    CHECK(h.run("expect-screen sign-in\nclick HR reports\nexpect-screen "
                "hr-table\nwait-idle\nwait-frames 2\n") == "");
    const HrTable& t = h.app->hr().table().table;
    REQUIRE(t.rows.size() == 16);
    REQUIRE(t.columns.size() >= 3);
    CHECK(std::is_sorted(t.rows.begin(), t.rows.end(),
                         [](auto& a, auto& b) { return a.trainee < b.trainee; }));

    // The store's own numbers, cell by cell.
    store::ResultsStore s(db);
    const auto cells = s.competencyTable({});
    std::size_t shown = 0;
    for (const auto& r : t.rows)
        for (const auto& c : r.cells) shown += c.has_value();
    CHECK(shown == cells.size());

    // Click a competency header: highest first (PreferSortDescending), then again: lowest first.
    const std::string comp = t.columns[0].name;
    CHECK(h.run("click " + comp + "##header\nwait-idle\nwait-frames 2\n") == "");
    auto meansOf = [&] {
        std::vector<double> v;
        for (const auto& r : h.app->hr().table().table.rows)
            if (r.cells[0]) v.push_back(r.cells[0]->mean);
        return v;
    };
    auto v = meansOf();
    CHECK(v.size() >= 2);
    CHECK(std::is_sorted(v.rbegin(), v.rend()));
    CHECK(h.run("click " + comp + "##header\nwait-idle\nwait-frames 2\n") == "");
    v = meansOf();
    CHECK(std::is_sorted(v.begin(), v.end()));
    const auto& rows = h.app->hr().table().table.rows;
    const auto firstMissing =
        std::find_if(rows.begin(), rows.end(), [](auto& r) { return !r.cells[0]; });
    CHECK(std::all_of(firstMissing, rows.end(),
                      [](auto& r) { return !r.cells[0]; }));  // unassessed last

    // Group filter: a combo of the groups in the database.
    CHECK(h.run("click Group\nclick Key Accounts##option\nwait-idle\nwait-frames 2\n") == "");
    CHECK(h.app->hr().data().filter().group == "Key Accounts");
    REQUIRE(h.app->hr().table().table.rows.size() == 4);
    for (const auto& r : h.app->hr().table().table.rows) CHECK(r.group == "Key Accounts");

    // Dates: attempts of the first four weeks only; the table equals the store's for that range.
    CHECK(h.run("click Clear filters\nwait-idle\nclick From\ntype 2026-09-01\nclick To\ntype "
                "2026-09-28\n"
                "click Apply dates\nwait-idle\nwait-frames 2\n") == "");
    CHECK(h.app->hr().data().filter().sinceMs == kBaseMs);
    CHECK(h.app->hr().data().filter().untilMs == kBaseMs + 28 * kDayMs);
    store::AttemptFilter f;
    f.sinceMs = kBaseMs;
    f.untilMs = kBaseMs + 28 * kDayMs;
    const auto early = s.competencyTable(f);
    std::size_t earlyShown = 0;
    for (const auto& r : h.app->hr().table().table.rows)
        for (const auto& c : r.cells) earlyShown += c.has_value();
    CHECK(earlyShown == early.size());
    CHECK(earlyShown < cells.size());

    // A bad date is said, not applied.
    CHECK(h.run("click From\nkey End\ntype x\nclick Apply dates\nwait-frames 2\n") == "");
    CHECK(h.app->hr().table().dateError.find("YYYY-MM-DD") != std::string::npos);
    CHECK(h.app->hr().data().filter().sinceMs == kBaseMs);
}

TEST_CASE("hr screens: trainee page, attempt debrief, group page and back") {
    test::TempDir dbDir;
    const std::string db = dbDir.file("results.db");
    makeDemoDatabase(db, demoTrainees(), 6);
    Headless h(db, true);
    CHECK(h.app->screen() == ScreenId::HrTable);
    CHECK(h.run("wait-idle\nclick Anna Petrova##trainee\nexpect-screen hr-trainee\nwait-idle\n") ==
          "");
    std::string text = h.settle();
    CHECK(text.find("Trainee · Anna Petrova") != std::string::npos);
    CHECK(text.find("Best attempt") != std::string::npos);
    CHECK(text.find("Trend per competency") != std::string::npos);
    CHECK(text.find("incomplete") != std::string::npos);  // the unfinished attempt is listed
    const auto& attempts = h.app->hr().data().traineeAttempts().value()->attempts;
    REQUIRE(attempts.size() == 7);

    // The last attempt's page: the stored debrief and transcript.
    CHECK(h.run("click Open##last\nexpect-screen hr-attempt\nwait-idle\n") == "");
    text = h.settle();
    const auto& stored = h.app->hr().data().attempt().value()->stored;
    CHECK(stored.record.trainee == "Anna Petrova");
    REQUIRE(!stored.transcript.steps.empty());
    CHECK(text.find("The conversation, annotated") != std::string::npos);
    CHECK(text.find("Competencies") != std::string::npos);

    CHECK(h.run("click Back to trainee\nexpect-screen hr-trainee\nclick Back to "
                "table\nexpect-screen hr-table\n"
                "click Sales North##group\nexpect-screen hr-group\nwait-idle\n") == "");
    text = h.settle();
    CHECK(text.find("Group · Sales North") != std::string::npos);
    CHECK(text.find("Who passed") != std::string::npos);
    CHECK(text.find("Jonas Weber") != std::string::npos);
    CHECK(text.find("Aiko Tanaka") == std::string::npos);  // another group

    CHECK(h.run("click Back to table\nclick Back to training\nexpect-screen sign-in\n") == "");
}

TEST_CASE("hr screens: an attempt page shows the version played after its file was edited") {
    // The library holds a copy of a bundled scenario; an attempt is recorded on it, then the
    // copy is edited (its content hash changes). The attempt page still shows the lines and
    // feedback the trainee saw, from the text the store kept at the attempt's start.
    test::TempDir dir;
    const fs::path lib = dir.path() / "library";
    fs::create_directories(lib);
    const fs::path copy = lib / "bank-sme-cold-call.json";
    fs::copy_file(kScenarios + "/bank-sme-cold-call.json", copy);
    const std::string db = dir.file("results.db");
    ScenarioCheck check = checkScenarioFile(copy.string());
    REQUIRE(check.scenario);
    const Scenario& s = *check.scenario;
    const std::string firstLine = s.nodes[std::size_t(s.start)].text;
    REQUIRE(firstLine.size() > 20);
    {
        store::ResultsStore store(db);
        ManualClock clock(1'000);
        Session session(s, clock, 3);
        auto rec = store::AttemptRecorder::begin(store, {"Anna Petrova", "E-1", "North"}, s,
                                                 findScenarioFramework(s), AttemptMode::Practice, 3,
                                                 1'000);
        for (int steps = 0; !session.finished() && steps < 60; ++steps) {
            if (session.choices().empty()) break;
            clock.advance(4'000);
            REQUIRE(session.choose(0));
            rec.record(session);
        }
        REQUIRE(session.finished());
        REQUIRE(rec.finish(session, 90'000).report);
    }
    // The author rewrites the opening line.
    std::string text = test::readText(copy);
    const auto at = text.find(firstLine.substr(0, 20));
    REQUIRE(at != std::string::npos);
    text.replace(at, 20, "EDITED OPENING LINE ");
    test::writeText(copy, text);

    Headless h(db, true, {lib.string()});
    CHECK(h.run("wait-idle\nclick Anna Petrova##trainee\nexpect-screen hr-trainee\nwait-idle\n"
                "click Open##last\nexpect-screen hr-attempt\nwait-idle\n") == "");
    const std::string page = h.settle();
    CHECK(page.find("is not loaded") == std::string::npos);
    CHECK(page.find(firstLine.substr(0, 30)) != std::string::npos);
    CHECK(page.find("EDITED OPENING LINE") == std::string::npos);
    REQUIRE(h.app->hr().data().attempt().value()->played);
    CHECK(h.app->hr().data().attempt().value()->played->contentHash == s.contentHash);
}

TEST_CASE("hr screens: exports write the core renderers' files; failures show in the page") {
    test::TempDir dbDir;
    const std::string db = dbDir.file("results.db");
    makeDemoDatabase(db, demoTrainees(), 2);
    Headless h(db, true);
    h.app->hr().data().exportFolder = dbDir.path().string();
    CHECK(h.run("wait-idle\nclick CSV##export\nwait-idle\n") == "");
    REQUIRE(h.app->hr().data().lastExport().value());
    const std::string path = h.app->hr().data().lastExport().value()->path;
    CHECK(fs::path(path).parent_path() == dbDir.path());
    std::ifstream in(path, std::ios::binary);
    const std::string csv(std::istreambuf_iterator<char>(in), {});
    CHECK(csv.rfind("\xEF\xBB\xBF"
                    "attempt_id,trainee,",
                    0) == 0);  // UTF-8 with BOM
    std::string text = h.settle();
    store::ResultsStore s(db);
    CHECK(h.app->hr().data().lastExport().value()->attempts == s.attempts({}).size());
    CHECK(text.find("Wrote " + std::to_string(s.attempts({}).size()) + " attempts to " + path) !=
          std::string::npos);

    // The page stays usable after an export.
    CHECK(h.run("click Anna Petrova##trainee\nexpect-screen hr-trainee\nclick Back to "
                "table\nexpect-screen hr-table\n") == "");

    for (const char* f : {"HTML##export", "JSON##export", "xAPI##export"})
        CHECK(h.run(std::string("click ") + f + "\nwait-idle\n") == "");
    CHECK(h.app->hr().data().lastExport().value()->path.ends_with(".xapi.json"));
    // The page on screen alone, for A4: the table page, in the interface language.
    CHECK(h.run("click Printable page##export\nwait-idle\n") == "");
    const std::string printed = h.app->hr().data().lastExport().value()->path;
    CHECK(printed.ends_with(".print.html"));
    std::ifstream page(printed, std::ios::binary);
    const std::string html(std::istreambuf_iterator<char>(page), {});
    CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
    CHECK(html.find("Trainees × competencies") != std::string::npos);
    CHECK(html.find("@page{size:A4") != std::string::npos);
    CHECK(html.find("class=\"page group\"") == std::string::npos);  // the table only

    h.app->hr().data().exportFolder = "/proc";
    CHECK(h.run("click HTML##export\nwait-idle\n") == "");
    text = h.settle();
    CHECK(text.find("Export failed: Could not write /proc/rapport-all-") != std::string::npos);
    h.app->hr().data().exportFolder = dbDir.file("no-such-folder");
    CHECK(h.run("click JSON##export\nwait-idle\n") == "");
    text = h.settle();
    CHECK(text.find("does not exist") != std::string::npos);
}

TEST_CASE("hr screens: a missing or foreign database is a message, not a crash") {
    test::TempDir dir;
    {
        // A folder that cannot exist: the HR pages say so (the trainee side shows its own notice).
        Headless h("/proc/rapport-none/results.db", true);
        const std::string text = h.settle();
        CHECK(text.find("No results database at /proc/rapport-none/results.db") !=
              std::string::npos);
    }
    {
        std::ofstream(dir.file("junk.db"))
            << "this is not sqlite, just text that goes on for a while......";
        Headless h(dir.file("junk.db"), true);
        const std::string text = h.settle();
        CHECK(text.find("not an SQLite database") != std::string::npos);
    }
}

TEST_CASE("hr screens: hostile trainee names and groups are drawn as plain text") {
    const std::vector<DemoTrainee> hostile = {
        {"<script>alert(1)</script>", "", "<img src=x onerror=alert(1)>"},
        {"%s%n%x%d %%", "E-%n", "Group %s"},
        {"##hidden ###id", "", "Sales##North"},
        {"Zoë \u202Eevil\u202C 🙂 \u200B", "", "Ünïcødé"},
        {"=HYPERLINK(\"http://x\")", "", "+cmd"},
    };
    test::TempDir dbDir;
    const std::string db = dbDir.file("results.db");
    makeDemoDatabase(db, hostile, 2);
    Headless h(db, true);
    std::string text = h.settle();
    for (const auto& t : hostile) {
        CHECK_MESSAGE(text.find(t.name) != std::string::npos, t.name);
        // A group wider than its column is drawn shortened with "…" (the whole on hover): what
        // is drawn is then the group's own first characters, still plain text.
        bool drawn = text.find(t.group) != std::string::npos;
        for (std::size_t k = t.group.size(); !drawn && k >= 6; --k)
            drawn = text.find(t.group.substr(0, k) + "…") != std::string::npos;
        CHECK_MESSAGE(drawn, t.group);
    }
    CHECK(h.app->hr().table().table.rows.size() == hostile.size());

    // Each name opens its own page, whatever it contains.
    for (const auto& t : hostile) {
        CHECK(h.run("click " + t.name + "##trainee\nexpect-screen hr-trainee\nwait-idle\n") == "");
        CHECK(h.app->hr().data().trainee() == t.name);
        text = h.settle();
        CHECK(text.find("Trainee · " + t.name) != std::string::npos);
        CHECK(h.run("click Back to table\nexpect-screen hr-table\n") == "");
    }
    // The group combo offers them as text too.
    CHECK(h.run("click Group\nclick Group %s##option\nwait-idle\n") == "");
    CHECK(h.app->hr().data().filter().group == "Group %s");
}

TEST_CASE("hr demo database for the docs screenshots (RAPPORT_HR_DEMO_DB)") {
    // docs/app.md's screenshot recipe keeps the database at RAPPORT_HR_DEMO_DB; without it the
    // database goes to a temporary folder. Either way it must hold what the screenshots show:
    // every demo trainee with twelve finished attempts, and the one attempt left incomplete.
    test::TempDir dir;
    const char* env = std::getenv("RAPPORT_HR_DEMO_DB");
    const std::string out = env && *env ? std::string(env) : dir.file("hr-demo.db");
    std::error_code ec;
    fs::remove(out, ec);
    const auto trainees = demoTrainees();
    makeDemoDatabase(out, trainees, 12);
    store::ResultsStore db(out);
    const auto all = db.attempts({}, false);
    CHECK(all.size() == trainees.size() * 12 + 1);
    store::AttemptFilter finished;
    finished.finishedOnly = true;
    CHECK(db.attempts(finished, false).size() == trainees.size() * 12);
    for (const auto& t : trainees) {
        store::AttemptFilter mine;
        mine.trainee = t.name;
        CHECK_MESSAGE(db.attempts(mine, false).size() >= 12, t.name);
    }
}

TEST_CASE("hr screens: the item analysis page shows core's figures and prints the items page") {
    test::TempDir dbDir;
    const std::string db = dbDir.file("results.db");
    makeDemoDatabase(db, demoTrainees(), 6);
    const ScenarioLibrary lib = loadScenarioLibrary({kScenarios});
    // The scenario played most in the demo database.
    std::map<std::string, int> played;
    {
        store::ResultsStore s(db);
        for (const auto& a : s.attempts({})) ++played[a.scenarioId];
    }
    const auto most = std::max_element(played.begin(), played.end(),
                                       [](auto& a, auto& b) { return a.second < b.second; });
    REQUIRE(most != played.end());
    std::string title;
    for (const auto& e : lib.entries)
        if (e.playable() && e.scenario->id == most->first) title = e.scenario->title;
    REQUIRE(!title.empty());

    Headless h(db, false);
    h.app->hr().data().exportFolder = dbDir.path().string();
    CHECK(h.run("click HR reports\nexpect-screen hr-table\nwait-idle\nclick Item analysis\n"
                "expect-screen hr-items\nclick Scenario\nwait-frames 1\nclick " +
                labelText(title) + "##option\nwait-idle\nwait-frames 2\n") == "");
    const auto& shown = h.app->hr().items().report().value();
    REQUIRE(shown);
    // The store's responses through core, computed here on their own.
    store::AttemptFilter filter;
    filter.finishedOnly = true;
    filter.scenario = most->first;
    store::ResultsStore s(db);
    const auto read = store::attemptResponses(s, filter, store::libraryLookup(lib));
    const auto expected = statisticsByMode(read.attempts, std::nullopt);
    REQUIRE(shown->modes.size() == expected.size());
    REQUIRE(!expected.empty());
    for (std::size_t m = 0; m < expected.size(); ++m) {
        CHECK(shown->modes[m].attempts == expected[m].attempts);
        REQUIRE(shown->modes[m].items.size() == expected[m].items.size());
        for (std::size_t i = 0; i < expected[m].items.size(); ++i) {
            CHECK(shown->modes[m].items[i].node == expected[m].items[i].node);
            CHECK(shown->modes[m].items[i].difficulty == expected[m].items[i].difficulty);
            CHECK(shown->modes[m].items[i].responses == expected[m].items[i].responses);
        }
    }
    const std::string page = h.settle();
    CHECK(page.find(expected[0].items[0].node) != std::string::npos);
    CHECK(page.find("Item analysis") != std::string::npos);

    // Exam only: the practice sittings leave the figures.
    CHECK(h.run("click Mode\nwait-frames 1\nclick Exam##option\nwait-idle\nwait-frames 2\n") == "");
    REQUIRE(h.app->hr().items().report().value());
    for (const auto& m : h.app->hr().items().report().value()->modes)
        CHECK(m.mode == AttemptMode::Exam);

    CHECK(h.run("click Printable page\nwait-frames 2\n") == "");
    bool printed = false;
    for (const auto& f : fs::directory_iterator(dbDir.path()))
        if (f.path().filename().string().starts_with("rapport-items-")) {
            printed = true;
            const std::string html = test::readText(f.path());
            CHECK(html.find("<html lang=\"en\"") != std::string::npos);
            CHECK(html.find(most->first) != std::string::npos);
        }
    CHECK(printed);
}

namespace {

// "Trainee 000" … in two groups (odd and even), for the paging and sorting tests.
std::vector<DemoTrainee> numberedTrainees(int n) {
    std::vector<DemoTrainee> many;
    for (int i = 0; i < n; ++i) {
        char name[32];
        std::snprintf(name, sizeof name, "Trainee %03d", i);
        many.push_back({name, "E-" + std::to_string(5000 + i), i % 2 ? "Odd" : "Even"});
    }
    return many;
}

// The trainees of the HR table's page as it is shown.
std::vector<std::string> tableNames(Headless& h) {
    std::vector<std::string> v;
    for (const auto& r : h.app->hr().table().table.rows) v.push_back(r.trainee);
    return v;
}

}  // namespace

TEST_CASE("hr screens: the table pages through trainees 100 at a time") {
    test::TempDir dbDir;
    const std::string db = dbDir.file("results.db");
    makeDemoDatabase(db, numberedTrainees(230), 1);
    Headless h(db, false);
    CHECK(h.run("click HR reports\nexpect-screen hr-table\nwait-idle\nwait-frames 2\n") == "");
    auto names = [&] { return tableNames(h); };
    auto v = names();
    REQUIRE(v.size() == 100);
    CHECK(v.front() == "Trainee 000");
    CHECK(v.back() == "Trainee 099");
    CHECK(h.app->hr().data().table().value()->trainees == 230);
    CHECK(h.app->hr().data().knownGroups() == std::vector<std::string>{"Even", "Odd"});
    CHECK(h.run("click Next page\nwait-idle\nwait-frames 2\n") == "");
    v = names();
    REQUIRE(v.size() == 100);
    CHECK(v.front() == "Trainee 100");
    CHECK(h.run("click Next page\nwait-idle\nwait-frames 2\n") == "");
    v = names();
    REQUIRE(v.size() == 30);
    CHECK(v.back() == "Trainee 229");
    CHECK(h.run("click Previous page\nwait-idle\nwait-frames 2\n") == "");
    CHECK(names().front() == "Trainee 100");
    // A filter goes back to the first page.
    CHECK(h.run("click Group\nclick Odd##option\nwait-idle\nwait-frames 2\n") == "");
    CHECK(h.app->hr().data().pageOffset() == 0);
    v = names();
    REQUIRE(v.size() == 100);
    CHECK(v.front() == "Trainee 001");
}

TEST_CASE("hr screens: a sort orders the whole company's trainees, then the page is cut") {
    test::TempDir dbDir;
    const std::string db = dbDir.file("results.db");
    makeDemoDatabase(db, numberedTrainees(230), 1);
    Headless h(db, false);
    CHECK(h.run("click HR reports\nexpect-screen hr-table\nwait-idle\nwait-frames 2\n") == "");
    auto names = [&] { return tableNames(h); };
    auto slice = [](const std::vector<std::string>& v, std::size_t from, std::size_t n) {
        return std::vector<std::string>(v.begin() + long(from),
                                        v.begin() + long(std::min(v.size(), from + n)));
    };

    // The expected orders, from the store's attempts and cells, not through the HR code.
    store::ResultsStore s(db);
    std::map<std::string, std::pair<double, int>> sums;  // trainee -> (score sum, attempts)
    for (const auto& a : s.attempts({}, false))
        if (a.status == AttemptStatus::Finished && a.score) {
            sums[a.trainee].first += *a.score;
            ++sums[a.trainee].second;
        }
    std::vector<std::pair<double, std::string>> overall;
    for (const auto& [name, sc] : sums) overall.push_back({sc.first / sc.second, name});
    // Highest first, equal scores by name.
    std::sort(overall.begin(), overall.end(), [](auto& a, auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    std::vector<std::string> byOverall;
    for (const auto& [score, name] : overall) byOverall.push_back(name);
    REQUIRE(byOverall.size() == 230);
    // Not simply name order, or the test proves nothing.
    REQUIRE(slice(byOverall, 0, 100) != names());

    // From page 2, a sort goes back to page 1 of the whole company's order.
    CHECK(h.run("click Next page\nwait-idle\nwait-frames 2\n") == "");
    CHECK(h.app->hr().data().pageOffset() == 100);
    CHECK(h.run("click Overall##header\nwait-idle\nwait-frames 2\n") == "");
    CHECK(h.app->hr().data().pageOffset() == 0);
    CHECK(h.app->hr().data().table().value()->trainees == 230);
    CHECK(names() == slice(byOverall, 0, 100));
    CHECK(h.app->hr().table().table.rows.front().totals.overall == overall.front().first);
    CHECK(h.run("click Next page\nwait-idle\nwait-frames 2\n") == "");
    CHECK(names() == slice(byOverall, 100, 100));
    CHECK(h.run("click Next page\nwait-idle\nwait-frames 2\n") == "");
    CHECK(names() == slice(byOverall, 200, 100));

    // A competency, lowest first (the second click): unassessed trainees last.
    const auto& columns = h.app->hr().table().table.columns;
    REQUIRE(!columns.empty());
    const HrColumn comp = columns.front();  // a header on screen (the table scrolls sideways)
    std::vector<std::pair<double, std::string>> means;
    std::set<std::string> assessed;
    for (const auto& c : s.competencyTable({}))
        if (c.competencyId == comp.id)
            means.push_back({c.mean, c.trainee}), assessed.insert(c.trainee);
    std::sort(means.begin(), means.end());
    std::vector<std::string> byComp;
    for (const auto& [mean, name] : means) byComp.push_back(name);
    std::set<std::string> inTable;  // a table row is a trainee with any competency cell
    for (const auto& c : s.competencyTable({})) inTable.insert(c.trainee);
    for (const auto& name : inTable)
        if (!assessed.count(name)) byComp.push_back(name);
    CHECK(h.run("click " + comp.name + "##header\nwait-idle\nwait-frames 2\n") == "");
    CHECK(h.run("click " + comp.name + "##header\nwait-idle\nwait-frames 2\n") == "");
    CHECK(h.app->hr().data().sort().key == store::TableSort::Key::Competency);
    CHECK(h.app->hr().data().sort().competencyId == comp.id);
    CHECK(!h.app->hr().data().sort().descending);
    CHECK(names() == slice(byComp, 0, 100));
    CHECK(h.run("click Next page\nwait-idle\nwait-frames 2\n") == "");
    CHECK(names() == slice(byComp, 100, 100));
}
