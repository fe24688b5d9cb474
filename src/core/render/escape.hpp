#pragma once
// One escaper per target language, so every printer of a language quotes alike.
#include <string>
#include <vector>

namespace edgeplan::render_detail {

// A Markdown table cell: pipes would split the cell, line breaks the table.
std::string markdown_cell(const std::string& text);
// XML 1.0 text and attribute values: markup escaped, control characters XML forbids dropped.
std::string xml_text(const std::string& text);
// RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.
std::string csv_field(const std::string& value);
std::string csv_line(const std::vector<std::string>& fields);  // "\n"-terminated
// GitHub workflow commands: message data escapes %, CR and LF; properties also : and ,.
std::string workflow_data(const std::string& text);
std::string workflow_property(const std::string& text);

}  // namespace edgeplan::render_detail
