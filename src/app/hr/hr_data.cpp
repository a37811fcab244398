#include "app/hr/hr_data.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <set>
#include <stdexcept>

#include "core/checks/scenario_check.hpp"
#include "core/files/safe_output.hpp"
#include "core/reports/report_language.hpp"
#include "core/translation/ui_format.hpp"
#include "core/translation/ui_text.hpp"
#include "store/pg_db.hpp"
#include "store/pg_target.hpp"
#include "store/results_reader.hpp"

namespace rapport::app {
namespace {

std::int64_t nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

double msSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

// Opens the store on the worker thread. Reading never creates a database: an HR user pointing at
// a wrong path should be told, not handed an empty new file. The central store is read as the
// signed-in login, so it shows exactly what row-level security grants that login.
std::unique_ptr<store::ResultsReader> openForReading(const std::string& target) {
    if (target.empty())
        throw std::runtime_error(
            tr("No results database: start Rapport with --db PATH or set RAPPORT_DB."));
    if (store::isPostgresUri(target)) {
        try {
            return store::openResultsReader(target);
        } catch (const store::PgError& e) {
            throw std::runtime_error(
                uiFormat(tr("Could not read the central store: {reason}"), {{"reason", e.what()}}));
        }
    }
    std::error_code ec;
    if (!std::filesystem::exists(target, ec))
        throw std::runtime_error(
            uiFormat(tr("No results database at {path} yet: results appear here once trainees "
                        "have played."),
                     {{"path", target}}));
    return store::openResultsReader(target);
}

// A central store's PgError, with what HR should read first.
template <class F>
auto centralErrors(const std::string& target, F&& f) {
    if (!store::isPostgresUri(target)) return f();
    try {
        return f();
    } catch (const store::PgError& e) {
        throw std::runtime_error(
            uiFormat(tr("Could not read the central store: {reason}"), {{"reason", e.what()}}));
    }
}

}  // namespace

std::unique_ptr<store::ResultsReader> HrData::SharedReader::open(const std::string& target) {
    return openForReading(target);
}

void HrData::setLanguage(std::vector<std::shared_ptr<const Framework>> frameworks,
                         std::string lang) {
    names_.frameworks = std::move(frameworks);
    names_.lang = std::move(lang);
}

void HrData::Names::apply(std::vector<AttemptRecord>& attempts) const {
    if (lang.empty()) return;
    localiseAttempts(
        attempts,
        [this](const std::string& id) -> const Framework* {
            for (const auto& f : frameworks)
                if (f->id == id) return f.get();
            return nullptr;
        },
        lang);
}

void HrData::Names::apply(std::vector<CompetencyCell>& cells) const {
    if (lang.empty()) return;
    std::vector<const Framework*> fs;
    for (const auto& f : frameworks) fs.push_back(f.get());
    localiseCompetencyTable(cells, fs, lang);
}

store::AttemptFilter storeFilter(const HrFilter& f, const std::string& trainee,
                                 const std::string& group) {
    store::AttemptFilter out;
    out.trainee = trainee;
    out.group = group.empty() ? f.group : group;
    out.scenario = f.scenario;
    out.sinceMs = f.sinceMs;
    out.untilMs = f.untilMs;
    if (const auto m = parseAttemptMode(f.mode)) out.mode = *m;
    return out;
}

HrData::HrData(std::string target)
    : target_(std::move(target)),
      reader_(std::make_shared<SharedReader>(target_)),
      shown_(store::isPostgresUri(target_) ? store::shownUri(target_) : target_) {
    std::error_code ec;
    exportFolder = std::filesystem::current_path(ec).string();
}

void HrData::ensureLoaded() {
    if (loaded_) return;
    loaded_ = true;
    startTable();
}

void HrData::startTable() {
    const store::AttemptFilter f = storeFilter(filter_);
    table_.start([reader = reader_, f, offset = offset_, sort = sort_, names = names_] {
        const auto start = std::chrono::steady_clock::now();
        store::TablePage page = centralErrors(reader->target, [&] {
            return reader->use([&](store::ResultsReader& db) {
                return db.tablePage(f, offset, kHrPageSize, sort);
            });
        });
        HrTableResult r;
        r.cells = std::move(page.cells);
        for (const auto& [name, t] : page.totals)
            r.totals[name] = HrTotals{t.attempts, t.passed, t.overall};
        r.order = std::move(page.order);
        r.offset = offset;
        r.trainees = page.trainees;
        r.groups = std::move(page.groups);
        names.apply(r.cells);
        r.queryMs = msSince(start);
        return r;
    });
}

void HrData::showPage(std::size_t offset) {
    offset_ = offset;
    loaded_ = true;
    startTable();
}

void HrData::setSort(const store::TableSort& sort) {
    if (sort == sort_) return;
    sort_ = sort;
    offset_ = 0;
    loaded_ = true;
    startTable();
}

void HrData::setFilter(const HrFilter& f) {
    if (f == filter_ && loaded_) return;
    filter_ = f;
    offset_ = 0;
    loaded_ = true;
    startTable();
    if (!trainee_.empty()) openTrainee(trainee_);
    if (!group_.empty()) openGroup(group_);
}

void HrData::refresh() {
    loaded_ = true;
    groupsFromUnfiltered_ = false;
    startTable();
    if (!trainee_.empty()) openTrainee(trainee_);
    if (!group_.empty()) openGroup(group_);
    if (attemptId_) openAttempt(attemptRecord_);
}

void HrData::openTrainee(const std::string& name) {
    trainee_ = name;
    const store::AttemptFilter f = storeFilter(filter_, name);
    traineeAttempts_.start([reader = reader_, f, name, names = names_] {
        const auto start = std::chrono::steady_clock::now();
        HrAttemptsResult r;
        r.subject = name;
        r.attempts = centralErrors(reader->target, [&] {
            return reader->use([&](store::ResultsReader& db) { return db.attempts(f, true); });
        });
        names.apply(r.attempts);
        r.queryMs = msSince(start);
        return r;
    });
}

void HrData::openGroup(const std::string& group) {
    group_ = group;
    store::AttemptFilter f = storeFilter(filter_, {}, group);
    groupAttempts_.start([reader = reader_, f, group, names = names_] {
        const auto start = std::chrono::steady_clock::now();
        HrAttemptsResult r;
        r.subject = group;
        // Who passed needs attempts, not their competency rows (those come from the group's
        // table cells: the table screen holds only a page of them).
        centralErrors(reader->target, [&] {
            return reader->use([&](store::ResultsReader& db) {
                r.attempts = db.attempts(f, false);
                r.cells = db.competencyTable(f);
                return 0;
            });
        });
        names.apply(r.attempts);
        names.apply(r.cells);
        r.queryMs = msSince(start);
        return r;
    });
}

void HrData::openAttempt(const AttemptRecord& record) {
    attemptId_ = record.id;
    attemptRecord_ = record;
    attempt_.start([reader = reader_, record] {
        HrStoredAttempt out;
        std::optional<store::ScenarioText> kept;
        centralErrors(reader->target, [&] {
            return reader->use([&](store::ResultsReader& db) {
                out.stored = db.loadAttempt(record);
                kept = db.scenarioText(record.contentHash);
                return 0;
            });
        });
        if (kept) {
            // Through the one check pipeline, as the library loads files: a kept text that does
            // not hash to its key never reaches the store (a CHECK), so it is the version played.
            ScenarioCheck check = checkScenarioText(kept->text, kept->scenarioId + ".json");
            if (check.scenario && check.scenario->contentHash == record.contentHash)
                out.played = std::make_shared<const Scenario>(std::move(*check.scenario));
        }
        return out;
    });
}

void HrData::exportReport(ExportFormat format, const std::string& folder,
                          const store::AttemptFilter& filter, const std::string& title) {
    const std::string target = target_;
    export_.start([reader = reader_, target, format, folder, filter, title, names = names_] {
        ReportData data;
        data.attempts = centralErrors(target, [&] {
            return reader->use([&](store::ResultsReader& db) { return db.attempts(filter, true); });
        });
        names.apply(data.attempts);
        data.scope = {filter.trainee, filter.group, filter.scenario, filter.sinceMs, filter.mode};
        data.generatedAtMs = nowMs();
        const std::string text = renderExport(data, format, title);
        std::error_code ec;
        if (folder.empty() || !std::filesystem::is_directory(folder, ec))
            throw std::runtime_error(
                uiFormat(tr("Could not export: the folder '{folder}' does not exist."),
                         {{"folder", folder}}));
        const auto file =
            std::filesystem::path(folder) / exportFileName(data.scope, format, data.generatedAtMs);
        // An export never replaces the desktop's own database files (there are none to guard
        // for the central store).
        const auto guarded =
            store::isPostgresUri(target) ? std::vector<std::string>{} : databaseFiles(target);
        if (std::string error = writeFileAtomically(file, text, guarded); !error.empty())
            throw std::runtime_error(error);
        return HrExportResult{file.string(), data.attempts.size()};
    });
}

void HrData::poll() {
    bool arrived = false;
    if (table_.poll()) {
        arrived = true;
        // The group filter offers every group of the unfiltered table, kept across filtering.
        if (table_.value() && !groupsFromUnfiltered_ && filter_.group.empty()) {
            groups_ = table_.value()->groups;
            groupsFromUnfiltered_ = filter_ == HrFilter{};
        }
    }
    arrived |= traineeAttempts_.poll();
    arrived |= groupAttempts_.poll();
    arrived |= attempt_.poll();
    arrived |= export_.poll();
    if (arrived) ++revision_;
}

void HrData::waitIdle() {
    table_.wait();
    traineeAttempts_.wait();
    groupAttempts_.wait();
    attempt_.wait();
    export_.wait();
    poll();
    ++revision_;
}

bool HrData::busy() const {
    return table_.running() || traineeAttempts_.running() || groupAttempts_.running() ||
           attempt_.running() || export_.running();
}

std::string HrData::glyphText() const {
    std::string out = shown_;
    if (table_.value())
        for (const auto& c : table_.value()->cells) out += c.trainee + c.group + c.competencyName;
    for (const auto* job : {&traineeAttempts_, &groupAttempts_})
        if (job->value())
            for (const auto& a : job->value()->attempts) {
                out += a.trainee + a.scenarioTitle + a.group;
                for (const auto& c : a.competencies) out += c.name + c.level;
            }
    if (attempt_.value()) {
        const auto& s = attempt_.value()->stored;
        out += s.record.trainee + s.record.scenarioTitle + s.report.dump();
        for (const auto& step : s.transcript.steps) out += step.textShown + step.choiceText;
    }
    for (const auto* e : {&table_.error(), &traineeAttempts_.error(), &groupAttempts_.error(),
                          &attempt_.error(), &export_.error()})
        out += *e;
    if (export_.value()) out += export_.value()->path;
    return out;
}

}  // namespace rapport::app
