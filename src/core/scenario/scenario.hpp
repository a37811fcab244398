// The loaded scenario: an immutable, validated model of one branching client conversation.
// Built by the loader from a rapport-scenario/1 JSON file; sessions, scoring and analysis read
// it and never change it. Cross references are resolved to indices, so play needs no lookups.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/scenario/expression.hpp"
#include "core/source/json_source.hpp"

namespace rapport {

inline constexpr const char* kScenarioFormat = "rapport-scenario/1";

// Who says a node's line: the client, the narrator, or one of the scenario's named speakers
// (`Node::cast` says which).
enum class Speaker { Client, Narrator, Cast };
enum class Outcome { Won, Partial, Lost, Escalated };

const char* speakerName(Speaker s);
const char* outcomeName(Outcome o);
std::optional<Outcome> parseOutcome(std::string_view s);

struct Client {
    std::string name;
    std::string role;
    std::string company;
    std::string description;
    std::string portrait;  // relative to the scenario file's folder; empty when absent
};

// A named speaker besides the client ("speakers": {"cfo": {name, role, portrait}}): a
// gatekeeper, a finance director who drops in.
struct CastMember {
    std::string id;  // the key in "speakers"; node-id characters, never client/narrator/trainee
    std::string name;
    std::string role;
    std::string portrait;  // as client.portrait: relative to the scenario's folder; may be empty
    std::string pointer;   // "/speakers/ID"
};

enum class DocumentKind {
    Briefing,
    ClientFile,
    Crm,
    PriceList,
    Authority,
    Competitor,
    Email,
    Other
};

const char* documentKindName(DocumentKind k);
std::optional<DocumentKind> parseDocumentKind(std::string_view s);
std::vector<std::string> documentKindNames();

// A document the trainee can read during the conversation (client file, CRM notes, authority
// limits). Display only: documents never enter expressions, so scoring and analysis ignore them.
struct Document {
    std::string id;
    std::string title;
    DocumentKind kind = DocumentKind::Other;
    std::string text;     // paragraphs separated by a blank line
    bool hidden = false;  // opens only when a node or choice that reveals it is reached / taken
    std::string pointer;  // "/documents/N"
};

// The part an integer variable plays in the deal (docs/scenario-format.md, "Deal state"), so
// framework rules can derive negotiation evidence from how a step moves it instead of relying
// on hand tags: a concession (discount, bonus, payment days given), the price asked, what the
// client gives back in return (higher = more given), or the deal's value.
enum class DealRole { None, Concession, Price, Counterpart, Value };

const char* dealRoleName(DealRole r);
std::optional<DealRole> parseDealRole(std::string_view s);

struct Variable {
    std::string id;
    ValueType type = ValueType::Integer;
    std::int64_t initial = 0;  // booleans as 0/1
    DealRole deal = DealRole::None;
    std::string label;  // a deal term's name on the client card ("Discount"); may be empty
    std::string unit;   // shown beside the value ("%", "RUB"); may be empty
    std::optional<std::int64_t> authority;  // concession: the most given on one's own signature
    std::optional<std::int64_t> budget;     // concession: the most the company gives at all
    std::optional<std::int64_t> floor;      // price: the lowest price policy allows
};

// A variable the UI shows as a bar (mood, trust, patience).
struct Meter {
    int variable = -1;  // index into Scenario::variables
    std::string label;
    std::int64_t min = 0;
    std::int64_t max = 100;
};

struct TextVariant {
    Expression condition;
    std::string text;
};

struct Assignment {
    int variable = -1;
    Expression value;
};

// One piece of behavioural evidence a choice shows, e.g. {"indicator":
// "objection_handling.acknowledges"}.
struct Evidence {
    std::string indicator;
    std::optional<int> points;  // overrides the framework's default points
    std::string note;
};

struct Choice {
    std::string id;  // unique within its node; generated ("c1", "c2", …) when absent
    bool generatedId = false;
    std::string text;  // the trainee's line
    int next = -1;     // node index
    std::optional<Expression> condition;
    bool once = false;  // hidden after it was taken (question hubs)
    std::vector<Assignment> set;
    std::string feedback;  // shown in practice mode
    std::vector<Evidence> evidence;
    std::vector<int> reveals;  // indices into Scenario::documents opened when it is taken
    std::string pointer;       // JSON pointer of this choice, for diagnostics and reports
};

// A written reply ("compose"): the trainee assembles a message from paragraph options, one part
// after another. The loader expands a compose node into one ordinary decision node per part
// (the first keeps the node's id, the others get "ID#2", "ID#3": ids authors cannot write), so
// play, scoring and analysis treat each part as a reply; this says which message and part a
// node is, for showing the letter assembled so far.
struct ComposePart {
    int letter = -1;  // index into Scenario::letters
    int part = 0;     // 0-based
};

struct Letter {
    std::string node;  // id of the compose node (its first part)
    std::string to;
    std::string subject;
    std::vector<std::string> labels;  // one per part: "Opening", "The offer", …
    std::vector<int> parts;           // node index of each part
};

struct Ending {
    Outcome outcome = Outcome::Lost;
    std::string title;
    std::string summary;
};

struct Node {
    std::string id;
    Speaker speaker = Speaker::Client;
    int cast = -1;  // index into Scenario::speakers when speaker is Speaker::Cast
    std::string text;
    std::vector<TextVariant> variants;  // first whose condition holds replaces `text`
    std::vector<std::string> tags;      // e.g. "objection:price"
    std::optional<double> timeLimit;    // seconds
    int onTimeout = -1;                 // node index, set when timeLimit is
    std::vector<Choice> choices;
    std::optional<Ending> ending;
    // false pins the replies to file order under every seed, for a node whose order carries
    // meaning (core/play/reply_order.hpp).
    bool shuffle = true;
    std::optional<ComposePart> compose;  // set on the nodes a compose node expands into
    std::vector<int> reveals;  // indices into Scenario::documents opened when it is reached
    std::string pointer;       // "/nodes/N"

    bool isEnding() const { return ending.has_value(); }
    bool isTimed() const { return timeLimit.has_value(); }
    bool hasTag(std::string_view tag) const;
};

// A second personality of the same conversation for retakes (docs/scenario-format.md,
// "Alternate forms"): other wording for lines, replies and feedback, keyed by the texts' stable
// ids (core/translation/scenario_catalogue.hpp). Structure, evidence and effects are never
// part of it, so every alternate is scored with the same key.
struct AlternateText {
    std::string stringId;  // "node/hello/text", "node/hub/choice/ask/feedback", …
    std::string pointer;   // of the text in the alternate, for diagnostics
    std::string text;
};

struct Alternate {
    std::string id;  // node-id characters; unique among the scenario's alternates
    std::string name;
    std::string pointer;               // "/alternates/<index>"
    std::vector<AlternateText> texts;  // in file order
};

struct PlayTable;  // core/play/play_table.hpp

// Where a Scenario keeps what is derived from it once for play (the play table), so every
// session of it shares one. Copies share the built table; its owner checks it still fits.
class PlayTableSlot {
public:
    PlayTableSlot() = default;
    PlayTableSlot(const PlayTableSlot& o) : table_(o.current()) {}
    PlayTableSlot& operator=(const PlayTableSlot& o) {
        if (this != &o) {
            auto t = o.current();
            std::lock_guard lock(mutex_);
            table_ = std::move(t);
        }
        return *this;
    }
    // A moved-from scenario is not in use, so moving needs no lock (and stays noexcept, so
    // vectors of scenarios move rather than copy).
    PlayTableSlot(PlayTableSlot&& o) noexcept : table_(std::move(o.table_)) {}
    PlayTableSlot& operator=(PlayTableSlot&& o) noexcept {
        table_ = std::move(o.table_);
        return *this;
    }
    // The kept table when `fits` accepts it, else the one `build` makes (then kept).
    template <class Fits, class Build>
    std::shared_ptr<const PlayTable> get(Fits&& fits, Build&& build) const {
        std::lock_guard lock(mutex_);
        if (!table_ || !fits(*table_)) table_ = build();
        return table_;
    }

private:
    std::shared_ptr<const PlayTable> current() const {
        std::lock_guard lock(mutex_);
        return table_;
    }
    mutable std::mutex mutex_;
    mutable std::shared_ptr<const PlayTable> table_;
};

struct Scenario {
    // Metadata
    std::string format = kScenarioFormat;
    std::string id;
    std::string version;
    std::string title;
    std::string language;  // BCP 47
    std::string summary;
    std::string sector;
    int difficulty = 1;                  // 1–5
    int passScore = 70;                  // 0–100, on the scenario score
    std::string framework;               // competence framework id
    std::vector<std::string> assesses;   // primary competency ids
    std::optional<int> expectedMinutes;  // shown in the library
    Client client;
    std::vector<CastMember> speakers;   // in key order
    std::vector<Document> documents;    // in file order
    std::vector<Letter> letters;        // one per compose node, in file order
    std::vector<Alternate> alternates;  // as declared; empty in an alternate's own scenario
    // Set in the scenario made from one of the alternates (core/alternates/alternate_scenario.hpp):
    // its id and name. Empty for the original.
    std::string alternate;
    std::string alternateName;

    std::vector<Variable> variables;
    std::vector<Meter> meters;
    int start = 0;
    std::vector<Node> nodes;

    // Where it came from, for diagnostics, portraits and reports.
    std::string sourcePath;
    std::string contentHash;  // SHA-256 of the file bytes, hex
    SourceMap sourceMap;  // JSON pointer -> line:col, kept for later checks (validator, scoring)

    std::optional<int> findNode(std::string_view id) const;
    std::optional<int> findVariable(std::string_view id) const;
    std::optional<int> findDocument(std::string_view id) const;

    std::unordered_map<std::string, int> nodeIndex;
    std::unordered_map<std::string, int> variableIndex;

    // Built on first play (core/play/play_table.hpp playTableOf); not part of the scenario's
    // content.
    PlayTableSlot playTable;
};

// ExpressionSymbols over a scenario's variables and nodes.
class ScenarioSymbols : public ExpressionSymbols {
public:
    explicit ScenarioSymbols(const Scenario& s) : s_(s) {}
    std::optional<VariableRef> findVariable(std::string_view name) const override;
    std::optional<int> findNode(std::string_view id) const override;
    std::vector<std::string> variableNames() const override;
    std::vector<std::string> nodeIds() const override;

private:
    const Scenario& s_;
};

}  // namespace rapport
