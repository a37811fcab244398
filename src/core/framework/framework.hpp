// A competence framework: the competencies a scenario's choices give evidence for, their
// behavioural indicators, the shared level scale, indicator groups and behaviour rules.
// Loaded from a rapport-framework/1 file (framework_loader.hpp); immutable once loaded.
// References between parts are resolved to indices, so scoring needs no lookups by name.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/source/json_source.hpp"

namespace rapport {

inline constexpr const char* kFrameworkFormat = "rapport-framework/1";

enum class Polarity { Positive, Negative };

struct Indicator {
    std::string id;       // "<competency>.<behaviour>"
    int competency = -1;  // index into Framework::competencies
    Polarity polarity = Polarity::Positive;
    int points = 0;           // default points: > 0 for positive, < 0 for negative indicators
    bool critical = false;    // showing it fails the attempt and caps the competency
    std::string description;  // plain words, third person ("Acknowledges the concern")
};

// One step of the shared scale. A score s is at this level when min <= s < max (the top level
// also takes s == max, i.e. 100).
struct Level {
    std::string id;
    std::string name;
    double min = 0;
    double max = 100;
    std::string description;
};

struct Competency {
    std::string id;
    std::string name;
    std::string description;
    int weight = 1;                    // integer, so scenario totals are exact
    std::vector<int> indicators;       // indices into Framework::indicators, file order
    std::vector<std::string> anchors;  // one per level, same order as Framework::levels
};

struct IndicatorGroup {
    std::string id;
    std::vector<int> indicators;
};

enum class RuleKind { Order, Response, Authority, Concession };

// `order`: an indicator of group `first` should come before any of group `then`; the first
// `then` without an earlier (or simultaneous) `first` scores `violation`.
// `response`: after a decision at a node with a tag matching `trigger`, an indicator of group
// `expect` must be shown within `within` decisions (the decision at that node is the first);
// otherwise `violation`. Both count only when their trigger occurs.
// `authority` and `concession` read the scenario's typed deal state (docs/scenario-format.md,
// "Deal state") and are triggered by a step that concedes (a concession variable up or a price
// variable down). `authority`: violated when that step leaves a concession above its
// `authority` or a price under its `floor`. `concession`: violated when no counterpart variable
// went up in the same step (a concession given for nothing). They keep no state between steps.
struct BehaviourRule {
    std::string id;
    RuleKind kind = RuleKind::Order;
    int first = -1;       // order: group index
    int then = -1;        // order: group index
    std::string trigger;  // response: tag pattern, '*' matches any run of characters
    int expect = -1;      // response: group index
    int within = 1;       // response: 1..kMaxResponseWindow
    int violation = -1;   // indicator index
    std::string description;
};

inline constexpr int kMaxResponseWindow = 8;

// The framework's words in one more language (the file's "translations" block,
// docs/scoring.md "Languages"). Vectors run parallel to the framework's own; an empty string
// is a text the translator has not supplied yet, and the readers below fall back to the source.
struct FrameworkTranslation {
    std::string language;  // base tag: "ja", "ru"
    std::string name;
    std::string description;
    std::vector<std::string> levelNames;              // by level index
    std::vector<std::string> levelDescriptions;       // by level index
    std::vector<std::string> competencyNames;         // by competency index
    std::vector<std::string> competencyDescriptions;  // by competency index
    std::vector<std::vector<std::string>> anchors;    // [competency][level]
    std::vector<std::string> indicatorDescriptions;   // by indicator index
    std::vector<std::string> ruleDescriptions;        // by rule index
};

// "ja-JP", "ja_JP.UTF-8", "JA" -> "ja": frameworks are translated per language, not per region.
std::string baseLanguage(std::string_view tag);

struct Framework {
    std::string format = kFrameworkFormat;
    std::string id;
    std::string version;
    std::string name;
    std::string language;
    std::string description;
    std::vector<Level> levels;  // lowest first
    std::vector<Competency> competencies;
    std::vector<Indicator> indicators;  // all competencies' indicators, file order
    std::vector<IndicatorGroup> groups;
    std::vector<BehaviourRule> rules;
    std::vector<FrameworkTranslation> translations;  // file order; never the source language
    int timeoutIndicator = -1;  // indicator recorded when a timed node runs out; -1 = none
    // Opportunities a competency needs on a path before it gets a level: below it the report
    // says "not rated — too little evidence" (docs/scoring.md 6). 1 when the file says nothing,
    // so every assessed competency is rated, as before the key existed.
    int minOpportunities = 1;

    std::string sourcePath;
    std::string contentHash;  // SHA-256 of the file bytes, hex
    SourceMap sourceMap;

    std::unordered_map<std::string, int> competencyIndex;
    std::unordered_map<std::string, int> indicatorIndex;
    std::unordered_map<std::string, int> groupIndex;

    std::optional<int> findCompetency(std::string_view id) const;
    std::optional<int> findIndicator(std::string_view id) const;
    std::optional<int> findGroup(std::string_view id) const;
    std::vector<std::string> indicatorIds() const;
    std::vector<std::string> competencyIds() const;

    // Index of the level whose range holds `score` (0..100); scores outside are clamped.
    int levelFor(double score) const;
    // True when indicator `indicator` belongs to group `group`.
    bool inGroup(int group, int indicator) const;

    // The framework's words for a reader of `lang` (any tag baseLanguage accepts; empty = the
    // source language). A language the file does not translate, or a text its translation
    // lacks, gives the source text, so a report is never blank.
    const FrameworkTranslation* translation(std::string_view lang) const;
    // The languages the framework can be read in: its own first, then its translations.
    std::vector<std::string> languages() const;
    const std::string& displayName(std::string_view lang) const;
    const std::string& competencyName(int competency, std::string_view lang) const;
    const std::string& competencyDescription(int competency, std::string_view lang) const;
    const std::string& levelName(int level, std::string_view lang) const;
    const std::string& levelDescription(int level, std::string_view lang) const;
    const std::string& anchor(int competency, int level, std::string_view lang) const;
    const std::string& indicatorDescription(int indicator, std::string_view lang) const;
    const std::string& ruleDescription(int rule, std::string_view lang) const;
};

// '*' matches any run of characters (including none); everything else matches itself.
bool tagMatches(std::string_view pattern, std::string_view tag);

}  // namespace rapport
