#include <edgeplan/json_document.hpp>

#include <cctype>
#include <regex>

#include <fmt/format.h>

#include <edgeplan/file_system.hpp>
#include <edgeplan/util/text.hpp>

namespace edgeplan {

namespace {

using PositionMap = std::unordered_map<std::string, TextPosition>;

// Walks text that nlohmann has already accepted and records where every value
// starts. nlohmann keeps no positions, and its SAX events carry none either.
class PositionIndexer {
 public:
  explicit PositionIndexer(std::string_view text) : m_text(text) {}

  PositionMap index() {
    skip_space();
    value("");
    return std::move(m_positions);
  }

 private:
  void value(const std::string& pointer) {
    m_positions.emplace(pointer, TextPosition{m_line, m_column});
    char c = peek();
    if (c == '{') return object(pointer);
    if (c == '[') return array(pointer);
    if (c == '"') return (void)string();
    while (m_offset < m_text.size() && !is_delimiter(peek())) advance();
  }

  void object(const std::string& pointer) {
    advance();
    skip_space();
    while (peek() != '}') {
      std::string key = string();
      skip_space();
      advance();  // ':'
      skip_space();
      value(pointer + "/" + pointer_token(key));
      skip_space();
      if (peek() == ',') advance(), skip_space();
    }
    advance();
  }

  void array(const std::string& pointer) {
    advance();
    skip_space();
    for (std::size_t i = 0; peek() != ']'; ++i) {
      value(fmt::format("{}/{}", pointer, i));
      skip_space();
      if (peek() == ',') advance(), skip_space();
    }
    advance();
  }

  // Returns the raw key text; keys with escapes are rare in specs and only
  // need to be close enough to locate a value.
  std::string string() {
    advance();
    std::string out;
    while (m_offset < m_text.size() && peek() != '"') {
      if (peek() == '\\') advance();
      out += peek();
      advance();
    }
    advance();
    return out;
  }

  static bool is_delimiter(char c) { return c == ',' || c == '}' || c == ']' || std::isspace(static_cast<unsigned char>(c)); }
  char peek() const { return m_offset < m_text.size() ? m_text[m_offset] : '\0'; }
  void skip_space() {
    while (m_offset < m_text.size() && std::isspace(static_cast<unsigned char>(peek()))) advance();
  }
  void advance() {
    if (m_offset >= m_text.size()) return;
    if (m_text[m_offset] == '\n') ++m_line, m_column = 1;
    else ++m_column;
    ++m_offset;
  }

  std::string_view m_text;
  std::size_t m_offset = 0;
  int m_line = 1;
  int m_column = 1;
  PositionMap m_positions;
};

TextPosition position_at_byte(std::string_view text, std::size_t byte) {
  TextPosition pos{1, 1};
  for (std::size_t i = 0; i < byte && i < text.size(); ++i) {
    if (text[i] == '\n') ++pos.line, pos.column = 1;
    else ++pos.column;
  }
  return pos;
}

// nlohmann: "[json.exception.parse_error.101] parse error at line 3, column 5: syntax error while
// parsing object - unexpected '}'; expected string literal" -> keep what follows "syntax error ".
std::string parse_error_reason(const std::string& what) {
  static const std::regex prefix(R"(^\[json\.exception\.[a-z_]+\.\d+\] parse error( at line \d+, column \d+)?: )");
  std::string reason = std::regex_replace(what, prefix, "");
  if (reason.rfind("syntax error while parsing ", 0) == 0) reason = "invalid JSON while parsing " + reason.substr(27);
  return reason;
}

}  // namespace

JsonDocument JsonDocument::parse(std::string name, std::string_view text) {
  JsonDocument doc;
  doc.m_name = std::move(name);
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    throw InputError(Diagnostic{Severity::error, doc.m_name, 1, 1, "", "file is empty; expected a JSON document", {}});
  }
  try {
    doc.m_value = Json::parse(text);
  } catch (const Json::parse_error& e) {
    // nlohmann reports the byte after the offending token; step back onto it.
    std::size_t byte = e.byte > 0 ? e.byte - 1 : 0;
    TextPosition pos = position_at_byte(text, byte);
    throw InputError(Diagnostic{Severity::error, doc.m_name, pos.line, pos.column, "", parse_error_reason(e.what()), {}});
  }
  doc.m_positions = std::make_shared<Positions>(std::string(text));
  return doc;
}

struct JsonDocument::Positions {
  explicit Positions(std::string source) : text(std::move(source)) {}
  // Positions known already (YAML): marked as indexed, so map() never reads text.
  explicit Positions(PositionMap known) : by_pointer(std::move(known)) { std::call_once(indexed, [] {}); }
  const PositionMap& map() {
    std::call_once(indexed, [this] {
      by_pointer = PositionIndexer(text).index();
      text.clear();
      text.shrink_to_fit();
    });
    return by_pointer;
  }

  std::string text;
  std::once_flag indexed;
  PositionMap by_pointer;
};

JsonDocument JsonDocument::located(std::string name, Json value, PositionIndex positions) {
  JsonDocument doc;
  doc.m_name = std::move(name);
  doc.m_value = std::move(value);
  doc.m_positions = std::make_shared<Positions>(std::move(positions));
  return doc;
}

JsonDocument JsonDocument::parse_file(const std::string& path, std::string_view text) {
  const auto ends_with = [&](std::string_view suffix) {
    return path.size() >= suffix.size() && util::to_lower(path.substr(path.size() - suffix.size())) == suffix;
  };
  if (path != kStdinPath) return ends_with(".yaml") || ends_with(".yml") ? parse_yaml(path, text) : parse(path, text);
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos)
    throw InputError(Diagnostic{Severity::error, kStdinName, 0, 0, "", "standard input is empty; expected a JSON or YAML document", {}});
  return text[first] == '{' || text[first] == '[' ? parse(kStdinName, text) : parse_yaml(kStdinName, text);
}

TextPosition JsonDocument::position_of(const std::string& pointer) const {
  if (!m_positions) return {};
  const PositionMap& positions = m_positions->map();
  std::string current = pointer;
  while (true) {
    auto it = positions.find(current);
    if (it != positions.end()) return it->second;
    if (current.empty()) return {};
    current = current.substr(0, current.rfind('/'));
  }
}

Diagnostic JsonDocument::diagnose(const std::string& pointer, std::string message, std::string hint,
                                  Severity severity) const {
  TextPosition pos = position_of(pointer);
  return Diagnostic{severity, m_name, pos.line, pos.column, pointer, std::move(message), std::move(hint)};
}

std::string pointer_token(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

std::string describe_json(const Json& value) {
  switch (value.type()) {
    case Json::value_t::string: {
      std::string s = value.get<std::string>();
      if (s.size() > 40) s = s.substr(0, 37) + "...";
      return fmt::format("string \"{}\"", s);
    }
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float: return fmt::format("number {}", value.dump());
    case Json::value_t::boolean: return fmt::format("boolean {}", value.dump());
    case Json::value_t::null: return "null";
    case Json::value_t::array: return "array";
    case Json::value_t::object: return "object";
    default: return "value";
  }
}

}  // namespace edgeplan
