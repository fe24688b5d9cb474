// The logic and comparison operators: if, and, or, !, !!, the equalities and
// orderings (==, ===, !=, !==, <, <=, >, >=), and log.
#include <array>
#include <compare>
#include <initializer_list>

#include "rules/jsonlogic/coercion.hpp"
#include "rules/jsonlogic/internal.hpp"

namespace edgeplan::jsonlogic::detail {

namespace {

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

// Comparing scans strings, and == and the orderings join arrays to strings
// first: charged for both operands (=== compares arrays by identity, for free).
template <bool Coerces>
void charge_comparison(Evaluation& evaluation, const Value& left, const Value& right) {
  for (const Value* operand : {&left, &right}) {
    if (Coerces || operand->is(Kind::text)) evaluation.charge_read(*operand);
  }
}

template <bool (*Equals)(const Value&, const Value&), bool Expected>
Value apply_equality(const Node& node, Evaluation& evaluation, const Scope& scope) {
  const Value left = evaluation.arg(node, 0, scope);
  const Value right = evaluation.arg(node, 1, scope);
  charge_comparison<Equals == loose_equals>(evaluation, left, right);
  return Value::boolean(Equals(left, right) == Expected);
}

bool is_less(std::partial_ordering order) { return order < 0; }
bool is_less_or_equal(std::partial_ordering order) { return order <= 0; }

// < and <= take an optional third operand: {"<": [a, b, c]} means a < b < c.
template <bool (*Holds)(std::partial_ordering)>
Value apply_ascending(const Node& node, Evaluation& evaluation, const Scope& scope) {
  const Value first = evaluation.arg(node, 0, scope);
  const Value second = evaluation.arg(node, 1, scope);
  charge_comparison<true>(evaluation, first, second);
  if (node.args.size() < 3) return Value::boolean(Holds(js_compare(first, second)));
  const Value third = evaluation.arg(node, 2, scope);
  charge_comparison<true>(evaluation, second, third);
  return Value::boolean(Holds(js_compare(first, second)) && Holds(js_compare(second, third)));
}

template <bool (*Holds)(std::partial_ordering)>
Value apply_descending(const Node& node, Evaluation& evaluation, const Scope& scope) {
  const Value left = evaluation.arg(node, 0, scope);
  const Value right = evaluation.arg(node, 1, scope);
  charge_comparison<true>(evaluation, left, right);
  return Value::boolean(Holds(js_compare(right, left)));
}

Value apply_log(const Node& node, Evaluation& evaluation, const Scope& scope) {
  return evaluation.arg(node, 0, scope);  // deliberately silent: rules must not write to stdout
}

constexpr std::array<OperatorSpec, 15> operators{{
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
    {"log", apply_log},
}};

}  // namespace

std::span<const OperatorSpec> logic_operators() { return operators; }

}  // namespace edgeplan::jsonlogic::detail
