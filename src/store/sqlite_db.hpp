// A thin RAII layer over the SQLite C API: one connection, prepared statements with bound
// parameters only, and nestable transactions. Every SQLite failure becomes a StoreError whose
// message names the database file and says what went wrong in plain words.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace rapport::store {

// An environment failure at the storage boundary (unreadable, not a database, newer schema,
// disk full, busy for too long). `code` is the primary SQLite result code, or 0 when the error
// was raised by Rapport itself (e.g. unknown schema version).
class StoreError : public std::runtime_error {
public:
    StoreError(const std::string& message, int code) : std::runtime_error(message), code_(code) {}
    int code() const { return code_; }
    bool diskFull() const;

private:
    int code_;
};

class Database;

// A prepared statement. Parameters are 1-based, like SQLite's. step() returns true while a row
// is available; the column accessors read the current row (0-based columns).
class Statement {
public:
    Statement(Database& db, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, std::int64_t(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, const std::string& text) {
        return bind(index, std::string_view(text));
    }
    Statement& bindNull(int index);
    template <class T>
    Statement& bind(int index, const std::optional<T>& v) {
        return v ? bind(index, *v) : bindNull(index);
    }

    bool step();
    // Runs a statement that returns no rows (or whose rows are not needed).
    void run();
    void reset();  // ready to step again; keeps bindings

    bool isNull(int col) const;
    std::int64_t integer(int col) const;
    double real(int col) const;
    std::string text(int col) const;
    std::optional<std::int64_t> optInteger(int col) const;
    std::optional<double> optReal(int col) const;

private:
    Database* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

enum class OpenMode {
    ReadWrite,  // created when absent
    ReadOnly,   // never created nor written: a backup, a read-only share
    // Read-only media (a read-only mount, a CD): SQLite is told the file cannot change, so it
    // neither locks nor needs the -shm file a WAL database otherwise creates beside it.
    Immutable
};

class Database {
public:
    // Opens the database at `path` (creating it when absent in ReadWrite mode). Throws StoreError.
    explicit Database(const std::string& path, OpenMode mode = OpenMode::ReadWrite);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // Runs fixed SQL text (schema, pragmas). Never used with data: data goes through Statement.
    void exec(const char* sql);
    // The same, saying `what` was being done when it fails ("saving the changes").
    void exec(const char* sql, std::string_view what);
    std::int64_t lastInsertRowid() const;
    int changes() const;
    const std::string& path() const { return path_; }
    sqlite3* handle() const { return db_; }

    // Throws the StoreError for result code `rc`, with `what` saying what was being done.
    [[noreturn]] void fail(int rc, std::string_view what) const;

private:
    friend class Transaction;
    sqlite3* db_ = nullptr;
    std::string path_;
    int transactionDepth_ = 0;
};

// All or nothing. The outermost transaction is BEGIN IMMEDIATE, which takes the write lock at
// once so two writers queue on busy_timeout instead of failing on a lock upgrade; nested ones are
// SAVEPOINTs. Destroyed without commit() -> rolled back.
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Database& db_;
    int depth_;
    bool done_ = false;
};

}  // namespace rapport::store
