// JavaScript's conversions between numbers and strings (Number(), parseFloat(),
// String()) and the == and relational comparisons built on them.
#include "rules/jsonlogic/coercion.hpp"

#include <array>
#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <optional>

namespace edgeplan::jsonlogic {

namespace detail {

namespace {

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

// ToPrimitive: arrays become their join, plain objects "[object Object]".
Value to_primitive(const Value& value) {
  return value.is_container() ? Value::owned_text(to_js_string(value)) : value;
}

}  // namespace

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

}  // namespace detail

// JsonLogic truthiness of a plain Json value: the public face of truthy_value.
bool truthy(const Json& value) { return detail::truthy_value(detail::Value::borrowed(value)); }

}  // namespace edgeplan::jsonlogic
