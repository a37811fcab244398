// Results-store benchmark: builds a database of 100,000 finished attempts (1,000 trainees in 20
// groups, 10 scenarios, 10 competencies, 6 journaled steps each) in a temporary folder and times
// the HR table and a group report. Prints figures; asserts nothing.
//   usage: bench_store [ATTEMPTS] [DB]   (default 100000 attempts in a temporary folder; an
//   existing
//          DB is reused as it is, without generating)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>

#include "core/reports/report_csv.hpp"
#include "core/reports/report_html.hpp"
#include "core/reports/report_json.hpp"
#include "store/results_store.hpp"

using namespace rapport;
using namespace rapport::store;
using Clock = std::chrono::steady_clock;

namespace {

double msSince(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

const char* kCompetencies[] = {
    "prospect_intelligence", "counterparty_risk",   "needs_discovery", "value_proposition",
    "objection_handling",    "negotiation",         "closing",         "complaint_resolution",
    "account_development",   "professional_conduct"};

}  // namespace

int main(int argc, char** argv) {
    const int attempts = argc > 1 ? std::atoi(argv[1]) : 100'000;
    const int trainees = 1000, groups = 20, scenarios = 10, steps = 6;
    std::string tmpl = (std::filesystem::temp_directory_path() / "rapport-bench-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) return 1;
    const bool reuse = argc > 2 && std::filesystem::exists(argv[2]);
    const std::string path = argc > 2 ? std::string(argv[2]) : tmpl + "/results.db";
    std::mt19937_64 rng(42);
    std::uniform_real_distribution<double> score(20, 100);

    auto t0 = Clock::now();
    if (!reuse) {
        ResultsStore db(path);
        Transaction all(
            db.database());  // one outer transaction: the calls below nest as savepoints
        std::vector<std::int64_t> ids;
        for (int t = 0; t < trainees; ++t)
            ids.push_back(
                db.upsertTrainee({"Trainee " + std::to_string(t), "E-" + std::to_string(10000 + t),
                                  "Group " + std::to_string(t % groups)}));
        for (int i = 0; i < attempts; ++i) {
            AttemptStart a;
            a.traineeId = ids[std::size_t(i % trainees)];
            a.scenarioId = "scenario-" + std::to_string(i % scenarios);
            a.scenarioVersion = "1.0";
            a.scenarioTitle = "Scenario " + std::to_string(i % scenarios);
            a.contentHash = std::string(64, 'c');
            a.frameworkId = "account-manager";
            a.frameworkVersion = "1.0.0";
            a.startedAtMs = 1'735'689'600'000 + std::int64_t(i) * 60'000;
            auto id = db.beginAttempt(a);
            for (int s = 1; s <= steps; ++s) {
                TranscriptStep st;
                st.step = s;
                st.node = "n" + std::to_string(s - 1);
                st.next = s == steps ? "end" : "n" + std::to_string(s);
                st.textShown =
                    "The client says something reasonably long at this point of the conversation.";
                st.choicesShown = {"a", "b", "c"};
                st.choice = "b";
                st.choiceNumber = 2;
                st.choiceText =
                    "The trainee answers with a line of typical length for a dialogue choice.";
                st.timeTakenMs = 4000;
                db.appendStep(id, st,
                              nlohmann::json::array({{{"indicator", "needs_discovery.asks"}}}),
                              nullptr);
            }
            nlohmann::json comps = nlohmann::json::array();
            for (int c = 0; c < 10; ++c) {
                bool assessed = (c + i) % 3 != 0;
                double sc = score(rng);
                comps.push_back({{"id", kCompetencies[c]},
                                 {"name", kCompetencies[c]},
                                 {"score", assessed ? nlohmann::json(sc) : nlohmann::json(nullptr)},
                                 {"level", assessed ? "Proficient" : ""},
                                 {"assessed", assessed},
                                 {"opportunities", assessed ? 3 : 0},
                                 {"confidence", "ok"}});
            }
            double overall = score(rng);
            db.finishAttempt(id, {"end",
                                  "won",
                                  a.startedAtMs + 600'000,
                                  {{"overall", {{"score", overall}, {"passed", overall >= 70}}},
                                   {"competencies", comps}}});
        }
        all.commit();
    }
    if (!reuse)
        std::printf("generate %d attempts (%d steps each): %.0f ms, file %.1f MB\n", attempts,
                    steps, msSince(t0), double(std::filesystem::file_size(path)) / 1e6);

    ResultsStore db(path);
    for (int run = 0; run < 2; ++run) {  // second run: warm page cache
        auto t = Clock::now();
        auto table = db.competencyTable({});
        std::printf("[%s] HR table, all trainees x competencies: %zu cells in %.1f ms\n",
                    run ? "warm" : "cold", table.size(), msSince(t));
        AttemptFilter g;
        g.group = "Group 3";
        t = Clock::now();
        auto gtable = db.competencyTable(g);
        std::printf("[%s] HR table, one group: %zu cells in %.1f ms\n", run ? "warm" : "cold",
                    gtable.size(), msSince(t));
        AttemptFilter sc;
        sc.scenario = "scenario-3";
        t = Clock::now();
        auto stable = db.competencyTable(sc);
        std::printf("[%s] HR table, one scenario: %zu cells in %.1f ms\n", run ? "warm" : "cold",
                    stable.size(), msSince(t));
        AttemptFilter since;
        since.sinceMs = 1'735'689'600'000 + std::int64_t(attempts / 2) * 60'000;  // the newer half
        t = Clock::now();
        auto dtable = db.competencyTable(since);
        std::printf(
            "[%s] HR table, all trainees, date range (from the competency rows): %zu cells in %.1f "
            "ms\n",
            run ? "warm" : "cold", dtable.size(), msSince(t));
        since.group = g.group;
        t = Clock::now();
        auto gdtable = db.competencyTable(since);
        std::printf("[%s] HR table, one group, date range: %zu cells in %.1f ms\n",
                    run ? "warm" : "cold", gdtable.size(), msSince(t));
        t = Clock::now();
        ReportData data;
        data.scope.group = g.group;
        data.attempts = db.attempts(g);
        double q = msSince(t);
        auto t2 = Clock::now();
        std::string html = renderReportHtml(data);
        std::printf(
            "[%s] group report (%zu attempts): query %.1f ms + HTML %.1f ms = %.1f ms, %.1f MB\n",
            run ? "warm" : "cold", data.attempts.size(), q, msSince(t2), msSince(t),
            double(html.size()) / 1e6);
        t = Clock::now();
        HtmlReportOptions summary;
        summary.traineePages = false;
        std::string shtml = renderReportHtml(data, summary);
        std::printf("[%s] group summary HTML (no trainee pages): %.1f ms\n", run ? "warm" : "cold",
                    msSince(t));
        AttemptFilter one;
        one.trainee = "Trainee 7";
        t = Clock::now();
        ReportData td;
        td.attempts = db.attempts(one);
        std::string thtml = renderReportHtml(td);
        std::printf("[%s] trainee report (%zu attempts): %.1f ms\n", run ? "warm" : "cold",
                    td.attempts.size(), msSince(t));
    }
    auto t = Clock::now();
    ReportData everything;
    everything.attempts = db.attempts({});
    double q = msSince(t);
    t = Clock::now();
    std::string csv = renderReportCsv(everything);
    std::printf("all %zu attempts: query %.0f ms, CSV %.0f ms (%.1f MB)\n",
                everything.attempts.size(), q, msSince(t), double(csv.size()) / 1e6);
    std::filesystem::remove_all(tmpl);
    return 0;
}
