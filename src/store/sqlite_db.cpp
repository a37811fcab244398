// Why a wrapper at all: the C API's error handling is easy to get subtly wrong (a forgotten
// sqlite3_finalize, a BUSY treated as success). Centralising it gives one place where every
// failure is turned into a message a trainer or HR person can act on.
#include "store/sqlite_db.hpp"

#include <sqlite3.h>

namespace rapport::store {

bool StoreError::diskFull() const { return code_ == SQLITE_FULL; }

namespace {

std::string explain(int rc) {
    switch (rc & 0xff) {
        case SQLITE_FULL:
            return "the disk is full (or the database reached its size limit)";
        case SQLITE_NOTADB:
            return "the file is not an SQLite database";
        case SQLITE_CORRUPT:
            return "the database file is corrupt";
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            return "the database is busy: another process held it too long";
        case SQLITE_READONLY:
            return "the database is read-only";
        case SQLITE_CANTOPEN:
            return "the file cannot be opened (missing folder or no permission?)";
        case SQLITE_IOERR:
            return "an input/output error occurred";
        case SQLITE_PERM:
        case SQLITE_AUTH:
            return "permission denied";
        default:
            return sqlite3_errstr(rc);
    }
}

}  // namespace

// ---- Database ---------------------------------------------------------------------------------

Database::Database(const std::string& path, OpenMode mode) : path_(path) {
    int flags = mode == OpenMode::ReadWrite ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
                                            : SQLITE_OPEN_READONLY;
    std::string name = path;
    if (mode == OpenMode::Immutable) {
        // A URI filename; every byte outside the unreserved set is percent-encoded, so '?', '#'
        // and '%' in a folder name stay part of the path.
        static const char* hex = "0123456789ABCDEF";
        name = "file:";
        for (const unsigned char c : path) {
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                c == '/' || c == '-' || c == '.' || c == '_' || c == '~')
                name += char(c);
            else
                name += {'%', hex[c >> 4], hex[c & 15]};
        }
        name += "?immutable=1";
        flags |= SQLITE_OPEN_URI;
    }
    int rc = sqlite3_open_v2(name.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string msg = "cannot open results database " + path + ": " + explain(rc);
        sqlite3_close(db_);
        db_ = nullptr;
        throw StoreError(msg, rc & 0xff);
    }
    sqlite3_extended_result_codes(db_, 1);
}

Database::~Database() { sqlite3_close_v2(db_); }

void Database::fail(int rc, std::string_view what) const {
    std::string msg =
        "results database " + path_ + ": " + std::string(what) + " failed: " + explain(rc);
    const char* detail = db_ ? sqlite3_errmsg(db_) : nullptr;
    if (detail && (rc & 0xff) != SQLITE_FULL && (rc & 0xff) != SQLITE_NOTADB &&
        std::string_view(detail) != explain(rc))
        msg += std::string(" (") + detail + ")";
    throw StoreError(msg, rc & 0xff);
}

void Database::exec(const char* sql) { exec(sql, std::string("running schema statement ") + sql); }

void Database::exec(const char* sql, std::string_view what) {
    char* err = nullptr;
    int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &err);
    sqlite3_free(err);
    if (rc != SQLITE_OK) fail(rc, what);
}

std::int64_t Database::lastInsertRowid() const { return sqlite3_last_insert_rowid(db_); }
int Database::changes() const { return sqlite3_changes(db_); }

// ---- Statement --------------------------------------------------------------------------------

Statement::Statement(Database& db, std::string_view sql) : db_(&db) {
    int rc = sqlite3_prepare_v2(db.handle(), sql.data(), int(sql.size()), &stmt_, nullptr);
    if (rc != SQLITE_OK) db.fail(rc, "preparing a query");
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::bind(int index, std::int64_t value) {
    int rc = sqlite3_bind_int64(stmt_, index, value);
    if (rc != SQLITE_OK) db_->fail(rc, "binding a parameter");
    return *this;
}
Statement& Statement::bind(int index, double value) {
    int rc = sqlite3_bind_double(stmt_, index, value);
    if (rc != SQLITE_OK) db_->fail(rc, "binding a parameter");
    return *this;
}
Statement& Statement::bind(int index, std::string_view text) {
    int rc =
        sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    if (rc != SQLITE_OK) db_->fail(rc, "binding a parameter");
    return *this;
}
Statement& Statement::bindNull(int index) {
    int rc = sqlite3_bind_null(stmt_, index);
    if (rc != SQLITE_OK) db_->fail(rc, "binding a parameter");
    return *this;
}

bool Statement::step() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    sqlite3_reset(stmt_);
    db_->fail(rc, "a query");
}

void Statement::run() {
    while (step()) {
    }
    sqlite3_reset(stmt_);
}

void Statement::reset() { sqlite3_reset(stmt_); }

bool Statement::isNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
std::int64_t Statement::integer(int col) const { return sqlite3_column_int64(stmt_, col); }
double Statement::real(int col) const { return sqlite3_column_double(stmt_, col); }
std::string Statement::text(int col) const {
    const unsigned char* p = sqlite3_column_text(stmt_, col);
    if (!p) return {};
    return std::string(reinterpret_cast<const char*>(p),
                       std::size_t(sqlite3_column_bytes(stmt_, col)));
}
std::optional<std::int64_t> Statement::optInteger(int col) const {
    if (isNull(col)) return std::nullopt;
    return integer(col);
}
std::optional<double> Statement::optReal(int col) const {
    if (isNull(col)) return std::nullopt;
    return real(col);
}

// ---- Transaction ------------------------------------------------------------------------------

Transaction::Transaction(Database& db) : db_(db), depth_(db.transactionDepth_) {
    if (depth_ == 0)
        db_.exec("BEGIN IMMEDIATE", "starting to save");
    else
        db_.exec("SAVEPOINT rapport_nested", "starting to save");
    ++db_.transactionDepth_;
}

Transaction::~Transaction() {
    if (done_) return;
    --db_.transactionDepth_;
    // Rollback must not throw from a destructor; a failed rollback leaves SQLite to roll back the
    // journal on the next open, which is still all-or-nothing.
    if (depth_ == 0)
        sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    else
        sqlite3_exec(db_.handle(), "ROLLBACK TO rapport_nested; RELEASE rapport_nested", nullptr,
                     nullptr, nullptr);
}

void Transaction::commit() {
    if (done_) throw std::logic_error("Transaction committed twice");
    if (depth_ == 0)
        db_.exec("COMMIT", "saving the changes");
    else
        db_.exec("RELEASE rapport_nested", "saving the changes");
    done_ = true;
    --db_.transactionDepth_;
}

}  // namespace rapport::store
