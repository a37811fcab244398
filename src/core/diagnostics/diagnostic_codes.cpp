#include "core/diagnostics/diagnostic_codes.hpp"

#include <array>

namespace rapport::codes {

namespace {

constexpr std::array kCodes = {
    CodeInfo{Unreadable, "the file cannot be opened or read"},
    CodeInfo{TooLarge, "the file is larger than a scenario file may be"},
    CodeInfo{BadUtf8, "the file is not valid UTF-8"},
    CodeInfo{Syntax, "JSON syntax error"},
    CodeInfo{TooDeep, "JSON nested too deeply"},
    CodeInfo{NotAnObject, "a value has the wrong JSON kind (object/array expected)"},
    CodeInfo{WrongFormat, "\"format\" is missing or not a supported format"},
    CodeInfo{UnknownKey, "a key the format does not know"},
    CodeInfo{MissingKey, "a required key is missing"},
    CodeInfo{WrongType, "a value has the wrong type"},
    CodeInfo{OutOfRange, "a number is outside its allowed range"},
    CodeInfo{BadValue, "a value is not one of the allowed words or forms"},
    CodeInfo{EmptyText, "a text that must say something is empty"},
    CodeInfo{BadId, "an id uses characters ids may not have"},
    CodeInfo{DuplicateKey, "the same key appears twice in one object"},
    CodeInfo{DuplicateNode, "two nodes share an id"},
    CodeInfo{DuplicateChoice, "two choices of one node share an id"},
    CodeInfo{DuplicateVariable, "a variable is declared twice"},
    CodeInfo{UnknownNode, "a reference names no node"},
    CodeInfo{ChoicesAndEnding, "a node has both choices and an ending"},
    CodeInfo{NoChoicesNoEnding, "a node has neither choices nor an ending"},
    CodeInfo{TimeoutPairing, "timeLimit and onTimeout must come together"},
    CodeInfo{UnknownMeterVariable,
             "a meter shows a variable that is not declared or not an integer"},
    CodeInfo{BadMeterRange, "a meter's range is empty or excludes the variable's initial value"},
    CodeInfo{ExprSyntax, "expression syntax error"},
    CodeInfo{ExprUnknownVariable, "an expression names an undeclared variable"},
    CodeInfo{ExprType, "an expression mixes types or has the wrong type"},
    CodeInfo{ExprTooComplex, "an expression is too long or nested too deeply"},
    CodeInfo{SetUndeclared, "`set` assigns a variable that is not declared"},
    CodeInfo{ExprUnknownNode, "visited() names no node"},
    CodeInfo{ExprConstantError, "an expression always fails (division by zero, overflow)"},
    CodeInfo{Unreachable, "a node cannot be reached from start"},
    CodeInfo{NoWayOut, "no ending can be reached from a node"},
    CodeInfo{EndingUnreachable, "an ending can never be reached"},
    CodeInfo{ChoiceNeverShown, "a choice's condition can never hold"},
    CodeInfo{PortraitEscapes, "a portrait path leaves the scenario's folder"},
    CodeInfo{PortraitMissing, "a portrait file does not exist"},
    CodeInfo{DeadEnd, "a reachable state shows no choice"},
    CodeInfo{UnknownFramework, "the competence framework is not found"},
    CodeInfo{UnknownIndicator, "evidence names an indicator the framework does not have"},
    CodeInfo{UnknownCompetency, "`assesses` names a competency the framework does not have"},
    CodeInfo{StateSpaceTooLarge, "the scenario's state space is too large to score exactly"},
    CodeInfo{DuplicateFrameworkId, "two competencies, indicators, levels or rules share an id"},
    CodeInfo{LevelRanges, "level score ranges overlap, leave a gap or do not cover 0-100"},
    CodeInfo{FrameworkUnknownIndicator,
             "a group, rule or timeoutIndicator names an unknown indicator"},
    CodeInfo{UnknownGroup, "a rule names a group the framework does not define"},
    CodeInfo{PointsSign, "points contradict the indicator's polarity"},
    CodeInfo{PointsLoop, "a loop lets a trainee collect the same points again and again"},
    CodeInfo{TwineNotAStory, "the file holds no Twine story"},
    CodeInfo{TwineMalformed, "a Twee passage header or Twine HTML element is broken"},
    CodeInfo{TwineCode, "story-format code (macros, variables, scripts) was not imported"},
    CodeInfo{TwineBrokenLink, "a Twine link names no passage"},
    CodeInfo{TwineOutcomeGuessed, "an imported ending's outcome was guessed"},
    CodeInfo{TwineNotImported, "a Twine feature has no scenario equivalent and was left out"},
    CodeInfo{TwineDuplicatePassage, "two Twine passages share a name"},
    CodeInfo{TwineStartMissing, "the Twine start passage is missing"},
    CodeInfo{BadDealState, "a deal key does not fit its variable, or the deal limits contradict"},
    CodeInfo{DealTagDerived, "a hand tag on a deal move that a framework rule derives"},
};

}  // namespace

std::span<const CodeInfo> allCodes() { return kCodes; }

}  // namespace rapport::codes
