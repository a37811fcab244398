// What the HR area reads from the results store: the desktop's own SQLite file, or the central
// PostgreSQL store when the app runs with one (store/results_reader.hpp). Every query runs on a
// worker thread, once per filter change or page opened, never per frame, so a large table never
// freezes the window; screens show "loading" until poll() picks it up. The queries share one
// connection for the HR session (opened at the first, one at a time), and the table is read a
// page of trainees at a time, so the window never builds the whole company's rows.
#pragma once

#include <cstdint>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "app/hr/hr_export.hpp"
#include "app/hr/hr_table_model.hpp"
#include "core/framework/framework.hpp"
#include "core/reports/report_model.hpp"
#include "store/results_reader.hpp"
#include "store/results_store.hpp"

namespace rapport::app {

// The HR filter: empty / absent fields do not filter. Dates are Unix ms UTC.
struct HrFilter {
    std::string group;
    std::string scenario;                 // scenario id
    std::optional<std::int64_t> sinceMs;  // started at or after
    std::optional<std::int64_t> untilMs;  // started before
    std::string mode;                     // "practice" or "exam"; empty = both
    bool operator==(const HrFilter&) const = default;
};

// The store filter for `f`, narrowed to one trainee and/or group when given.
store::AttemptFilter storeFilter(const HrFilter& f, const std::string& trainee = {},
                                 const std::string& group = {});

// One query on a worker thread. start() supersedes a running query: its result is dropped when it
// arrives (SQLite cannot be stopped mid-query here), without blocking the caller.
template <class T>
class HrJob {
public:
    HrJob() = default;
    HrJob(const HrJob&) = delete;
    HrJob& operator=(const HrJob&) = delete;
    ~HrJob() {
        for (auto& f : retired_) f.wait();
        if (current_.valid()) current_.wait();
    }

    void start(std::function<T()> work) {
        if (current_.valid()) retired_.push_back(std::move(current_));
        current_ = std::async(std::launch::async, std::move(work));
        error_.clear();
    }
    // Picks up a finished result; true when one arrived (value or error) in this call.
    bool poll() {
        std::erase_if(retired_, [](auto& f) {
            return f.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
        });
        if (!current_.valid() ||
            current_.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
            return false;
        try {
            value_ = current_.get();
        } catch (const std::exception& e) {
            value_.reset();
            error_ = e.what();
        }
        return true;
    }
    // Blocks until the running query is done (tests); poll() then picks the result up.
    void wait() {
        if (current_.valid()) current_.wait();
    }
    bool running() const { return current_.valid(); }
    const std::optional<T>& value() const { return value_; }
    const std::string& error() const { return error_; }
    void clear() { value_.reset(), error_.clear(); }

private:
    std::future<T> current_;
    std::vector<std::future<T>> retired_;
    std::optional<T> value_;
    std::string error_;
};

struct HrTableResult {
    std::vector<CompetencyCell> cells;       // the page's trainees
    std::map<std::string, HrTotals> totals;  // per trainee: overall score, pass rate, attempts
    std::vector<std::string> order;          // the page's trainees in the sort's order
    std::size_t offset = 0;                  // the page's first trainee, from 0
    std::size_t trainees = 0;                // in the whole table
    std::vector<std::string> groups;         // of the whole table, sorted
    double queryMs = 0;
};

struct HrAttemptsResult {
    std::string subject;  // the trainee or group the attempts are for
    std::vector<AttemptRecord> attempts;
    std::vector<CompetencyCell> cells;  // the group page: the group's table cells
    double queryMs = 0;
};

// Trainees a table page shows.
inline constexpr std::size_t kHrPageSize = 100;

struct HrStoredAttempt {
    store::StoredAttempt stored;
    // The scenario version the attempt was played on, rebuilt from the text the store kept;
    // null when the store has none or it no longer loads (the attempt page then uses the
    // library's file with the same content hash, if any).
    std::shared_ptr<const Scenario> played;
};

struct HrExportResult {
    std::string path;  // the file written
    std::size_t attempts = 0;
};

class HrData {
public:
    // `target` is the resolved database path, or the central store's postgresql:// URI; empty
    // when none could be resolved (no HOME).
    explicit HrData(std::string target);

    // What the pages show as the source: the path, or the URI without its password.
    const std::string& path() const { return shown_; }
    // Competency and level names of the queries started from now on are in `lang`, from these
    // frameworks (docs/scoring.md, "Languages"); the store keeps the scorer's words.
    void setLanguage(std::vector<std::shared_ptr<const Framework>> frameworks, std::string lang);
    std::string exportFolder;  // where exports go; starts as the working folder

    const HrFilter& filter() const { return filter_; }
    // Restarts the table query when the filter changed (and the open trainee / group pages).
    void setFilter(const HrFilter& f);
    // Runs the current queries again (new attempts may have been recorded meanwhile).
    void refresh();
    // First call loads the table; later calls do nothing until refresh().
    void ensureLoaded();
    // Shows the table's page starting at trainee `offset` (from 0; a filter change goes back
    // to the first page).
    void showPage(std::size_t offset);
    std::size_t pageOffset() const { return offset_; }
    // Orders the whole table's trainees by `sort` (the store sorts, then cuts the page) and
    // goes back to the first page; the same sort again does nothing.
    void setSort(const store::TableSort& sort);
    const store::TableSort& sort() const { return sort_; }

    const HrJob<HrTableResult>& table() const { return table_; }
    // Groups seen in the unfiltered table, sorted; offered by the group filter.
    const std::vector<std::string>& knownGroups() const { return groups_; }

    void openTrainee(const std::string& name);
    const std::string& trainee() const { return trainee_; }
    const HrJob<HrAttemptsResult>& traineeAttempts() const { return traineeAttempts_; }

    void openGroup(const std::string& group);
    const std::string& group() const { return group_; }
    const HrJob<HrAttemptsResult>& groupAttempts() const { return groupAttempts_; }

    // `record` is one of the attempts the trainee or group page read.
    void openAttempt(const AttemptRecord& record);
    std::int64_t attemptId() const { return attemptId_; }
    const HrJob<HrStoredAttempt>& attempt() const { return attempt_; }

    // Writes the attempts of `filter` (the current page's scope) as `format` into `folder`.
    void exportReport(ExportFormat format, const std::string& folder,
                      const store::AttemptFilter& filter, const std::string& title);
    const HrJob<HrExportResult>& lastExport() const { return export_; }

    // Per frame: picks up finished queries. Cheap when nothing arrived.
    void poll();
    // Blocks until every running query is done (tests, scripted runs).
    void waitIdle();
    bool busy() const;
    // Changes whenever a result arrives, so the shell knows to refresh glyphs.
    std::uint64_t revision() const { return revision_; }
    // Names, groups and competencies in the loaded results (for the font's glyph set).
    std::string glyphText() const;

private:
    void startTable();

    // What a query needs to name competencies in the reader's language, copied into each job.
    struct Names {
        std::vector<std::shared_ptr<const Framework>> frameworks;
        std::string lang;
        void apply(std::vector<AttemptRecord>& attempts) const;
        void apply(std::vector<CompetencyCell>& cells) const;
    };

    // The HR session's one reader, shared by the worker threads one query at a time (a
    // PostgreSQL connection serves one query at a time).
    struct SharedReader {
        explicit SharedReader(std::string t) : target(std::move(t)) {}
        std::string target;
        std::mutex mutex;
        std::unique_ptr<store::ResultsReader> reader;
        template <class F>
        auto use(F&& f) {
            std::lock_guard lock(mutex);
            if (!reader) reader = open(target);
            return f(*reader);
        }
        static std::unique_ptr<store::ResultsReader> open(const std::string& target);
    };

    std::string target_;
    std::shared_ptr<SharedReader> reader_;
    std::size_t offset_ = 0;
    store::TableSort sort_;
    std::string shown_;
    Names names_;
    HrFilter filter_;
    bool loaded_ = false;
    std::uint64_t revision_ = 0;
    std::vector<std::string> groups_;
    bool groupsFromUnfiltered_ = false;
    HrJob<HrTableResult> table_;
    std::string trainee_;
    HrJob<HrAttemptsResult> traineeAttempts_;
    std::string group_;
    HrJob<HrAttemptsResult> groupAttempts_;
    std::int64_t attemptId_ = 0;
    AttemptRecord attemptRecord_;
    HrJob<HrStoredAttempt> attempt_;
    HrJob<HrExportResult> export_;
};

}  // namespace rapport::app
