#include <edgeplan/json_document.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>
#include <regex>
#include <vector>

#include <fmt/format.h>

#include <edgeplan/file_system.hpp>
#include <edgeplan/json_digest.hpp>
#include <edgeplan/util/digest.hpp>
#include <edgeplan/util/text.hpp>
#include <edgeplan/util/utf8.hpp>
#include "util/embedded.hpp"


namespace edgeplan {

PositionIndex::PositionIndex(TextPosition root) : m_positions{root} {}

std::size_t PositionIndex::EdgeHash::operator()(const Edge& e) const noexcept {
  return std::hash<std::string>{}(e.token) ^ (e.parent * 0x9E3779B97F4A7C15ull);
}

PositionIndex::Node PositionIndex::add(Node parent, std::string_view token, TextPosition at) {
  const auto [it, inserted] = m_children.emplace(Edge{parent, std::string(token)}, m_positions.size());
  if (inserted) m_positions.push_back(at);
  return it->second;
}

TextPosition PositionIndex::find(std::string_view pointer) const {
  Node node = kRoot;
  Edge edge{kRoot, {}};
  for (std::size_t pos = 0; pos < pointer.size() && pointer[pos] == '/';) {
    const std::size_t end = std::min(pointer.find('/', pos + 1), pointer.size());
    edge.parent = node;
    edge.token.assign(pointer.substr(pos + 1, end - pos - 1));
    const auto it = m_children.find(edge);
    if (it == m_children.end()) break;
    node = it->second;
    pos = end;
  }
  return m_positions[node];
}

namespace document_detail {

TextPosition position_at_byte(std::string_view text, std::size_t offset) {
  TextPosition pos{1, 1};
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') ++pos.line, pos.column = 1;
    else ++pos.column;
  }
  return pos;
}

void fail_at(const std::string& name, TextPosition at, const std::string& pointer, std::string message) {
  throw InputError(Diagnostic{Severity::error, util::valid_utf8(name), at.line, at.column, pointer, std::move(message), {}});
}

std::string nesting_message(std::string_view collections) {
  return fmt::format("nesting deeper than {} levels; expected at most {} {} inside each other", kMaxNestingDepth, kMaxNestingDepth, collections);
}

namespace {

// Where valid_utf8 first changes the text: the first ill-formed byte.
std::size_t first_ill_formed_byte(std::string_view text) {
  const std::string valid = util::valid_utf8(text);
  return static_cast<std::size_t>(std::mismatch(text.begin(), text.end(), valid.begin(), valid.end()).first - text.begin());
}

}  // namespace

void check_document_text(const std::string& name, std::string_view text) {
  if (text.size() > kMaxDocumentBytes)
    fail_at(name, {1, 1}, "", fmt::format("file is {} bytes; expected at most {} MiB", text.size(), kMaxDocumentBytes >> 20));
  if (const auto nul = text.find('\0'); nul != std::string_view::npos)
    fail_at(name, position_at_byte(text, nul), "", "NUL byte; expected text (a parser would stop here and ignore the rest)");
  if (!util::is_valid_utf8(text)) {
    const std::size_t bad = first_ill_formed_byte(text);
    fail_at(name, position_at_byte(text, bad), "",
            fmt::format("byte 0x{:02X} is not UTF-8; expected UTF-8 text (convert it, e.g. iconv -f latin1 -t utf-8)",
                        static_cast<unsigned char>(text[bad])));
  }
}

}  // namespace document_detail

namespace {

using document_detail::fail_at;
using document_detail::position_at_byte;

// Walks text that nlohmann has already accepted and records where every value
// starts. nlohmann keeps no positions, and its SAX events carry none either.
// Recursion is bounded: the text nests at most kMaxNestingDepth levels.
class PositionIndexer {
 public:
  explicit PositionIndexer(std::string_view text) : m_text(text) {}

  PositionIndex index() {
    skip_space();
    m_index = PositionIndex(here());
    value(PositionIndex::kRoot);
    return std::move(m_index);
  }

 private:
  void value(PositionIndex::Node node) {
    char c = peek();
    if (c == '{') return object(node);
    if (c == '[') return array(node);
    if (c == '"') return (void)string();
    while (!at_end() && !is_delimiter(peek())) advance();
  }

  void object(PositionIndex::Node node) {
    advance();
    skip_space();
    while (!at_end() && peek() != '}') {
      const std::string key = key_text(string());
      skip_space();
      advance();  // ':'
      skip_space();
      value(m_index.add(node, pointer_token(key), here()));
      skip_space();
      if (peek() == ',') advance(), skip_space();
    }
    advance();
  }

  void array(PositionIndex::Node node) {
    advance();
    skip_space();
    for (std::size_t i = 0; !at_end() && peek() != ']'; ++i) {
      value(m_index.add(node, std::to_string(i), here()));
      skip_space();
      if (peek() == ',') advance(), skip_space();
    }
    advance();
  }

  // The raw string token, quotes included.
  std::string_view string() {
    const std::size_t begin = m_offset;
    advance();
    while (!at_end() && peek() != '"') {
      if (peek() == '\\') advance();
      advance();
    }
    advance();
    return m_text.substr(begin, m_offset - begin);
  }

  // A key as the document's value has it: escapes (rare in keys) decoded by nlohmann.
  static std::string key_text(std::string_view token) {
    if (token.find('\\') == std::string_view::npos) return std::string(token.substr(1, token.size() - 2));
    return Json::parse(token).get<std::string>();
  }

  static bool is_delimiter(char c) { return c == ',' || c == '}' || c == ']' || std::isspace(static_cast<unsigned char>(c)); }
  bool at_end() const { return m_offset >= m_text.size(); }
  char peek() const { return at_end() ? '\0' : m_text[m_offset]; }
  TextPosition here() const { return {m_line, m_column}; }
  void skip_space() {
    while (!at_end() && std::isspace(static_cast<unsigned char>(peek()))) advance();
  }
  void advance() {
    if (at_end()) return;
    if (m_text[m_offset] == '\n') ++m_line, m_column = 1;
    else ++m_column;
    ++m_offset;
  }

  std::string_view m_text;
  std::size_t m_offset = 0;
  int m_line = 1;
  int m_column = 1;
  PositionIndex m_index;
};

// Arrays and objects nested deeper than kMaxNestingDepth, found before any
// parser, indexer, copy or destructor recurses into them (50,000 levels
// overflow the stack). Outside strings, brackets are all there is to count.
void check_json_nesting(const std::string& name, std::string_view text) {
  int depth = 0;
  document_detail::for_each_bracket(text, 0, [&](std::size_t i, bool opening) {
    if (!opening) depth = std::max(0, depth - 1);
    else if (++depth > kMaxNestingDepth) fail_at(name, position_at_byte(text, i), "", document_detail::nesting_message("arrays and objects"));
    return true;
  });
}

// nlohmann: "[json.exception.parse_error.101] parse error at line 3, column 5: syntax error while
// parsing object - unexpected '}'; expected string literal" -> keep what follows "syntax error ".
// Its "; last read: '...'" excerpt is dropped: the line:column says where, and
// the excerpt would quote raw bytes of any file named (a fixture path, /etc/passwd),
// megabytes of a long string, or half a UTF-8 character.
std::string parse_error_reason(const std::string& what) {
  static const std::regex prefix(R"(^\[json\.exception\.[a-z_]+\.\d+\] parse error( at line \d+, column \d+)?: )");
  std::string reason = std::regex_replace(what, prefix, "");
  if (reason.rfind("syntax error while parsing ", 0) == 0) reason = "invalid JSON while parsing " + reason.substr(27);
  if (const auto excerpt = reason.find("; last read: '"); excerpt != std::string::npos) reason.resize(excerpt);
  return util::valid_utf8(reason);
}

// nlohmann's own DOM builder, made to report its first error instead of
// throwing it: a number out of range (1e400) is thrown as an out_of_range
// exception without any position, but the parser hands the SAX handler the
// offset. The handler also follows the JSON pointer of the value being read,
// so that error can name it. (json_sax_dom_parser is nlohmann's detail, and
// stable across 3.x; sax_parse calls these members by name, not virtually.)
class LocatingDomBuilder : public nlohmann::detail::json_sax_dom_parser<Json> {
  using Base = nlohmann::detail::json_sax_dom_parser<Json>;

 public:
  struct Failure {
    std::size_t offset;  // of the byte after the last token read
    std::string last_token;
    std::string what;
    int id;
    std::string pointer;  // of the value being read
  };

  explicit LocatingDomBuilder(Json& result) : Base(result, false) {}

  bool null() { return begin_value() && Base::null(); }
  bool boolean(bool v) { return begin_value() && Base::boolean(v); }
  bool number_integer(Json::number_integer_t v) { return begin_value() && Base::number_integer(v); }
  bool number_unsigned(Json::number_unsigned_t v) { return begin_value() && Base::number_unsigned(v); }
  bool number_float(Json::number_float_t v, const std::string& s) { return begin_value() && Base::number_float(v, s); }
  bool string(std::string& v) { return begin_value() && Base::string(v); }
  bool binary(Json::binary_t& v) { return begin_value() && Base::binary(v); }
  bool start_object(std::size_t n) { return begin_value() && open(false) && Base::start_object(n); }
  bool start_array(std::size_t n) { return begin_value() && open(true) && Base::start_array(n); }
  bool end_object() { return close() && Base::end_object(); }
  bool end_array() { return close() && Base::end_array(); }
  bool key(std::string& k) {
    m_frames.back().token = pointer_token(k);
    return Base::key(k);
  }

  bool parse_error(std::size_t offset, const std::string& last_token, const nlohmann::detail::exception& e) {
    if (!m_failure) m_failure = Failure{offset, last_token, e.what(), e.id, current_pointer()};
    return false;
  }

  const std::optional<Failure>& failure() const { return m_failure; }

 private:
  struct Frame {
    bool array;
    std::size_t next_index = 0;
    std::string token;  // of the value being read inside this container
  };

  // In an array, the value about to be read gets the next index as its token.
  bool begin_value() {
    if (!m_frames.empty() && m_frames.back().array) m_frames.back().token = std::to_string(m_frames.back().next_index++);
    return true;
  }
  bool open(bool array) {
    m_frames.push_back(Frame{array, 0, {}});
    return true;
  }
  bool close() {
    m_frames.pop_back();
    return true;
  }
  // The failing value is not begun yet: in an array it is the next index.
  std::string current_pointer() const {
    std::string out;
    for (const auto& f : m_frames) out += "/" + (f.array ? std::to_string(f.next_index) : f.token);
    return out;
  }

  std::vector<Frame> m_frames;
  std::optional<Failure> m_failure;
};

Json parse_json_value(const std::string& name, std::string_view text) {
  // Parsed as nlohmann parses, without following the pointer of each value
  // (a string per member): only a document that fails is read again, by the
  // builder that locates its failure. Both build the value the same way.
  if (Json value = Json::parse(text, nullptr, false); !value.is_discarded()) return value;
  Json value;
  LocatingDomBuilder builder(value);
  if (Json::sax_parse(text, &builder)) return value;  // not reached: the same parser rejected it above
  const auto& failure = *builder.failure();
  if (failure.id == 406) {  // out_of_range.406: number overflow; point at the number's first byte
    const std::size_t start = failure.offset - std::min(failure.offset, failure.last_token.size());
    fail_at(name, position_at_byte(text, start), failure.pointer,
            fmt::format("number {} is out of range; expected a number between -1.7e308 and 1.7e308",
                        util::shorten_utf8(failure.last_token, 40)));
  }
  // nlohmann reports the byte after the offending token; step back onto it.
  const std::size_t byte = failure.offset > 0 ? failure.offset - 1 : 0;
  fail_at(name, position_at_byte(text, byte), "", parse_error_reason(failure.what));
}

}  // namespace

JsonDocument JsonDocument::parse(std::string name, std::string_view text) {
  JsonDocument doc;
  doc.m_name = std::move(name);
  // Text compiled into the binary (the default catalog and rules) passes every
  // check below, which a test holds for each file, and lives as long as the
  // process: start-up reads it without them, and without copying it.
  if (embedded::holds(text)) {
    doc.m_value = Json::parse(text);
    doc.m_positions = std::make_shared<Positions>(text);
    return doc;
  }
  document_detail::check_document_text(doc.m_name, text);
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) fail_at(doc.m_name, {1, 1}, "", "file is empty; expected a JSON document");
  check_json_nesting(doc.m_name, text);
  doc.m_value = parse_json_value(doc.m_name, text);
  doc.m_positions = std::make_shared<Positions>(std::string(text));
  return doc;
}

struct JsonDocument::Positions {
  explicit Positions(std::string source) : owned(std::move(source)), text(owned) {}
  // Text that outlives the document (embedded in the binary): not copied.
  explicit Positions(std::string_view source) : text(source) {}
  // Positions known already (YAML): marked as indexed, so index() never reads text.
  explicit Positions(PositionIndex known) : by_pointer(std::move(known)) { std::call_once(indexed, [] {}); }
  const PositionIndex& index() {
    std::call_once(indexed, [this] {
      by_pointer = PositionIndexer(text).index();
      text = {};
      owned.clear();
      owned.shrink_to_fit();
    });
    return by_pointer;
  }

  std::string owned;      // the text, when the document keeps its own copy
  std::string_view text;  // what positions are indexed from, until they are
  std::once_flag indexed;
  PositionIndex by_pointer;
};

JsonDocument JsonDocument::located(std::string name, Json value, PositionIndex positions) {
  JsonDocument doc;
  doc.m_name = std::move(name);
  doc.m_value = std::move(value);
  doc.m_positions = std::make_shared<Positions>(std::move(positions));
  return doc;
}

JsonDocument JsonDocument::in_memory(std::string name, Json value) { return located(std::move(name), std::move(value), PositionIndex()); }

JsonDocument JsonDocument::parse_file(const std::string& path, std::string_view text) {
  const auto ends_with = [&](std::string_view suffix) {
    return path.size() >= suffix.size() && util::to_lower(path.substr(path.size() - suffix.size())) == suffix;
  };
  if (path != kStdinPath) return ends_with(".yaml") || ends_with(".yml") ? parse_yaml(path, text) : parse(path, text);
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) fail_at(kStdinName, {}, "", "standard input is empty; expected a JSON or YAML document");
  return text[first] == '{' || text[first] == '[' ? parse(kStdinName, text) : parse_yaml(kStdinName, text);
}

TextPosition JsonDocument::position_of(const std::string& pointer) const {
  return m_positions ? m_positions->index().find(pointer) : TextPosition{};
}

namespace {
// A quoted value in a diagnostic longer than this is cut ("..."); describe_json quotes 40.
constexpr std::size_t kQuotedChars = 80;
}  // namespace

Diagnostic JsonDocument::diagnose(const std::string& pointer, std::string message, std::string hint,
                                  Severity severity) const {
  TextPosition pos = position_of(pointer);
  // What the user wrote is quoted in the message and the hint: a few dozen characters of it are enough.
  return Diagnostic{severity, util::valid_utf8(m_name), pos.line, pos.column, pointer, util::shorten_quoted(message, kQuotedChars),
                    util::shorten_quoted(hint, kQuotedChars)};
}

namespace {

std::string dumped(const Json& value) { return value.dump(-1, ' ', false, Json::error_handler_t::replace); }

// Printable ASCII but '"' and '\\': what the dump writes between quotes as it is.
bool plain_text(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c <= 0x7e && c != '"' && c != '\\'; });
}

void append_text(std::string& out, const std::string& text) {
  if (!plain_text(text)) {
    out += dumped(Json(text));  // escapes, and U+FFFD for ill-formed UTF-8, as the dump writes them
    return;
  }
  out += '"';
  out += text;
  out += '"';
}

template <typename Integer>
void append_integer(std::string& out, Integer value) {
  char digits[24];
  const auto written = std::to_chars(std::begin(digits), std::end(digits), value);
  out.append(digits, written.ptr);
}

// The dump's text, written by hand where that is plain (containers, ASCII
// text without escapes, integers, literals) and by the dump itself for the
// rest (escaped or non-ASCII text, floating-point numbers): a batch digests
// every spec, section by section, and the dump's per-byte UTF-8 check was
// most of the cost.
void append_canonical(std::string& out, const Json& value) {
  switch (value.type()) {
    case Json::value_t::object: {
      out += '{';
      bool first = true;
      for (const auto& [key, member] : value.get_ref<const Json::object_t&>()) {
        if (!first) out += ',';
        first = false;
        append_text(out, key);
        out += ':';
        append_canonical(out, member);
      }
      out += '}';
      return;
    }
    case Json::value_t::array: {
      out += '[';
      bool first = true;
      for (const Json& element : value.get_ref<const Json::array_t&>()) {
        if (!first) out += ',';
        first = false;
        append_canonical(out, element);
      }
      out += ']';
      return;
    }
    case Json::value_t::string: append_text(out, value.get_ref<const std::string&>()); return;
    case Json::value_t::boolean: out += value.get<bool>() ? "true" : "false"; return;
    case Json::value_t::null: out += "null"; return;
    case Json::value_t::number_integer: append_integer(out, value.get<std::int64_t>()); return;
    case Json::value_t::number_unsigned: append_integer(out, value.get<std::uint64_t>()); return;
    default: out += dumped(value); return;  // floating point, binary, discarded
  }
}

}  // namespace

std::string canonical_text(const Json& value) {
  std::string out;
  append_canonical(out, value);
  return out;
}

std::string json_digest(const Json& value) { return util::sha256_hex(canonical_text(value)); }

std::string pointer_token(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

std::optional<std::size_t> pointer_index(std::string_view token) {
  if (token.empty() || (token.size() > 1 && token[0] == '0')) return std::nullopt;
  std::size_t index = 0;
  const auto [end, error] = std::from_chars(token.data(), token.data() + token.size(), index);
  if (error != std::errc() || end != token.data() + token.size()) return std::nullopt;
  return index;
}

std::optional<std::vector<PatchChange>> patch_changes(const Json& patch) {
  const auto text = [](const Json& op, const char* key) -> const std::string* {
    const auto it = op.find(key);
    return it != op.end() && it->is_string() ? &it->get_ref<const std::string&>() : nullptr;
  };
  if (!patch.is_array()) return std::nullopt;
  std::vector<PatchChange> changes;
  for (const Json& op : patch) {
    const std::string* path = op.is_object() ? text(op, "path") : nullptr;
    if (path == nullptr) return std::nullopt;
    const std::string* kind = text(op, "op");
    changes.push_back({*path, kind && *kind == "replace"});
    if (const std::string* from = kind && *kind == "move" ? text(op, "from") : nullptr) changes.push_back({*from, false});
  }
  return changes;
}

std::string describe_json(const Json& value) {
  switch (value.type()) {
    case Json::value_t::string: {
      return fmt::format("string \"{}\"", util::shorten_utf8(value.get_ref<const std::string&>(), 40));
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
