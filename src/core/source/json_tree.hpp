// A parsed JSON document as an immutable tree built from nlohmann/json's SAX events.
// nlohmann's own DOM allocates a map node per member and a heap string per value, and its
// construction and destruction cost more than the lexing itself; for scenario files that are
// read once into the model, this tree keeps every value in a few large blocks and every string
// in one buffer, so loading a file costs little more than lexing it (bench/bench_engine).
// Objects keep their members in document order; duplicate keys are kept too, and lookups see
// the last one, as nlohmann's DOM would.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rapport {

class JsonValue {
public:
    enum class Kind : std::uint8_t {
        Null,
        Boolean,
        Integer,
        BigInteger,
        Float,
        String,
        Array,
        Object
    };

    JsonValue() : integer_(0) {}

    Kind kind() const { return kind_; }
    bool isNull() const { return kind_ == Kind::Null; }
    bool isBoolean() const { return kind_ == Kind::Boolean; }
    // Any whole number, also those above INT64_MAX (isBigInteger), as written without '.' or 'e'.
    bool isInteger() const { return kind_ == Kind::Integer || kind_ == Kind::BigInteger; }
    bool isBigInteger() const { return kind_ == Kind::BigInteger; }
    bool isNumber() const { return isInteger() || kind_ == Kind::Float; }
    bool isString() const { return kind_ == Kind::String; }
    bool isArray() const { return kind_ == Kind::Array; }
    bool isObject() const { return kind_ == Kind::Object; }

    // Accessors assume the matching kind (checked with assert in debug builds).
    bool asBool() const;
    std::int64_t asInteger() const;    // Integer
    std::uint64_t asUnsigned() const;  // Integer >= 0 or BigInteger
    double asNumber() const;           // any number
    std::string_view asString() const;

    // Elements of an array or members of an object, in document order.
    std::size_t size() const { return isArray() || isObject() ? count_ : 0; }
    bool empty() const { return size() == 0; }
    const JsonValue& operator[](std::size_t i) const;
    const JsonValue* begin() const { return isArray() || isObject() ? children_ : nullptr; }
    const JsonValue* end() const { return begin() + size(); }

    // The member's key, for a value inside an object; empty otherwise.
    std::string_view key() const { return {keyData_, keyLength_}; }
    // The member with this key (the last one if the key repeats); nullptr if none or not an object.
    const JsonValue* find(std::string_view key) const;
    bool contains(std::string_view key) const { return find(key) != nullptr; }
    // Members ordered by key (byte order), one per key (the last of repeats): the order
    // nlohmann's DOM iterates in, which decides the order of declared variables and groups.
    std::vector<const JsonValue*> sortedMembers() const;

private:
    friend class JsonTreeBuilder;

    Kind kind_ = Kind::Null;
    std::uint32_t keyLength_ = 0;
    const char* keyData_ = nullptr;
    union {
        bool boolean_;
        std::int64_t integer_;
        std::uint64_t unsigned_;
        double float_;
        const char* string_;
        const JsonValue* children_;
    };
    // String length or number of children.
    std::uint32_t count_ = 0;
};

// Owns the values and the string buffer every JsonValue of one document points into. Movable,
// not copyable: the values hold pointers into its blocks.
class JsonTree {
public:
    JsonTree();
    JsonTree(JsonTree&&) noexcept;
    JsonTree& operator=(JsonTree&&) noexcept;
    JsonTree(const JsonTree&) = delete;
    JsonTree& operator=(const JsonTree&) = delete;
    ~JsonTree();

    const JsonValue& root() const { return root_; }
    // True when some object repeats a key (the caller reports it; lookups see the last).
    bool hasDuplicateKeys() const { return duplicateKeys_; }

private:
    friend class JsonTreeBuilder;

    JsonValue root_;
    bool duplicateKeys_ = false;
    std::vector<std::unique_ptr<char[]>> strings_;
    std::vector<std::unique_ptr<JsonValue[]>> blocks_;
};

// Why parsing stopped, for the caller to turn into a located diagnostic.
struct JsonTreeFailure {
    enum class Reason { Syntax, NumberOverflow, TooDeep } reason = Reason::Syntax;
    std::size_t byte = 0;  // nlohmann's parse_error::byte (Syntax only)
    std::string what;      // nlohmann's message (Syntax, NumberOverflow)
};

struct JsonTreeResult {
    std::optional<JsonTree> tree;
    JsonTreeFailure failure;  // meaningful when tree is empty
};

// Parses `text` (comments allowed, a leading BOM skipped) into a tree. Stops with TooDeep on the
// first '[' or '{' that opens level maxDepth + 1, so nothing deeper is ever built.
JsonTreeResult parseJsonTree(std::string_view text, int maxDepth);

}  // namespace rapport
