// `rapport report`: HR exports from the results store. Selection is done by the store, rendering
// by core; this file only parses arguments and writes the file.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "cli/cli_verbs.hpp"
#include "core/files/safe_output.hpp"
#include "core/framework/framework_catalog.hpp"
#include "core/platform/bundled_data.hpp"
#include "core/reports/hr_pages_html.hpp"
#include "core/reports/items_html.hpp"
#include "core/reports/report_csv.hpp"
#include "core/reports/report_html.hpp"
#include "core/reports/report_items.hpp"
#include "core/reports/report_json.hpp"
#include "core/reports/report_language.hpp"
#include "core/reports/report_time.hpp"
#include "core/reports/report_xapi.hpp"
#include "core/translation/interface_language.hpp"
#include "core/translation/ui_format.hpp"
#include "core/translation/ui_text.hpp"
#include "core/translation/ui_text_in.hpp"
#include "store/attempt_responses.hpp"
#include "store/database_path.hpp"
#include "store/pg_reports.hpp"
#include "store/pg_responses.hpp"
#include "store/results_store.hpp"

namespace rapport::cli {

namespace {

void printUsage(std::FILE* out) {
    std::fputs(
        tr("usage: rapport report [--db PATH] [--trainee NAME] [--group G] [--scenario ID]\n"
           "                      [--since DATE] [--mode practice|exam|all]\n"
           "                      --format html|csv|json|xapi|items|items-json|html-table|\n"
           "                               html-trainee|html-group|html-items [-o FILE]\n\n"
           "Exports results from the results database for HR.\n\n"
           "  --db PATH        results database (default: $RAPPORT_DB, else\n"
           "                   $XDG_DATA_HOME/rapport/results.db, else "
           "~/.local/share/rapport/results.db)\n"
           "  --db postgresql://USER@HOST/DB  the central store instead, as this login may read "
           "it\n"
           "  --trainee NAME   only this trainee\n"
           "  --group G        only trainees of this group\n"
           "  --scenario ID    only attempts of this scenario\n"
           "  --since DATE     only attempts started at or after DATE (YYYY-MM-DD[THH:MM[:SS]], "
           "UTC)\n"
           "  --mode M         practice, exam or all (default): practice attempts showed feedback\n"
           "                   during play, so their figures are not comparable with exams\n"
           "  --format F       html: printable report with charts; csv: one row per attempt;\n"
           "                   json: attempts and the trainee x competency table;\n"
           "                   xapi: a JSON array of xAPI 1.0.3 statements, one per finished "
           "attempt;\n"
           "                   items: item analysis as CSV, one row per decision and reply;\n"
           "                   items-json: item analysis, reliability, test-retest and norms,\n"
           "                   per mode (docs/hr-reports.md, \"Item analysis\");\n"
           "                   html-table, html-trainee, html-group, html-items: one HR page\n"
           "                   (the table, each trainee's or group's page, the item analysis)\n"
           "                   to print on A4\n"
           "  --scenarios DIR  (items) where the attempts' scenarios are, to score every reply;\n"
           "                   repeatable; default: the bundled scenarios\n"
           "  --no-bom         (csv) no UTF-8 byte order mark at the start; by default there is\n"
           "                   one, so spreadsheet programs read Cyrillic and Japanese correctly\n"
           "  --xapi-base IRI  namespace of the activity and extension IRIs (xapi)\n"
           "  --xapi-home-page URL  the actor account's homePage, e.g. your LMS (xapi)\n"
           "  --lang L         the report in language L (en, ja, ru): html headings and labels, "
           "and\n"
           "                   competency and level names where the framework translates them;\n"
           "                   default: html in the language of the environment (LANGUAGE,\n"
           "                   LANG), the other formats with the names as stored\n"
           "  -o FILE          write to FILE instead of standard output; never onto the database\n"
           "                   itself (see docs/cli.md, \"Output files\")\n\n"
           "exit: 0 written, 3 the central store cannot be reached, 2 usage error (an --xapi-* "
           "value "
           "that is not an absolute IRI too), the\n"
           "database cannot be read, or FILE cannot (or may not) be written\n"),
        out);
}

int usage(const std::string& message) {
    std::fprintf(stderr, tr("rapport report: %s\n"), message.c_str());
    printUsage(stderr);
    return kExitUsage;
}

}  // namespace

int runReport(Args args) {
    std::optional<std::string> db, out;
    std::string format;
    store::AttemptFilter filter;
    std::vector<std::string> scenarioDirs;
    XapiOptions xapi;
    CsvOptions csv;
    std::string lang;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string_view a = args[i];
        if (a == "--help" || a == "-h") {
            printUsage(stdout);
            return kExitOk;
        }
        if (a == "--no-bom") {
            csv.byteOrderMark = false;
            continue;
        }
        auto value = [&](std::string& into) -> bool {
            if (i + 1 >= args.size()) return false;
            into = std::string(args[++i]);
            return true;
        };
        std::string v;
        if (a == "--db" || a == "--trainee" || a == "--group" || a == "--scenario" ||
            a == "--since" || a == "--format" || a == "-o" || a == "--output" ||
            a == "--xapi-base" || a == "--xapi-home-page" || a == "--mode" || a == "--scenarios" ||
            a == "--lang") {
            if (!value(v))
                return usage(
                    uiFormat(tr("option {option} needs a value"), {{"option", std::string(a)}}));
        } else {
            return usage(
                uiFormat(tr("unknown argument '{argument}'"), {{"argument", std::string(a)}}));
        }
        if (a == "--db")
            db = v;
        else if (a == "--trainee")
            filter.trainee = v;
        else if (a == "--group")
            filter.group = v;
        else if (a == "--scenario")
            filter.scenario = v;
        else if (a == "--format")
            format = v;
        else if (a == "-o" || a == "--output")
            out = v;
        else if (a == "--scenarios")
            scenarioDirs.push_back(v);
        else if (a == "--mode") {
            if (v == "all")
                filter.mode.reset();
            else if (const auto m = parseAttemptMode(v))
                filter.mode = *m;
            else
                return usage(uiFormat(tr("--mode expects practice, exam or all, got '{value}'"),
                                      {{"value", v}}));
        } else if (a == "--xapi-base")
            xapi.activityBase = v;
        else if (a == "--xapi-home-page")
            xapi.accountHomePage = v;
        else if (a == "--lang")
            lang = v;
        else if (a == "--since") {
            filter.sinceMs = parseDateUtc(v);
            if (!filter.sinceMs)
                return usage(uiFormat(
                    tr("--since expects a date like 2025-03-01 or 2025-03-01T09:30, got '{value}'"),
                    {{"value", v}}));
        }
    }
    if (!lang.empty() && baseLanguage(lang).size() < 2) {
        std::string message =
            rapport::tr("--lang expects a language such as en, ja or ru, got '%s'");
        message.replace(message.find("%s"), 2, lang);
        return usage(message);
    }
    const bool page = format == "html-table" || format == "html-trainee" ||
                      format == "html-group" || format == "html-items";
    if (format != "html" && format != "csv" && format != "json" && format != "xapi" &&
        format != "items" && format != "items-json" && !page)
        return usage(format.empty() ? "--format is required" : "unknown format '" + format + "'");
    while (!xapi.activityBase.empty() && xapi.activityBase.back() == '/')
        xapi.activityBase.pop_back();
    // Every statement carries these IRIs: one that is not an IRI makes every statement invalid.
    if (!isAbsoluteIri(xapi.activityBase))
        return usage(
            "--xapi-base must be an absolute IRI such as https://lms.example.com/xapi, "
            "got '" +
            xapi.activityBase + "'");
    if (!isAbsoluteIri(xapi.accountHomePage))
        return usage(
            "--xapi-home-page must be an absolute IRI such as https://lms.example.com, "
            "got '" +
            xapi.accountHomePage + "'");

    ReportData data;
    ItemReport items;
    const bool itemFormat = format == "items" || format == "items-json" || format == "html-items";
    // The scenarios that score every reply of an item analysis, from either store.
    auto itemLookup = [&] {
        if (scenarioDirs.empty() && !bundledData().scenarios.empty())
            scenarioDirs.push_back(bundledData().scenarios.string());
        return std::make_shared<const ScenarioLibrary>(loadScenarioLibrary(scenarioDirs));
    };
    // The files -o must never overwrite: the SQLite database read (none for a server).
    std::vector<std::string> protectedFiles;
    if (db && store::isPostgresUri(*db)) {
        // The central store: what this login's row-level security lets it read.
        try {
            store::PgConnection c(*db);
            if (itemFormat) {
                const auto library = itemLookup();
                auto read = store::pgAttemptResponses(c, filter, store::libraryLookup(*library));
                items.modes = statisticsByMode(read.attempts, filter.mode);
                items.skippedAttempts = read.skipped;
            } else {
                data.attempts = store::pgAttempts(c, filter);
            }
        } catch (const store::PgError& e) {
            std::fprintf(stderr, tr("rapport report: %s\n"), e.what());
            return e.connectionLost() ? kExitUnreachable : kExitUsage;
        } catch (const store::StoreError& e) {
            std::fprintf(stderr, tr("rapport report: %s\n"), e.what());
            return kExitUsage;
        }
    } else {
        auto path = store::resolveDatabasePath(db);
        if (!path)
            return usage(
                tr("no results database: give --db PATH or set RAPPORT_DB (HOME is not set)"));
        std::error_code ec;
        if (!std::filesystem::exists(*path, ec)) {
            std::fprintf(
                stderr,
                tr("rapport report: no results database at %s (nothing has been recorded yet?)\n"),
                path->c_str());
            return kExitUsage;
        }
        try {
            store::StoreOptions readOnly;
            readOnly.readOnly =
                true;  // a report changes nothing: a backup or read-only share works
            store::ResultsStore store(*path, readOnly);
            if (itemFormat) {
                const auto library = itemLookup();
                auto read = store::attemptResponses(store, filter, store::libraryLookup(*library));
                items.modes = statisticsByMode(read.attempts, filter.mode);
                items.skippedAttempts = read.skipped;
            } else {
                data.attempts = store.attempts(filter);
            }
        } catch (const store::StoreError& e) {
            std::fprintf(stderr, tr("rapport report: %s\n"), e.what());
            return kExitUsage;
        }
        protectedFiles = databaseFiles(*path);
    }
    // The frameworks that scored the attempts, each found and loaded once, for their names in
    // the reader's language; an attempt whose framework is gone keeps its stored words.
    std::map<std::string, std::shared_ptr<const Framework>> frameworks;
    const FrameworkResolver resolve = [&](const std::string& id) -> const Framework* {
        auto it = frameworks.find(id);
        if (it == frameworks.end())
            it = frameworks.emplace(id, lookupFramework(id, frameworkSearchPath("")).framework)
                     .first;
        return it->second.get();
    };
    // The HTML report is read by people: its words (and the framework's names in it) follow the
    // interface's language unless --lang says otherwise. The machine formats keep the stored
    // words unless asked.
    const std::string htmlLang = lang.empty() ? interfaceLanguage() : lang;
    if (format == "html" || format.rfind("html-", 0) == 0)
        localiseReportData(data, resolve, htmlLang);
    else if (!lang.empty())
        localiseReportData(data, resolve, lang);
    xapi.frameworks = resolve;
    data.scope = {filter.trainee, filter.group, filter.scenario, filter.sinceMs, filter.mode};
    data.generatedAtMs = std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::system_clock::now().time_since_epoch())
                             .count();

    items.scope = data.scope;
    items.generatedAtMs = data.generatedAtMs;

    // The printable pages speak the reader's language: --lang, else the environment's.
    HrPageOptions pageOptions;
    pageOptions.language = htmlLang;

    std::string text;
    std::size_t renderedStatements = 0;
    if (format == "html-table") {
        text = renderTablePageHtml(data, pageOptions);
    } else if (format == "html-trainee") {
        text = renderTraineePageHtml(data, pageOptions);
    } else if (format == "html-group") {
        text = renderGroupPageHtml(data, pageOptions);
    } else if (format == "html-items") {
        text = renderItemsHtml(items, pageOptions);
    } else if (format == "items") {
        text = renderItemsCsv(items, csv);
    } else if (format == "items-json") {
        text = renderItemsJson(items).dump(2) + "\n";
    } else if (format == "html") {
        HtmlReportOptions o;
        o.language = htmlLang;
        if (!filter.trainee.empty())
            o.title = uiFormat(trIn(htmlLang, "Rapport results: {trainee}"),
                               {{"trainee", filter.trainee}});
        else if (!filter.group.empty())
            o.title = uiFormat(trIn(htmlLang, "Rapport results: group {group}"),
                               {{"group", filter.group}});
        else
            o.title = trIn(htmlLang, "Rapport results");
        text = renderReportHtml(data, o);
    } else if (format == "csv") {
        text = renderReportCsv(data, csv);
    } else if (format == "json") {
        text = renderReportJson(data).dump(2) + "\n";
    } else {
        const nlohmann::json statements = renderXapiStatements(data, xapi);
        renderedStatements = statements.size();
        text = statements.dump(2) + "\n";
    }

    if (itemFormat && items.skippedAttempts > 0)
        std::fprintf(stderr,
                     trn("rapport report: %d finished attempt left out: its scenario was not "
                         "found (give --scenarios DIR)\n",
                         "rapport report: %d finished attempts left out: their scenario was not "
                         "found (give --scenarios DIR)\n",
                         (unsigned long)items.skippedAttempts),
                     items.skippedAttempts);
    if (!out || *out == "-") {
        std::fwrite(text.data(), 1, text.size(), stdout);
        return std::fflush(stdout) == 0 ? kExitOk : kExitUsage;
    }
    // Never onto the database being read (nor its -wal/-shm): that would lose every attempt.
    if (const OutputWrite w = writeOutputFile(*out, text, protectedFiles); !w) {
        std::fprintf(stderr, tr("rapport report: %s\n"), w.message.c_str());
        return kExitUsage;
    }
    if (itemFormat) {
        std::fprintf(stderr, tr("rapport report: item analysis written to %s\n"), out->c_str());
        return kExitOk;
    }
    if (format == "xapi") {
        // Only finished attempts have a statement: count what was written, and say what was not.
        const std::size_t statements = renderedStatements;
        const std::size_t left = data.attempts.size() - statements;
        const std::string written = uiFormat(trn("{n} statement", "{n} statements", statements),
                                             {{"n", std::to_string(statements)}});
        const std::string unfinished =
            uiFormat(trn("{n} attempt", "{n} attempts", left), {{"n", std::to_string(left)}});
        const std::string line =
            left > 0 ? uiFormat(tr("rapport report: {statements} written to {file} ({attempts} not "
                                   "finished, so without a statement)"),
                                {{"statements", written}, {"file", *out}, {"attempts", unfinished}})
                     : uiFormat(tr("rapport report: {statements} written to {file}"),
                                {{"statements", written}, {"file", *out}});
        std::fprintf(stderr, "%s\n", line.c_str());
        return kExitOk;
    }
    std::fprintf(stderr, tr("rapport report: %zu attempts written to %s\n"), data.attempts.size(),
                 out->c_str());
    return kExitOk;
}

}  // namespace rapport::cli
