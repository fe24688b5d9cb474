#pragma once
// One escaper per target language, so every printer of a language quotes alike.
// Every one of them also applies the one UTF-8 policy (edgeplan/util/utf8.hpp):
// ill-formed bytes in user text become U+FFFD, so no writer throws on them.
// Plain text for a terminal has its escaper one layer down, util::escape_controls
// (edgeplan/util/text.hpp), because stderr diagnostics need it too.
#include <string>
#include <string_view>
#include <vector>

#include <edgeplan/render.hpp>

namespace edgeplan::render_detail {

// Markdown inline text (a paragraph, heading, list item or table cell): controls
// escaped (util::escape_controls: a line break shows as \n, so it cannot end a row
// or start a heading), and \ ` | < backslash-escaped; "](" loses its link meaning;
// a leading # or >, or - + * and a space, is escaped: it cannot start a heading, quote or list.
std::string markdown_text(std::string_view text);
// A Markdown code span around `text`: fenced with more backticks than it holds,
// controls escaped, | as \| (GFM tables need it even in code; elsewhere it shows).
std::string markdown_code(std::string_view text);
// XML 1.0 text and attribute values: markup escaped, control characters XML forbids dropped.
std::string xml_text(const std::string& text);
// User text shown in HTML or SVG: xml_text, after the controls and bidirectional
// overrides are shown instead of obeyed (util::escape_controls, line by line: a
// line break stays one, for tooltips). A workload named "<script>" or holding
// U+202E prints as those characters, never as markup or reordered text.
std::string html_text(const std::string& text);
// RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.
// Controls are escaped first (util::escape_controls), and a field a spreadsheet
// would run as a formula (= + - @ first, OWASP "CSV injection") gets a leading '
// unless it is a number.
std::string csv_field(const std::string& value);
std::string csv_line(const std::vector<std::string>& fields);  // "\n"-terminated
// GitHub workflow commands: message data escapes %, CR and LF (a line break would
// start a command of its own: "::error::…"), other controls as util::escape_controls;
// properties also : and ,.
std::string workflow_data(const std::string& text);
std::string workflow_property(const std::string& text);

}  // namespace edgeplan::render_detail
