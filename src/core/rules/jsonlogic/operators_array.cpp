// The array operators: merge, and the iterators map, filter, reduce, all, some
// and none, which evaluate their second operand once per element.
#include <array>

#include "rules/jsonlogic/coercion.hpp"
#include "rules/jsonlogic/internal.hpp"

namespace edgeplan::jsonlogic::detail {

namespace {

Value apply_merge(const Node& node, Evaluation& evaluation, const Scope& scope) {
  Json merged = Json::array();
  for (const Node& argument : node.args) {
    const Value value = evaluation.eval(argument, scope);
    if (value.is(Kind::array)) {
      evaluation.charge_read(value);  // every element is copied
      merged.insert(merged.end(), value.json()->begin(), value.json()->end());
    } else {
      merged.push_back(evaluation.copy(value));
    }
  }
  return Value::owned(std::move(merged));
}

// Calls `visit(element_value, element_json)` for each element of the array the
// first operand evaluates to, with the element as the scope of the second operand;
// `visit` returns false to stop early.
template <typename Visit>
void for_each_element(const Node& node, Evaluation& evaluation, const Value& list, Visit&& visit) {
  for (const Json& element : *list.json()) {
    evaluation.charge(sizeof(Json));  // without an operand to evaluate, a visit takes no step
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
    mapped.push_back(evaluation.copy(result));
    return true;
  });
  return Value::owned(std::move(mapped));
}

Value apply_filter(const Node& node, Evaluation& evaluation, const Scope& scope) {
  const Value list = evaluation.arg(node, 0, scope);
  Json kept = Json::array();
  if (!list.is(Kind::array)) return Value::owned(std::move(kept));
  for_each_element(node, evaluation, list, [&](const Value& result, const Json& element) {
    if (!truthy_value(result)) return true;
    evaluation.charge_tree(element);
    kept.push_back(element);
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
    evaluation.charge(sizeof(Json));
    const Value current = Value::borrowed(element, list.owner());
    const Scope frame{scope.data, &current, &accumulator};
    accumulator = evaluation.arg(node, 1, frame);
  }
  return accumulator;
}

constexpr std::array<OperatorSpec, 7> operators{{
    {"map", apply_map},
    {"reduce", apply_reduce},
    {"filter", apply_filter},
    {"all", apply_all},
    {"none", apply_none},
    {"some", apply_some},
    {"merge", apply_merge},
}};

}  // namespace

std::span<const OperatorSpec> array_operators() { return operators; }

}  // namespace edgeplan::jsonlogic::detail
