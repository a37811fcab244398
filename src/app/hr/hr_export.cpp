#include "app/hr/hr_export.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/reports/report_csv.hpp"
#include "core/reports/report_html.hpp"
#include "core/reports/report_json.hpp"
#include "core/reports/report_time.hpp"
#include "core/reports/report_xapi.hpp"

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
    }
    return "html";
}

std::string renderExport(const ReportData& data, ExportFormat format, const std::string& title) {
    switch (format) {
        case ExportFormat::Html: {
            HtmlReportOptions o;
            if (!title.empty()) o.title = title;
            return renderReportHtml(data, o);
        }
        case ExportFormat::Csv:
            return renderReportCsv(data);
        case ExportFormat::Json:
            return renderReportJson(data).dump(2) + "\n";
        case ExportFormat::Xapi:
            return renderXapiStatements(data, XapiOptions{}).dump(2) + "\n";
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

std::string writeFileAtomically(const std::filesystem::path& path, std::string_view text) {
    const std::string target = path.string();
    const std::string tmp = target + ".tmp";
    auto failure = [&](const char* what, int err) {
        return "Could not " + std::string(what) + " " + target + ": " + std::strerror(err);
    };
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return failure("create", errno);
    const char* p = text.data();
    std::size_t left = text.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, p, left);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            const int err = n < 0 ? errno : ENOSPC;
            ::close(fd);
            ::unlink(tmp.c_str());
            return failure("write", err);
        }
        p += n;
        left -= std::size_t(n);
    }
    // fsync reports a delayed write error (full disk on some file systems) before the rename.
    if (::fsync(fd) != 0) {
        const int err = errno;
        ::close(fd);
        ::unlink(tmp.c_str());
        return failure("write", err);
    }
    if (::close(fd) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        return failure("write", err);
    }
    if (::rename(tmp.c_str(), target.c_str()) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        return failure("write", err);
    }
    return {};
}

}  // namespace rapport::app
