// Making text from scenarios and trainees safe for the formats HR opens. Everything that came
// from a file or a person passes through one of these before it reaches a report.
#pragma once

#include <string>
#include <string_view>

namespace rapport {

// Escapes & < > " ' so the text shows as text in HTML element content and quoted attributes.
std::string htmlEscape(std::string_view text);

// One RFC 4180 CSV field: a cell a spreadsheet would read as a formula (starting with = + - @,
// tab or carriage return) is prefixed with ' so it shows as text (OWASP "CSV injection"); then
// the field is quoted, doubling inner quotes, whenever it holds a comma, quote, CR, LF or the
// prefix was added.
std::string csvField(std::string_view text);

}  // namespace rapport
