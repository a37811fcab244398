#include "store/pg_competencies.hpp"

#include <algorithm>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <optional>

namespace rapport::store {

namespace {

using nlohmann::json;

// One array per competency, positional: the summary of 10,000 attempts is read per page, and
// keys would double its size. A new field is appended, so an older reader ignores it.
enum Field {
    Id,
    Name,
    Score,
    Earned,
    Available,
    Level,
    Assessed,
    Rated,
    Opportunities,
    Confidence
};

std::vector<CompetencyResult> sortedById(std::vector<CompetencyResult> v) {
    std::stable_sort(v.begin(), v.end(), [](const auto& x, const auto& y) { return x.id < y.id; });
    return v;
}

}  // namespace

std::vector<CompetencyResult> competenciesOfReport(std::string_view reportJson) {
    const auto report = json::parse(reportJson, nullptr, false);
    if (report.is_discarded()) return {};
    return sortedById(summariseScoreReport(report).competencies);
}

std::optional<std::string> competencySummaryText(std::string_view reportJson) {
    const auto report = json::parse(reportJson, nullptr, false);
    if (report.is_discarded()) return std::nullopt;
    json out = json::array();
    for (const auto& c : sortedById(summariseScoreReport(report).competencies))
        out.push_back(json::array({c.id, c.name, c.score ? json(*c.score) : json(nullptr), c.earned,
                                   c.available, c.level, c.assessed, c.rated, c.opportunities,
                                   c.confidence}));
    // nlohmann prints the shortest text that reads back as the same double, so the figures
    // stay bit for bit those of the report.
    return out.dump();
}

namespace {

// A reader for exactly what competencySummaryText writes (arrays of strings, numbers, booleans
// and null): a group page decodes 10,000 of these, and a general JSON parser building a tree
// for each was half of the page's time (bench/bench_sync.cpp). Anything else makes it give up,
// and the general parser decides.
class SummaryReader {
public:
    explicit SummaryReader(std::string_view s) : s_(s) {}

    // Fills `out`; false when the text is not in the shape written.
    bool read(std::vector<CompetencyResult>& out) {
        if (!take('[')) return false;
        if (take(']')) return atEnd();
        do {
            CompetencyResult c;
            if (!row(c)) return false;
            out.push_back(std::move(c));
        } while (take(','));
        return take(']') && atEnd();
    }

private:
    bool row(CompetencyResult& c) {
        std::optional<double> score, earned, available, opportunities;
        bool assessed = false, rated = false;
        if (!take('[') || !string(c.id) || !take(',') || !string(c.name) || !take(',') ||
            !number(score) || !take(',') || !number(earned) || !take(',') || !number(available) ||
            !take(',') || !string(c.level) || !take(',') || !boolean(assessed) || !take(',') ||
            !boolean(rated) || !take(',') || !number(opportunities) || !take(',') ||
            !string(c.confidence))
            return false;
        // Fields a later version appends are skipped only by the general parser.
        if (!take(']')) return false;
        c.score = score;
        c.earned = earned.value_or(0);
        c.available = available.value_or(0);
        c.assessed = assessed;
        c.rated = rated;
        c.opportunities = int(opportunities.value_or(0));
        return true;
    }
    bool take(char ch) {
        if (i_ >= s_.size() || s_[i_] != ch) return false;
        ++i_;
        return true;
    }
    bool atEnd() const { return i_ == s_.size(); }
    bool word(std::string_view w) {
        if (s_.substr(i_, w.size()) != w) return false;
        i_ += w.size();
        return true;
    }
    bool boolean(bool& b) {
        if (word("true")) return b = true;
        b = false;
        return word("false");
    }
    bool number(std::optional<double>& v) {
        if (word("null")) return true;
        const std::size_t from = i_;
        while (i_ < s_.size() &&
               std::string_view("+-.0123456789eE").find(s_[i_]) != std::string_view::npos)
            ++i_;
        if (i_ == from) return false;
        // strtod reads JSON's number syntax exactly, and the text was printed to round-trip.
        const std::string text(s_.substr(from, i_ - from));
        char* end = nullptr;
        v = std::strtod(text.c_str(), &end);
        return end == text.c_str() + text.size();
    }
    bool string(std::string& out) {
        if (!take('"')) return false;
        for (;;) {
            const std::size_t stop = s_.find_first_of("\\\"", i_);
            if (stop == std::string_view::npos) return false;
            out.append(s_.substr(i_, stop - i_));
            i_ = stop + 1;
            if (s_[stop] == '"') return true;
            // An escape: the one-letter ones here, \uXXXX (control characters) to the parser.
            if (i_ >= s_.size()) return false;
            const char e = s_[i_++];
            switch (e) {
                case '"':
                    out += '"';
                    break;
                case '\\':
                    out += '\\';
                    break;
                case '/':
                    out += '/';
                    break;
                case 'b':
                    out += '\b';
                    break;
                case 'f':
                    out += '\f';
                    break;
                case 'n':
                    out += '\n';
                    break;
                case 'r':
                    out += '\r';
                    break;
                case 't':
                    out += '\t';
                    break;
                default:
                    return false;
            }
        }
    }

    std::string_view s_;
    std::size_t i_ = 0;
};

}  // namespace

std::vector<CompetencyResult> parseCompetencySummary(std::string_view summary) {
    std::vector<CompetencyResult> out;
    if (SummaryReader(summary).read(out)) return out;
    out.clear();
    const auto j = json::parse(summary, nullptr, false);
    if (!j.is_array()) return out;
    for (const auto& row : j) {
        if (!row.is_array() || row.size() <= Confidence || !row[Id].is_string()) continue;
        CompetencyResult c;
        c.id = row[Id].get<std::string>();
        if (row[Name].is_string()) c.name = row[Name].get<std::string>();
        if (row[Score].is_number()) c.score = row[Score].get<double>();
        if (row[Earned].is_number()) c.earned = row[Earned].get<double>();
        if (row[Available].is_number()) c.available = row[Available].get<double>();
        if (row[Level].is_string()) c.level = row[Level].get<std::string>();
        c.assessed = row[Assessed].is_boolean() && row[Assessed].get<bool>();
        c.rated = row[Rated].is_boolean() && row[Rated].get<bool>();
        if (row[Opportunities].is_number_integer()) c.opportunities = row[Opportunities].get<int>();
        if (row[Confidence].is_string()) c.confidence = row[Confidence].get<std::string>();
        out.push_back(std::move(c));
    }
    return out;
}

}  // namespace rapport::store
