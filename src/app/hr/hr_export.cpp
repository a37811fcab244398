#include "app/hr/hr_export.hpp"

#include "core/files/safe_output.hpp"
#include "core/reports/hr_pages_html.hpp"
#include "core/reports/report_csv.hpp"
#include "core/reports/report_html.hpp"
#include "core/reports/report_json.hpp"
#include "core/reports/report_time.hpp"
#include "core/reports/report_xapi.hpp"
#include "core/translation/interface_language.hpp"
#include "core/translation/ui_format.hpp"
#include "core/translation/ui_text.hpp"

namespace rapport::app {

const char* exportFormatName(ExportFormat f) {
    switch (f) {
        case ExportFormat::Html:
            return "HTML";
        case ExportFormat::Csv:
            return "CSV";
        case ExportFormat::Json:
            return "JSON";
        case ExportFormat::Xapi:
            return "xAPI";
        case ExportFormat::Page:
            return tr("Printable page");
    }
    return "HTML";
}

const char* exportExtension(ExportFormat f) {
    switch (f) {
        case ExportFormat::Html:
            return "html";
        case ExportFormat::Csv:
            return "csv";
        case ExportFormat::Json:
            return "json";
        case ExportFormat::Xapi:
            return "xapi.json";
        case ExportFormat::Page:
            return "print.html";
    }
    return "html";
}

std::string renderExport(const ReportData& data, ExportFormat format, const std::string& title) {
    switch (format) {
        case ExportFormat::Html: {
            // The report's headings in the language the HR reader has the app in.
            HtmlReportOptions o;
            o.language = interfaceLanguage();
            o.title = title.empty() ? std::string(tr("Rapport results")) : title;
            return renderReportHtml(data, o);
        }
        case ExportFormat::Csv:
            return renderReportCsv(data);
        case ExportFormat::Json:
            return renderReportJson(data).dump(2) + "\n";
        case ExportFormat::Xapi:
            return renderXapiStatements(data, XapiOptions{}).dump(2) + "\n";
        case ExportFormat::Page: {
            // The interface's own language: no switch of gettext's state on this worker thread.
            HrPageOptions o;
            o.language = interfaceLanguage();
            o.title = title;
            if (!data.scope.trainee.empty()) return renderTraineePageHtml(data, o);
            if (!data.scope.group.empty()) return renderGroupPageHtml(data, o);
            return renderTablePageHtml(data, o);
        }
    }
    return {};
}

std::string exportFileName(const ReportScope& scope, ExportFormat format, std::int64_t nowMs) {
    std::string what = !scope.trainee.empty() ? scope.trainee
                       : !scope.group.empty() ? "group-" + scope.group
                                              : "all";
    std::string safe;
    for (unsigned char c : what) {
        const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                          (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (keep)
            safe += char(c);
        else if (!safe.empty() && safe.back() != '-')
            safe += '-';
        if (safe.size() >= 40) break;
    }
    while (!safe.empty() && safe.back() == '-') safe.pop_back();
    if (safe.empty()) safe = "trainee";
    // "2025-03-14T09:41:07.512Z" -> "2025-03-14-094107"
    const std::string ts = formatTimestampUtc(nowMs);
    std::string stamp =
        ts.substr(0, 10) + "-" + ts.substr(11, 2) + ts.substr(14, 2) + ts.substr(17, 2);
    return "rapport-" + safe + "-" + stamp + "." + exportExtension(format);
}

std::string writeFileAtomically(const std::filesystem::path& path, std::string_view text,
                                const std::vector<std::string>& inputs) {
    const OutputWrite w = writeOutputFile(path.string(), text, inputs);
    return w ? std::string()
             : uiFormat(tr("Could not write {path}: {error}"),
                        {{"path", path.string()}, {"error", w.reason}});
}

}  // namespace rapport::app
