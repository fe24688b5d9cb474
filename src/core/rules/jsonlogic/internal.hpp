#pragma once
// The evaluator's data model, shared by the files of src/core/rules/jsonlogic/:
// Value, paths and scopes, the compiled Node, the Evaluation loop, and what each file exports.
//
// Semantics follow json-logic-js (the reference implementation), including
// JavaScript's coercions, so rules behave the same as in the browser
// playground people test them in. Evaluation borrows the caller's data: a
// `var` yields a pointer into it and only the final result is copied.
#include <edgeplan/jsonlogic.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
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

using Kind = Value::Kind;

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
  // An operator receives its node unevaluated so that control flow and the
  // iterators decide what to evaluate, and in which scope.
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

// Every operator calls eval for its operands, so eval, arg and view_var stay
// inline here: the split into files must not turn them into calls.
class Evaluation {
 public:
  explicit Evaluation(const Limits& limits) : m_max_steps(limits.max_steps), m_max_work(limits.max_work_bytes) {}

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

  // The work budget (Limits::max_work_bytes). Steps alone do not bound an
  // evaluation: one `cat` or `merge` step can double a value, one `in` can scan
  // a whole array. So every operator charges what it builds, copies or scans,
  // before doing it, and the evaluation stops when the budget is spent.
  void charge(std::size_t bytes) {
    if (bytes > m_max_work - m_work) throw_work_limit();
    m_work += bytes;
  }
  // What reading the value costs: a string's bytes; a container's estimated
  // size (walked only as far as the budget allows); nothing for other scalars.
  // Operators charge it for operands they scan or coerce to a string or number.
  void charge_read(const Value& value) {
    if (value.is(Kind::text)) charge(value.text().size());
    else if (value.is_container()) charge_tree(*value.json());
  }
  // The value as Json, a deep copy, charged as such.
  Json copy(const Value& value) {
    charge(sizeof(Json));
    charge_read(value);
    return value.to_json();
  }
  void charge_tree(const Json& json);  // expression.cpp

 private:
  [[noreturn]] void throw_step_limit() const;  // expression.cpp
  [[noreturn]] void throw_work_limit() const;  // expression.cpp
  static Value view_var(const DataView& view, const VarPath& path);

  std::size_t m_steps = 0;
  std::size_t m_max_steps;
  std::size_t m_work = 0;
  std::size_t m_max_work;
};

// `var` with a literal path and no default, at the top level of a DataView:
// absent reads as null.
inline Value Evaluation::view_var(const DataView& view, const VarPath& path) {
  const ViewSlot& slot = view.slot(path);
  return slot.node == nullptr ? Value::null() : Value::from_slot(slot);
}

// ---------------------------------------------------------------------------
// What the files export to each other (coercions: coercion.hpp).

// lookup.cpp: one step down a path (an object member or an array element), null when absent.
const Json* step_into(const Json& from, const PathSegment& segment);

// lookup.cpp: the data-access operators, which Expression::reads() recognises by address.
Value apply_var(const Node& node, Evaluation& evaluation, const Scope& scope);
Value apply_missing(const Node& node, Evaluation& evaluation, const Scope& scope);
Value apply_missing_some(const Node& node, Evaluation& evaluation, const Scope& scope);

// data_view.cpp: gives each prefix of a literal path its process-wide id (see PathIds).
void intern_path(VarPath& path);

// compile.cpp: whether a compiled node is a literal, known at compile time.
bool is_constant(const Node& node);
bool all_constant(const std::vector<Node>& nodes);

struct OperatorSpec {
  std::string_view name;
  Node::Apply apply;
  void (*prepare)(Node&) = nullptr;  // precomputes what evaluate() must not redo
};

// Each family lists its own operators, so their implementations stay private
// to their file; compile.cpp joins the lists into one table.
std::span<const OperatorSpec> data_operators();        // lookup.cpp
std::span<const OperatorSpec> logic_operators();       // operators_logic.cpp
std::span<const OperatorSpec> arithmetic_operators();  // operators_arithmetic.cpp
std::span<const OperatorSpec> string_operators();      // operators_string.cpp
std::span<const OperatorSpec> array_operators();       // operators_array.cpp

}  // namespace detail

}  // namespace edgeplan::jsonlogic
