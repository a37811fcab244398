#include "core/scenario/scenario.hpp"

#include <algorithm>

namespace rapport {

const char* speakerName(Speaker s) {
    switch (s) {
        case Speaker::Client:
            return "client";
        case Speaker::Narrator:
            return "narrator";
        case Speaker::Cast:
            return "cast";
    }
    return "client";
}

namespace {

constexpr std::pair<DocumentKind, const char*> kDocumentKinds[] = {
    {DocumentKind::Briefing, "briefing"},
    {DocumentKind::ClientFile, "client-file"},
    {DocumentKind::Crm, "crm"},
    {DocumentKind::PriceList, "price-list"},
    {DocumentKind::Authority, "authority"},
    {DocumentKind::Competitor, "competitor"},
    {DocumentKind::Email, "email"},
    {DocumentKind::Other, "other"},
};

}  // namespace

const char* documentKindName(DocumentKind k) {
    for (const auto& [kind, name] : kDocumentKinds)
        if (kind == k) return name;
    return "other";
}

std::optional<DocumentKind> parseDocumentKind(std::string_view s) {
    for (const auto& [kind, name] : kDocumentKinds)
        if (s == name) return kind;
    return std::nullopt;
}

std::vector<std::string> documentKindNames() {
    std::vector<std::string> out;
    for (const auto& entry : kDocumentKinds) out.emplace_back(entry.second);
    return out;
}

const char* outcomeName(Outcome o) {
    switch (o) {
        case Outcome::Won:
            return "won";
        case Outcome::Partial:
            return "partial";
        case Outcome::Lost:
            return "lost";
        case Outcome::Escalated:
            return "escalated";
    }
    return "lost";
}

std::optional<Outcome> parseOutcome(std::string_view s) {
    if (s == "won") return Outcome::Won;
    if (s == "partial") return Outcome::Partial;
    if (s == "lost") return Outcome::Lost;
    if (s == "escalated") return Outcome::Escalated;
    return std::nullopt;
}

const char* dealRoleName(DealRole r) {
    switch (r) {
        case DealRole::None:
            return "none";
        case DealRole::Concession:
            return "concession";
        case DealRole::Price:
            return "price";
        case DealRole::Counterpart:
            return "counterpart";
        case DealRole::Value:
            return "value";
    }
    return "none";
}

std::optional<DealRole> parseDealRole(std::string_view s) {
    if (s == "concession") return DealRole::Concession;
    if (s == "price") return DealRole::Price;
    if (s == "counterpart") return DealRole::Counterpart;
    if (s == "value") return DealRole::Value;
    return std::nullopt;
}

bool Node::hasTag(std::string_view tag) const {
    return std::find(tags.begin(), tags.end(), tag) != tags.end();
}

std::optional<int> Scenario::findNode(std::string_view id) const {
    auto it = nodeIndex.find(std::string(id));
    if (it == nodeIndex.end()) return std::nullopt;
    return it->second;
}

std::optional<int> Scenario::findVariable(std::string_view id) const {
    auto it = variableIndex.find(std::string(id));
    if (it == variableIndex.end()) return std::nullopt;
    return it->second;
}

std::optional<int> Scenario::findDocument(std::string_view id) const {
    for (std::size_t i = 0; i < documents.size(); ++i)
        if (documents[i].id == id) return int(i);
    return std::nullopt;
}

std::optional<ExpressionSymbols::VariableRef> ScenarioSymbols::findVariable(
    std::string_view name) const {
    auto i = s_.findVariable(name);
    if (!i) return std::nullopt;
    return VariableRef{*i, s_.variables[*i].type};
}

std::optional<int> ScenarioSymbols::findNode(std::string_view id) const { return s_.findNode(id); }

std::vector<std::string> ScenarioSymbols::variableNames() const {
    std::vector<std::string> out;
    for (const auto& v : s_.variables) out.push_back(v.id);
    return out;
}

std::vector<std::string> ScenarioSymbols::nodeIds() const {
    std::vector<std::string> out;
    for (const auto& n : s_.nodes) out.push_back(n.id);
    return out;
}

}  // namespace rapport
