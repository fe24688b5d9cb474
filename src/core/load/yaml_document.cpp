// YAML input: yaml-cpp parses the text, and its tree is converted to the Json a
// JSON file would give, with every pointer's line:column taken from yaml-cpp's
// marks, so every diagnostic reads the same for YAML as for JSON.
#include <edgeplan/json_document.hpp>

#include <algorithm>
#include <charconv>
#include <map>
#include <optional>
#include <sstream>
#include <vector>

#include <fmt/format.h>
#include <re2/re2.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>
#include <yaml-cpp/yaml.h>

#include <edgeplan/util/utf8.hpp>


namespace edgeplan {

namespace {

// Aliases share nodes, so a few lines can name billions of values ("billion
// laughs"); no spec comes near these, and an alias inside its own anchor would
// otherwise nest for ever.
constexpr std::size_t kMaxValues = 1'000'000;

const std::string kCoreTag = "tag:yaml.org,2002:";

TextPosition position(const YAML::Mark& mark) {
  if (mark.is_null()) return {};
  return TextPosition{mark.line + 1, mark.column + 1};
}

// Plain (unquoted) scalars as the YAML 1.2 core schema types them; nullopt for
// a number no double holds (1e400, or 1e-400), which JSON would refuse too.
// RE2, not std::regex: std::regex recurses once per character, and a scalar of
// 100,000 digits overflowed the stack.
std::optional<Json> plain_scalar(const std::string& text) {
  static const re2::RE2 decimal(R"([-+]?[0-9]+)");
  static const re2::RE2 octal_or_hex(R"(0o[0-7]+|0x[0-9a-fA-F]+)");
  static const re2::RE2 number(R"([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?)");
  if (text == "true" || text == "True" || text == "TRUE") return true;
  if (text == "false" || text == "False" || text == "FALSE") return false;
  const char* begin = text.data() + (!text.empty() && text[0] == '+' ? 1 : 0);
  const char* end = text.data() + text.size();
  if (re2::RE2::FullMatch(text, decimal)) {
    std::int64_t signed_value = 0;
    std::uint64_t unsigned_value = 0;
    if (text[0] != '-' && std::from_chars(begin, end, unsigned_value).ec == std::errc{}) return unsigned_value;
    if (std::from_chars(begin, end, signed_value).ec == std::errc{}) return signed_value;
  } else if (re2::RE2::FullMatch(text, octal_or_hex)) {
    std::uint64_t value = 0;
    if (std::from_chars(begin + 2, end, value, text[1] == 'o' ? 8 : 16).ec == std::errc{}) return value;
  }
  if (re2::RE2::FullMatch(text, number)) {
    double value = 0;
    const auto ec = std::from_chars(begin, end, value).ec;
    if (ec == std::errc{}) return value;
    if (ec == std::errc::result_out_of_range) return std::nullopt;
  }
  return text;
}

class YamlConverter {
 public:
  explicit YamlConverter(const std::string& name) : m_name(name) {}

  // Counts what `node` expands to, aliases repeated, before anything is built:
  // fails at the first value past either cap.
  void check_size(const YAML::Node& node, int depth) {
    if (++m_values > kMaxValues)
      fail(position(node.Mark()), "", fmt::format("YAML document expands to more than {} values (aliases repeating aliases?)", kMaxValues));
    if (depth > kMaxNestingDepth) fail(position(node.Mark()), "", nesting_message() + " (an alias inside its own anchor?)");
    if (node.IsMap())
      for (const auto& entry : node) check_size(entry.second, depth + 1);
    else if (node.IsSequence())
      for (const auto& item : node) check_size(item, depth + 1);
  }

  // The document's root value, its positions recorded from `at` down.
  Json convert_root(const YAML::Node& node, TextPosition at) {
    m_positions = PositionIndex(at);
    return convert(node, PositionIndex::kRoot, at);
  }

  PositionIndex take_positions() { return std::move(m_positions); }

  [[noreturn]] void fail(TextPosition at, const std::string& pointer, std::string message) const {
    document_detail::fail_at(m_name, at, pointer, std::move(message));
  }

  static std::string nesting_message() { return document_detail::nesting_message("sequences and mappings"); }

 private:
  // Converts `node`, recorded at `self` in the index. The pointers of values
  // are only spelled out for a diagnostic (`pointer()`): built for every value,
  // deep documents with long keys would hold depth × path length bytes.
  Json convert(const YAML::Node& node, PositionIndex::Node self, TextPosition at) {
    switch (node.Type()) {
      case YAML::NodeType::Scalar: return scalar(node, at);
      case YAML::NodeType::Sequence: {
        check_tag(node, "seq", at);
        Json out = Json::array();
        for (const auto& item : node) out.push_back(child(item, self, std::to_string(out.size()), item_position(item, at)));
        return out;
      }
      case YAML::NodeType::Map: return mapping(node, self, at);
      default: return nullptr;  // null, ~ or nothing at all
    }
  }

  // Converts the value `token` of the collection at `parent`.
  Json child(const YAML::Node& node, PositionIndex::Node parent, std::string token, TextPosition at) {
    m_path.push_back(std::move(token));
    Json out = convert(node, m_positions.add(parent, m_path.back(), at), at);
    m_path.pop_back();
    return out;
  }

  // The JSON pointer of the value being converted.
  std::string pointer() const {
    std::string out;
    for (const auto& t : m_path) out += "/" + t;
    return out;
  }

  // Where a list item starts; an empty one (null) has no text of its own, and
  // yaml-cpp marks the next token instead: it is located at its list.
  static TextPosition item_position(const YAML::Node& item, TextPosition list) {
    return item.IsNull() || item.Mark().is_null() ? list : position(item.Mark());
  }

  // Where a mapping's value is shown: at its key when it is a null or a block
  // collection (which starts on the lines below), as JSON's "key": { does.
  static TextPosition value_position(const YAML::Node& value, TextPosition key) {
    const bool block = (value.IsMap() || value.IsSequence()) && value.Style() == YAML::EmitterStyle::Block;
    return block ? key : item_position(value, key);
  }

  Json scalar(const YAML::Node& node, TextPosition at) const {
    const std::string& tag = node.Tag();
    if (tag == "!" || tag == kCoreTag + "str") return node.Scalar();  // quoted, block (| >) or !!str
    const std::optional<Json> number_or_text = plain_scalar(node.Scalar());
    if (!number_or_text)
      fail(at, pointer(), fmt::format("number {} is out of range; expected a number between -1.7e308 and 1.7e308",
                                      util::shorten_utf8(node.Scalar(), 40)));
    const Json& value = *number_or_text;
    if (tag == "?") return value;
    if (tag == kCoreTag + "bool" && value.is_boolean()) return value;
    if (tag == kCoreTag + "int" && value.is_number_integer()) return value;
    if (tag == kCoreTag + "float" && value.is_number()) return value.get<double>();
    fail(at, pointer(), fmt::format("YAML tag {} does not fit \"{}\"; edgeplan reads the core tags !!str, !!int, !!float, !!bool", short_tag(tag),
                                    util::shorten_utf8(node.Scalar(), 40)));
  }

  void check_tag(const YAML::Node& node, const std::string& kind, TextPosition at) const {
    const std::string& tag = node.Tag();
    if (tag != "?" && tag != "!" && tag != kCoreTag + kind) fail(at, pointer(), fmt::format("YAML tag {} is not supported here", short_tag(tag)));
  }

  static std::string short_tag(const std::string& tag) {
    return tag.rfind(kCoreTag, 0) == 0 ? "!!" + tag.substr(kCoreTag.size()) : tag;
  }

  // Explicit keys first, then the merge keys' (<<) mappings: a key of this
  // mapping wins over a merged one, and an earlier merged mapping over a later.
  Json mapping(const YAML::Node& node, PositionIndex::Node self, TextPosition at) {
    check_tag(node, "map", at);
    Json out = Json::object();
    std::map<std::string, TextPosition> seen;
    std::vector<YAML::Node> merged;
    for (const auto& entry : node) {
      const TextPosition key_at = position(entry.first.Mark());
      if (entry.first.IsScalar() && entry.first.Tag() == "?" && entry.first.Scalar() == "<<") {
        add_merged(entry.second, merged, key_at);
        continue;
      }
      const std::string key = key_text(entry.first, key_at);
      if (auto [first, inserted] = seen.emplace(key, key_at); !inserted)
        fail(key_at, pointer() + "/" + pointer_token(key),
             fmt::format("duplicate key \"{}\" (first at line {}, column {})", key, first->second.line, first->second.column));
      out[key] = child(entry.second, self, pointer_token(key), value_position(entry.second, key_at));
    }
    for (const auto& source : merged)
      for (const auto& entry : source) {
        const TextPosition key_at = position(entry.first.Mark());
        const std::string key = key_text(entry.first, key_at);
        if (!out.contains(key)) out[key] = child(entry.second, self, pointer_token(key), value_position(entry.second, key_at));
      }
    return out;
  }

  void add_merged(const YAML::Node& value, std::vector<YAML::Node>& merged, TextPosition at) const {
    std::vector<YAML::Node> sources;
    if (value.IsMap()) sources.push_back(value);
    if (value.IsSequence())
      for (const auto& item : value) sources.push_back(item);
    if (sources.empty() || !std::all_of(sources.begin(), sources.end(), [](const YAML::Node& n) { return n.IsMap(); }))
      fail(at, pointer(), "a merge key (<<) takes a mapping or a list of mappings");
    merged.insert(merged.end(), sources.begin(), sources.end());
  }

  std::string key_text(const YAML::Node& key, TextPosition at) const {
    if (!key.IsScalar()) fail(at, pointer(), "a mapping key must be a string, not a null, list or mapping");
    return key.Scalar();
  }

  const std::string& m_name;
  std::size_t m_values = 0;
  PositionIndex m_positions;
  std::vector<std::string> m_path;  // reference tokens of the value being converted
};

// Where each document of a stream starts, read through yaml-cpp's event parser.
// Not YAML::LoadAll: in yaml-cpp 0.7 (Debian 12) text such as `"a",b` makes the
// parser return an empty document at the same place forever, and LoadAll keeps
// collecting them until memory runs out (yaml-cpp issue 1040, fixed upstream by
// pull request 1319). Two empty documents at one mark mean the parser is stuck.
class DocumentStarts final : public YAML::EventHandler {
 public:
  struct Start {
    YAML::Mark mark;
    bool empty = true;  // no event but a null root
  };

  // The documents of `text`; a stuck parser is reported as a syntax error at its mark.
  static std::vector<Start> scan(const std::string& text) {
    std::istringstream in(text);
    YAML::Parser parser(in);
    DocumentStarts starts;
    while (parser.HandleNextDocument(starts)) {
      const auto& docs = starts.m_starts;
      if (docs.size() >= 2 && docs.back().empty && docs[docs.size() - 2].empty &&
          docs.back().mark.pos == docs[docs.size() - 2].mark.pos)
        throw YAML::ParserException(docs.back().mark, "unexpected text the parser cannot read");
    }
    return starts.m_starts;
  }

  void OnDocumentStart(const YAML::Mark& mark) override { m_starts.push_back({mark, true}); m_events = 0; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { root(mark, false); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override { root(mark, true); }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t, const std::string&) override { root(mark, true); }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override { root(mark, true); }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override { root(mark, true); }
  void OnMapEnd() override {}

 private:
  // The first event of a document is its root: where it starts, and whether it holds anything.
  void root(const YAML::Mark& mark, bool content) {
    if (m_starts.empty() || m_events++ > 0) return;
    m_starts.back() = {mark, !content};
  }

  std::vector<Start> m_starts;
  std::size_t m_events = 0;
};

}  // namespace

JsonDocument JsonDocument::parse_yaml(std::string name, std::string_view text) {
  document_detail::check_document_text(name, text);
  YamlConverter converter(name);
  std::vector<DocumentStarts::Start> documents;
  YAML::Node root;
  try {
    const std::string source(text);
    documents = DocumentStarts::scan(source);
    if (documents.size() == 1) root = YAML::Load(source);
  } catch (const YAML::DeepRecursion& e) {  // yaml-cpp's own guard (2000 of its levels) against overflowing the stack
    converter.fail(position(e.mark), "", YamlConverter::nesting_message());
  } catch (const YAML::Exception& e) {
    converter.fail(position(e.mark), "", "YAML syntax: " + util::valid_utf8(e.msg));  // quotes the offending byte
  }
  if (documents.empty()) converter.fail({1, 1}, "", "file is empty; expected a YAML document");
  if (documents.size() > 1)
    converter.fail(position(documents[1].mark), "",
                   fmt::format("expected one document, found {} (\"---\" starts another)", documents.size()));
  const TextPosition root_at = position(root.Mark());
  converter.check_size(root, 0);
  Json value = converter.convert_root(root, root_at.line > 0 ? root_at : TextPosition{1, 1});
  return located(std::move(name), std::move(value), converter.take_positions());
}

}  // namespace edgeplan
