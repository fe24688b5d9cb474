// YAML input: yaml-cpp parses the text, and its tree is converted to the Json a
// JSON file would give, with every pointer's line:column taken from yaml-cpp's
// marks, so every diagnostic reads the same for YAML as for JSON.
#include <edgeplan/json_document.hpp>

#include <algorithm>
#include <charconv>
#include <map>
#include <regex>
#include <vector>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

namespace edgeplan {

namespace {

// Aliases share nodes, so a few lines can name billions of values ("billion
// laughs"); no spec comes near these, and an alias inside its own anchor would
// otherwise nest for ever.
constexpr std::size_t kMaxValues = 1'000'000;
constexpr int kMaxDepth = 256;

const std::string kCoreTag = "tag:yaml.org,2002:";

TextPosition position(const YAML::Mark& mark) {
  if (mark.is_null()) return {};
  return TextPosition{mark.line + 1, mark.column + 1};
}

// Plain (unquoted) scalars as the YAML 1.2 core schema types them.
Json plain_scalar(const std::string& text) {
  static const std::regex decimal(R"([-+]?[0-9]+)");
  static const std::regex octal_or_hex(R"(0o[0-7]+|0x[0-9a-fA-F]+)");
  static const std::regex number(R"([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?)");
  if (text == "true" || text == "True" || text == "TRUE") return true;
  if (text == "false" || text == "False" || text == "FALSE") return false;
  const char* begin = text.data() + (!text.empty() && text[0] == '+' ? 1 : 0);
  const char* end = text.data() + text.size();
  if (std::regex_match(text, decimal)) {
    std::int64_t signed_value = 0;
    std::uint64_t unsigned_value = 0;
    if (text[0] != '-' && std::from_chars(begin, end, unsigned_value).ec == std::errc{}) return unsigned_value;
    if (std::from_chars(begin, end, signed_value).ec == std::errc{}) return signed_value;
  } else if (std::regex_match(text, octal_or_hex)) {
    std::uint64_t value = 0;
    if (std::from_chars(begin + 2, end, value, text[1] == 'o' ? 8 : 16).ec == std::errc{}) return value;
  }
  if (std::regex_match(text, number)) {
    double value = 0;
    if (std::from_chars(begin, end, value).ec == std::errc{}) return value;
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
    if (depth > kMaxDepth) fail(position(node.Mark()), "", fmt::format("YAML document nests deeper than {} levels (an alias inside its own anchor?)", kMaxDepth));
    if (node.IsMap())
      for (const auto& entry : node) check_size(entry.second, depth + 1);
    else if (node.IsSequence())
      for (const auto& item : node) check_size(item, depth + 1);
  }

  Json convert(const YAML::Node& node, const std::string& pointer, TextPosition at) {
    m_positions.emplace(pointer, at);
    switch (node.Type()) {
      case YAML::NodeType::Scalar: return scalar(node, pointer, at);
      case YAML::NodeType::Sequence: {
        check_tag(node, "seq", pointer, at);
        Json out = Json::array();
        for (const auto& item : node) {
          const std::string item_pointer = fmt::format("{}/{}", pointer, out.size());
          out.push_back(convert(item, item_pointer, item_position(item, at)));
        }
        return out;
      }
      case YAML::NodeType::Map: return mapping(node, pointer, at);
      default: return nullptr;  // null, ~ or nothing at all
    }
  }

  std::unordered_map<std::string, TextPosition> take_positions() { return std::move(m_positions); }

  [[noreturn]] void fail(TextPosition at, const std::string& pointer, std::string message) const {
    throw InputError(Diagnostic{Severity::error, m_name, at.line, at.column, pointer, std::move(message), {}});
  }

 private:
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

  Json scalar(const YAML::Node& node, const std::string& pointer, TextPosition at) const {
    const std::string& tag = node.Tag();
    if (tag == "!" || tag == kCoreTag + "str") return node.Scalar();  // quoted, block (| >) or !!str
    Json value = plain_scalar(node.Scalar());
    if (tag == "?") return value;
    if (tag == kCoreTag + "bool" && value.is_boolean()) return value;
    if (tag == kCoreTag + "int" && value.is_number_integer()) return value;
    if (tag == kCoreTag + "float" && value.is_number()) return value.get<double>();
    fail(at, pointer, fmt::format("YAML tag {} does not fit \"{}\"; edgeplan reads the core tags !!str, !!int, !!float, !!bool", short_tag(tag), node.Scalar()));
  }

  void check_tag(const YAML::Node& node, const std::string& kind, const std::string& pointer, TextPosition at) const {
    const std::string& tag = node.Tag();
    if (tag != "?" && tag != "!" && tag != kCoreTag + kind) fail(at, pointer, fmt::format("YAML tag {} is not supported here", short_tag(tag)));
  }

  static std::string short_tag(const std::string& tag) {
    return tag.rfind(kCoreTag, 0) == 0 ? "!!" + tag.substr(kCoreTag.size()) : tag;
  }

  // Explicit keys first, then the merge keys' (<<) mappings: a key of this
  // mapping wins over a merged one, and an earlier merged mapping over a later.
  Json mapping(const YAML::Node& node, const std::string& pointer, TextPosition at) {
    check_tag(node, "map", pointer, at);
    Json out = Json::object();
    std::map<std::string, TextPosition> seen;
    std::vector<YAML::Node> merged;
    for (const auto& entry : node) {
      const TextPosition key_at = position(entry.first.Mark());
      if (entry.first.IsScalar() && entry.first.Tag() == "?" && entry.first.Scalar() == "<<") {
        add_merged(entry.second, merged, pointer, key_at);
        continue;
      }
      const std::string key = key_text(entry.first, pointer, key_at);
      const std::string key_pointer = pointer + "/" + pointer_token(key);
      if (auto [first, inserted] = seen.emplace(key, key_at); !inserted)
        fail(key_at, key_pointer, fmt::format("duplicate key \"{}\" (first at line {}, column {})", key, first->second.line, first->second.column));
      out[key] = convert(entry.second, key_pointer, value_position(entry.second, key_at));
    }
    for (const auto& source : merged)
      for (const auto& entry : source) {
        const TextPosition key_at = position(entry.first.Mark());
        const std::string key = key_text(entry.first, pointer, key_at);
        if (!out.contains(key)) out[key] = convert(entry.second, pointer + "/" + pointer_token(key), value_position(entry.second, key_at));
      }
    return out;
  }

  void add_merged(const YAML::Node& value, std::vector<YAML::Node>& merged, const std::string& pointer, TextPosition at) const {
    std::vector<YAML::Node> sources;
    if (value.IsMap()) sources.push_back(value);
    if (value.IsSequence())
      for (const auto& item : value) sources.push_back(item);
    if (sources.empty() || !std::all_of(sources.begin(), sources.end(), [](const YAML::Node& n) { return n.IsMap(); }))
      fail(at, pointer, "a merge key (<<) takes a mapping or a list of mappings");
    merged.insert(merged.end(), sources.begin(), sources.end());
  }

  std::string key_text(const YAML::Node& key, const std::string& pointer, TextPosition at) const {
    if (!key.IsScalar()) fail(at, pointer, "a mapping key must be a string, not a null, list or mapping");
    return key.Scalar();
  }

  const std::string& m_name;
  std::size_t m_values = 0;
  std::unordered_map<std::string, TextPosition> m_positions;
};

}  // namespace

JsonDocument JsonDocument::parse_yaml(std::string name, std::string_view text) {
  std::vector<YAML::Node> documents;
  try {
    documents = YAML::LoadAll(std::string(text));
  } catch (const YAML::Exception& e) {
    const TextPosition at = position(e.mark);
    throw InputError(Diagnostic{Severity::error, name, at.line, at.column, "", "YAML syntax: " + e.msg, {}});
  }
  YamlConverter converter(name);
  if (documents.empty()) converter.fail({1, 1}, "", "file is empty; expected a YAML document");
  if (documents.size() > 1)
    converter.fail(position(documents[1].Mark()), "",
                   fmt::format("expected one document, found {} (\"---\" starts another)", documents.size()));
  const TextPosition root_at = position(documents[0].Mark());
  converter.check_size(documents[0], 0);
  Json value = converter.convert(documents[0], "", root_at.line > 0 ? root_at : TextPosition{1, 1});
  return located(std::move(name), std::move(value), converter.take_positions());
}

}  // namespace edgeplan
