// JsonLogic compiled to a tree of nodes whose operator is a function pointer.
//
// Semantics follow json-logic-js (the reference implementation), including
// JavaScript's coercions, so rules behave the same as in the browser
// playground people test them in. Evaluation borrows the caller's data: a
// `var` yields a pointer into it and only the final result is copied.
#include <edgeplan/jsonlogic.hpp>

#include <edgeplan/json_document.hpp>
#include <edgeplan/util/text.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <charconv>
#include <cmath>
#include <compare>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <mutex>
#include <optional>
#include <span>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace edgeplan::jsonlogic {

namespace detail {

// A JavaScript value as the operators see it. Values taken from the data or
// from rule literals borrow the Json node; computed strings and arrays live
// in m_owner, which borrowed children share so they stay valid.
class Value {
 public:
  enum class Kind : std::uint8_t { undefined, null, boolean, number, text, array, object };

  Value() = default;
  static Value null() { return Value(Kind::null); }
  static Value boolean(bool flag) {
    Value value(Kind::boolean);
    value.m_bool = flag;
    return value;
  }
  static Value number(double number) {
    Value value(Kind::number);
    value.m_number = number;
    return value;
  }
  static Value borrowed(const Json& json);
  static Value borrowed(const Json& json, std::shared_ptr<const Json> owner) {
    Value value = borrowed(json);
    value.m_owner = std::move(owner);
    return value;
  }
  static Value owned(Json json) {
    auto owner = std::make_shared<const Json>(std::move(json));
    const Json& stored = *owner;
    return borrowed(stored, std::move(owner));
  }
  static Value owned_text(std::string text) { return owned(Json(std::move(text))); }
  static Value from_slot(const ViewSlot& slot) {
    Value value(static_cast<Kind>(slot.kind));
    value.m_json = slot.node;
    value.m_bool = slot.flag;
    value.m_sized = true;
    value.m_number = slot.number;
    return value;
  }
  // A slot also records whether text and arrays are empty, so truthiness never
  // has to reach back into the data; borrowed() leaves that to whoever asks.
  ViewSlot to_slot() const {
    const bool flag = m_kind == Kind::text || m_kind == Kind::array ? non_empty() : m_bool;
    return {m_json, m_number, static_cast<std::uint8_t>(m_kind), flag};
  }

  Kind kind() const { return m_kind; }
  bool is(Kind kind) const { return m_kind == kind; }
  bool is_nullish() const { return m_kind == Kind::undefined || m_kind == Kind::null; }
  bool is_container() const { return m_kind == Kind::array || m_kind == Kind::object; }
  bool flag() const { return m_bool; }
  // Text and arrays: false when empty.
  bool non_empty() const {
    if (m_sized) return m_bool;
    return m_kind == Kind::text ? !m_json->get_ptr<const Json::string_t*>()->empty() : !m_json->empty();
  }
  double raw_number() const { return m_number; }
  // Text values always have a node: borrowed from the data or the rule, or owned.
  std::string_view text() const { return *m_json->get_ptr<const Json::string_t*>(); }
  const Json* json() const { return m_json; }
  const std::shared_ptr<const Json>& owner() const { return m_owner; }

  Json to_json() const;

 private:
  explicit Value(Kind kind) : m_kind(kind) {}

  Kind m_kind = Kind::undefined;
  bool m_bool = false;   // booleans: the value; text and arrays when m_sized: non-empty
  bool m_sized = false;
  double m_number = 0;
  const Json* m_json = nullptr;
  std::shared_ptr<const Json> m_owner;
};

struct PathSegment {
  std::string key;
  std::optional<std::size_t> index;  // set when key is a canonical array index
};

struct VarPath {
  bool whole_data = false;  // "", null or no argument: the scope itself
  std::vector<PathSegment> segments;
  // Process-wide ids of segments[0..k] for each k (see PathIds); empty for
  // paths known only at run time, which DataView does not cache.
  std::vector<std::uint32_t> ids;
};

struct MissingKey {
  Json key;  // reported as given, so numbers stay numbers
  VarPath path;
};

// The data a `var` resolves against. Inside `reduce` the scope is the pair
// {current, accumulator}; it is never materialised unless asked for whole.
// At the top level of DataView evaluation, `view` resolves (and caches) paths;
// `data` is then the view's whole data, or null for an overlay view.
struct Scope {
  const Value* data = nullptr;
  const Value* current = nullptr;
  const Value* accumulator = nullptr;
  const DataView* view = nullptr;
  bool is_reduce_frame() const { return current != nullptr; }
};

class Evaluation;

}  // namespace detail

struct Node {
  using Apply = detail::Value (*)(const Node&, detail::Evaluation&, const detail::Scope&);
  // Nodes Evaluation::eval handles without the indirect call: most operands are
  // constants or `var`s with a literal path and no default.
  enum class Direct : std::uint8_t { none, constant, var };

  Apply apply = nullptr;
  Direct direct = Direct::none;
  std::vector<Node> args;
  std::unique_ptr<const Json> literal;  // heap-allocated so `constant` survives moves of the Node
  detail::Value constant;
  std::optional<detail::VarPath> path;                  // var with a literal path
  std::optional<std::vector<detail::MissingKey>> keys;  // missing / missing_some with literal keys
};

namespace detail {

class Evaluation {
 public:
  explicit Evaluation(std::size_t max_steps) : m_max_steps(max_steps) {}

  Value eval(const Node& node, const Scope& scope) {
    if (++m_steps > m_max_steps) throw_step_limit();
    if (node.direct == Node::Direct::constant) return node.constant;
    if (node.direct == Node::Direct::var && scope.view != nullptr) return view_var(*scope.view, *node.path);
    return node.apply(node, *this, scope);
  }

  // JavaScript passes `undefined` for arguments the rule left out.
  Value arg(const Node& node, std::size_t index, const Scope& scope) {
    return index < node.args.size() ? eval(node.args[index], scope) : Value();
  }

 private:
  [[noreturn]] void throw_step_limit() const;
  static Value view_var(const DataView& view, const VarPath& path);

  std::size_t m_steps = 0;
  std::size_t m_max_steps;
};

void Evaluation::throw_step_limit() const {
  throw EvalError("rule evaluation exceeded the limit of " + std::to_string(m_max_steps) + " steps");
}

// Reads the node through get_ptr: get<T>() dispatches on the type again and
// carries a throwing path, and this runs for every value a rule reads.
Value Value::borrowed(const Json& json) {
  Value value;
  value.m_json = &json;
  switch (json.type()) {
    case Json::value_t::boolean:
      value.m_kind = Kind::boolean;
      value.m_bool = *json.get_ptr<const Json::boolean_t*>();
      break;
    case Json::value_t::number_integer:
      value.m_kind = Kind::number;
      value.m_number = static_cast<double>(*json.get_ptr<const Json::number_integer_t*>());
      break;
    case Json::value_t::number_unsigned:
      value.m_kind = Kind::number;
      value.m_number = static_cast<double>(*json.get_ptr<const Json::number_unsigned_t*>());
      break;
    case Json::value_t::number_float:
      value.m_kind = Kind::number;
      value.m_number = *json.get_ptr<const Json::number_float_t*>();
      break;
    case Json::value_t::string:
      value.m_kind = Kind::text;
      break;
    case Json::value_t::array:
      value.m_kind = Kind::array;
      break;
    case Json::value_t::object:
      value.m_kind = Kind::object;
      break;
    default:
      value.m_kind = Kind::null;
      break;
  }
  return value;
}

// JSON.stringify turns NaN and Infinity into null and prints integral numbers
// without a fraction; int64 keeps that exact where a double would print "2.0".
Json number_to_json(double number) {
  if (!std::isfinite(number)) return nullptr;
  constexpr double int64_bound = 9223372036854775808.0;  // 2^63
  if (std::trunc(number) == number && std::fabs(number) < int64_bound) {
    return static_cast<std::int64_t>(number);
  }
  return number;
}

Json Value::to_json() const {
  switch (m_kind) {
    case Kind::undefined:
    case Kind::null:
      return nullptr;
    case Kind::boolean:
      return m_bool;
    case Kind::number:
      // Integers from the data are copied as-is: beyond 2^53 a double would round them.
      if (m_json != nullptr && m_json->is_number_integer()) return *m_json;
      return number_to_json(m_number);
    case Kind::text:
      return std::string(text());
    case Kind::array:
    case Kind::object:
      return *m_json;
  }
  return nullptr;
}

// `var` with a literal path and no default, at the top level of a DataView:
// absent reads as null.
Value Evaluation::view_var(const DataView& view, const VarPath& path) {
  const ViewSlot& slot = view.slot(path);
  return slot.node == nullptr ? Value::null() : Value::from_slot(slot);
}

}  // namespace detail

namespace {

using detail::Evaluation;
using detail::MissingKey;
using detail::PathSegment;
using detail::Scope;
using detail::Value;
using detail::VarPath;
using detail::ViewSlot;
using Kind = Value::Kind;

constexpr double not_a_number = std::numeric_limits<double>::quiet_NaN();
constexpr double infinity = std::numeric_limits<double>::infinity();

// ---------------------------------------------------------------------------
// JavaScript coercions

bool truthy_value(const Value& value) {
  switch (value.kind()) {
    case Kind::undefined:
    case Kind::null:
      return false;
    case Kind::boolean:
      return value.flag();
    case Kind::number:
      return value.raw_number() != 0 && !std::isnan(value.raw_number());
    case Kind::text:
      return value.non_empty();
    case Kind::array:
      return value.non_empty();  // JsonLogic, unlike JavaScript, treats [] as false
    case Kind::object:
      return true;
  }
  return false;
}

std::string_view trim_js_whitespace(std::string_view text) {
  constexpr std::string_view whitespace = " \t\n\v\f\r";
  const auto first = text.find_first_not_of(whitespace);
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(whitespace);
  return text.substr(first, last - first + 1);
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads [+-](Infinity | decimal literal) from the front of `text`, the common
// core of Number() and parseFloat(). `consumed` is 0 when nothing matched.
double parse_decimal_prefix(std::string_view text, std::size_t& consumed) {
  consumed = 0;
  std::size_t sign_length = 0;
  bool negative = false;
  if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
    negative = text.front() == '-';
    sign_length = 1;
  }
  const std::string_view rest = text.substr(sign_length);
  if (rest.starts_with("Infinity")) {
    consumed = sign_length + 8;
    return negative ? -infinity : infinity;
  }
  // from_chars would also accept "inf", "nan" and a second sign; JavaScript does not.
  if (rest.empty() || !(is_digit(rest.front()) || rest.front() == '.')) return not_a_number;
  double magnitude = 0;
  const auto [end, error] = std::from_chars(rest.data(), rest.data() + rest.size(), magnitude);
  if (error == std::errc::invalid_argument) return not_a_number;
  const std::size_t length = static_cast<std::size_t>(end - rest.data());
  if (error == std::errc::result_out_of_range) {
    // strtod saturates to HUGE_VAL or 0 the way JavaScript does.
    magnitude = std::strtod(std::string(rest.substr(0, length)).c_str(), nullptr);
  }
  consumed = sign_length + length;
  return negative ? -magnitude : magnitude;
}

std::optional<int> radix_of(std::string_view text) {
  if (text.size() < 2 || text[0] != '0') return std::nullopt;
  switch (text[1]) {
    case 'x': case 'X': return 16;
    case 'o': case 'O': return 8;
    case 'b': case 'B': return 2;
    default: return std::nullopt;
  }
}

double parse_radix_integer(std::string_view digits, int radix) {
  if (digits.empty()) return not_a_number;
  double result = 0;
  for (const char c : digits) {
    int digit = 0;
    const auto [end, error] = std::from_chars(&c, &c + 1, digit, radix);
    if (error != std::errc() || end != &c + 1) return not_a_number;
    result = result * radix + digit;
  }
  return result;
}

// Number(text)
double parse_js_number(std::string_view text) {
  text = trim_js_whitespace(text);
  if (text.empty()) return 0;
  if (const auto radix = radix_of(text)) return parse_radix_integer(text.substr(2), *radix);
  std::size_t consumed = 0;
  const double number = parse_decimal_prefix(text, consumed);
  return consumed == text.size() ? number : not_a_number;
}

// parseFloat(text): the longest numeric prefix counts, trailing junk is ignored.
double parse_float_prefix(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\n\v\f\r");
  if (first == std::string_view::npos) return not_a_number;
  std::size_t consumed = 0;
  const double number = parse_decimal_prefix(text.substr(first), consumed);
  return consumed == 0 ? not_a_number : number;
}

// Places the decimal point the way Number.prototype.toString does, given the
// shortest round-trip digits and the position n of the point after the first digit.
std::string format_js_digits(const std::string& digits, int n) {
  const int k = static_cast<int>(digits.size());
  if (k <= n && n <= 21) return digits + std::string(static_cast<std::size_t>(n - k), '0');
  if (0 < n && n <= 21) {
    const auto split = static_cast<std::size_t>(n);
    return digits.substr(0, split) + "." + digits.substr(split);
  }
  if (-6 < n && n <= 0) return "0." + std::string(static_cast<std::size_t>(-n), '0') + digits;
  const std::string mantissa = k == 1 ? digits : digits.substr(0, 1) + "." + digits.substr(1);
  const int exponent = n - 1;
  return mantissa + "e" + (exponent < 0 ? "-" : "+") + std::to_string(std::abs(exponent));
}

std::string number_to_js_string(double number) {
  if (std::isnan(number)) return "NaN";
  if (std::isinf(number)) return number < 0 ? "-Infinity" : "Infinity";
  if (number == 0) return "0";  // also -0
  if (std::trunc(number) == number && std::fabs(number) < 1e15) {
    return std::to_string(static_cast<std::int64_t>(number));
  }
  std::array<char, 64> buffer{};
  const auto result =
      std::to_chars(buffer.data(), buffer.data() + buffer.size(), number, std::chars_format::scientific);
  std::string_view scientific(buffer.data(), static_cast<std::size_t>(result.ptr - buffer.data()));
  std::string sign;
  if (scientific.front() == '-') {
    sign = "-";
    scientific.remove_prefix(1);
  }
  const auto e_position = scientific.find('e');
  std::string digits;
  for (const char c : scientific.substr(0, e_position)) {
    if (c != '.') digits += c;
  }
  std::string_view exponent_text = scientific.substr(e_position + 1);
  if (exponent_text.front() == '+') exponent_text.remove_prefix(1);
  int exponent = 0;
  std::from_chars(exponent_text.data(), exponent_text.data() + exponent_text.size(), exponent);
  return sign + format_js_digits(digits, exponent + 1);
}

void append_join(std::string& out, const Json& array);

// One element of Array.prototype.join: null and undefined print as nothing.
void append_join_element(std::string& out, const Json& element) {
  switch (element.type()) {
    case Json::value_t::null:
      return;
    case Json::value_t::boolean:
      out += element.get<bool>() ? "true" : "false";
      return;
    case Json::value_t::string:
      out += element.get_ref<const std::string&>();
      return;
    case Json::value_t::array:
      append_join(out, element);
      return;
    case Json::value_t::object:
      out += "[object Object]";
      return;
    default:
      out += number_to_js_string(element.get<double>());
      return;
  }
}

void append_join(std::string& out, const Json& array) {
  bool first = true;
  for (const Json& element : array) {
    if (!first) out += ',';
    first = false;
    append_join_element(out, element);
  }
}

// String(value)
std::string to_js_string(const Value& value) {
  switch (value.kind()) {
    case Kind::undefined:
      return "undefined";
    case Kind::null:
      return "null";
    case Kind::boolean:
      return value.flag() ? "true" : "false";
    case Kind::number:
      return number_to_js_string(value.raw_number());
    case Kind::text:
      return std::string(value.text());
    case Kind::array: {
      std::string joined;
      append_join(joined, *value.json());
      return joined;
    }
    case Kind::object:
      return "[object Object]";
  }
  return {};
}

// ToPrimitive: arrays become their join, plain objects "[object Object]".
Value to_primitive(const Value& value) {
  return value.is_container() ? Value::owned_text(to_js_string(value)) : value;
}

// Number(value)
double to_number(const Value& value) {
  switch (value.kind()) {
    case Kind::undefined:
    case Kind::object:
      return not_a_number;
    case Kind::null:
      return 0;
    case Kind::boolean:
      return value.flag() ? 1 : 0;
    case Kind::number:
      return value.raw_number();
    case Kind::text:
      return parse_js_number(value.text());
    case Kind::array:
      return parse_js_number(to_js_string(value));
  }
  return not_a_number;
}

// parseFloat(value), which json-logic-js uses for + and *.
double to_float(const Value& value) {
  if (value.is(Kind::number)) return value.raw_number();
  if (value.is(Kind::text)) return parse_float_prefix(value.text());
  return parse_float_prefix(to_js_string(value));
}

// ===
bool strict_equals(const Value& left, const Value& right) {
  if (left.kind() != right.kind()) return false;
  switch (left.kind()) {
    case Kind::undefined:
    case Kind::null:
      return true;
    case Kind::boolean:
      return left.flag() == right.flag();
    case Kind::number:
      return left.raw_number() == right.raw_number();
    case Kind::text:
      return left.text() == right.text();
    case Kind::array:
    case Kind::object:
      return left.json() == right.json();  // JavaScript compares objects by identity
  }
  return false;
}

// === against an array element, without wrapping the element in a Value.
bool strict_equals(const Value& left, const Json& right) {
  switch (left.kind()) {
    case Kind::undefined:
      return false;
    case Kind::null:
      return right.is_null();
    case Kind::boolean:
      return right.is_boolean() && right.get<bool>() == left.flag();
    case Kind::number:
      return right.is_number() && right.get<double>() == left.raw_number();
    case Kind::text:
      return right.is_string() && right.get_ref<const std::string&>() == left.text();
    case Kind::array:
    case Kind::object:
      return left.json() == &right;
  }
  return false;
}

// == (the abstract equality algorithm, without Symbol and BigInt)
bool loose_equals(const Value& left, const Value& right) {
  if (left.kind() == right.kind()) return strict_equals(left, right);
  if (left.is_nullish() || right.is_nullish()) return left.is_nullish() && right.is_nullish();
  if (left.is(Kind::boolean)) return loose_equals(Value::number(to_number(left)), right);
  if (right.is(Kind::boolean)) return loose_equals(left, Value::number(to_number(right)));
  if (left.is_container() && right.is_container()) return false;
  if (left.is_container()) return loose_equals(to_primitive(left), right);
  if (right.is_container()) return loose_equals(left, to_primitive(right));
  return to_number(left) == to_number(right);  // number against string
}

// The abstract relational comparison behind <, <=, > and >=; unordered means
// JavaScript's `undefined` result (a NaN was involved), which makes all four false.
std::partial_ordering js_compare(const Value& left, const Value& right) {
  if (left.is(Kind::number) && right.is(Kind::number)) return left.raw_number() <=> right.raw_number();
  const Value left_primitive = to_primitive(left);
  const Value right_primitive = to_primitive(right);
  if (left_primitive.is(Kind::text) && right_primitive.is(Kind::text)) {
    return left_primitive.text() <=> right_primitive.text();
  }
  return to_number(left_primitive) <=> to_number(right_primitive);
}

// ---------------------------------------------------------------------------
// Variable lookup

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

// Probes an object's std::map (its comparator is transparent) in the same
// order as std::string, comparing byte by byte inline: keys are short and
// usually differ early, so a memcmp call per tree node costs more than it saves.
struct KeyProbe {
  std::string_view text;
};

int compare_keys(std::string_view left, std::string_view right) {
  const std::size_t common = std::min(left.size(), right.size());
  for (std::size_t index = 0; index < common; ++index) {
    const auto a = static_cast<unsigned char>(left[index]);
    const auto b = static_cast<unsigned char>(right[index]);
    if (a != b) return a < b ? -1 : 1;
  }
  return left.size() < right.size() ? -1 : left.size() > right.size() ? 1 : 0;
}

bool operator<(const std::string& key, KeyProbe probe) { return compare_keys(key, probe.text) < 0; }
bool operator<(KeyProbe probe, const std::string& key) { return compare_keys(probe.text, key) < 0; }

// Works on the underlying containers: nlohmann's iterator wrappers cost more than the search.
const Json* step_into(const Json& from, const PathSegment& segment) {
  if (from.is_object()) {
    const auto& members = from.get_ref<const Json::object_t&>();
    const auto found = members.find(KeyProbe{segment.key});
    return found == members.end() ? nullptr : &found->second;
  }
  if (from.is_array() && segment.index) {
    const auto& elements = from.get_ref<const Json::array_t&>();
    return *segment.index < elements.size() ? &elements[*segment.index] : nullptr;
  }
  return nullptr;
}

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

Value whole_scope(const Scope& scope) {
  if (scope.view != nullptr) {
    const Json* root = scope.view->root();
    return root != nullptr ? Value::borrowed(*root) : Value::owned(scope.view->materialize());
  }
  if (!scope.is_reduce_frame()) return *scope.data;
  return Value::owned(Json{{"current", scope.current->to_json()},
                           {"accumulator", scope.accumulator->to_json()}});
}

Value borrowed_or_undefined(const Json* node) { return node == nullptr ? Value() : Value::borrowed(*node); }

Value lookup(const Scope& scope, const VarPath& path) {
  if (path.whole_data) return whole_scope(scope);
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

// Every distinct literal path compiled in this process gets an id, and so does
// each of its prefixes, so that all expressions share one DataView cache. Ids
// are only handed out at compile time; evaluation never takes the lock.
class PathIds {
 public:
  std::uint32_t intern(const std::string& dotted) {
    const std::lock_guard<std::mutex> lock(m_mutex);
    const auto [entry, added] = m_ids.try_emplace(dotted, static_cast<std::uint32_t>(m_ids.size()));
    if (added) m_count.store(static_cast<std::uint32_t>(m_ids.size()), std::memory_order_release);
    return entry->second;
  }
  // Enough slots for every path compiled so far.
  std::uint32_t count() const { return m_count.load(std::memory_order_acquire); }

 private:
  std::mutex m_mutex;
  std::unordered_map<std::string, std::uint32_t> m_ids;
  std::atomic<std::uint32_t> m_count{0};
};

PathIds& path_ids() {
  static PathIds ids;
  return ids;
}

// A prefix is interned before the longer path, so ids grow along a path and
// ids.back() is its largest.
void intern_path(VarPath& path) {
  if (path.whole_data) return;
  std::string prefix;
  for (const PathSegment& segment : path.segments) {
    if (!path.ids.empty()) prefix += '.';
    prefix += segment.key;
    path.ids.push_back(path_ids().intern(prefix));
  }
}

// ---------------------------------------------------------------------------
// Operators. Each receives its node unevaluated so that control flow and the
// iterators decide what to evaluate, and in which scope.

Value apply_constant(const Node& node, Evaluation&, const Scope&) { return node.constant; }

Value apply_array(const Node& node, Evaluation& evaluation, const Scope& scope) {
  Json result = Json::array();
  for (const Node& element : node.args) result.push_back(evaluation.eval(element, scope).to_json());
  return Value::owned(std::move(result));
}

Value apply_var(const Node& node, Evaluation& evaluation, const Scope& scope) {
  Value found = node.path ? lookup(scope, *node.path)
                          : lookup(scope, path_from_key(evaluation.arg(node, 0, scope)));
  if (!found.is(Kind::undefined)) return found;
  Value fallback = evaluation.arg(node, 1, scope);
  return fallback.is(Kind::undefined) ? Value::null() : fallback;
}

bool is_missing(const Value& value) {
  return value.is_nullish() || (value.is(Kind::text) && value.text().empty());
}

Json missing_among(const Scope& scope, const std::vector<MissingKey>& keys) {
  Json missing = Json::array();
  for (const MissingKey& key : keys) {
    if (is_missing(lookup(scope, key.path))) missing.push_back(key.key);
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

Value apply_missing(const Node& node, Evaluation& evaluation, const Scope& scope) {
  if (node.keys) return Value::owned(missing_among(scope, *node.keys));
  std::vector<Value> arguments;
  for (const Node& argument : node.args) arguments.push_back(evaluation.eval(argument, scope));
  return Value::owned(missing_among(scope, keys_from_arguments(arguments)));
}

Value apply_missing_some(const Node& node, Evaluation& evaluation, const Scope& scope) {
  const Value need_count = evaluation.arg(node, 0, scope);
  const Value options = evaluation.arg(node, 1, scope);
  const std::vector<MissingKey> runtime_keys =
      node.keys ? std::vector<MissingKey>{} : keys_from_arguments({options});
  const auto& keys = node.keys ? *node.keys : runtime_keys;
  Json missing = missing_among(scope, keys);
  if (options.is(Kind::array)) {
    const double present = static_cast<double>(keys.size() - missing.size());
    if (js_compare(Value::number(present), need_count) >= 0) missing = Json::array();
  }
  return Value::owned(std::move(missing));
}

Value apply_if(const Node& node, Evaluation& evaluation, const Scope& scope) {
  const auto& args = node.args;
  std::size_t index = 0;
  for (; index + 1 < args.size(); index += 2) {
    if (truthy_value(evaluation.eval(args[index], scope))) return evaluation.eval(args[index + 1], scope);
  }
  if (index + 1 == args.size()) return evaluation.eval(args[index], scope);
  return Value::null();
}

// and/or return the deciding operand itself, not a boolean (the last one when
// none decides, undefined without operands).
template <bool Stop>
Value apply_junction(const Node& node, Evaluation& evaluation, const Scope& scope) {
  const auto& args = node.args;
  if (args.empty()) return {};
  for (std::size_t index = 0; index + 1 < args.size(); ++index) {
    Value current = evaluation.eval(args[index], scope);
    if (truthy_value(current) == Stop) return current;
  }
  return evaluation.eval(args.back(), scope);
}

Value apply_and(const Node& node, Evaluation& evaluation, const Scope& scope) {
  return apply_junction<false>(node, evaluation, scope);
}

Value apply_or(const Node& node, Evaluation& evaluation, const Scope& scope) {
  return apply_junction<true>(node, evaluation, scope);
}

Value apply_not(const Node& node, Evaluation& evaluation, const Scope& scope) {
  return Value::boolean(!truthy_value(evaluation.arg(node, 0, scope)));
}

Value apply_double_not(const Node& node, Evaluation& evaluation, const Scope& scope) {
  return Value::boolean(truthy_value(evaluation.arg(node, 0, scope)));
}

template <bool (*Equals)(const Value&, const Value&), bool Expected>
Value apply_equality(const Node& node, Evaluation& evaluation, const Scope& scope) {
  const Value left = evaluation.arg(node, 0, scope);
  const Value right = evaluation.arg(node, 1, scope);
  return Value::boolean(Equals(left, right) == Expected);
}

bool is_less(std::partial_ordering order) { return order < 0; }
bool is_less_or_equal(std::partial_ordering order) { return order <= 0; }

// < and <= take an optional third operand: {"<": [a, b, c]} means a < b < c.
template <bool (*Holds)(std::partial_ordering)>
Value apply_ascending(const Node& node, Evaluation& evaluation, const Scope& scope) {
  const Value first = evaluation.arg(node, 0, scope);
  const Value second = evaluation.arg(node, 1, scope);
  if (node.args.size() < 3) return Value::boolean(Holds(js_compare(first, second)));
  const Value third = evaluation.arg(node, 2, scope);
  return Value::boolean(Holds(js_compare(first, second)) && Holds(js_compare(second, third)));
}

template <bool (*Holds)(std::partial_ordering)>
Value apply_descending(const Node& node, Evaluation& evaluation, const Scope& scope) {
  const Value left = evaluation.arg(node, 0, scope);
  const Value right = evaluation.arg(node, 1, scope);
  return Value::boolean(Holds(js_compare(right, left)));
}

Value apply_plus(const Node& node, Evaluation& evaluation, const Scope& scope) {
  double sum = 0;
  for (const Node& argument : node.args) sum += to_float(evaluation.eval(argument, scope));
  return Value::number(sum);
}

// json-logic-js returns a lone operand unconverted and throws on none; we
// always produce a number (1 for no operands) so arithmetic stays numeric.
Value apply_multiply(const Node& node, Evaluation& evaluation, const Scope& scope) {
  double product = 1;
  for (const Node& argument : node.args) product *= to_float(evaluation.eval(argument, scope));
  return Value::number(product);
}

Value apply_minus(const Node& node, Evaluation& evaluation, const Scope& scope) {
  const double left = to_number(evaluation.arg(node, 0, scope));
  if (node.args.size() < 2) return Value::number(-left);
  return Value::number(left - to_number(evaluation.arg(node, 1, scope)));
}

Value apply_divide(const Node& node, Evaluation& evaluation, const Scope& scope) {
  const double left = to_number(evaluation.arg(node, 0, scope));
  return Value::number(left / to_number(evaluation.arg(node, 1, scope)));
}

Value apply_modulo(const Node& node, Evaluation& evaluation, const Scope& scope) {
  const double left = to_number(evaluation.arg(node, 0, scope));
  return Value::number(std::fmod(left, to_number(evaluation.arg(node, 1, scope))));
}

// Math.max / Math.min: any NaN wins, no operands give the identity (-/+Infinity).
template <bool Maximum>
Value apply_extreme(const Node& node, Evaluation& evaluation, const Scope& scope) {
  double best = Maximum ? -infinity : infinity;
  for (const Node& argument : node.args) {
    const double number = to_number(evaluation.eval(argument, scope));
    if (std::isnan(number)) return Value::number(not_a_number);
    best = Maximum ? std::max(best, number) : std::min(best, number);
  }
  return Value::number(best);
}

Value apply_cat(const Node& node, Evaluation& evaluation, const Scope& scope) {
  std::string joined;
  for (const Node& argument : node.args) {
    const Value value = evaluation.eval(argument, scope);
    if (value.is(Kind::text)) {
      joined += value.text();
    } else if (!value.is_nullish()) {
      joined += to_js_string(value);
    }
  }
  return Value::owned_text(std::move(joined));
}

Value apply_in(const Node& node, Evaluation& evaluation, const Scope& scope) {
  const Value needle = evaluation.arg(node, 0, scope);
  const Value haystack = evaluation.arg(node, 1, scope);
  if (haystack.is(Kind::text)) {
    if (haystack.text().empty()) return Value::boolean(false);
    const std::string needle_text = needle.is(Kind::text) ? std::string() : to_js_string(needle);
    const std::string_view wanted = needle.is(Kind::text) ? needle.text() : std::string_view(needle_text);
    return Value::boolean(haystack.text().find(wanted) != std::string_view::npos);
  }
  if (!haystack.is(Kind::array)) return Value::boolean(false);
  const auto& elements = haystack.json()->get_ref<const Json::array_t&>();
  return Value::boolean(std::any_of(elements.begin(), elements.end(),
                                    [&](const Json& element) { return strict_equals(needle, element); }));
}

// Byte offset of every code point plus the end, so substr counts characters, not bytes.
std::vector<std::size_t> code_point_offsets(std::string_view text) {
  std::vector<std::size_t> offsets;
  for (std::size_t index = 0; index < text.size(); ++index) {
    if ((static_cast<unsigned char>(text[index]) & 0xC0) != 0x80) offsets.push_back(index);
  }
  offsets.push_back(text.size());
  return offsets;
}

double to_integer(double number) { return std::isnan(number) ? 0 : std::trunc(number); }

// String.prototype.substr(start, length) over code points.
std::string js_substr(std::string_view text, double start, std::optional<double> length) {
  const auto offsets = code_point_offsets(text);
  const double size = static_cast<double>(offsets.size() - 1);
  double first = to_integer(start);
  first = first < 0 ? std::max(size + first, 0.0) : std::min(first, size);
  const double count = length ? std::clamp(to_integer(*length), 0.0, size - first) : size - first;
  const auto from = static_cast<std::size_t>(first);
  const auto to = static_cast<std::size_t>(first + count);
  return std::string(text.substr(offsets[from], offsets[to] - offsets[from]));
}

// json-logic-js extends substr: a negative length drops that many characters from the end.
Value apply_substr(const Node& node, Evaluation& evaluation, const Scope& scope) {
  const std::string source = to_js_string(evaluation.arg(node, 0, scope));
  const double start = to_number(evaluation.arg(node, 1, scope));
  if (node.args.size() < 3) return Value::owned_text(js_substr(source, start, std::nullopt));
  const double length = to_number(evaluation.arg(node, 2, scope));
  if (length < 0) {
    const std::string tail = js_substr(source, start, std::nullopt);
    const double kept = static_cast<double>(code_point_offsets(tail).size() - 1) + length;
    return Value::owned_text(js_substr(tail, 0, kept));
  }
  return Value::owned_text(js_substr(source, start, length));
}

Value apply_merge(const Node& node, Evaluation& evaluation, const Scope& scope) {
  Json merged = Json::array();
  for (const Node& argument : node.args) {
    const Value value = evaluation.eval(argument, scope);
    if (value.is(Kind::array)) {
      merged.insert(merged.end(), value.json()->begin(), value.json()->end());
    } else {
      merged.push_back(value.to_json());
    }
  }
  return Value::owned(std::move(merged));
}

Value apply_log(const Node& node, Evaluation& evaluation, const Scope& scope) {
  return evaluation.arg(node, 0, scope);  // deliberately silent: rules must not write to stdout
}

// Calls `visit(element_value, element_json)` for each element of the array the
// first operand evaluates to, with the element as the scope of the second operand;
// `visit` returns false to stop early.
template <typename Visit>
void for_each_element(const Node& node, Evaluation& evaluation, const Value& list, Visit&& visit) {
  for (const Json& element : *list.json()) {
    const Value item = Value::borrowed(element, list.owner());
    const Scope item_scope{&item};
    if (!visit(evaluation.arg(node, 1, item_scope), element)) return;
  }
}

Value apply_map(const Node& node, Evaluation& evaluation, const Scope& scope) {
  const Value list = evaluation.arg(node, 0, scope);
  Json mapped = Json::array();
  if (!list.is(Kind::array)) return Value::owned(std::move(mapped));
  for_each_element(node, evaluation, list, [&](const Value& result, const Json&) {
    mapped.push_back(result.to_json());
    return true;
  });
  return Value::owned(std::move(mapped));
}

Value apply_filter(const Node& node, Evaluation& evaluation, const Scope& scope) {
  const Value list = evaluation.arg(node, 0, scope);
  Json kept = Json::array();
  if (!list.is(Kind::array)) return Value::owned(std::move(kept));
  for_each_element(node, evaluation, list, [&](const Value& result, const Json& element) {
    if (truthy_value(result)) kept.push_back(element);
    return true;
  });
  return Value::owned(std::move(kept));
}

// True when some element satisfies the predicate; stops at the first one.
bool any_element(const Node& node, Evaluation& evaluation, const Value& list, bool wanted) {
  bool found = false;
  for_each_element(node, evaluation, list, [&](const Value& result, const Json&) {
    found = truthy_value(result) == wanted;
    return !found;
  });
  return found;
}

bool is_non_empty_array(const Value& value) {
  return value.is(Kind::array) && !value.json()->empty();
}

Value apply_all(const Node& node, Evaluation& evaluation, const Scope& scope) {
  const Value list = evaluation.arg(node, 0, scope);
  if (!is_non_empty_array(list)) return Value::boolean(false);  // all() of nothing is false in JsonLogic
  return Value::boolean(!any_element(node, evaluation, list, false));
}

Value apply_some(const Node& node, Evaluation& evaluation, const Scope& scope) {
  const Value list = evaluation.arg(node, 0, scope);
  return Value::boolean(is_non_empty_array(list) && any_element(node, evaluation, list, true));
}

Value apply_none(const Node& node, Evaluation& evaluation, const Scope& scope) {
  const Value list = evaluation.arg(node, 0, scope);
  return Value::boolean(!is_non_empty_array(list) || !any_element(node, evaluation, list, true));
}

Value apply_reduce(const Node& node, Evaluation& evaluation, const Scope& scope) {
  const Value list = evaluation.arg(node, 0, scope);
  Value accumulator = node.args.size() > 2 ? evaluation.eval(node.args[2], scope) : Value::null();
  if (!list.is(Kind::array)) return accumulator;
  for (const Json& element : *list.json()) {
    const Value current = Value::borrowed(element, list.owner());
    const Scope frame{scope.data, &current, &accumulator};
    accumulator = evaluation.arg(node, 1, frame);
  }
  return accumulator;
}

// ---------------------------------------------------------------------------
// Compilation

bool is_constant(const Node& node) { return node.apply == apply_constant; }

Node make_constant(const Json& literal) {
  Node node;
  node.apply = apply_constant;
  node.direct = Node::Direct::constant;
  node.literal = std::make_unique<const Json>(literal);
  node.constant = Value::borrowed(*node.literal);  // the Node outlives every evaluation
  return node;
}

void prepare_var(Node& node) {
  if (node.args.empty()) {
    node.path = VarPath{true, {}, {}};
  } else if (is_constant(node.args.front())) {
    node.path = path_from_key(node.args.front().constant);
    intern_path(*node.path);
    if (node.args.size() == 1 && !node.path->whole_data) node.direct = Node::Direct::var;
  }
}

bool all_constant(const std::vector<Node>& nodes) { return std::all_of(nodes.begin(), nodes.end(), is_constant); }

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

struct OperatorSpec {
  std::string_view name;
  Node::Apply apply;
  void (*prepare)(Node&) = nullptr;  // precomputes what evaluate() must not redo
};

const std::vector<OperatorSpec>& operator_table() {
  static const std::vector<OperatorSpec> table = [] {
    std::vector<OperatorSpec> specs{
        {"var", apply_var, prepare_var},
        {"missing", apply_missing, prepare_missing},
        {"missing_some", apply_missing_some, prepare_missing_some},
        {"if", apply_if},
        {"?:", apply_if},
        {"==", apply_equality<loose_equals, true>},
        {"===", apply_equality<strict_equals, true>},
        {"!=", apply_equality<loose_equals, false>},
        {"!==", apply_equality<strict_equals, false>},
        {"!", apply_not},
        {"!!", apply_double_not},
        {"or", apply_or},
        {"and", apply_and},
        {">", apply_descending<is_less>},
        {">=", apply_descending<is_less_or_equal>},
        {"<", apply_ascending<is_less>},
        {"<=", apply_ascending<is_less_or_equal>},
        {"max", apply_extreme<true>},
        {"min", apply_extreme<false>},
        {"+", apply_plus},
        {"-", apply_minus},
        {"*", apply_multiply},
        {"/", apply_divide},
        {"%", apply_modulo},
        {"map", apply_map},
        {"reduce", apply_reduce},
        {"filter", apply_filter},
        {"all", apply_all},
        {"none", apply_none},
        {"some", apply_some},
        {"merge", apply_merge},
        {"in", apply_in},
        {"cat", apply_cat},
        {"substr", apply_substr},
        {"log", apply_log},
    };
    std::sort(specs.begin(), specs.end(),
              [](const OperatorSpec& a, const OperatorSpec& b) { return a.name < b.name; });
    return specs;
  }();
  return table;
}

const OperatorSpec* find_operator(std::string_view name) {
  const auto& table = operator_table();
  const auto found = std::find_if(table.begin(), table.end(),
                                  [&](const OperatorSpec& spec) { return spec.name == name; });
  return found == table.end() ? nullptr : &*found;
}

std::optional<std::string> closest_operator(std::string_view name) { return util::closest_match(name, operator_names()); }


std::string describe_location(const std::string& pointer) {
  return pointer.empty() ? "the rule root" : pointer;
}

[[noreturn]] void throw_unknown_operator(const std::string& name, const std::string& pointer) {
  std::string message = "unknown operator \"" + name + "\" at " + describe_location(pointer);
  if (const auto suggestion = closest_operator(name)) message += " (did you mean \"" + *suggestion + "\"?)";
  throw CompileError(message, pointer);
}

// json-logic-js treats only single-key objects as operations; others are data.
bool is_operation(const Json& logic) { return logic.is_object() && logic.size() == 1; }

class Compiler {
 public:
  explicit Compiler(const Limits& limits) : m_limits(limits) {}

  Node compile(const Json& logic, const std::string& pointer, std::size_t depth) {
    if (is_operation(logic)) return compile_operation(logic.begin().key(), logic.begin().value(), pointer, depth + 1);
    if (logic.is_array()) return compile_array(logic, pointer, depth + 1);
    return make_constant(logic);
  }

 private:
  void check_depth(std::size_t depth, const std::string& pointer) const {
    if (depth <= m_limits.max_depth) return;
    throw CompileError("rule nesting depth " + std::to_string(depth) + " exceeds the limit of " +
                           std::to_string(m_limits.max_depth) + " at " + describe_location(pointer),
                       pointer);
  }

  Node compile_operation(const std::string& name, const Json& operands, const std::string& pointer,
                         std::size_t depth) {
    const OperatorSpec* spec = find_operator(name);
    if (spec == nullptr) throw_unknown_operator(name, pointer);
    check_depth(depth, pointer);
    Node node;
    node.apply = spec->apply;
    const std::string operands_pointer = pointer + "/" + pointer_token(name);
    if (operands.is_array()) {
      node.args = compile_elements(operands, operands_pointer, depth);
    } else {
      node.args.push_back(compile(operands, operands_pointer, depth));  // {"!": x} means {"!": [x]}
    }
    if (spec->prepare != nullptr) spec->prepare(node);
    return node;
  }

  // Arrays inside a rule may hold logic ([1, {"var": "x"}]); without any they are plain constants.
  Node compile_array(const Json& logic, const std::string& pointer, std::size_t depth) {
    check_depth(depth, pointer);
    Node node;
    node.args = compile_elements(logic, pointer, depth);
    if (all_constant(node.args)) return make_constant(logic);
    node.apply = apply_array;
    return node;
  }

  std::vector<Node> compile_elements(const Json& array, const std::string& pointer, std::size_t depth) {
    std::vector<Node> nodes;
    nodes.reserve(array.size());
    for (std::size_t index = 0; index < array.size(); ++index) {
      nodes.push_back(compile(array[index], pointer + "/" + std::to_string(index), depth));
    }
    return nodes;
  }

  const Limits& m_limits;
};

}  // namespace

Expression::Expression() = default;

Expression Expression::compile(const Json& logic, const Limits& limits) {
  Expression expression;
  expression.m_root = std::make_shared<const Node>(Compiler(limits).compile(logic, "", 0));
  expression.m_source = logic;
  expression.m_limits = limits;
  return expression;
}

namespace {

std::string dotted(const VarPath& path) {
  std::string out;
  for (std::size_t i = 0; i < path.segments.size(); ++i) out += (i == 0 ? "" : ".") + path.segments[i].key;
  return out;
}

void add_path(const VarPath& path, DataReads& reads) {
  if (path.whole_data) reads.anything = true;
  else reads.paths.push_back(dotted(path));
}

// Calls on_path with every literal `var` / `missing` path in the tree, and
// on_computed for each of them whose path is only known at run time.
template <typename OnPath, typename OnComputed>
void visit_paths(const Node& node, OnPath&& on_path, OnComputed&& on_computed) {
  if (node.apply == apply_var) {
    if (node.path) on_path(*node.path);
    else on_computed();
  } else if (node.apply == apply_missing || node.apply == apply_missing_some) {
    if (node.keys) for (const MissingKey& key : *node.keys) on_path(key.path);
    else on_computed();
  }
  for (const Node& argument : node.args) visit_paths(argument, on_path, on_computed);
}

}  // namespace

void DataReads::merge(const DataReads& other) {
  paths.insert(paths.end(), other.paths.begin(), other.paths.end());
  anything = anything || other.anything;
}

DataReads Expression::reads() const {
  DataReads reads;
  if (m_root) visit_paths(*m_root, [&](const VarPath& path) { add_path(path, reads); }, [&] { reads.anything = true; });
  std::sort(reads.paths.begin(), reads.paths.end());
  reads.paths.erase(std::unique(reads.paths.begin(), reads.paths.end()), reads.paths.end());
  return reads;
}

void Expression::prepare(const DataView& view) const {
  // Paths with no ids (the whole data) are not cached by views.
  if (m_root) visit_paths(*m_root, [&](const VarPath& path) { if (!path.ids.empty()) view.slot(path); }, [] {});
}

Json Expression::evaluate(const Json& data) const {
  if (!m_root) return nullptr;
  Evaluation evaluation(m_limits.max_steps);
  const Value root = Value::borrowed(data);
  return evaluation.eval(*m_root, Scope{&root}).to_json();
}

bool Expression::test(const Json& data) const {
  if (!m_root) return false;
  Evaluation evaluation(m_limits.max_steps);
  const Value root = Value::borrowed(data);
  return truthy_value(evaluation.eval(*m_root, Scope{&root}));
}

namespace {

// Runs `finish` on the root's value with the view as scope.
template <typename Finish>
auto evaluate_in_view(const Node& root_node, const Limits& limits, const DataView& view, Finish&& finish) {
  Evaluation evaluation(limits.max_steps);
  return finish(evaluation.eval(root_node, Scope{nullptr, nullptr, nullptr, &view}));
}

}  // namespace

Json Expression::evaluate(const DataView& data) const {
  if (!m_root) return nullptr;
  return evaluate_in_view(*m_root, m_limits, data, [](const Value& result) { return result.to_json(); });
}

bool Expression::test(const DataView& data) const {
  if (!m_root) return false;
  return evaluate_in_view(*m_root, m_limits, data, [](const Value& result) { return truthy_value(result); });
}

// Sized for every path compiled so far: one allocation per view, not one per new path.
DataView::DataView(const Json& data) : m_data(&data), m_slots(path_ids().count()) {}

DataView::DataView(const DataView& base, const std::string& name, const Json& value)
    : m_base(&base), m_name(name), m_name_id(path_ids().intern(name)), m_value(&value) {}

namespace {

ViewSlot slot_of(const Json* node) {
  return node == nullptr ? ViewSlot{nullptr, 0, static_cast<std::uint8_t>(Kind::undefined), false}
                         : Value::borrowed(*node).to_slot();
}

}  // namespace

const Json* DataView::root_member(const VarPath& path) const { return step_into(*m_data, path.segments.front()); }

const ViewSlot& DataView::slot(const VarPath& path) const {
  if (m_base != nullptr) return path.ids.front() == m_name_id ? bound_slot(path) : m_base->slot(path);
  const std::uint32_t id = path.ids.back();
  if (id < m_slots.size() && m_slots[id].kind != ViewSlot::unresolved) return m_slots[id];
  return resolve_uncached(path);
}

const ViewSlot& DataView::bound_slot(const VarPath& path) const {
  const std::uint32_t id = path.ids.back();
  for (const auto& [bound_id, slot] : m_bound) {
    if (bound_id == id) return slot;
  }
  const Json* node = m_value;
  for (std::size_t index = 1; index < path.segments.size() && node != nullptr; ++index) {
    node = step_into(*node, path.segments[index]);
  }
  if (m_bound.empty()) m_bound.reserve(8);
  m_bound.emplace_back(id, slot_of(node));
  return m_bound.back().second;
}

// Walks back to the longest prefix already resolved, then forward, caching each step.
const ViewSlot& DataView::resolve_uncached(const VarPath& path) const {
  if (path.ids.back() >= m_slots.size()) m_slots.resize(path_ids().count());  // compiled after the view
  const auto resolved = [&](std::size_t index) { return m_slots[path.ids[index]].kind != ViewSlot::unresolved; };
  std::size_t known = path.ids.size();
  while (known > 0 && !resolved(known - 1)) --known;
  const Json* node = known == 0 ? root_member(path) : m_slots[path.ids[known - 1]].node;
  if (known == 0) m_slots[path.ids.front()] = slot_of(node), known = 1;
  for (std::size_t index = known; index < path.ids.size(); ++index) {
    node = node == nullptr ? nullptr : step_into(*node, path.segments[index]);
    m_slots[path.ids[index]] = slot_of(node);
  }
  return m_slots[path.ids.back()];
}

const Json* DataView::find(const VarPath& path) const {
  const std::span<const PathSegment> segments(path.segments);
  if (m_base == nullptr) {
    const Json* node = m_data;
    for (const PathSegment& segment : segments) node = node == nullptr ? nullptr : step_into(*node, segment);
    return node;
  }
  if (segments.front().key != m_name) return m_base->find(path);
  const Json* node = m_value;
  for (const PathSegment& segment : segments.subspan(1)) node = node == nullptr ? nullptr : step_into(*node, segment);
  return node;
}

Json DataView::materialize() const {
  if (m_base == nullptr) return *m_data;
  Json whole = m_base->materialize();
  if (!whole.is_object()) whole = Json::object();  // JavaScript's {...base, name: value} of a non-object
  whole[m_name] = *m_value;
  return whole;
}

bool truthy(const Json& value) { return truthy_value(Value::borrowed(value)); }

const std::vector<std::string>& operator_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> result;
    for (const OperatorSpec& spec : operator_table()) result.emplace_back(spec.name);
    return result;
  }();
  return names;
}

}  // namespace edgeplan::jsonlogic
