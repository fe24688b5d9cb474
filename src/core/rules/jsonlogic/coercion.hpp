#pragma once
// JavaScript's coercions as json-logic-js applies them: truthiness, Number(),
// parseFloat(), String() and the equality and ordering algorithms (coercion.cpp).
#include <cmath>
#include <compare>
#include <limits>
#include <string>
#include <string_view>

#include "rules/jsonlogic/internal.hpp"

namespace edgeplan::jsonlogic::detail {

inline constexpr double not_a_number = std::numeric_limits<double>::quiet_NaN();
inline constexpr double infinity = std::numeric_limits<double>::infinity();

// Number(text)
double parse_js_number(std::string_view text);
// parseFloat(text): the longest numeric prefix counts, trailing junk is ignored.
double parse_float_prefix(std::string_view text);
// String(value)
std::string to_js_string(const Value& value);
// The two comparison algorithms stay out of line: past their first tests they
// build primitives (which may allocate), and that dwarfs the cost of a call.
// == (the abstract equality algorithm, without Symbol and BigInt)
bool loose_equals(const Value& left, const Value& right);
// The abstract relational comparison behind <, <=, > and >=; unordered means
// JavaScript's `undefined` result (a NaN was involved), which makes all four false.
std::partial_ordering js_compare(const Value& left, const Value& right);

// The operators call the helpers below for every operand (or element) they
// read: they stay inline here so that the split into files costs no calls.

inline bool truthy_value(const Value& value) {
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

// Number(value)
inline double to_number(const Value& value) {
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
inline double to_float(const Value& value) {
  if (value.is(Kind::number)) return value.raw_number();
  if (value.is(Kind::text)) return parse_float_prefix(value.text());
  return parse_float_prefix(to_js_string(value));
}

// Number() and parseFloat() of an operand, charged to the work budget: a
// string is parsed, an array joined into one first.
inline double charged_number(Evaluation& evaluation, const Value& value) {
  evaluation.charge_read(value);
  return to_number(value);
}

inline double charged_float(Evaluation& evaluation, const Value& value) {
  evaluation.charge_read(value);
  return to_float(value);
}

// ===
inline bool strict_equals(const Value& left, const Value& right) {
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
inline bool strict_equals(const Value& left, const Json& right) {
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

}  // namespace edgeplan::jsonlogic::detail
