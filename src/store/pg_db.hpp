// A thin RAII layer over libpq for the central store: one connection, parameterised statements
// only (PQexecParams, text format), results freed on scope exit, and failures as PgError with
// the server's SQLSTATE, so callers tell "server gone" (retry later) from "refused" (report).
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

struct pg_conn;
struct pg_result;

namespace rapport::store {

// A failure talking to PostgreSQL. `sqlstate` is the server's five-character code ("23505",
// "42501", …), empty when libpq itself failed (no connection, connection lost). Messages never
// contain the password: libpq does not echo it and we never add the URI.
class PgError : public std::runtime_error {
public:
    PgError(const std::string& message, std::string sqlstate, bool connectionLost)
        : std::runtime_error(message), sqlstate_(std::move(sqlstate)), lost_(connectionLost) {}
    const std::string& sqlstate() const { return sqlstate_; }
    // The server could not be reached or the connection broke: the same work can be retried.
    bool connectionLost() const { return lost_; }
    // Refused for lack of privilege (42501) or by a row-level security policy.
    bool permissionDenied() const { return sqlstate_ == "42501"; }

private:
    std::string sqlstate_;
    bool lost_;
};

// One statement parameter, always sent as text; nullopt is SQL NULL. Text holding a NUL byte is
// refused (PgError) before anything is sent: PostgreSQL text cannot hold NUL, and libpq would
// silently cut the value there.
using PgParam = std::optional<std::string>;

class PgResult {
public:
    explicit PgResult(pg_result* r) : r_(r) {}
    ~PgResult();
    PgResult(PgResult&& o) noexcept : r_(o.r_) { o.r_ = nullptr; }
    PgResult& operator=(PgResult&&) = delete;
    PgResult(const PgResult&) = delete;

    int rows() const;
    bool isNull(int row, int col) const;
    std::string text(int row, int col) const;
    std::int64_t integer(int row, int col) const;
    std::optional<std::string> optText(int row, int col) const;
    // Rows changed by an INSERT/UPDATE/DELETE.
    int affected() const;

private:
    pg_result* r_;
};

class PgConnection {
public:
    // Connects with a libpq URI or key=value string (TLS, SCRAM and certificates as libpq
    // offers them: sslmode, sslrootcert, sslcert, … in the URI). connect_timeout defaults to 10
    // s so an unreachable server fails in bounded time. Throws PgError.
    explicit PgConnection(const std::string& uri);
    ~PgConnection();
    PgConnection(const PgConnection&) = delete;
    PgConnection& operator=(const PgConnection&) = delete;

    // Runs `sql` with $1, $2, … bound to `params`. Throws PgError.
    PgResult exec(std::string_view sql, const std::vector<PgParam>& params = {});
    // Fixed SQL text (schema, BEGIN/COMMIT); may hold several statements. Never used with data.
    void execScript(const char* sql);
    bool ok() const;
    // The server process serving this connection (tests cut it with pg_terminate_backend).
    int backendPid() const;
    std::string user() const;
    // For the statements that take no parameters (CREATE ROLE, GRANT): an identifier or a
    // literal quoted by libpq for this server's encoding. Throws PgError on invalid text.
    std::string quoteIdentifier(std::string_view s);
    std::string quoteLiteral(std::string_view s);
    // The SCRAM-SHA-256 verifier of `password` for `login`, computed here, so the clear
    // password never reaches the server, its logs or pg_stat_activity.
    std::string scramVerifier(const std::string& login, const std::string& password);

private:
    [[noreturn]] void fail(pg_result* r, std::string_view what);
    pg_conn* c_ = nullptr;
};

// BEGIN … COMMIT; rolled back when destroyed without commit() (and the connection still up).
class PgTransaction {
public:
    explicit PgTransaction(PgConnection& c, const char* begin = "BEGIN");
    ~PgTransaction();
    PgTransaction(const PgTransaction&) = delete;
    PgTransaction& operator=(const PgTransaction&) = delete;
    void commit();

private:
    PgConnection& c_;
    bool done_ = false;
};

// A one-dimensional array literal of `values` (nullopt = NULL), every element quoted, for one
// parameter cast to an array type (`$1::text[]`): many rows in one statement with a fixed
// number of parameters (unnest). A NUL in an element is refused by exec() like any NUL.
std::string pgArray(const std::vector<PgParam>& values);
std::string pgArray(const std::vector<std::string>& values);

// Whether `target` names a PostgreSQL server (a postgresql:// or postgres:// URI) rather than
// an SQLite file.
bool isPostgresUri(std::string_view target);

}  // namespace rapport::store
