// Every diagnostic code, in one place. docs/diagnostics.md documents each with an example and
// tests/unit-diagnostic-codes.cpp proves each is produced by a fixture. Codes are stable:
// never reuse or renumber one; retire it instead.
#pragma once

#include <span>
#include <string_view>

namespace rapport::codes {

// Reading the file
inline constexpr const char* Unreadable = "RAP0001";  // file cannot be opened or read
inline constexpr const char* TooLarge = "RAP0002";    // over kMaxSourceBytes
inline constexpr const char* BadUtf8 = "RAP0003";     // invalid UTF-8 byte sequence
inline constexpr const char* Syntax = "RAP0004";      // JSON syntax error
inline constexpr const char* TooDeep = "RAP0005";     // nesting over kMaxJsonDepth
// Shape
inline constexpr const char* NotAnObject = "RAP0010";  // root (or an item) has the wrong JSON kind
inline constexpr const char* WrongFormat = "RAP0011";  // "format" missing or not rapport-scenario/1
inline constexpr const char* UnknownKey = "RAP0012";   // key not in the format (and not x-)
inline constexpr const char* MissingKey = "RAP0013";   // required key absent
inline constexpr const char* WrongType = "RAP0014";    // value of the wrong JSON type
inline constexpr const char* OutOfRange = "RAP0015";   // number outside its allowed range
inline constexpr const char* BadValue = "RAP0016";     // not one of the allowed words / bad syntax
inline constexpr const char* EmptyText = "RAP0017";    // a text that must not be empty is empty
inline constexpr const char* BadId = "RAP0018";        // id with characters ids may not have
inline constexpr const char* DuplicateKey = "RAP0019";  // the same key twice in one object
// Names and references
inline constexpr const char* DuplicateNode = "RAP0020";
inline constexpr const char* DuplicateChoice = "RAP0021";
inline constexpr const char* DuplicateVariable = "RAP0022";
inline constexpr const char* UnknownNode = "RAP0023";  // next / onTimeout / start names no node
inline constexpr const char* ChoicesAndEnding =
    "RAP0024";  // a node with both choices and an ending
inline constexpr const char* NoChoicesNoEnding = "RAP0025";  // a node with neither
inline constexpr const char* TimeoutPairing =
    "RAP0026";  // timeLimit without onTimeout or vice versa
inline constexpr const char* UnknownMeterVariable = "RAP0027";
inline constexpr const char* BadMeterRange = "RAP0028";  // min >= max, or initial outside it
// Expressions
inline constexpr const char* ExprSyntax = "RAP0030";
inline constexpr const char* ExprUnknownVariable = "RAP0031";
inline constexpr const char* ExprType = "RAP0032";
inline constexpr const char* ExprTooComplex = "RAP0033";     // too long or nested too deeply
inline constexpr const char* SetUndeclared = "RAP0034";      // set on a variable not declared
inline constexpr const char* ExprUnknownNode = "RAP0035";    // visited("x") names no node
inline constexpr const char* ExprConstantError = "RAP0036";  // constant division by zero / overflow
// Graph
inline constexpr const char* Unreachable = "RAP0040";  // warning: node cannot be reached from start
inline constexpr const char* NoWayOut = "RAP0041";     // no ending reachable from a reachable node
inline constexpr const char* EndingUnreachable = "RAP0042";  // warning: an ending nobody can reach
inline constexpr const char* ChoiceNeverShown = "RAP0043";   // warning: condition can never hold
inline constexpr const char* PortraitEscapes =
    "RAP0044";  // portrait path leaves the scenario folder
inline constexpr const char* PortraitMissing = "RAP0045";  // warning: portrait file not found
inline constexpr const char* DeadEnd = "RAP0046";  // a reachable state shows no choice at all
// Scoring (competence framework)
inline constexpr const char* UnknownFramework = "RAP0050";
inline constexpr const char* UnknownIndicator = "RAP0051";
inline constexpr const char* UnknownCompetency = "RAP0052";
inline constexpr const char* StateSpaceTooLarge = "RAP0053";
inline constexpr const char* DuplicateFrameworkId =
    "RAP0054";  // two competencies/indicators/levels/rules share an id
inline constexpr const char* LevelRanges =
    "RAP0055";  // level ranges overlap, leave a gap or miss 0-100
inline constexpr const char* FrameworkUnknownIndicator =
    "RAP0056";  // a group, rule or timeoutIndicator names no indicator
inline constexpr const char* UnknownGroup = "RAP0057";  // a rule names no group
inline constexpr const char* PointsSign = "RAP0058";    // points contradict an indicator's polarity
inline constexpr const char* PointsLoop =
    "RAP0059";  // a loop lets a trainee collect points again and again
// Written replies (issue #18)
inline constexpr const char* ComposeShape =
    "RAP0060";  // a compose node or one of its parts is not shaped as the format says
// Twine import (rapport import): what a Twee or Twine HTML file holds that a scenario cannot
inline constexpr const char* TwineNotAStory = "RAP0070";  // no Twine story data in the file
inline constexpr const char* TwineMalformed = "RAP0071";  // broken Twee header or Twine HTML markup
inline constexpr const char* TwineCode =
    "RAP0072";  // warning: story-format code (macros, scripts) left out
inline constexpr const char* TwineBrokenLink = "RAP0073";  // warning: a link names no passage
inline constexpr const char* TwineOutcomeGuessed =
    "RAP0074";  // warning: an ending's outcome is a guess
inline constexpr const char* TwineNotImported =
    "RAP0075";  // warning: a Twine feature with no scenario equivalent
inline constexpr const char* TwineDuplicatePassage =
    "RAP0076";  // warning: two passages share a name
inline constexpr const char* TwineStartMissing =
    "RAP0077";  // warning: the start passage is not there
// Speakers and documents (issue #18)
inline constexpr const char* UnknownSpeaker = "RAP0080";  // a node's speaker is not declared
inline constexpr const char* SilentSpeaker = "RAP0081";  // warning: a declared speaker says no line
inline constexpr const char* UnknownDocument = "RAP0082";  // "reveals" names no document
inline constexpr const char* DocumentNeverOpens =
    "RAP0083";  // warning: a hidden document nothing reveals
inline constexpr const char* DuplicateDocument = "RAP0084";  // two documents share an id
// Typed deal state (docs/scenario-format.md, "Deal state").
inline constexpr const char* BadDealState =
    "RAP0085";  // a deal key on the wrong kind of variable, or limits that contradict
inline constexpr const char* DealTagDerived =
    "RAP0086";  // warning: a hand tag on a deal move that a framework rule derives
// Translation catalogues (rapport strings export|import, docs/translation.md)
inline constexpr const char* PoSyntax = "RAP0090";  // a PO file that cannot be read
inline constexpr const char* TranslationLanguage =
    "RAP0091";  // the catalogue names no language, or the scenario's own
inline constexpr const char* TranslationStale =
    "RAP0092";  // warning: translated from an older source text; not used
inline constexpr const char* TranslationUnknownEntry =
    "RAP0093";  // warning: an entry for a text the scenario does not have
inline constexpr const char* TranslationMissing =
    "RAP0094";  // warning: untranslated or fuzzy; the source text is kept
// Framework translations (docs/scoring.md, "Languages")
inline constexpr const char* FrameworkTranslationMissing =
    "RAP0095";  // warning: a framework text has no translation; readers see the source
inline constexpr const char* FrameworkTranslationUnknown =
    "RAP0096";  // a translation for a language tag or id the framework does not have
// Text variables: the trainee's name and grammatical form (docs/scenario-format.md)
inline constexpr const char* TextVariableSyntax =
    "RAP0097";  // an unbalanced brace or an unknown {variable} in a line or reply
inline constexpr const char* TextVariableForms =
    "RAP0098";  // a {masculine|feminine} word with other than two forms
// Account campaigns (docs/campaign-format.md); numbered from 110 to leave room after 98
inline constexpr const char* CampaignUnknownScenario =
    "RAP0110";  // a meeting names a scenario the library does not have
inline constexpr const char* CampaignCarryUnknown =
    "RAP0111";  // a carried variable is not declared by its meeting or by the one before
inline constexpr const char* CampaignCarryMismatch =
    "RAP0112";  // a carried variable's type or meter range differs between the two meetings
inline constexpr const char* CampaignCarryFirst =
    "RAP0113";  // the first meeting carries state, but nothing comes before it
inline constexpr const char* CampaignTooShort =
    "RAP0114";  // fewer than two meetings, or more than the limit
// Alternate forms of a scenario for retakes (docs/scenario-format.md, "Alternate forms")
inline constexpr const char* AlternateUnknownText =
    "RAP0120";  // an alternate names a text the scenario does not have, or one it may not change
inline constexpr const char* AlternateDuplicate =
    "RAP0121";  // two alternates with one id, or an id that is not a valid id
inline constexpr const char* AlternateUnchanged =
    "RAP0122";  // warning: an alternate text identical to the original's, or an empty alternate

struct CodeInfo {
    std::string_view code;
    std::string_view summary;
};

// All codes with a one-line summary, in order (for `rapport validate --list-codes` and tests).
std::span<const CodeInfo> allCodes();

}  // namespace rapport::codes
