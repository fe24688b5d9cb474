#include "render/escape.hpp"

#include <cstdlib>

#include <edgeplan/util/text.hpp>
#include <edgeplan/util/utf8.hpp>

namespace edgeplan {

// nlohmann's dump throws type_error.316 on ill-formed UTF-8; `replace` writes
// U+FFFD instead, so a Latin-1 file name cannot cost a whole report.
std::string dump_json(const Json& value, int indent) {
  return value.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string dump_json(const OrderedJson& value, int indent) {
  return value.dump(indent, ' ', false, OrderedJson::error_handler_t::replace);
}

namespace render_detail {

namespace {

// Whether text starting with `c`, `next` would open a heading, a quote or a list
// item ("-5 points" would not: a list marker needs a space after it).
bool starts_block(char c, char next) {
  const bool marker_end = next == ' ' || next == '\0';
  return c == '#' || c == '>' || ((c == '-' || c == '+' || c == '*') && marker_end);
}

std::size_t longest_backtick_run(std::string_view text) {
  std::size_t longest = 0, run = 0;
  for (char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return longest;
}

bool is_number(const std::string& text) {
  char* end = nullptr;
  std::strtod(text.c_str(), &end);
  return !text.empty() && end == text.c_str() + text.size();
}

// OWASP also names a leading tab and carriage return; escape_controls has
// already made those visible (\t, \r), so only these four are left to neutralise.
bool runs_as_formula(const std::string& field) {
  return !field.empty() && std::string_view("=+-@").find(field.front()) != std::string_view::npos && !is_number(field);
}

}  // namespace

std::string markdown_text(std::string_view text) {
  const std::string plain = util::escape_controls(text);
  std::string out;
  for (std::size_t i = 0; i < plain.size(); ++i) {
    const char c = plain[i];
    const bool link_end = c == ']' && i + 1 < plain.size() && plain[i + 1] == '(';
    if (c == '\\' || c == '`' || c == '|' || c == '<' || link_end || (i == 0 && starts_block(c, plain.size() > 1 ? plain[1] : '\0'))) out += '\\';
    out += c;
  }
  return out;
}

std::string markdown_code(std::string_view text) {
  std::string body;
  for (char c : util::escape_controls(text)) body += c == '|' ? std::string("\\|") : std::string(1, c);
  const std::string fence(longest_backtick_run(body) + 1, '`');
  // A span that starts or ends with a backtick needs a space between it and the fence.
  const bool pad = !body.empty() && (body.front() == '`' || body.back() == '`');
  return fence + (pad ? " " : "") + body + (pad ? " " : "") + fence;
}

std::string xml_text(const std::string& text) {
  std::string out;
  for (unsigned char c : util::valid_utf8(text)) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\n': out += "&#10;"; break;
      case '\t': out += "&#9;"; break;
      default:
        if (c >= 0x20) out += static_cast<char>(c);
    }
  }
  return out;
}

std::string html_text(const std::string& text) {
  std::string shown;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find('\n', start);
    shown += util::escape_controls(std::string_view(text).substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    shown += '\n';
    start = end + 1;
  }
  return xml_text(shown);
}

std::string csv_field(const std::string& value) {
  std::string field = util::escape_controls(value);
  if (runs_as_formula(field)) field.insert(0, "'");
  if (field.find_first_of(",\"") == std::string::npos) return field;
  std::string out = "\"";
  for (char c : field) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string csv_line(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) out += (i ? "," : "") + csv_field(fields[i]);
  return out + "\n";
}

std::string workflow_data(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else out += c;
  }
  return util::escape_controls(out);  // makes it valid UTF-8 too; no line break is left for it to show
}

std::string workflow_property(const std::string& text) {
  std::string out;
  for (char c : workflow_data(text)) {
    if (c == ':') out += "%3A";
    else if (c == ',') out += "%2C";
    else out += c;
  }
  return out;
}

}  // namespace render_detail

}  // namespace edgeplan
