// The arithmetic operators: +, -, *, /, % and max, min, with JavaScript's
// number coercions (parseFloat for + and *, Number() for the rest).
#include <algorithm>
#include <array>
#include <cmath>

#include "rules/jsonlogic/coercion.hpp"
#include "rules/jsonlogic/internal.hpp"

namespace edgeplan::jsonlogic::detail {

namespace {

Value apply_plus(const Node& node, Evaluation& evaluation, const Scope& scope) {
  double sum = 0;
  for (const Node& argument : node.args) sum += charged_float(evaluation, evaluation.eval(argument, scope));
  return Value::number(sum);
}

// json-logic-js returns a lone operand unconverted and throws on none; we
// always produce a number (1 for no operands) so arithmetic stays numeric.
Value apply_multiply(const Node& node, Evaluation& evaluation, const Scope& scope) {
  double product = 1;
  for (const Node& argument : node.args) product *= charged_float(evaluation, evaluation.eval(argument, scope));
  return Value::number(product);
}

Value apply_minus(const Node& node, Evaluation& evaluation, const Scope& scope) {
  const double left = charged_number(evaluation, evaluation.arg(node, 0, scope));
  if (node.args.size() < 2) return Value::number(-left);
  return Value::number(left - charged_number(evaluation, evaluation.arg(node, 1, scope)));
}

Value apply_divide(const Node& node, Evaluation& evaluation, const Scope& scope) {
  const double left = charged_number(evaluation, evaluation.arg(node, 0, scope));
  return Value::number(left / charged_number(evaluation, evaluation.arg(node, 1, scope)));
}

Value apply_modulo(const Node& node, Evaluation& evaluation, const Scope& scope) {
  const double left = charged_number(evaluation, evaluation.arg(node, 0, scope));
  return Value::number(std::fmod(left, charged_number(evaluation, evaluation.arg(node, 1, scope))));
}

// Math.max / Math.min: any NaN wins, no operands give the identity (-/+Infinity).
template <bool Maximum>
Value apply_extreme(const Node& node, Evaluation& evaluation, const Scope& scope) {
  double best = Maximum ? -infinity : infinity;
  for (const Node& argument : node.args) {
    const double number = charged_number(evaluation, evaluation.eval(argument, scope));
    if (std::isnan(number)) return Value::number(not_a_number);
    best = Maximum ? std::max(best, number) : std::min(best, number);
  }
  return Value::number(best);
}

constexpr std::array<OperatorSpec, 7> operators{{
    {"max", apply_extreme<true>},
    {"min", apply_extreme<false>},
    {"+", apply_plus},
    {"-", apply_minus},
    {"*", apply_multiply},
    {"/", apply_divide},
    {"%", apply_modulo},
}};

}  // namespace

std::span<const OperatorSpec> arithmetic_operators() { return operators; }

}  // namespace edgeplan::jsonlogic::detail
