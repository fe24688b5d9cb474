#include "load/json_reader.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include <fmt/format.h>

namespace edgeplan {

void JsonReader::error(const std::string& pointer, std::string message, std::string hint) {
  m_diagnostics.add(m_document.diagnose(pointer, std::move(message), std::move(hint)));
}

void JsonReader::warning(const std::string& pointer, std::string message, std::string hint) {
  m_diagnostics.add(m_document.diagnose(pointer, std::move(message), std::move(hint), Severity::warning));
}

void JsonReader::throw_if_errors() const {
  if (m_diagnostics.has_errors()) throw InputError(m_diagnostics.items());
}

namespace {

// "a~1b~0c" -> "a/b~c" (RFC 6901).
std::string unescape_token(std::string_view token) {
  std::string out;
  for (std::size_t i = 0; i < token.size(); ++i) {
    if (token[i] == '~' && i + 1 < token.size() && (token[i + 1] == '0' || token[i + 1] == '1')) out += token[++i] == '0' ? '~' : '/';
    else out += token[i];
  }
  return out;
}

// `token` as it stands in the pointer (escaped). A member is looked up by a
// view of the pointer's text: Json's objects compare keys transparently, and
// only a token with an escape needs a string of its own.
const Json* child(const Json& node, std::string_view token) {
  if (node.is_object()) {
    const auto& members = node.get_ref<const Json::object_t&>();
    const auto it = token.find('~') == std::string_view::npos ? members.find(token) : members.find(unescape_token(token));
    return it == members.end() ? nullptr : &it->second;
  }
  if (!node.is_array()) return nullptr;
  const auto index = pointer_index(token);  // "~0" and "~1" are no digits: a token with an escape is no index
  return index && *index < node.size() ? &node[*index] : nullptr;
}

using Steps = std::vector<std::pair<std::size_t, const Json*>>;

// Walks `pointer` from `node` token by token, from byte `pos` on: loaders read
// every field by pointer, and nlohmann's json_pointer would parse it into a
// vector of strings each time. With `steps`, records where each token ends and
// the node it reached.
const Json* walk(const Json* node, std::string_view pointer, std::size_t pos = 0, Steps* steps = nullptr) {
  while (node != nullptr && pos < pointer.size()) {
    if (pointer[pos] != '/') return nullptr;
    const std::size_t end = std::min(pointer.find('/', pos + 1), pointer.size());
    node = child(*node, pointer.substr(pos + 1, end - pos - 1));
    if (steps != nullptr) steps->emplace_back(end, node);
    pos = end;
  }
  return node;
}

}  // namespace

// The walk to the container ("/sites/3" of "/sites/3/id") is remembered, token
// by token: the next field of the same container is one lookup, and the next
// container walks on from the part of the path the two share ("/sites" of
// "/sites/4"). Tokens are split at '/', which never occurs escaped, so these
// walks take the steps one walk from the root would.
const Json* JsonReader::find(const std::string& pointer) const {
  const std::size_t slash = pointer.rfind('/');
  if (slash == std::string::npos || slash == 0) return walk(&m_document.value(), pointer);
  const std::string_view parent = std::string_view(pointer).substr(0, slash);
  if (parent != m_parent_pointer) walk_to_parent(parent);
  return walk(m_parent, std::string_view(pointer).substr(slash));
}

void JsonReader::walk_to_parent(std::string_view parent) const {
  // The steps of whole tokens both pointers begin with are kept.
  std::size_t common = 0;
  const std::size_t limit = std::min(parent.size(), m_parent_pointer.size());
  while (common < limit && parent[common] == m_parent_pointer[common]) ++common;
  std::size_t kept = 0;
  while (kept < m_parent_steps.size()) {
    const std::size_t end = m_parent_steps[kept].first;
    if (end > common || (end < parent.size() && parent[end] != '/')) break;
    ++kept;
  }
  m_parent_steps.resize(kept);
  const Json* from = kept == 0 ? &m_document.value() : m_parent_steps.back().second;
  m_parent = walk(from, parent, kept == 0 ? 0 : m_parent_steps.back().first, &m_parent_steps);
  m_parent_pointer.assign(parent);
}

void JsonReader::header(const std::string& kind) {
  auto api = string("/apiVersion", true);
  if (api && *api != "edgeplan/v1") error("/apiVersion", fmt::format("expected \"edgeplan/v1\", got \"{}\"", *api));
  auto k = string("/kind", true);
  if (k && *k != kind) error("/kind", fmt::format("expected \"{}\", got \"{}\"", kind, *k));
}

const Json* JsonReader::expect(const std::string& pointer, bool required, const char* what,
                               bool (Json::*test)() const noexcept) {
  const Json* value = find(pointer);
  if (value && value->is_null()) value = nullptr;  // null means "not given" in every edgeplan file
  if (!value) {
    if (required) {
      auto slash = pointer.rfind('/');
      error(pointer.substr(0, slash), fmt::format("missing required field \"{}\"", pointer.substr(slash + 1)));
    }
    return nullptr;
  }
  if (!(value->*test)()) {
    error(pointer, fmt::format("expected {}, got {}", what, describe_json(*value)));
    return nullptr;
  }
  return value;
}

std::optional<std::string> JsonReader::string(const std::string& pointer, bool required) {
  const Json* v = expect(pointer, required, "string", &Json::is_string);
  return v ? std::optional<std::string>(v->get<std::string>()) : std::nullopt;
}

std::optional<double> JsonReader::number(const std::string& pointer, bool required) {
  const Json* v = expect(pointer, required, "number", &Json::is_number);
  return v ? std::optional<double>(v->get<double>()) : std::nullopt;
}

std::optional<int> JsonReader::integer(const std::string& pointer, int min, int max, bool required) {
  const Json* v = expect(pointer, required, "number", &Json::is_number);
  if (!v) return std::nullopt;
  const double value = v->get<double>();
  if (!(value >= min && value <= max) || value != std::floor(value)) {
    error(pointer, fmt::format("expected a whole number from {} to {}, got {}", min, max, describe_json(*v)));
    return std::nullopt;
  }
  return static_cast<int>(value);
}

std::optional<bool> JsonReader::boolean(const std::string& pointer) {
  const Json* v = expect(pointer, false, "boolean", &Json::is_boolean);
  return v ? std::optional<bool>(v->get<bool>()) : std::nullopt;
}

std::vector<std::string> JsonReader::strings(const std::string& pointer) {
  std::vector<std::string> out;
  for (const auto& element : elements(pointer))
    if (auto s = string(element)) out.push_back(*s);
  return out;
}

std::vector<double> JsonReader::numbers(const std::string& pointer) {
  std::vector<double> out;
  for (const auto& element : elements(pointer))
    if (auto n = number(element)) out.push_back(*n);
  return out;
}

std::vector<std::string> JsonReader::elements(const std::string& pointer, bool required) {
  std::vector<std::string> out;
  const Json* v = expect(pointer, required, "array", &Json::is_array);
  if (!v) return out;
  for (std::size_t i = 0; i < v->size(); ++i) out.push_back(fmt::format("{}/{}", pointer, i));
  return out;
}

}  // namespace edgeplan
