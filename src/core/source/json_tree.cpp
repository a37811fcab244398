#include "core/source/json_tree.hpp"

#include <algorithm>
#include <cassert>
#include <cstring>
#include <nlohmann/json.hpp>

namespace rapport {

bool JsonValue::asBool() const {
    assert(isBoolean());
    return boolean_;
}

std::int64_t JsonValue::asInteger() const {
    assert(kind_ == Kind::Integer);
    return integer_;
}

std::uint64_t JsonValue::asUnsigned() const {
    assert(isInteger());
    return kind_ == Kind::BigInteger ? unsigned_ : static_cast<std::uint64_t>(integer_);
}

double JsonValue::asNumber() const {
    assert(isNumber());
    switch (kind_) {
        case Kind::Integer:
            return static_cast<double>(integer_);
        case Kind::BigInteger:
            return static_cast<double>(unsigned_);
        default:
            return float_;
    }
}

std::string_view JsonValue::asString() const {
    assert(isString());
    return {string_, count_};
}

const JsonValue& JsonValue::operator[](std::size_t i) const {
    assert(i < size());
    return children_[i];
}

const JsonValue* JsonValue::find(std::string_view key) const {
    if (!isObject()) return nullptr;
    for (std::size_t i = count_; i-- > 0;)
        if (children_[i].key() == key) return &children_[i];
    return nullptr;
}

std::vector<const JsonValue*> JsonValue::sortedMembers() const {
    std::vector<const JsonValue*> members;
    if (!isObject()) return members;
    members.reserve(count_);
    for (const JsonValue& m : *this) members.push_back(&m);
    // Stable, so among repeats of a key the last one in the document ends its run.
    std::stable_sort(members.begin(), members.end(),
                     [](const JsonValue* a, const JsonValue* b) { return a->key() < b->key(); });
    std::vector<const JsonValue*> unique;
    unique.reserve(members.size());
    for (std::size_t i = 0; i < members.size(); ++i)
        if (i + 1 == members.size() || members[i + 1]->key() != members[i]->key())
            unique.push_back(members[i]);
    return unique;
}

JsonTree::JsonTree() = default;
JsonTree::JsonTree(JsonTree&&) noexcept = default;
JsonTree& JsonTree::operator=(JsonTree&&) noexcept = default;
JsonTree::~JsonTree() = default;

// Receives nlohmann's SAX events. The values of an open container are collected per depth and
// copied into one contiguous block when it closes, so siblings are adjacent (O(1) indexing)
// while a container's own descendants have already gone into earlier blocks.
class JsonTreeBuilder {
public:
    using number_integer_t = std::int64_t;
    using number_unsigned_t = std::uint64_t;
    using number_float_t = double;
    using string_t = std::string;
    using binary_t = nlohmann::json::binary_t;

    JsonTreeBuilder(JsonTree& tree, std::size_t textSize, int maxDepth)
        : tree_(tree), maxDepth_(maxDepth) {
        // Decoded strings and keys are never longer than their quoted, escaped source text, so
        // one buffer of the text's size holds them all and never moves.
        stringCapacity_ = textSize + 1;
        tree_.strings_.push_back(std::make_unique_for_overwrite<char[]>(stringCapacity_));
        buffer_ = tree_.strings_.back().get();
        levels_.resize(std::size_t(std::max(maxDepth, 0)) + 2);
    }

    bool null() { return push(JsonValue::Kind::Null), true; }
    bool boolean(bool b) { return push(JsonValue::Kind::Boolean).boolean_ = b, true; }
    bool number_integer(std::int64_t i) {
        return push(JsonValue::Kind::Integer).integer_ = i, true;
    }
    bool number_unsigned(std::uint64_t u) {
        if (u <= std::uint64_t(INT64_MAX)) return number_integer(static_cast<std::int64_t>(u));
        return push(JsonValue::Kind::BigInteger).unsigned_ = u, true;
    }
    bool number_float(double d, const std::string&) {
        return push(JsonValue::Kind::Float).float_ = d, true;
    }
    bool string(std::string& s) {
        if (s.size() > UINT32_MAX) return false;
        JsonValue& v = push(JsonValue::Kind::String);
        v.string_ = store(s);
        v.count_ = static_cast<std::uint32_t>(s.size());
        return true;
    }
    bool binary(binary_t&) { return false; }  // never produced by the JSON reader
    bool key(std::string& k) {
        if (k.size() > UINT32_MAX) return false;
        pendingKey_ = store(k);
        pendingKeyLength_ = static_cast<std::uint32_t>(k.size());
        return true;
    }
    bool start_object(std::size_t) { return open(JsonValue::Kind::Object); }
    bool end_object() { return close(); }
    bool start_array(std::size_t) { return open(JsonValue::Kind::Array); }
    bool end_array() { return close(); }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) {
        if (const auto* pe = dynamic_cast<const nlohmann::json::parse_error*>(&e)) {
            failure_.reason = JsonTreeFailure::Reason::Syntax;
            failure_.byte = pe->byte;
        } else {
            // nlohmann reports "number overflow parsing '1e999'" as out_of_range, with no offset.
            failure_.reason = JsonTreeFailure::Reason::NumberOverflow;
        }
        failure_.what = e.what();
        return false;
    }

    // After a successful parse: the single value at depth 0 becomes the root.
    void finish() {
        assert(levels_[0].size() == 1);
        tree_.root_ = levels_[0].front();
    }
    const JsonTreeFailure& failure() const { return failure_; }

private:
    JsonValue& push(JsonValue::Kind kind) {
        auto& level = levels_[std::size_t(depth_)];
        JsonValue& v = level.emplace_back();
        v.kind_ = kind;
        if (inObject_) {
            v.keyData_ = pendingKey_;
            v.keyLength_ = pendingKeyLength_;
        }
        return v;
    }

    bool open(JsonValue::Kind kind) {
        if (depth_ >= maxDepth_) {
            failure_.reason = JsonTreeFailure::Reason::TooDeep;
            return false;
        }
        push(kind);
        objectStack_.push_back(kind == JsonValue::Kind::Object);
        inObject_ = objectStack_.back();
        ++depth_;
        return true;
    }

    bool close() {
        auto& children = levels_[std::size_t(depth_)];
        --depth_;
        objectStack_.pop_back();
        inObject_ = !objectStack_.empty() && objectStack_.back();
        JsonValue& container = levels_[std::size_t(depth_)].back();
        if (children.size() > UINT32_MAX) return false;
        container.count_ = static_cast<std::uint32_t>(children.size());
        container.children_ = nullptr;
        if (!children.empty()) {
            JsonValue* block = allocate(children.size());
            std::copy(children.begin(), children.end(), block);
            container.children_ = block;
            if (container.isObject() && !tree_.duplicateKeys_)
                tree_.duplicateKeys_ = repeatsKey(children);
        }
        children.clear();
        return true;
    }

    bool repeatsKey(const std::vector<JsonValue>& members) {
        if (members.size() <= 16) {
            for (std::size_t i = 1; i < members.size(); ++i)
                for (std::size_t j = 0; j < i; ++j)
                    if (members[i].key() == members[j].key()) return true;
            return false;
        }
        // Large objects (hostile files, long variable lists) would make pairwise checks quadratic.
        keys_.clear();
        for (const JsonValue& m : members) keys_.push_back(m.key());
        std::sort(keys_.begin(), keys_.end());
        return std::adjacent_find(keys_.begin(), keys_.end()) != keys_.end();
    }

    JsonValue* allocate(std::size_t n) {
        if (blockUsed_ + n > blockCapacity_) {
            blockCapacity_ = std::max<std::size_t>(n, kBlockValues);
            tree_.blocks_.push_back(std::make_unique<JsonValue[]>(blockCapacity_));
            blockUsed_ = 0;
        }
        JsonValue* at = tree_.blocks_.back().get() + blockUsed_;
        blockUsed_ += n;
        return at;
    }

    const char* store(const std::string& s) {
        if (stringUsed_ + s.size() > stringCapacity_) {
            // Not expected (see the constructor), but never write past the buffer.
            tree_.strings_.push_back(std::make_unique_for_overwrite<char[]>(s.size() + 1));
            std::memcpy(tree_.strings_.back().get(), s.data(), s.size());
            return tree_.strings_.back().get();
        }
        char* at = buffer_ + stringUsed_;
        std::memcpy(at, s.data(), s.size());
        stringUsed_ += s.size();
        return at;
    }

    static constexpr std::size_t kBlockValues = 4096;

    JsonTree& tree_;
    int maxDepth_;
    int depth_ = 0;
    std::vector<std::vector<JsonValue>> levels_;
    std::vector<bool> objectStack_;
    bool inObject_ = false;
    const char* pendingKey_ = nullptr;
    std::uint32_t pendingKeyLength_ = 0;
    std::size_t stringCapacity_ = 0, stringUsed_ = 0;
    std::size_t blockCapacity_ = 0, blockUsed_ = 0;
    char* buffer_ = nullptr;
    std::vector<std::string_view> keys_;
    JsonTreeFailure failure_;
};

JsonTreeResult parseJsonTree(std::string_view text, int maxDepth) {
    JsonTreeResult result;
    JsonTree tree;
    JsonTreeBuilder builder(tree, text.size(), maxDepth);
    const bool ok = nlohmann::json::sax_parse(text, &builder, nlohmann::json::input_format_t::json,
                                              /*strict=*/true, /*ignore_comments=*/true);
    if (!ok) {
        result.failure = builder.failure();
        return result;
    }
    builder.finish();
    result.tree = std::move(tree);
    return result;
}

}  // namespace rapport
