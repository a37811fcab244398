#include "store/pg_db.hpp"

#include <libpq-fe.h>

#include <cstdlib>

namespace rapport::store {

namespace {

std::string trimmed(const char* s) {
    std::string m = s ? s : "";
    while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
    return m;
}

}  // namespace

namespace {

void appendElement(std::string& out, const PgParam& v) {
    if (!v) {
        out += "NULL";
        return;
    }
    out += '"';
    for (char ch : *v) {
        if (ch == '"' || ch == '\\') out += '\\';
        out += ch;
    }
    out += '"';
}

}  // namespace

std::string pgArray(const std::vector<PgParam>& values) {
    std::string out = "{";
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i) out += ',';
        appendElement(out, values[i]);
    }
    return out + "}";
}

std::string pgArray(const std::vector<std::string>& values) {
    std::string out = "{";
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i) out += ',';
        appendElement(out, values[i]);
    }
    return out + "}";
}

bool isPostgresUri(std::string_view t) {
    return t.starts_with("postgresql://") || t.starts_with("postgres://");
}

PgResult::~PgResult() {
    if (r_) PQclear(r_);
}
int PgResult::rows() const { return PQntuples(r_); }
bool PgResult::isNull(int row, int col) const { return PQgetisnull(r_, row, col) != 0; }
std::string PgResult::text(int row, int col) const {
    return std::string(PQgetvalue(r_, row, col), std::size_t(PQgetlength(r_, row, col)));
}
std::int64_t PgResult::integer(int row, int col) const {
    return std::strtoll(PQgetvalue(r_, row, col), nullptr, 10);
}
std::optional<std::string> PgResult::optText(int row, int col) const {
    if (isNull(row, col)) return std::nullopt;
    return text(row, col);
}
int PgResult::affected() const {
    const char* n = PQcmdTuples(r_);
    return n && *n ? std::atoi(n) : 0;
}

PgConnection::PgConnection(const std::string& uri) {
    // connect_timeout unless the URI sets one: a dead host must not hang a sync for minutes.
    const char* keys[] = {"dbname", "connect_timeout", "application_name", nullptr};
    const char* vals[] = {uri.c_str(), "10", "rapport", nullptr};
    c_ = PQconnectdbParams(keys, vals, /*expand_dbname=*/1);
    if (!c_) throw PgError("central store: out of memory connecting", "", true);
    if (PQstatus(c_) != CONNECTION_OK) {
        std::string msg = "central store: cannot connect: " + trimmed(PQerrorMessage(c_));
        PQfinish(c_);
        c_ = nullptr;
        throw PgError(msg, "", true);
    }
}

PgConnection::~PgConnection() {
    if (c_) PQfinish(c_);
}

bool PgConnection::ok() const { return c_ && PQstatus(c_) == CONNECTION_OK; }
int PgConnection::backendPid() const { return PQbackendPID(c_); }
std::string PgConnection::user() const { return PQuser(c_); }

std::string PgConnection::quoteIdentifier(std::string_view s) {
    char* q = PQescapeIdentifier(c_, s.data(), s.size());
    if (!q) throw PgError("central store: " + trimmed(PQerrorMessage(c_)), "", false);
    std::string out(q);
    PQfreemem(q);
    return out;
}

std::string PgConnection::quoteLiteral(std::string_view s) {
    char* q = PQescapeLiteral(c_, s.data(), s.size());
    if (!q) throw PgError("central store: " + trimmed(PQerrorMessage(c_)), "", false);
    std::string out(q);
    PQfreemem(q);
    return out;
}

std::string PgConnection::scramVerifier(const std::string& login, const std::string& password) {
    char* v = PQencryptPasswordConn(c_, password.c_str(), login.c_str(), "scram-sha-256");
    if (!v) throw PgError("central store: " + trimmed(PQerrorMessage(c_)), "", false);
    std::string out(v);
    PQfreemem(v);
    return out;
}

void PgConnection::fail(pg_result* r, std::string_view what) {
    std::string state;
    std::string msg;
    if (r) {
        const char* s = PQresultErrorField(r, PG_DIAG_SQLSTATE);
        state = s ? s : "";
        msg = trimmed(PQresultErrorMessage(r));
        PQclear(r);
    }
    if (msg.empty()) msg = trimmed(PQerrorMessage(c_));
    // Class 08 is "connection exception"; a broken socket leaves no SQLSTATE at all.
    const bool lost = PQstatus(c_) != CONNECTION_OK || state.starts_with("08") ||
                      state == "57P01" || state == "57P02" || state == "57P03";
    throw PgError("central store: " + std::string(what) + ": " + msg +
                      (state.empty() ? "" : " (SQLSTATE " + state + ")"),
                  state, lost);
}

PgResult PgConnection::exec(std::string_view sql, const std::vector<PgParam>& params) {
    std::vector<const char*> values;
    values.reserve(params.size());
    for (std::size_t i = 0; i < params.size(); ++i) {
        const auto& p = params[i];
        if (p && p->find('\0') != std::string::npos)
            throw PgError("central store: parameter $" + std::to_string(i + 1) +
                              " holds a NUL character, which PostgreSQL text cannot store",
                          "22021", false);
        values.push_back(p ? p->c_str() : nullptr);
    }
    const std::string command(sql);
    pg_result* r = PQexecParams(c_, command.c_str(), int(values.size()), nullptr, values.data(),
                                nullptr, nullptr, 0);
    const auto st = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) fail(r, "a statement failed");
    return PgResult(r);
}

void PgConnection::execScript(const char* sql) {
    pg_result* r = PQexec(c_, sql);
    const auto st = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) fail(r, "a statement failed");
    PQclear(r);
}

PgTransaction::PgTransaction(PgConnection& c, const char* begin) : c_(c) { c_.execScript(begin); }

PgTransaction::~PgTransaction() {
    if (done_ || !c_.ok()) return;
    try {
        c_.execScript("ROLLBACK");
    } catch (const PgError&) {
        // The connection broke while rolling back: the server rolls back by itself.
    }
}

void PgTransaction::commit() {
    c_.execScript("COMMIT");
    done_ = true;
}

}  // namespace rapport::store
