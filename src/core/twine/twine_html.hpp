// Reads the story out of Twine 2 published HTML (or a Twine 2 library archive): the
// <tw-storydata> element and its <tw-passagedata> children. Not a general HTML parser: it knows
// just this structure, skips everything else, and never recurses, so hostile input costs linear
// time and constant stack.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostics/diagnostic.hpp"
#include "core/twine/twine_story.hpp"

namespace rapport {

// Reads the first <tw-storydata> element; further stories are reported (RAP0075) and skipped.
// `text` must be valid UTF-8. An unclosed element is an error (RAP0071) that keeps the passages
// read so far; returns nothing, with RAP0070, when no story element is found.
std::optional<TwineStory> parseTwineHtml(std::string_view text, const std::string& file,
                                         DiagnosticList& diags);

// Decodes HTML character references: &amp; &lt; &gt; &quot; &apos; &nbsp;, a few common named
// ones (&hellip; &mdash; …), and numeric ones (&#39; &#x27;). Unknown references stay as written;
// numeric ones that name no character become U+FFFD.
std::string decodeHtmlEntities(std::string_view text);

}  // namespace rapport
