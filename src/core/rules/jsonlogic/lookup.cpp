// Reading the data: `var` paths parsed and resolved against a scope, and the
// data-access operators var, missing and missing_some with their compile-time preparation.
#include <algorithm>
#include <array>
#include <charconv>

#include <edgeplan/util/json_members.hpp>

#include "rules/jsonlogic/coercion.hpp"
#include "rules/jsonlogic/internal.hpp"

namespace edgeplan::jsonlogic::detail {

namespace {

std::optional<std::size_t> parse_array_index(std::string_view key) {
  if (key.empty() || (key.size() > 1 && key.front() == '0')) return std::nullopt;
  std::size_t index = 0;
  const auto [end, error] = std::from_chars(key.data(), key.data() + key.size(), index);
  if (error != std::errc() || end != key.data() + key.size()) return std::nullopt;
  return index;
}

VarPath split_path(std::string_view dotted) {
  VarPath path;
  if (dotted.empty()) {
    path.whole_data = true;
    return path;
  }
  std::size_t start = 0;
  while (true) {
    const auto dot = dotted.find('.', start);
    const std::string_view key = dotted.substr(start, dot - start);
    path.segments.push_back({std::string(key), parse_array_index(key)});
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return path;
}

// How json-logic-js reads a `var` argument: "", null and undefined mean the
// whole scope, anything else is String(key) split on dots.
VarPath path_from_key(const Value& key) {
  if (key.is_nullish()) return VarPath{true, {}, {}};
  return split_path(key.is(Kind::text) ? std::string(key.text()) : to_js_string(key));
}

}  // namespace

// Works on the underlying containers: nlohmann's iterator wrappers cost more than the search.
const Json* step_into(const Json& from, const PathSegment& segment) {
  if (from.is_object()) {
    const auto& members = from.get_ref<const Json::object_t&>();
    const auto found = members.find(util::KeyProbe{segment.key});
    return found == members.end() ? nullptr : &found->second;
  }
  if (from.is_array() && segment.index) {
    const auto& elements = from.get_ref<const Json::array_t&>();
    return *segment.index < elements.size() ? &elements[*segment.index] : nullptr;
  }
  return nullptr;
}

namespace {

// Undefined when any segment is absent; navigation stays on raw Json pointers
// and wraps only the final node.
Value lookup_from(const Value& start, std::span<const PathSegment> segments) {
  if (segments.empty()) return start;
  const Json* node = start.json();
  for (const PathSegment& segment : segments) {
    if (node == nullptr) return {};
    node = step_into(*node, segment);
  }
  return node == nullptr ? Value() : Value::borrowed(*node, start.owner());
}

// The scope as one value: an overlay view and a reduce frame are copied into
// one object, and charged for it.
Value whole_scope(Evaluation& evaluation, const Scope& scope) {
  if (scope.view != nullptr) {
    const Json* root = scope.view->root();
    if (root != nullptr) return Value::borrowed(*root);
    Value whole = Value::owned(scope.view->materialize());
    evaluation.charge_tree(*whole.json());  // the engine's data, bounded: charged once copied
    return whole;
  }
  if (!scope.is_reduce_frame()) return *scope.data;
  return Value::owned(Json{{"current", evaluation.copy(*scope.current)},
                           {"accumulator", evaluation.copy(*scope.accumulator)}});
}

Value borrowed_or_undefined(const Json* node) { return node == nullptr ? Value() : Value::borrowed(*node); }

Value lookup(Evaluation& evaluation, const Scope& scope, const VarPath& path) {
  if (path.whole_data) return whole_scope(evaluation, scope);
  if (scope.view != nullptr) {
    return borrowed_or_undefined(path.ids.empty() ? scope.view->find(path) : scope.view->resolve(path));
  }
  const std::span<const PathSegment> segments(path.segments);
  if (!scope.is_reduce_frame()) return lookup_from(*scope.data, segments);
  const std::string& first = segments.front().key;
  const Value* member = first == "current"       ? scope.current
                        : first == "accumulator" ? scope.accumulator
                                                 : nullptr;
  return member == nullptr ? Value() : lookup_from(*member, segments.subspan(1));
}

}  // namespace

// ---------------------------------------------------------------------------
// The operators, which receive their node unevaluated (see Node::Apply).

namespace {

// A path known only at run time: its key is split (an array is joined first).
VarPath computed_path(const Node& node, Evaluation& evaluation, const Scope& scope) {
  const Value key = evaluation.arg(node, 0, scope);
  evaluation.charge_read(key);
  return path_from_key(key);
}

}  // namespace

Value apply_var(const Node& node, Evaluation& evaluation, const Scope& scope) {
  Value found = node.path ? lookup(evaluation, scope, *node.path) : lookup(evaluation, scope, computed_path(node, evaluation, scope));
  if (!found.is(Kind::undefined)) return found;
  Value fallback = evaluation.arg(node, 1, scope);
  return fallback.is(Kind::undefined) ? Value::null() : fallback;
}

namespace {

bool is_missing(const Value& value) {
  return value.is_nullish() || (value.is(Kind::text) && value.text().empty());
}

Json missing_among(Evaluation& evaluation, const Scope& scope, const std::vector<MissingKey>& keys) {
  Json missing = Json::array();
  for (const MissingKey& key : keys) {
    if (is_missing(lookup(evaluation, scope, key.path))) missing.push_back(key.key);
  }
  return missing;
}

MissingKey missing_key(const Json& key) {
  return {key, path_from_key(Value::borrowed(key))};
}

// json-logic-js: an array first argument is the key list, otherwise every argument is a key.
std::vector<MissingKey> keys_from_arguments(const std::vector<Value>& arguments) {
  std::vector<MissingKey> keys;
  if (!arguments.empty() && arguments.front().is(Kind::array)) {
    for (const Json& key : *arguments.front().json()) keys.push_back(missing_key(key));
    return keys;
  }
  for (const Value& argument : arguments) keys.push_back(missing_key(argument.to_json()));
  return keys;
}

}  // namespace

Value apply_missing(const Node& node, Evaluation& evaluation, const Scope& scope) {
  if (node.keys) return Value::owned(missing_among(evaluation, scope, *node.keys));
  std::vector<Value> arguments;
  for (const Node& argument : node.args) {
    arguments.push_back(evaluation.eval(argument, scope));
    evaluation.charge_read(arguments.back());  // its keys are copied, split and looked up
  }
  return Value::owned(missing_among(evaluation, scope, keys_from_arguments(arguments)));
}

Value apply_missing_some(const Node& node, Evaluation& evaluation, const Scope& scope) {
  const Value need_count = evaluation.arg(node, 0, scope);
  const Value options = evaluation.arg(node, 1, scope);
  if (!node.keys) evaluation.charge_read(options);  // its keys are copied, split and looked up
  const std::vector<MissingKey> runtime_keys =
      node.keys ? std::vector<MissingKey>{} : keys_from_arguments({options});
  const auto& keys = node.keys ? *node.keys : runtime_keys;
  Json missing = missing_among(evaluation, scope, keys);
  if (options.is(Kind::array)) {
    const double present = static_cast<double>(keys.size() - missing.size());
    if (js_compare(Value::number(present), need_count) >= 0) missing = Json::array();
  }
  return Value::owned(std::move(missing));
}

namespace {

// ---------------------------------------------------------------------------
// Compile time: literal paths and keys are parsed (and interned) once.

void prepare_var(Node& node) {
  if (node.args.empty()) {
    node.path = VarPath{true, {}, {}};
  } else if (is_constant(node.args.front())) {
    node.path = path_from_key(node.args.front().constant);
    intern_path(*node.path);
    if (node.args.size() == 1 && !node.path->whole_data) node.direct = Node::Direct::var;
  }
}

void prepare_missing(Node& node) {
  if (!all_constant(node.args)) return;
  std::vector<Value> arguments;
  for (const Node& argument : node.args) arguments.push_back(argument.constant);
  node.keys = keys_from_arguments(arguments);
  for (MissingKey& key : *node.keys) intern_path(key.path);
}

void prepare_missing_some(Node& node) {
  if (node.args.size() < 2 || !is_constant(node.args[1])) return;
  const Value& options = node.args[1].constant;
  if (!options.is(Kind::array)) return;
  node.keys = keys_from_arguments({options});
  for (MissingKey& key : *node.keys) intern_path(key.path);
}

constexpr std::array<OperatorSpec, 3> operators{{
    {"var", apply_var, prepare_var},
    {"missing", apply_missing, prepare_missing},
    {"missing_some", apply_missing_some, prepare_missing_some},
}};

}  // namespace

std::span<const OperatorSpec> data_operators() { return operators; }

}  // namespace edgeplan::jsonlogic::detail
