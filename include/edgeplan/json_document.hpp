#pragma once
// A parsed JSON or YAML file that remembers where each value came from, so
// every diagnostic can name FILE:LINE:COL as well as the JSON pointer. YAML is
// read into the same JSON model: the rest of edgeplan never sees the difference.
#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include <edgeplan/diagnostics.hpp>

namespace edgeplan {

using Json = nlohmann::json;

struct TextPosition {
  int line = 0;    // 1-based
  int column = 0;  // 1-based, in bytes
};

// Limits on every JSON or YAML document edgeplan reads (specs, rule packs,
// catalog overlays, latency files, Outpost exports, `rules eval --data`). No
// real document comes near them; beyond them parsing, locating and copying
// would take unbounded stack or memory, so the text is refused up front.
inline constexpr int kMaxNestingDepth = 256;                   // arrays and objects inside each other
inline constexpr std::size_t kMaxDocumentBytes = 64u << 20;    // 64 MiB

// Where each value of a document starts, by JSON pointer. Kept as a tree of
// reference tokens, each value storing only its own token, so the index grows
// with the text, not with depth times path length as whole pointers would.
class PositionIndex {
 public:
  using Node = std::size_t;
  static constexpr Node kRoot = 0;

  explicit PositionIndex(TextPosition root = {});
  // Records the value `token` (an escaped reference token) of `parent` at `at`; returns its node.
  Node add(Node parent, std::string_view token, TextPosition at);
  // Position of the value at `pointer`, or of its closest ancestor that was recorded.
  TextPosition find(std::string_view pointer) const;

 private:
  struct Edge {
    Node parent;
    std::string token;
    bool operator==(const Edge&) const = default;
  };
  struct EdgeHash {
    std::size_t operator()(const Edge& e) const noexcept;
  };
  std::vector<TextPosition> m_positions;  // by node
  std::unordered_map<Edge, Node, EdgeHash> m_children;
};

class JsonDocument {
 public:
  // Throws InputError (with line:column) if `text` is not valid JSON, or breaks
  // a limit above, holds a NUL byte or is not UTF-8.
  static JsonDocument parse(std::string name, std::string_view text);
  // Throws InputError (with line:column) if `text` is not one YAML document
  // that maps onto JSON. Scalars follow the YAML 1.2 core schema (quoted ones
  // are strings); aliases and merge keys (<<) are resolved; duplicate keys,
  // several documents and other tags than the core ones are errors.
  static JsonDocument parse_yaml(std::string name, std::string_view text);
  // The contents of the file at `path`, in the format its name implies: .yaml
  // and .yml are YAML, anything else JSON. "-" is standard input, named
  // "<stdin>": JSON if it starts with '{' or '[', YAML otherwise.
  static JsonDocument parse_file(const std::string& path, std::string_view text);
  // A value built in memory (a spec with a relaxation applied): it has no
  // text, so its diagnostics carry no line:column.
  static JsonDocument in_memory(std::string name, Json value);

  const std::string& name() const { return m_name; }
  const Json& value() const { return m_value; }
  // The value, moved out of a document nothing reads any more.
  Json release_value() && { return std::move(m_value); }

  // Position of the value at `pointer`, or of its closest ancestor that exists.
  TextPosition position_of(const std::string& pointer) const;

  // A diagnostic located at `pointer` in this document.
  Diagnostic diagnose(const std::string& pointer, std::string message, std::string hint = {},
                      Severity severity = Severity::error) const;

 private:
  // Positions are indexed from the text the first time one is asked for: most
  // documents are read without a single diagnostic (a batch parses thousands).
  struct Positions;
  // A document whose positions are known already (YAML: from the parser's marks).
  static JsonDocument located(std::string name, Json value, PositionIndex positions);

  std::string m_name;
  Json m_value;
  std::shared_ptr<Positions> m_positions;
};

// What the JSON and YAML parsers (json_document.cpp, yaml_document.cpp) share:
// the checks every text passes first, and how a problem at a place in the text
// becomes an InputError. Not for other callers.
namespace document_detail {

// 1-based line and column (in bytes) of the byte at `offset`.
TextPosition position_at_byte(std::string_view text, std::size_t offset);

// An input error in the file `name` at `at`, the name made valid UTF-8 for display.
[[noreturn]] void fail_at(const std::string& name, TextPosition at, const std::string& pointer, std::string message);

// "nesting deeper than 256 levels; expected at most 256 `collections` inside each other"
std::string nesting_message(std::string_view collections);

// Calls on_bracket(offset, opening) for each [ ] { } of JSON text outside
// strings, from `from` on, until it returns false; returns where it stopped
// (one past that bracket), or text.size(). Brackets are the whole structure of
// JSON: nesting depth and where one top-level value ends are read off them.
template <class OnBracket>
std::size_t for_each_bracket(std::string_view text, std::size_t from, OnBracket&& on_bracket) {
  bool in_string = false;
  for (std::size_t i = from; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if ((c == '[' || c == '{' || c == ']' || c == '}') && !on_bracket(i, c == '[' || c == '{')) {
      return i + 1;
    }
  }
  return text.size();
}

// Refuses a text larger than kMaxDocumentBytes, holding a NUL byte (a parser
// would stop there and ignore the rest without a word), or not UTF-8.
void check_document_text(const std::string& name, std::string_view text);

}  // namespace document_detail

// Escape one reference token for a JSON pointer ("a/b" -> "a~1b").
std::string pointer_token(std::string_view key);
// A reference token as an array index (RFC 6901: digits, no leading zero, no
// sign); nullopt for any other token, or one too large for an index.
std::optional<std::size_t> pointer_index(std::string_view token);

// A value a JSON Patch (RFC 6902) changes: its JSON Pointer, and whether a
// "replace" put it there (its parent keeps the same members) rather than an
// add, remove, move, copy or test.
struct PatchChange {
  std::string pointer;
  bool replaced = false;
};
// The values `patch` changes: each operation's path, and a move's from too
// (copy and test are listed, changing nothing, to err on the safe side).
// nullopt when the patch is not a list of operations each with a string path.
std::optional<std::vector<PatchChange>> patch_changes(const Json& patch);

// Describe a JSON value's type for messages: "string \"abc\"", "number 3", "object".
std::string describe_json(const Json& value);

}  // namespace edgeplan
